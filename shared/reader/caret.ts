// The reader's keyboard caret: where arrow keys move it, by character, word, sentence or paragraph.
// Offsets are UTF-16 units into the document text; a caret sits between characters, and only inside
// the text that is shown (rows), never in the blank lines between paragraphs.

import { firstRowEndingAfter, lastRowStartingAtOrBefore, type DisplayRow } from './rows';
import { alignToCodePoint, stepWordEdge } from './words';

export type CaretUnit = 'character' | 'word' | 'sentence' | 'paragraph';
export type CaretDirection = 'back' | 'forward';

/** An offset moved onto shown text: into the next row forward, onto the previous row's end back. */
export function onRows(rows: readonly DisplayRow[], offset: number, direction: CaretDirection): number {
  if (rows.length === 0) return 0;
  const r = lastRowStartingAtOrBefore(rows, offset);
  if (r >= 0 && offset <= rows[r]!.end) return offset;
  if (direction === 'forward') {
    const next = firstRowEndingAfter(rows, offset);
    return next < rows.length ? rows[next]!.start : rows[rows.length - 1]!.end;
  }
  return r >= 0 ? rows[r]!.end : rows[0]!.start;
}

/** The row holding a caret offset (its end counts as inside it). */
function rowOfCaret(rows: readonly DisplayRow[], offset: number): number {
  return Math.max(0, lastRowStartingAtOrBefore(rows, offset));
}

// A sentence ends at . ! ? or … (with closing quotes or brackets) before a space or the paragraph's end.
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?=\s|$)/gu;

/** Sentence starts and ends inside one row, in document offsets, in order. */
function sentences(text: string, row: DisplayRow): { start: number; end: number }[] {
  const line = text.slice(row.start, row.end);
  const out: { start: number; end: number }[] = [];
  let start = line.search(/\S/);
  if (start < 0) return out;
  for (const match of line.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end <= start) continue;
    out.push({ start: row.start + start, end: row.start + end });
    const next = line.slice(end).search(/\S/);
    if (next < 0) return out;
    start = end + next;
  }
  out.push({ start: row.start + start, end: row.start + line.trimEnd().length });
  return out;
}

function moveBySentence(
  text: string,
  rows: readonly DisplayRow[],
  offset: number,
  direction: CaretDirection,
): number {
  let r = rowOfCaret(rows, offset);
  // At most one row further: a row always holds a sentence, so the next one has a boundary to stop at.
  for (let tries = 0; tries < 2 && r >= 0 && r < rows.length; tries++) {
    const list = sentences(text, rows[r]!);
    if (direction === 'forward') {
      const end = list.find((s) => s.end > offset);
      if (end) return end.end;
      r++;
    } else {
      const start = list.findLast((s) => s.start < offset);
      if (start) return start.start;
      r--;
    }
  }
  return offset;
}

function moveByParagraph(rows: readonly DisplayRow[], offset: number, direction: CaretDirection): number {
  const r = rowOfCaret(rows, offset);
  const row = rows[r]!;
  if (direction === 'forward') {
    if (offset < row.end) return row.end;
    return r + 1 < rows.length ? rows[r + 1]!.end : offset;
  }
  if (offset > row.start) return row.start;
  return r > 0 ? rows[r - 1]!.start : offset;
}

/**
 * Where the caret goes from `offset` by one unit. Forward, a word or sentence step stops at its end
 * and a paragraph step at the paragraph's end; back, at their starts — so Shift-extending from a
 * word's start selects whole words, sentences or paragraphs, ready to code.
 */
export function moveCaret(
  text: string,
  rows: readonly DisplayRow[],
  offset: number,
  unit: CaretUnit,
  direction: CaretDirection,
): number {
  if (rows.length === 0) return 0;
  const from = onRows(rows, offset, direction);
  switch (unit) {
    case 'character': {
      const row = rows[rowOfCaret(rows, from)]!;
      // Off the end of a row: into the next (previous) one, past the newline and blank lines.
      if (direction === 'forward' && from === row.end) return onRows(rows, from + 1, 'forward');
      if (direction === 'back' && from === row.start)
        return from === rows[0]!.start ? from : onRows(rows, from - 1, 'back');
      return alignToCodePoint(text, direction === 'forward' ? from + 1 : from - 1, direction);
    }
    case 'word':
      return onRows(
        rows,
        stepWordEdge(text, from, direction, direction === 'forward' ? 'end' : 'start'),
        direction,
      );
    case 'sentence':
      return moveBySentence(text, rows, from, direction);
    case 'paragraph':
      return moveByParagraph(rows, from, direction);
  }
}
