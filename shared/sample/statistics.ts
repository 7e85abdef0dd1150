import { computeWaves, descendants, findSeeds } from './graph';
import { daysBetween, PARTICIPANT_STATUSES, type ParticipantStatus, type ReferralEdge } from './types';

export interface StatsParticipant {
  id: number;
  label: string;
  category: string | null;
  status: ParticipantStatus;
  /** Date of the first 'identified' entry of the status history (else the earliest entry). */
  identifiedOn: string | null;
  /** The interview date, else the date the status became 'interviewed'. */
  interviewedOn: string | null;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface WaveRow {
  wave: number | null;
  participants: number;
  interviewed: number;
}

export interface SeedYield {
  seedId: number;
  seed: string;
  /** Participants reached through the seed's referral chains (the seed excluded). */
  reached: number;
  /** Interviews among the seed and everyone reached through it. */
  interviews: number;
}

export interface SampleStatistics {
  total: number;
  perCategory: CountRow[];
  perStatus: CountRow[];
  perWave: WaveRow[];
  yieldPerSeed: SeedYield[];
  /** Participants contacted so far: everyone past 'identified'. */
  contacted: number;
  /** Contacted participants who replied (agreed, scheduled, interviewed, declined or withdrew later). */
  replied: number;
  /** Contacted participants who said yes (agreed, scheduled, interviewed, or withdrew after agreeing). */
  accepted: number;
  /** replied / contacted, null when nobody was contacted. */
  responseRate: number | null;
  /** accepted / contacted, null when nobody was contacted. */
  acceptanceRate: number | null;
  /** Median whole days from identified to interviewed, over interviewed participants with both dates in order. */
  medianDaysToInterview: number | null;
  daysToInterviewN: number;
}

export const UNCATEGORISED = 'uncategorised';
const REPLIED = new Set<ParticipantStatus>(['agreed', 'scheduled', 'interviewed', 'declined', 'withdrawn']);
const ACCEPTED = new Set<ParticipantStatus>(['agreed', 'scheduled', 'interviewed', 'withdrawn']);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): CountRow[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function sampleStatistics(
  participants: readonly StatsParticipant[],
  edges: readonly ReferralEdge[],
): SampleStatistics {
  const ids = participants.map((p) => p.id);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const waves = computeWaves(ids, edges);

  const perStatus = PARTICIPANT_STATUSES.map((status) => ({
    key: status,
    count: participants.filter((p) => p.status === status).length,
  }));

  const waveRows = new Map<number | null, WaveRow>();
  for (const p of participants) {
    const wave = waves.get(p.id) ?? null;
    const row = waveRows.get(wave) ?? { wave, participants: 0, interviewed: 0 };
    row.participants += 1;
    if (p.status === 'interviewed') row.interviewed += 1;
    waveRows.set(wave, row);
  }
  const perWave = [...waveRows.values()].sort((a, b) => (a.wave ?? Infinity) - (b.wave ?? Infinity));

  const yieldPerSeed = findSeeds(ids, edges).map((seedId) => {
    const reached = descendants(edges, seedId);
    const chain = [seedId, ...reached];
    return {
      seedId,
      seed: byId.get(seedId)!.label,
      reached: reached.size,
      interviews: chain.filter((id) => byId.get(id)?.status === 'interviewed').length,
    };
  });

  const contacted = participants.filter((p) => p.status !== 'identified').length;
  const replied = participants.filter((p) => REPLIED.has(p.status)).length;
  const accepted = participants.filter((p) => ACCEPTED.has(p.status)).length;

  const days = participants
    .filter((p) => p.status === 'interviewed' && p.identifiedOn && p.interviewedOn)
    .map((p) => daysBetween(p.identifiedOn!, p.interviewedOn!))
    // A back-dated interview recorded after a later 'identified' entry has no meaningful interval.
    .filter((days) => days >= 0);

  return {
    total: participants.length,
    perCategory: countBy(participants, (p) => p.category ?? UNCATEGORISED),
    perStatus,
    perWave,
    yieldPerSeed,
    contacted,
    replied,
    accepted,
    responseRate: contacted === 0 ? null : replied / contacted,
    acceptanceRate: contacted === 0 ? null : accepted / contacted,
    medianDaysToInterview: median(days),
    daysToInterviewN: days.length,
  };
}
