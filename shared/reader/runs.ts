// Cutting a row's text into runs, each covered by the same segments and search hits, for highlighting.

export interface Span {
  id: number;
  start: number;
  end: number;
}

export interface Run {
  start: number;
  end: number;
  /** Ids of the segments covering the run, in the order given. */
  segmentIds: number[];
  /** Id of the search hit covering the run, or null. */
  hitId: number | null;
}

/**
 * Splits [rowStart, rowEnd) at every segment and hit edge inside it. Runs cover the row without gaps;
 * neighbouring runs always differ in what covers them. Hits do not overlap one another (a search
 * reports disjoint matches); if they do, the first given wins.
 */
export function cutRuns(
  rowStart: number,
  rowEnd: number,
  segments: readonly Span[],
  hits: readonly Span[] = [],
): Run[] {
  if (rowEnd <= rowStart) return [];
  const edges = new Set<number>([rowStart, rowEnd]);
  const clip = (o: number) => Math.max(rowStart, Math.min(rowEnd, o));
  const inRow = (s: Span) => s.end > rowStart && s.start < rowEnd && s.end > s.start;
  const segs = segments.filter(inRow);
  const hs = hits.filter(inRow);
  for (const s of [...segs, ...hs]) {
    edges.add(clip(s.start));
    edges.add(clip(s.end));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const segmentIds = segs.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const hit = hs.find((h) => h.start <= start && h.end >= end);
    const run: Run = { start, end, segmentIds, hitId: hit ? hit.id : null };
    const prev = runs[runs.length - 1];
    if (prev && prev.hitId === run.hitId && sameIds(prev.segmentIds, run.segmentIds)) prev.end = end;
    else runs.push(run);
  }
  return runs;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
