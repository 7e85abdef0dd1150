import { fitLabels, stripePiece, type LabelSlot } from '../../../shared/reader/stripeGeometry';
import { locateIn, runsOf, type RunEntry } from './domSelection';

// Puts the stripes of mounted rows on the lines they code and fits the margin's labels, from the text
// as the browser laid it out. React renders the stripes (which segment, which column); their vertical
// place depends on line wrapping, so it is measured after layout and written straight to their style:
// a fast scroll mounts hundreds of stripes per frame, and a state round-trip would lay them out twice.

const LABEL_RULES = { max: 180, min: 16, gap: 4 };

/** The client rects of the text [from, to) among one row's runs. */
function textRects(runs: readonly RunEntry[], from: number, to: number): DOMRect[] {
  const start = locateIn(runs, from, 'start');
  const end = locateIn(runs, to, 'end');
  if (!start || !end) return [];
  const range = document.createRange();
  // jsdom (component tests) lays nothing out: stripes keep the whole row there.
  if (typeof range.getClientRects !== 'function') return [];
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return [...range.getClientRects()];
}

interface Placement {
  cell: HTMLElement;
  top: string;
  bottom: string;
}

/** Where the stripe pieces of one row (its `.reader-stripes` margin) go, read from the layout; writes nothing. */
function measureRowStripes(margin: HTMLElement): Placement[] {
  const text = margin.parentElement?.querySelector<HTMLElement>('.reader-text');
  const cells = [...margin.querySelectorAll<HTMLElement>('.reader-stripe[data-from]')];
  if (!text || cells.length === 0) return [];
  const ends = (cell: HTMLElement) => ({
    first: cell.classList.contains('is-first'),
    last: cell.classList.contains('is-last'),
  });
  // A piece in the middle of its segment runs the whole row: no layout to read.
  if (cells.every((cell) => !ends(cell).first && !ends(cell).last))
    return cells.map((cell) => ({ cell, top: '0px', bottom: '0px' }));
  const box = margin.getBoundingClientRect();
  const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 24;
  // Read once: a dense row has hundreds of runs and dozens of stripe ends to find among them.
  const runs = runsOf(text);
  return cells.map((cell) => {
    const place = ends(cell);
    const rects =
      place.first || place.last ? textRects(runs, Number(cell.dataset.from), Number(cell.dataset.to)) : [];
    const boxes = rects.map((r) => ({ top: r.top - box.top, bottom: r.bottom - box.top }));
    const piece = stripePiece(boxes, box.height, lineHeight, place);
    return { cell, top: `${piece.top}px`, bottom: `${box.height - piece.bottom}px` };
  });
}

/** Shortens, or hides, the labels of the mounted stripes so that no two overlap (shared/reader/stripeGeometry.ts). */
export function fitMarginLabels(list: HTMLElement): void {
  const labels = [...list.querySelectorAll<HTMLElement>('.reader-stripe-label')];
  const slots: LabelSlot[] = [];
  const byKey = new Map<string, HTMLElement>();
  for (const label of labels) {
    const cell = label.parentElement;
    if (!cell) continue;
    const key = cell.dataset.segmentId ?? '';
    byKey.set(key, label);
    slots.push({
      key,
      column: Number(cell.dataset.column),
      top: label.getBoundingClientRect().top,
      // scrollHeight is rounded: one pixel more, so a name that fits is never cut by the rounding.
      length: label.scrollHeight + 1,
    });
  }
  for (const [key, fit] of fitLabels(slots, LABEL_RULES)) {
    const label = byKey.get(key)!;
    // Only what changed is written: every label on screen is fitted after each edit, and a write
    // restyles the label before the frame that shows the edit.
    const length = `${fit.length}px`;
    if (label.style.maxHeight !== length) label.style.maxHeight = length;
    if (label.classList.contains('is-squeezed') !== fit.hidden)
      label.classList.toggle('is-squeezed', fit.hidden);
  }
}

const pendingRows = new Set<HTMLElement>();
let pendingList: HTMLElement | null = null;
let scheduled = false;

/**
 * Places the stripes of `margin` (a row just rendered; null for none) and fits the labels of `list`,
 * once for all rows a commit rendered: in a microtask, after every row's layout effect and before the
 * paint. Reading each row's layout in its own effect, between other rows' writes, laid the list out
 * once per row.
 */
export function schedulePlacement(margin: HTMLElement | null, list: HTMLElement | null): void {
  if (margin) pendingRows.add(margin);
  if (list) pendingList = list;
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    const rows = [...pendingRows].filter((m) => m.isConnected);
    const listToFit = pendingList;
    pendingRows.clear();
    pendingList = null;
    // All reads, then all writes: one layout for every row.
    const placements = rows.flatMap(measureRowStripes);
    for (const { cell, top, bottom } of placements) {
      if (cell.style.top !== top) cell.style.top = top;
      if (cell.style.bottom !== bottom) cell.style.bottom = bottom;
    }
    if (listToFit?.isConnected) fitMarginLabels(listToFit);
  });
}

/** Rows re-wrap when the reader's width changes: their stripes are placed again. */
const rewrapped = new Map<Element, () => void>();
let observer: ResizeObserver | null = null;
export function onRewrap(text: Element, place: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) rewrapped.get(entry.target)?.();
  });
  rewrapped.set(text, place);
  observer.observe(text);
  return () => {
    rewrapped.delete(text);
    observer?.unobserve(text);
  };
}
