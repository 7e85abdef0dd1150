import type { DisplayRow } from '../../../shared/reader/rows';
import { measureRows } from './rowSkeletons';
import type { RowHeightModel } from './useRowHeights';

/** Time one slice may spend laying out skeleton rows: a frame or a key press waits at most this long. */
const SLICE_MS = 8;
const FIRST_BATCH = 10;
/** Frames a shift the scroll could not take is retried for (at the very end of the text it never can). */
const MAX_SHIFT_RETRIES = 10;
/** An idle callback is asked for first; under a busy main thread it is run after this long anyway. */
const IDLE_TIMEOUT_MS = 200;

interface Job {
  text: string;
  rows: readonly DisplayRow[];
  stripeWidth: number;
}

/**
 * Runs `work` as a background task: after input, rendering and everything else the page has to do, but
 * without waiting for an idle period. Chromium's scheduler has background tasks; elsewhere a message
 * (no 4 ms clamp, unlike a timer) stands in.
 */
function background(work: () => void): () => void {
  if (typeof scheduler !== 'undefined' && typeof scheduler.postTask === 'function') {
    const controller = new AbortController();
    scheduler.postTask(work, { priority: 'background', signal: controller.signal }).catch(() => {});
    return () => controller.abort();
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => work();
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

/**
 * Measures every row of the document off screen, after the first screen is shown. Rows the List has only
 * estimated are otherwise measured as they scroll into view, and each measurement re-renders and re-lays
 * out the list in the next frame, so a fast scroll did twice the work per frame. Measured ahead, rows
 * mount at their true offsets and a fast scroll lays the list out once per frame.
 *
 * The work comes in slices of at most SLICE_MS, each a background task, so it goes on under a busy main
 * thread (waiting for idle periods longer than half a slice, a 220 px reader on a loaded machine measured
 * nothing for minutes) and never holds a frame or a key press for long. It starts in an idle period, after
 * the first screen is painted. The area is marked `data-rows-measured` with the width when all are done,
 * and `data-row-corrections` counts rows whose on-screen height disagreed with the off-screen one (0
 * unless rowSkeleton has drifted from ReaderRow).
 */
export class RowPremeasure {
  private readonly host: HTMLDivElement;
  private cancel: (() => void) | null = null;
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
    model.scroller = { top: () => list.scrollTop, height: () => list.clientHeight, shift: this.shift };
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
    // The rows on screen and below them first, then the rows above them (nearest first would need the
    // list re-laid out per batch; above the screen only the scroll moves).
    const anchor = Math.min(this.model.rowAt(this.list.scrollTop), Math.max(0, count - 1));
    this.ranges = [
      [anchor, count],
      [0, anchor],
    ];
    this.batch = FIRST_BATCH;
    cancelAnimationFrame(this.finishing);
    this.model.forgetPremeasured();
    this.area.removeAttribute('data-rows-measured');
    this.stop();
    const idle = requestIdleCallback(() => this.slice(), { timeout: IDLE_TIMEOUT_MS });
    this.cancel = () => cancelIdleCallback(idle);
  }

  private stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private slice(): void {
    this.cancel = null;
    const { text, rows, stripeWidth } = this.job;
    const began = performance.now();
    for (;;) {
      const range = this.ranges[0];
      if (!range) return this.finish();
      const [from, to] = range;
      if (from >= to) {
        this.ranges.shift();
        continue;
      }
      const spentSoFar = performance.now() - began;
      if (spentSoFar > SLICE_MS / 2) break;
      const count = Math.min(this.batch, to - from);
      const batchBegan = performance.now();
      const heights = measureRows(this.host, text, rows, from, count, this.width, stripeWidth);
      const spent = performance.now() - batchBegan;
      this.model.record(from, heights, this.width);
      range[0] = from + count;
      // Batches sized so one takes about half a slice: a 220 px reader lays a row out slower than 1,000 px.
      this.batch = Math.max(1, Math.min(2000, Math.round((count * (SLICE_MS / 2)) / Math.max(spent, 0.1))));
    }
    this.cancel = background(() => this.slice());
  }

  /** Marks the area once the List has heard the last heights and the scroll has taken the last shift. */
  private finish(): void {
    this.model.flush();
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
    this.model.shiftedTo = this.list.scrollTop;
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
    this.stop();
    cancelAnimationFrame(this.retry);
    cancelAnimationFrame(this.finishing);
    this.resize.disconnect();
    this.model.onCorrection = null;
    this.model.scroller = null;
    this.host.remove();
  }
}
