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
 */
export function layoutStripes(
  items: readonly StripeItem[],
  previous?: ReadonlyMap<number, number>,
): StripeLayout {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const columns: [number, number][] = [];
  const state: ColumnState[] = [];
  const fits = (c: number, item: StripeItem) => {
    const col = state[c];
    return !col || col.end <= item.start || col.barKey === item.barKey;
  };
  for (const item of sorted) {
    const wanted = previous?.get(item.id);
    let column = wanted !== undefined && fits(wanted, item) ? wanted : -1;
    if (column < 0) {
      column = 0;
      while (!fits(column, item)) column++;
    }
    const col = state[column];
    state[column] = {
      end: col && col.barKey === item.barKey ? Math.max(col.end, item.end) : item.end,
      barKey: item.barKey,
    };
    columns.push([item.id, column]);
  }
  return { columns: IdMap.from(columns), columnCount: state.length };
}
