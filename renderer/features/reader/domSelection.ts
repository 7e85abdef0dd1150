import type { Range } from './useReader';

// The reader's text is rendered as runs: <span data-o="documentOffset">text</span> inside a row element
// carrying data-row-start / data-row-end. These helpers translate between DOM positions and document
// offsets through those attributes, so no DOM text has to be measured or counted.

const RUN = '[data-o]';
const ROW = '[data-row-start]';

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** The document offset of a DOM boundary point inside the reader, or null outside the text. */
export function pointToOffset(node: Node, offset: number): number | null {
  const element = elementOf(node);
  if (!element) return null;
  const run = element.closest(RUN);
  if (run) {
    const base = Number(run.getAttribute('data-o'));
    if (node.nodeType === Node.TEXT_NODE) return base + offset;
    // A boundary on the span itself: before or after its text.
    return offset === 0 ? base : base + (run.textContent ?? '').length;
  }
  const row = element.closest(ROW);
  if (!row) return null;
  const rowStart = Number(row.getAttribute('data-row-start'));
  const rowEnd = Number(row.getAttribute('data-row-end'));
  // A boundary between runs, or in the gutter/margin of a row: snap to the nearest text of that row.
  let child = node.nodeType === Node.ELEMENT_NODE ? node.childNodes[offset] : null;
  // Skip what carries no text (a segment's edge handle) up to the next run.
  while (child instanceof Element && !child.matches(RUN) && !child.querySelector(RUN))
    child = child.nextSibling;
  const next = child instanceof Element ? (child.matches(RUN) ? child : child.querySelector(RUN)) : null;
  if (next) return Number(next.getAttribute('data-o'));
  return element.closest('.reader-gutter') ? rowStart : rowEnd;
}

/** The selected document range inside `root`, or null if nothing (or only a caret) is selected there. */
export function readSelection(root: HTMLElement): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const a = pointToOffset(range.startContainer, range.startOffset);
  const b = pointToOffset(range.endContainer, range.endOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** A run of the reader's text: its document offset, its text node and that node's length. */
export interface RunEntry {
  base: number;
  node: Node;
  length: number;
}

/** The runs inside `root` (the reader or one row), in document order: read once to locate many offsets. */
export function runsOf(root: HTMLElement): RunEntry[] {
  const runs: RunEntry[] = [];
  for (const run of root.querySelectorAll<HTMLElement>(RUN)) {
    const node = run.firstChild;
    if (node) runs.push({ base: Number(run.dataset.o), node, length: (node.textContent ?? '').length });
  }
  return runs;
}

/** The text node and offset in it of a document offset, among `runs` (see runsOf). */
export function locateIn(
  runs: readonly RunEntry[],
  offset: number,
  bias: 'start' | 'end',
): { node: Node; offset: number } | null {
  let best: { node: Node; offset: number } | null = null;
  for (const { base, node, length } of runs) {
    const inside =
      bias === 'start' ? offset >= base && offset < base + length : offset > base && offset <= base + length;
    if (inside) return { node, offset: offset - base };
    // Offsets on blank lines between rows: the nearest rendered run edge.
    if (bias === 'start' && base >= offset && !best) best = { node, offset: 0 };
    if (bias === 'end' && base + length <= offset) best = { node, offset: length };
  }
  return best;
}

/** The text node and offset in it of a document offset, among the runs inside `root` (the reader or one row). */
export function locate(
  root: HTMLElement,
  offset: number,
  bias: 'start' | 'end',
): { node: Node; offset: number } | null {
  return locateIn(runsOf(root), offset, bias);
}

/** Shows a document range as the DOM selection (after snapping), when its ends are rendered. */
export function selectDomRange(root: HTMLElement, range: Range): void {
  const selection = window.getSelection();
  if (!selection) return;
  const start = locate(root, range.start, 'start');
  const end = locate(root, range.end, 'end');
  if (!start || !end) return;
  const dom = document.createRange();
  dom.setStart(start.node, start.offset);
  dom.setEnd(end.node, end.offset);
  selection.removeAllRanges();
  selection.addRange(dom);
}

export function clearDomSelection(): void {
  window.getSelection()?.removeAllRanges();
}
