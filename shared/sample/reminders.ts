import { daysBetween, type ParticipantStatus } from './types';

export interface WaitingInput {
  id: number;
  label: string;
  status: ParticipantStatus;
  /** Date of the latest history entry (when the current status was reached). */
  since: string | null;
}

export interface Waiting {
  id: number;
  label: string;
  since: string;
  days: number;
}

/** Contacted participants who have not replied yet, longest wait first. */
export function waitingForReply(participants: readonly WaitingInput[], today: string): Waiting[] {
  return participants
    .filter((p): p is WaitingInput & { since: string } => p.status === 'contacted' && p.since !== null)
    .map((p) => ({ id: p.id, label: p.label, since: p.since, days: daysBetween(p.since, today) }))
    .sort((a, b) => b.days - a.days || a.label.localeCompare(b.label));
}
