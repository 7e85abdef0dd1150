import { create } from 'zustand';
import { indexByRow } from '../../../shared/reader/rowIndex';
import type { DisplayRow } from '../../../shared/reader/rows';
import type { Span } from '../../../shared/reader/runs';

interface ReaderSearchState {
  /** Hits of the current search in the open document, in document order; a hit's id is its index. */
  hits: Span[];
  rowHits: (readonly number[])[];
  /** Index of the hit the researcher is on, or -1. */
  current: number;
  setHits(rows: readonly DisplayRow[], ranges: readonly { start: number; end: number }[]): void;
  clear(): void;
  /** Moves to the next (+1) or previous (-1) hit, wrapping; returns it. */
  step(delta: 1 | -1): Span | null;
}

/** Search hits shown in the reader: kept apart from the coding store so a new search re-renders only hit rows. */
export const useReaderSearch = create<ReaderSearchState>((set, get) => ({
  hits: [],
  rowHits: [],
  current: -1,
  setHits(rows, ranges) {
    const hits = [...ranges]
      .sort((a, b) => a.start - b.start)
      .map((r, id) => ({ id, start: r.start, end: r.end }));
    set({ hits, rowHits: indexByRow(rows, hits), current: -1 });
  },
  clear() {
    if (get().hits.length > 0 || get().current !== -1) set({ hits: [], rowHits: [], current: -1 });
  },
  step(delta) {
    const { hits, current } = get();
    if (hits.length === 0) return null;
    const next =
      current < 0 ? (delta > 0 ? 0 : hits.length - 1) : (current + delta + hits.length) % hits.length;
    set({ current: next });
    return hits[next]!;
  },
}));
