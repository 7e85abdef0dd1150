import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { DynamicRowHeight } from 'react-window';

/** The attribute react-window's List puts on every row it renders: the row's index. */
const INDEX_ATTRIBUTE = 'data-react-window-index';

/**
 * Row heights for the reader's List: estimated for every row up front, replaced by the measured height
 * once a row has been on screen. It does what react-window's useDynamicRowHeight does, at a cost that
 * does not grow with the document: that hook copies its whole height map for every row it measures, and
 * each copy makes the List rebuild its offsets, so scrolling a 5,000-paragraph transcript spent most of
 * each frame copying maps. Here measurements write into one array and the List hears once per
 * ResizeObserver batch.
 */
export class RowHeightModel {
  private readonly heights: Float64Array;
  private total: number;
  private observer: ResizeObserver | null = null;
  private readonly listeners = new Set<() => void>();
  private current: DynamicRowHeight;

  constructor(estimates: readonly number[]) {
    this.heights = Float64Array.from(estimates);
    this.premeasured = new Uint8Array(estimates.length);
    this.total = estimates.reduce((sum, h) => sum + h, 0);
    this.current = this.snapshot();
  }

  private pending = 0;
  /** How far rows above the first one on screen grew since the List last heard, to keep the text still. */
  private pendingShift = 0;
  /**
   * The list's scroll, once the reader hands it over: rows above the first one on screen that change
   * height move the text, and the scroll follows by as much, so what the researcher reads stays put.
   */
  scroller: { top(): number; shift(px: number): void } | null = null;

  /**
   * A new object for the List (over the same storage), so it re-reads heights — at the next frame.
   * Telling it inside the ResizeObserver callback re-rendered and re-laid out the list a second time in
   * the same frame (the observer runs after layout); at the next frame it joins that frame's one layout.
   * Rows just mounted sit at their estimated offsets for that one frame.
   */
  private changed(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      // Scrolled before the List hears, so it renders the rows of the moved offset in this same frame.
      const shift = this.pendingShift;
      this.pendingShift = 0;
      if (shift !== 0) this.scroller?.shift(shift);
      this.current = this.snapshot();
      for (const listener of this.listeners) listener();
    });
  }

  /** True until the List has heard the last change (and the scroll taken its shift). */
  get publishing(): boolean {
    return this.pending !== 0;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DynamicRowHeight => this.current;

  private write(index: number, size: number): boolean {
    const known = this.heights;
    if (!Number.isInteger(index) || index < 0 || index >= known.length) return false;
    if (size <= 0 || known[index] === size) return false;
    this.total += size - known[index]!;
    known[index] = size;
    return true;
  }

  /** Rows whose height was measured off screen; a different height on screen is a correction. */
  private premeasured: Uint8Array;
  /** How many on-screen measurements disagreed with the off-screen one: 0 when the skeletons are right. */
  corrections = 0;
  onCorrection: ((count: number) => void) | null = null;

  private measured = (entries: ResizeObserverEntry[]): void => {
    const anchor = this.anchorRow();
    let changed = false;
    for (const entry of entries) {
      const index = Number(entry.target.getAttribute(INDEX_ATTRIBUTE));
      if (this.resize(index, entry.borderBoxSize[0]?.blockSize ?? 0, anchor)) changed = true;
      else continue;
      if (this.premeasured[index]) this.onCorrection?.(++this.corrections);
    }
    if (changed) this.changed();
  };

  /** The first row on screen once the shifts not yet handed to the List are applied (-1: no scroller). */
  private anchorRow(): number {
    return this.scroller ? this.rowAt(this.scroller.top() + this.pendingShift) : -1;
  }

  /** Writes a height; a row above `anchor` adds its growth to the pending shift. */
  private resize(index: number, size: number, anchor: number): boolean {
    const before = this.heights[index] ?? 0;
    if (!this.write(index, size)) return false;
    if (index < anchor) this.pendingShift += size - before;
    return true;
  }

  /** Forgets which rows were measured off screen (the width changed: they are measured again). */
  forgetPremeasured(): void {
    this.premeasured.fill(0);
  }

  /** The row at `offset` px from the top, by the heights known now. */
  rowAt(offset: number): number {
    let top = 0;
    for (let i = 0; i < this.heights.length; i++) {
      top += this.heights[i]!;
      if (top > offset) return i;
    }
    return Math.max(0, this.heights.length - 1);
  }

  /** Heights measured off screen for rows from `first`. */
  record(first: number, heights: readonly number[]): void {
    const anchor = this.anchorRow();
    let changed = false;
    heights.forEach((size, i) => {
      const index = first + i;
      if (index < this.premeasured.length) this.premeasured[index] = 1;
      if (this.resize(index, size, anchor)) changed = true;
    });
    if (changed) this.changed();
  }

  /** Stable for the model's life: the List re-observes every row when this function changes. */
  readonly observeRowElements = (elements: Element[] | NodeListOf<Element>): (() => void) => {
    // Without ResizeObserver (jsdom in component tests) rows keep their estimated heights.
    if (typeof ResizeObserver === 'undefined') return () => {};
    this.observer ??= new ResizeObserver(this.measured);
    const watching = this.observer;
    const list = Array.from(elements);
    for (const element of list) watching.observe(element);
    return () => {
      for (const element of list) watching.unobserve(element);
    };
  };

  private snapshot(): DynamicRowHeight {
    return {
      getAverageRowHeight: () => (this.heights.length > 0 ? this.total / this.heights.length : 48),
      getRowHeight: (index) => this.heights[index],
      setRowHeight: (index, size) => {
        if (this.write(index, size)) this.changed();
      },
      observeRowElements: this.observeRowElements,
    };
  }

  dispose(): void {
    cancelAnimationFrame(this.pending);
    this.observer?.disconnect();
    this.observer = null;
  }
}

/**
 * Heights for `List`'s rowHeight, and the model behind them for measuring rows ahead of the screen; a
 * new model (and observer) whenever the estimates change (another document).
 */
export function useRowHeights(estimates: readonly number[]): [DynamicRowHeight, RowHeightModel] {
  const model = useMemo(() => new RowHeightModel(estimates), [estimates]);
  useEffect(() => () => model.dispose(), [model]);
  return [useSyncExternalStore(model.subscribe, model.getSnapshot), model];
}
