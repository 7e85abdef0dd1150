import type { DisplayRow } from '../../../shared/reader/rows';
import { speakerLabelEnd } from '../../../shared/reader/speakerLabel';

function element(tag: string, className: string, text?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * A row as ReaderRow lays it out, without what does not change its height (highlights, stripes, hit
 * marks, handlers): the same classes, gutter, speaker label and text. Keep the two in step; the reader's
 * end-to-end test compares every mounted row with its measured skeleton.
 */
export function rowSkeleton(text: string, row: DisplayRow, stripeWidth: number): HTMLElement {
  const root = element('div', 'reader-row');
  const gutter = element('div', 'reader-gutter');
  gutter.append(element('span', 'reader-paragraph-number', String(row.paragraph)));
  if (row.page !== null) gutter.append(element('span', 'reader-page', `p. ${row.page}`));
  gutter.append(element('button', 'reader-row-code', '¶'));
  if (row.speaker !== null) gutter.append(element('button', 'reader-row-code', 'turn'));
  const body = element('div', 'reader-body');
  const labelEnd = row.speaker !== null ? speakerLabelEnd(text, row.start, row.speaker) : null;
  if (row.speaker !== null && labelEnd === null) body.append(element('div', 'reader-speaker', row.speaker));
  const words = element('div', 'reader-text');
  if (labelEnd !== null) {
    words.append(element('span', 'reader-run reader-speaker-label', text.slice(row.start, labelEnd)));
    words.append(text.slice(labelEnd, row.end));
  } else {
    words.textContent = text.slice(row.start, row.end);
  }
  body.append(words);
  const stripes = element('div', 'reader-stripes');
  stripes.style.width = `${stripeWidth}px`;
  root.append(gutter, body, stripes);
  return root;
}

/**
 * Heights of rows [first, first + count) at `width`, laid out inside `host` (hidden, same fonts as the
 * list) in one layout pass.
 */
export function measureRows(
  host: HTMLElement,
  text: string,
  rows: readonly DisplayRow[],
  first: number,
  count: number,
  width: number,
  stripeWidth: number,
): number[] {
  const skeletons: HTMLElement[] = [];
  for (let i = first; i < Math.min(rows.length, first + count); i++)
    skeletons.push(rowSkeleton(text, rows[i]!, stripeWidth));
  host.style.width = `${width}px`;
  host.replaceChildren(...skeletons);
  const heights = skeletons.map((s) => s.getBoundingClientRect().height);
  host.replaceChildren();
  return heights;
}
