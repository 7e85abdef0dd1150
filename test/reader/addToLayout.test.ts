import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentSpan } from '../../shared/api/coding';
import { rowSpan, splitRows } from '../../shared/reader/rows';
import { addToLayout, layoutSegments } from '../../renderer/features/reader/derive';

// Twelve paragraphs of 42 characters, separated by blank lines: row r covers [44r, 44r + 42), and
// [44r + 42, 44r + 44) is a gap no row shows.
const TEXT = Array.from(
  { length: 12 },
  (_, i) => `${String(i).padStart(2, '0')} ${'word '.repeat(7)}abcd`,
).join('\n\n');
const rows = splitRows(TEXT);

const spanArb = fc
  .record({
    start: fc.nat(TEXT.length - 2),
    length: fc.integer({ min: 1, max: 200 }),
    codeId: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ start, length, codeId }) => ({
    codeId,
    startUtf16: start,
    endUtf16: Math.min(TEXT.length, start + length),
  }));

describe('adding one segment to the reader layout', () => {
  it('gives every row the ids a full layout gives, and a column no overlapping segment of another code holds', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 30 }), spanArb, (existing, extra) => {
        const before = new Map<number, SegmentSpan>(
          existing.map((s, i) => [i + 1, { id: i + 1, coderId: 1, ...s }]),
        );
        const added: SegmentSpan = { id: 1000, coderId: 1, ...extra };
        const after = new Map(before).set(added.id, added);
        const layout = addToLayout(rows, after, layoutSegments(rows, before, null), added);

        expect(layout.rowSegments).toEqual(layoutSegments(rows, after, null).rowSegments);
        const mySpan = rowSpan(rows, added.startUtf16, added.endUtf16);
        // A segment lying wholly in a gap between paragraphs is on no row: nothing to draw.
        if (!mySpan) {
          expect(layout.columns.has(added.id)).toBe(false);
          return;
        }
        const mine = layout.columns.get(added.id)!;
        const clashing = new Set<number>();
        for (const other of before.values()) {
          const theirs = rowSpan(rows, other.startUtf16, other.endUtf16);
          const overlap = theirs && theirs.first <= mySpan.last && mySpan.first <= theirs.last;
          if (overlap && other.codeId !== added.codeId) clashing.add(layout.columns.get(other.id)!);
        }
        expect(clashing.has(mine)).toBe(false);
        // The lowest such column, and every other segment keeps its column.
        for (let c = 0; c < mine; c++) expect(clashing.has(c)).toBe(true);
        for (const id of before.keys())
          expect(layout.columns.get(id)).toBe(layoutSegments(rows, before, null).columns.get(id));
        expect(layout.columnCount).toBeGreaterThan(mine);
      }),
      { numRuns: 300 },
    );
  });

  it('works out a hand-made case: a code beside two nested ones takes column 2', () => {
    const outer: SegmentSpan = { id: 1, codeId: 1, coderId: 1, startUtf16: 0, endUtf16: 120 };
    const inner: SegmentSpan = { id: 2, codeId: 2, coderId: 1, startUtf16: 42, endUtf16: 60 };
    const segments = new Map([
      [1, outer],
      [2, inner],
    ]);
    const added: SegmentSpan = { id: 3, codeId: 3, coderId: 1, startUtf16: 45, endUtf16: 50 };
    const layout = addToLayout(
      rows,
      new Map(segments).set(3, added),
      layoutSegments(rows, segments, null),
      added,
    );
    expect(layout.columns.get(3)).toBe(2);
    expect(layout.rowSegments[1]).toEqual([1, 2, 3]);
    expect(layout.rowSegments[0]).toEqual([1]);
    expect(layout.columnCount).toBe(3);
  });
});
