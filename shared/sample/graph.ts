import type { ReferralEdge } from './types';

function adjacency(edges: readonly ReferralEdge[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const e of edges) {
    const list = out.get(e.referrerId);
    if (list) list.push(e.referredId);
    else out.set(e.referrerId, [e.referredId]);
  }
  return out;
}

/** Seeds: participants nobody referred. */
export function findSeeds(ids: readonly number[], edges: readonly ReferralEdge[]): number[] {
  const referred = new Set(edges.map((e) => e.referredId));
  return ids.filter((id) => !referred.has(id));
}

/**
 * Wave of each participant: the shortest referral distance from any seed (seeds are wave 0), by one
 * breadth-first search started from all seeds at once. Never stored, so it cannot go stale when a
 * referral is added or removed. A participant reachable from no seed (only possible inside a cycle,
 * which the store refuses) gets no wave.
 */
export function computeWaves(ids: readonly number[], edges: readonly ReferralEdge[]): Map<number, number> {
  const next = adjacency(edges);
  const waves = new Map<number, number>();
  let frontier = findSeeds(ids, edges);
  for (const seed of frontier) waves.set(seed, 0);
  for (let wave = 1; frontier.length > 0; wave++) {
    const following: number[] = [];
    for (const id of frontier) {
      for (const child of next.get(id) ?? []) {
        if (waves.has(child)) continue;
        waves.set(child, wave);
        following.push(child);
      }
    }
    frontier = following;
  }
  return waves;
}

/** A path of referrals from `from` to `to` (both included), or null if there is none. */
export function referralPath(edges: readonly ReferralEdge[], from: number, to: number): number[] | null {
  const next = adjacency(edges);
  const cameFrom = new Map<number, number>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (id === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(cameFrom.get(path[0]!)!);
      return path;
    }
    for (const child of next.get(id) ?? []) {
      if (cameFrom.has(child)) continue;
      cameFrom.set(child, id);
      queue.push(child);
    }
  }
  return null;
}

/**
 * The cycle that adding referrer → referred would close, as participant ids starting and ending
 * with the referrer (referrer → referred → … → referrer), or null when the referral is safe.
 */
export function cycleIfAdded(
  edges: readonly ReferralEdge[],
  referrerId: number,
  referredId: number,
): number[] | null {
  if (referrerId === referredId) return [referrerId, referrerId];
  const back = referralPath(edges, referredId, referrerId);
  return back ? [referrerId, ...back] : null;
}

/** Everyone reachable from a participant by following referrals (the participant excluded). */
export function descendants(edges: readonly ReferralEdge[], from: number): Set<number> {
  const next = adjacency(edges);
  const seen = new Set<number>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    for (const child of next.get(queue[i]!) ?? []) {
      if (child === from || seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return seen;
}

/** The referral graph drawn in layers: one layer per wave, seeds on top. */
export interface WaveLayers {
  /** Wave of each participant; a participant reachable from no seed is placed with the seeds. */
  waveOf: Map<number, number>;
  /** Referrals from one wave to the next: the snowball's own steps, laid out top to bottom. */
  steps: ReferralEdge[];
  /** Every other referral (to someone a shorter chain had already reached), drawn across layers. */
  shortcuts: ReferralEdge[];
}

/**
 * Splits the referrals of a sample into layers by wave. A layout that ranks by longest chain puts a
 * participant named by a seed and by a wave-1 participant in layer 2, although the sample counts it
 * as wave 1; ranking only by the steps between consecutive waves keeps every layer one wave.
 */
export function waveLayers(ids: readonly number[], edges: readonly ReferralEdge[]): WaveLayers {
  const waveOf = computeWaves(ids, edges);
  for (const id of ids) if (!waveOf.has(id)) waveOf.set(id, 0);
  const steps: ReferralEdge[] = [];
  const shortcuts: ReferralEdge[] = [];
  for (const e of edges) {
    const from = waveOf.get(e.referrerId);
    const to = waveOf.get(e.referredId);
    if (from !== undefined && to === from + 1) steps.push(e);
    else shortcuts.push(e);
  }
  return { waveOf, steps, shortcuts };
}
