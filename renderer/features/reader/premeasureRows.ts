import type { DisplayRow } from '../../../shared/reader/rows';
import { measureRows } from './rowSkeletons';
import type { RowHeightModel } from './useRowHeights';

/** Time one idle slice may spend laying out skeleton rows, so typing and scrolling stay smooth. */
const SLICE_MS = 8;
const FIRST_BATCH = 40;
/** Frames a shift the scroll could not take is retried for (at the very end of the text it never can). */
const MAX_SHIFT_RETRIES = 10;

interface Job {
  text: string;
  rows: readonly DisplayRow[];
  stripeWidth: number;
}

/**
 * Measures every row of the document off screen, in idle time, after the first screen is shown. Rows
 * the List has only estimated are otherwise measured as they scroll into view, and each measurement
 * re-renders and re-lays out the list in the next frame, so a fast scroll did twice the work per frame
 * (frames of 50–117 ms on a 200,000-word transcript; 17–33 ms measured ahead). Measured ahead, rows
 * mount at their true offsets and a fast scroll lays the list out once per frame. The area is marked
 * `data-rows-measured` with the width when all are done, and `data-row-corrections` counts rows whose
 * on-screen height disagreed with the off-screen one (0 unless rowSkeleton has drifted from ReaderRow).
 */
export class RowPremeasure {
  private readonly host: HTMLDivElement;
  private handle: number | null = null;
  /** What is left to measure, as [from, to) row ranges, the next first. */
  private ranges: Array<[number, number]> = [];
  private batch = FIRST_BATCH;
  private finishing = 0;
  private width = 0;
  private readonly resize: ResizeObserver;

  constructor(
    private readonly model: RowHeightModel,
    private readonly area: HTMLElement,
    private readonly list: HTMLElement,
    private readonly job: Job,
  ) {
    this.host = document.createElement('div');
    this.host.className = 'reader-measure';
    this.host.setAttribute('aria-hidden', 'true');
    area.append(this.host);
    area.dataset.rowCorrections = String(model.corrections);
    model.onCorrection = (count) => (area.dataset.rowCorrections = String(count));
    model.scroller = { top: () => list.scrollTop, shift: this.shift };
    // A new width re-wraps every paragraph: measure them all again.
    this.resize = new ResizeObserver(() => {
      if (this.list.clientWidth !== this.width) this.restart();
    });
    this.resize.observe(list);
    this.restart();
  }

  private restart(): void {
    this.width = this.list.clientWidth;
    const count = this.job.rows.length;
    // From the first row on screen down, then the rows above it.
    const anchor = Math.min(this.model.rowAt(this.list.scrollTop), Math.max(0, count - 1));
    this.ranges = [
      [anchor, count],
      [0, anchor],
    ];
    cancelAnimationFrame(this.finishing);
    this.model.forgetPremeasured();
    this.area.removeAttribute('data-rows-measured');
    this.schedule();
  }

  private schedule(): void {
    if (this.handle !== null) cancelIdleCallback(this.handle);
    this.handle = requestIdleCallback((deadline) => this.slice(deadline));
  }

  private slice(deadline: IdleDeadline): void {
    this.handle = null;
    const { text, rows, stripeWidth } = this.job;
    while (deadline.timeRemaining() > SLICE_MS / 2) {
      const range = this.ranges[0];
      if (!range) return this.finish();
      const [from, to] = range;
      if (from >= to) {
        this.ranges.shift();
        continue;
      }
      const count = Math.min(this.batch, to - from);
      const began = performance.now();
      const heights = measureRows(this.host, text, rows, from, count, this.width, stripeWidth);
      const spent = performance.now() - began;
      this.model.record(from, heights);
      range[0] = from + count;
      // Batches sized so one takes about half a slice on this machine.
      this.batch = Math.max(10, Math.min(2000, Math.round((count * (SLICE_MS / 2)) / Math.max(spent, 0.1))));
    }
    this.schedule();
  }

  /** Marks the area once the List has heard the last heights and the scroll has taken the last shift. */
  private finish(): void {
    this.finishing = requestAnimationFrame(() => {
      if (this.model.publishing || this.retry) return this.finish();
      this.area.setAttribute('data-rows-measured', `${this.width}px`);
    });
  }

  /**
   * What the scroll could not take yet: fractions of a pixel, and whole shifts past the end of the
   * List's estimated height, which grows once the List has rendered the new heights — so the rest is
   * tried again at the next frames.
   */
  private residual = 0;
  private retry = 0;
  private retries = 0;
  private readonly shift = (px: number): void => {
    const wanted = this.list.scrollTop + px + this.residual;
    this.list.scrollTop = wanted;
    this.residual = wanted - this.list.scrollTop;
    if (Math.abs(this.residual) < 1) {
      this.retries = 0;
      return;
    }
    if (this.retry || this.retries >= MAX_SHIFT_RETRIES) return;
    this.retries++;
    this.retry = requestAnimationFrame(() => {
      this.retry = 0;
      this.shift(0);
    });
  };

  dispose(): void {
    if (this.handle !== null) cancelIdleCallback(this.handle);
    cancelAnimationFrame(this.retry);
    cancelAnimationFrame(this.finishing);
    this.resize.disconnect();
    this.model.onCorrection = null;
    this.model.scroller = null;
    this.host.remove();
  }
}
