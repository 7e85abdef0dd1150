// The reader lays out its first screen's stripes from that screen's spans alone, then the whole
// document's around them (layoutStripes' `kept`): no stripe on screen may change column.
import { describe, expect, it } from 'vitest';
import { layoutStripes, type StripeItem } from '../../shared/reader/stripes';
import { seededRandom } from '../../shared/seededRandom';

const item = (id: number, barKey: number, start: number, end: number): StripeItem => ({
  id,
  barKey,
  start,
  end,
});

/** Dense coding: many short stripes and a few long ones, over `rows` rows, with `codes` bar keys. */
function denseItems(seed: number, count: number, rows: number, codes: number): StripeItem[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(next() * rows);
    const length = next() < 0.1 ? 1 + Math.floor(next() * 40) : 1 + Math.floor(next() * 3);
    return item(i + 1, Math.floor(next() * codes), start, Math.min(rows, start + length));
  });
}

/** Two items of different bar keys overlapping in one column: the margin would draw them on each other. */
function clashes(items: readonly StripeItem[], columns: ReadonlyMap<number, number>): string[] {
  const found: string[] = [];
  for (const a of items)
    for (const b of items)
      if (a.id < b.id && a.barKey !== b.barKey && a.start < b.end && b.start < a.end)
        if (columns.get(a.id) === columns.get(b.id)) found.push(`${a.id}/${b.id}`);
  return found;
}

describe('layoutStripes with kept columns', () => {
  it('keeps every first-screen stripe in its column when the rest of the document arrives', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const items = denseItems(seed, 600, 200, 12);
      // The first screen: the items touching rows [80, 100), as the reader's range request returns them
      // when it opens at a passage (a search hit, a quote) halfway down.
      const first = items.filter((i) => i.start < 100 && i.end > 80);
      const screen = layoutStripes(first);
      const whole = layoutStripes(items, screen.columns, screen.columns);
      for (const i of first)
        expect([seed, i.id, whole.columns.get(i.id)]).toEqual([seed, i.id, screen.columns.get(i.id)]);
      expect(clashes(items, whole.columns)).toEqual([]);
      // Around the kept columns the margin stays about as narrow as a layout from scratch.
      expect(whole.columnCount).toBeLessThanOrEqual(layoutStripes(items).columnCount + 2);
    }
  });

  it('moves a later stripe aside rather than a kept one', () => {
    // Alone, the first screen's item 2 takes column 0; laid out from scratch with item 1 (which starts
    // earlier but arrives later) it would take column 1.
    const screen = layoutStripes([item(2, 20, 5, 9)]);
    expect(screen.columns.get(2)).toBe(0);
    const items = [item(1, 10, 0, 8), item(2, 20, 5, 9)];
    expect(layoutStripes(items).columns.get(2)).toBe(1);
    const whole = layoutStripes(items, screen.columns, screen.columns);
    expect(Object.fromEntries(whole.columns)).toEqual({ 1: 1, 2: 0 });
    expect(whole.columnCount).toBe(2);
  });

  it('lets a kept stripe share its column with one of its own code that overlaps it', () => {
    const screen = layoutStripes([item(2, 20, 5, 9)]);
    const whole = layoutStripes(
      [item(1, 20, 0, 12), item(2, 20, 5, 9), item(3, 30, 10, 11)],
      undefined,
      screen.columns,
    );
    expect(Object.fromEntries(whole.columns)).toEqual({ 1: 0, 2: 0, 3: 1 });
  });
});
