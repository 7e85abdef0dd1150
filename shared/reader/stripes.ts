// Coding stripes in the margin: each segment gets a column so that overlapping segments of different
// codes stand side by side, as in NVivo and MAXQDA.

import { IdMap } from './idMap';

export interface StripeItem {
  id: number;
  /**
   * Items with the same key draw as one bar where they overlap, so they may share a column. Today the
   * code; a view by coder would key by code and coder, so two coders' segments stand side by side.
   */
  barKey: number | string;
  /** Half-open span in whatever unit the caller lays out in (the reader uses rows: [firstRow, lastRow + 1)). */
  start: number;
  end: number;
}

export interface StripeLayout {
  /** Column (0 = nearest the text) of every item; an IdMap, so the reader can add one without a copy. */
  columns: IdMap<number>;
  columnCount: number;
}

interface ColumnState {
  end: number;
  barKey: number | string;
}

/**
 * Assigns columns greedily in start order (optimal for intervals: as many columns as the deepest
 * overlap of different codes). Segments that touch end-to-start share a column; overlapping segments
 * with the same bar key (the same code) may share one (they draw as one bar). Columns from `previous` are
 * kept whenever they still fit, so adding or removing one segment does not reshuffle the margin.
 * The layout covers the whole document, so it does not change as the reader scrolls.
 *
 * `kept` columns never change: the reader's first screen is laid out from its own spans, and must not
 * move when the rest of the document's arrive. They must not clash among themselves (a layout of their
 * own gives that); every other item takes a column around them.
 */
export function layoutStripes(
  items: readonly StripeItem[],
  previous?: ReadonlyMap<number, number>,
  kept?: ReadonlyMap<number, number>,
): StripeLayout {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const columns: [number, number][] = [];
  const state: ColumnState[] = [];
  const clearOfKept = keptClash(items, kept);
  const fits = (c: number, item: StripeItem) => {
    const col = state[c];
    return (!col || col.end <= item.start || col.barKey === item.barKey) && clearOfKept(c, item);
  };
  for (const item of sorted) {
    const pinned = kept?.get(item.id);
    const wanted = pinned ?? previous?.get(item.id);
    let column = pinned ?? (wanted !== undefined && fits(wanted, item) ? wanted : -1);
    if (column < 0) {
      column = 0;
      while (!fits(column, item)) column++;
    }
    const col = state[column];
    state[column] = {
      // A kept item may come after an item of its bar key that reaches further in its column.
      end:
        col && (col.barKey === item.barKey || pinned !== undefined) ? Math.max(col.end, item.end) : item.end,
      barKey: item.barKey,
    };
    columns.push([item.id, column]);
  }
  return { columns: IdMap.from(columns), columnCount: state.length };
}

/**
 * Whether an item may take column c as far as the kept items go: none of another bar key overlaps it
 * there. Only items within the kept ones' reach (a screen's rows) look through them.
 */
function keptClash(
  items: readonly StripeItem[],
  kept: ReadonlyMap<number, number> | undefined,
): (c: number, item: StripeItem) => boolean {
  if (!kept || kept.size === 0) return () => true;
  const byColumn: StripeItem[][] = [];
  let from = Infinity;
  let to = -Infinity;
  for (const item of items) {
    const c = kept.get(item.id);
    if (c === undefined) continue;
    (byColumn[c] ??= []).push(item);
    from = Math.min(from, item.start);
    to = Math.max(to, item.end);
  }
  return (c, item) =>
    item.end <= from ||
    item.start >= to ||
    !byColumn[c]?.some(
      (k) => k.id !== item.id && k.start < item.end && k.end > item.start && k.barKey !== item.barKey,
    );
}
