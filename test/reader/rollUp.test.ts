import { describe, expect, it } from 'vitest';
import { subtreeSegmentCounts } from '../../shared/coding/rollUp';

const code = (id: number, parentId: number | null, segmentCount: number) => ({ id, parentId, segmentCount });

describe('subtreeSegmentCounts', () => {
  it('adds every descendant’s segments to a code’s own, at any depth', () => {
    const totals = subtreeSegmentCounts([
      code(1, null, 1),
      code(2, 1, 2),
      code(3, 2, 4),
      code(4, 1, 0),
      code(5, null, 3),
    ]);
    expect(Object.fromEntries(totals)).toEqual({ 1: 7, 2: 6, 3: 4, 4: 0, 5: 3 });
  });

  it('treats a code whose parent is missing as a root and never loops on a cycle', () => {
    const totals = subtreeSegmentCounts([code(1, 99, 2), code(2, 3, 1), code(3, 2, 1)]);
    expect(totals.get(1)).toBe(2);
    expect(totals.get(2)).toBeGreaterThanOrEqual(1);
  });
});
