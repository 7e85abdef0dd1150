// Domain words of the snowball sample, shared by the contract, the pure logic and the views.
export const PARTICIPANT_STATUSES = [
  'identified',
  'contacted',
  'agreed',
  'scheduled',
  'interviewed',
  'declined',
  'no_response',
  'withdrawn',
] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const STATUS_LABELS: Record<ParticipantStatus, string> = {
  identified: 'identified',
  contacted: 'contacted',
  agreed: 'agreed',
  scheduled: 'scheduled',
  interviewed: 'interviewed',
  declined: 'declined',
  no_response: 'no response',
  withdrawn: 'withdrawn',
};

export const INTERVIEW_MODES = ['in_person', 'video', 'phone'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];

export const MODE_LABELS: Record<InterviewMode, string> = {
  in_person: 'in person',
  video: 'video',
  phone: 'phone',
};

/** The reference study's categories, offered when a project has none yet. */
export const DEFAULT_CATEGORIES = [
  'NATO International Staff',
  'NATO International Military Staff',
  'NGO representative',
  'ICRC representative',
  'subject-matter expert',
  'other expert',
] as const;

/** A referral edge: referrerId named referredId. */
export interface ReferralEdge {
  referrerId: number;
  referredId: number;
}

/** 'YYYY-MM-DD' and a real calendar day. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whole days from a to b (both 'YYYY-MM-DD…'); only the date part counts. */
export function daysBetween(a: string, b: string): number {
  const day = (s: string) => Date.parse(`${s.slice(0, 10)}T00:00:00Z`);
  return Math.round((day(b) - day(a)) / 86_400_000);
}
