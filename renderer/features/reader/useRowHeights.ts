import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { DynamicRowHeight } from 'react-window';

/** The attribute react-window's List puts on every row it renders: the row's index. */
const INDEX_ATTRIBUTE = 'data-react-window-index';
/** Heights measured off screen this many rows or fewer from the screen reach the List at the next frame. */
const NEAR_ROWS = 30;
/** Heights measured farther away wait this long, gathered, so measuring ahead re-lays out the list rarely. */
const FAR_DELAY_MS = 400;

/** The list's scroll as the model needs it: where it is, how tall the view is, and moving it. */
export interface RowScroller {
  top(): number;
  height(): number;
  shift(px: number): void;
}

/**
 * Row heights for the reader's List: estimated for every row up front, replaced by the measured height
 * once a row has been measured (off screen ahead of time, or on screen). It does what react-window's
 * useDynamicRowHeight does, at a cost that does not grow with the document: that hook copies its whole
 * height map for every row it measures, and each copy makes the List rebuild its offsets. Here heights
 * are staged as they are measured and handed to the List together: at the next frame when they concern
 * rows on or near the screen, otherwise after FAR_DELAY_MS — each hand-over re-renders and re-lays out
 * the list, and measuring a dense transcript ahead handed over a few rows every frame, so it took
 * seconds (minutes in a 220 px reader under load) and kept the main thread busy.
 */
export class RowHeightModel {
  /** The heights the List lays out with. */
  private readonly heights: Float64Array;
  /** Heights measured but not handed to the List yet (0: none), and their rows. */
  private readonly staged: Float64Array;
  private readonly stagedRows: number[] = [];
  private total: number;
  private observer: ResizeObserver | null = null;
  private readonly listeners = new Set<() => void>();
  private current: DynamicRowHeight;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Rows whose height was measured off screen; a different height on screen is a correction. */
  private readonly premeasured: Uint8Array;
  /**
   * The width they were measured at. A row reporting another width has re-wrapped in a resize that its
   * observer heard before the measuring's own (the observers' order is their creation order): no correction.
   */
  private premeasuredWidth: number | null = null;
  /** How many on-screen measurements disagreed with the off-screen one: 0 when the skeletons are right. */
  corrections = 0;
  onCorrection: ((count: number) => void) | null = null;
  /**
   * The list's scroll, once the reader hands it over. When heights reach the List, the first row on
   * screen keeps its place: rows above it that changed move the scroll by as much, and the row's own
   * change keeps the same fraction of it at the top, so the paragraph being read stays put.
   */
  scroller: RowScroller | null = null;
  /** Where the scroll was last moved to keep the text still: a scroll event there is not the researcher's. */
  shiftedTo: number | null = null;

  constructor(estimates: readonly number[]) {
    this.heights = Float64Array.from(estimates);
    this.staged = new Float64Array(estimates.length);
    this.premeasured = new Uint8Array(estimates.length);
    this.total = estimates.reduce((sum, h) => sum + h, 0);
    this.current = this.snapshot();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DynamicRowHeight => this.current;

  /** True while measured heights wait to reach the List. */
  get publishing(): boolean {
    return this.stagedRows.length > 0;
  }

  /** Stages a height; false when it is no change. */
  private stage(index: number, size: number): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= this.heights.length || !(size > 0)) return false;
    const known = this.staged[index] || this.heights[index];
    if (known === size) return false;
    if (this.staged[index] === 0) this.stagedRows.push(index);
    this.staged[index] = size;
    return true;
  }

  /** Hands the staged heights over at the next frame (`soon`) or after FAR_DELAY_MS. */
  private schedule(soon: boolean): void {
    if (this.frame) return;
    if (soon) {
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      this.frame = requestAnimationFrame(() => this.publish());
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.schedule(true);
      }, FAR_DELAY_MS);
    }
  }

  /**
   * Gives the List the staged heights, with the scroll moved so that the first row on screen stays where
   * it was. Scrolled before the List hears, so it renders the rows of the moved offset in this frame.
   */
  private publish(): void {
    this.frame = 0;
    if (this.stagedRows.length === 0) return;
    const top = this.scroller?.top() ?? 0;
    const anchor = this.scroller ? this.rowAt(top) : -1;
    const anchorTop = anchor >= 0 ? this.offsetOf(anchor) : 0;
    let shift = 0;
    for (const index of this.stagedRows) {
      const size = this.staged[index]!;
      this.staged[index] = 0;
      const before = this.heights[index]!;
      if (index < anchor) shift += size - before;
      else if (index === anchor) shift += ((top - anchorTop) * size) / before - (top - anchorTop);
      this.total += size - before;
      this.heights[index] = size;
    }
    this.stagedRows.length = 0;
    if (Math.abs(shift) >= 0.5) this.scroller?.shift(shift);
    this.current = this.snapshot();
    for (const listener of this.listeners) listener();
  }

  /** Whether rows [first, last] lie on the screen or within NEAR_ROWS of it (always, without a scroller). */
  private nearScreen(first: number, last: number): boolean {
    if (!this.scroller) return true;
    const top = this.scroller.top();
    const from = this.rowAt(top) - NEAR_ROWS;
    const to = this.rowAt(top + this.scroller.height()) + NEAR_ROWS;
    return last >= from && first <= to;
  }

  private measured = (entries: ResizeObserverEntry[]): void => {
    let changed = false;
    for (const entry of entries) {
      const index = Number(entry.target.getAttribute(INDEX_ATTRIBUTE));
      const box = entry.borderBoxSize[0];
      if (!this.stage(index, box?.blockSize ?? 0)) continue;
      changed = true;
      const sameWidth =
        this.premeasuredWidth === null || Math.abs((box?.inlineSize ?? 0) - this.premeasuredWidth) < 1;
      if (this.premeasured[index] && sameWidth) {
        // Counted apart from the call: `?.` would skip the increment with no listener.
        this.corrections++;
        this.onCorrection?.(this.corrections);
      }
    }
    if (changed) this.schedule(true);
  };

  /** Forgets which rows were measured off screen (the width changed: they are measured again). */
  forgetPremeasured(): void {
    this.premeasured.fill(0);
  }

  /** The row at `offset` px from the top, by the heights the List has. */
  rowAt(offset: number): number {
    let top = 0;
    for (let i = 0; i < this.heights.length; i++) {
      top += this.heights[i]!;
      if (top > offset) return i;
    }
    return Math.max(0, this.heights.length - 1);
  }

  private offsetOf(row: number): number {
    let top = 0;
    for (let i = 0; i < row; i++) top += this.heights[i]!;
    return top;
  }

  /** Heights measured off screen for rows from `first`, at `width` px when given. */
  record(first: number, heights: readonly number[], width?: number): void {
    if (width !== undefined) this.premeasuredWidth = width;
    let changed = false;
    heights.forEach((size, i) => {
      const index = first + i;
      if (index < this.premeasured.length) this.premeasured[index] = 1;
      if (this.stage(index, size)) changed = true;
    });
    if (changed) this.schedule(this.nearScreen(first, first + heights.length - 1));
  }

  /** Hands every staged height to the List at the next frame (measuring is done). */
  flush(): void {
    if (this.stagedRows.length > 0) this.schedule(true);
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
        if (this.stage(index, size)) this.schedule(true);
      },
      observeRowElements: this.observeRowElements,
    };
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    if (this.timer !== null) clearTimeout(this.timer);
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
