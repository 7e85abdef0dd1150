// Counts of a code together with its subcodes, for the codebook tree's roll-up column.

interface CountedCode {
  id: number;
  parentId: number | null;
  segmentCount: number;
}

/**
 * Segments of each code and all its descendants. A segment belongs to exactly one code, so the sum
 * over the subtree counts every segment once: the distinct segments the branch holds. Codes whose
 * parent is missing count as roots; a cycle (never in a valid codebook) is not followed round.
 */
export function subtreeSegmentCounts(codes: readonly CountedCode[]): Map<number, number> {
  const children = new Map<number, CountedCode[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const code of codes) {
    if (code.parentId === null || !ids.has(code.parentId)) continue;
    children.set(code.parentId, [...(children.get(code.parentId) ?? []), code]);
  }
  const totals = new Map<number, number>();
  const visiting = new Set<number>();
  const total = (code: CountedCode): number => {
    const known = totals.get(code.id);
    if (known !== undefined) return known;
    if (visiting.has(code.id)) return 0;
    visiting.add(code.id);
    const sum = (children.get(code.id) ?? []).reduce((n, child) => n + total(child), code.segmentCount);
    visiting.delete(code.id);
    totals.set(code.id, sum);
    return sum;
  };
  for (const code of codes) total(code);
  return totals;
}
