import { describe, expect, it } from 'vitest';
import { layoutStripes } from '../../shared/reader/stripes';

const item = (id: number, barKey: number, start: number, end: number) => ({ id, barKey, start, end });
const cols = (layout: { columns: ReadonlyMap<number, number> }) => Object.fromEntries(layout.columns);

describe('layoutStripes', () => {
  it('puts overlapping segments of different codes in separate columns', () => {
    const layout = layoutStripes([item(1, 10, 0, 5), item(2, 20, 3, 8)]);
    expect(cols(layout)).toEqual({ 1: 0, 2: 1 });
    expect(layout.columnCount).toBe(2);
  });

  it('nests: the outer segment first, inner ones beside it, a later one back in column 1', () => {
    // 1: [0,10) outer; 2: [2,4) inner; 3: [5,7) inner after 2 ended → reuses column 1.
    const layout = layoutStripes([item(3, 30, 5, 7), item(2, 20, 2, 4), item(1, 10, 0, 10)]);
    expect(cols(layout)).toEqual({ 1: 0, 2: 1, 3: 1 });
    expect(layout.columnCount).toBe(2);
  });

  it('lets segments touching end-to-start share a column', () => {
    const layout = layoutStripes([item(1, 10, 0, 3), item(2, 20, 3, 6), item(3, 30, 6, 9)]);
    expect(cols(layout)).toEqual({ 1: 0, 2: 0, 3: 0 });
    expect(layout.columnCount).toBe(1);
  });

  it('lets overlapping segments of the same code share a column', () => {
    const layout = layoutStripes([item(1, 10, 0, 5), item(2, 10, 3, 8), item(3, 20, 4, 6)]);
    expect(cols(layout)).toEqual({ 1: 0, 2: 0, 3: 1 });
  });

  it('keeps previous columns when a segment is added, so the margin does not jump', () => {
    const before = layoutStripes([item(1, 10, 0, 5), item(2, 20, 10, 15)]);
    expect(cols(before)).toEqual({ 1: 0, 2: 0 });
    // A new segment overlapping both: without `previous` greedy order would still give 1,2 → 0;
    // moving 2 into column 1 would be legal too, but it keeps its column.
    const after = layoutStripes([item(1, 10, 0, 5), item(2, 20, 10, 15), item(3, 30, 2, 12)], before.columns);
    expect(cols(after)).toEqual({ 1: 0, 2: 0, 3: 1 });
    // A segment whose old column is taken by a new overlapping one moves over.
    const prev = new Map([[5, 0]]);
    const moved = layoutStripes([item(4, 40, 0, 10), item(5, 50, 1, 3)], prev);
    expect(cols(moved)).toEqual({ 4: 0, 5: 1 });
  });

  it('lays out the same whatever order the items arrive in', () => {
    const items = [item(1, 1, 0, 4), item(2, 2, 1, 2), item(3, 3, 3, 6), item(4, 4, 5, 9)];
    const a = cols(layoutStripes(items));
    const b = cols(layoutStripes([...items].reverse()));
    expect(a).toEqual(b);
    // 1 → 0; 2 overlaps 1 → 1; 3 starts at 3: column 1 ended at 2 → 1; 4 starts at 5: column 0 ended at 4 → 0.
    expect(a).toEqual({ 1: 0, 2: 1, 3: 1, 4: 0 });
  });
});
