import { describe, expect, it } from 'vitest';
import { cutRuns } from '../../shared/reader/runs';
import { indexByRow } from '../../shared/reader/rowIndex';
import { splitRows } from '../../shared/reader/rows';

describe('cutRuns', () => {
  it('returns one plain run for an uncoded row', () => {
    expect(cutRuns(10, 20, [])).toEqual([{ start: 10, end: 20, segmentIds: [], hitId: null }]);
  });

  it('cuts at overlapping segment edges and clips segments that cross the row edges', () => {
    // Row [10, 30); segment 1 [5, 18) starts in an earlier row; segment 2 [15, 40) runs on.
    expect(
      cutRuns(10, 30, [
        { id: 1, start: 5, end: 18 },
        { id: 2, start: 15, end: 40 },
      ]),
    ).toEqual([
      { start: 10, end: 15, segmentIds: [1], hitId: null },
      { start: 15, end: 18, segmentIds: [1, 2], hitId: null },
      { start: 18, end: 30, segmentIds: [2], hitId: null },
    ]);
  });

  it('marks nested segments and search hits', () => {
    expect(cutRuns(0, 10, [{ id: 1, start: 0, end: 10 }], [{ id: 7, start: 2, end: 4 }])).toEqual([
      { start: 0, end: 2, segmentIds: [1], hitId: null },
      { start: 2, end: 4, segmentIds: [1], hitId: 7 },
      { start: 4, end: 10, segmentIds: [1], hitId: null },
    ]);
  });

  it('ignores spans outside the row and merges runs covered alike', () => {
    expect(
      cutRuns(
        10,
        20,
        [
          { id: 1, start: 0, end: 10 },
          { id: 2, start: 20, end: 30 },
          { id: 3, start: 12, end: 14 },
          { id: 4, start: 12, end: 14 },
        ],
        [],
      ),
    ).toEqual([
      { start: 10, end: 12, segmentIds: [], hitId: null },
      { start: 12, end: 14, segmentIds: [3, 4], hitId: null },
      { start: 14, end: 20, segmentIds: [], hitId: null },
    ]);
  });
});

describe('indexByRow', () => {
  it('lists each segment on every row it touches and nothing on the blank gaps', () => {
    // rows: "ab" [0,2), "cd" [4,6), "ef" [7,9)
    const rows = splitRows('ab\n\ncd\nef');
    const index = indexByRow(rows, [
      { id: 1, start: 1, end: 5 },
      { id: 2, start: 2, end: 4 },
      { id: 3, start: 7, end: 9 },
    ]);
    expect(index.map((ids) => [...ids])).toEqual([[1], [1], [3]]);
  });
});
