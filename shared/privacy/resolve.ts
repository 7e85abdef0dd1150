// When findings overlap, one wins: the identity key's people first (they are who the ethics board
// worries about), then contacts with a shape, the researcher's own terms and spans, and the language
// model's guesses last; among equals, the longer span.
import type { Finding, FindingKind } from './types';

const PRIORITY: Record<FindingKind, number> = {
  participant: 0,
  manual: 1,
  email: 2,
  url: 2,
  phone: 3,
  term: 4,
  date: 5,
  postcode: 5,
  person: 6,
  organisation: 7,
  place: 7,
};

/** Non-overlapping findings in text order. */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const ranked = [...findings].sort(
    (a, b) =>
      PRIORITY[a.kind] - PRIORITY[b.kind] ||
      b.endUtf16 - b.startUtf16 - (a.endUtf16 - a.startUtf16) ||
      a.startUtf16 - b.startUtf16,
  );
  const kept: Finding[] = [];
  // Kept spans in start order, for a binary search of the neighbours of each candidate.
  const starts: number[] = [];
  const ends: number[] = [];
  for (const f of ranked) {
    if (f.endUtf16 <= f.startUtf16) continue;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < f.startUtf16) lo = mid + 1;
      else hi = mid;
    }
    const overlapsBefore = lo > 0 && ends[lo - 1]! > f.startUtf16;
    const overlapsAfter = lo < starts.length && starts[lo]! < f.endUtf16;
    if (overlapsBefore || overlapsAfter) continue;
    starts.splice(lo, 0, f.startUtf16);
    ends.splice(lo, 0, f.endUtf16);
    kept.push(f);
  }
  return kept.sort((a, b) => a.startUtf16 - b.startUtf16);
}
