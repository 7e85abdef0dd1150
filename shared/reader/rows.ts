// Display rows of the reader: one row per non-blank line ("paragraph") of the stored text.
// Offsets are 0-based UTF-16 code units into the document text, end exclusive, like segments.

export interface TurnRange {
  speaker: string;
  startUtf16: number;
  endUtf16: number;
}

export interface PageRange {
  page: number;
  startUtf16: number;
  endUtf16: number;
}

export interface DisplayRow {
  /** Offset of the row's first character in the document text. */
  start: number;
  /** Offset just past the row's last character (the '\n' is not part of the row). */
  end: number;
  /** 1-based paragraph number shown in the margin. */
  paragraph: number;
  /** Index into the turns array of the turn this row belongs to, or null outside any turn. */
  turn: number | null;
  /** Set on the first row of a speaker turn: the label shown at the turn start. */
  speaker: string | null;
  /** Set on the first row of a PDF page. */
  page: number | null;
}

const NON_BLANK = /\S/;

/**
 * Splits the text into display rows on '\n'. Blank lines are not rows: they only separate paragraphs,
 * and an empty row would be a dead target for selection. Turns and pages are marked on the first row
 * that reaches their start, so a turn starting in a blank gap is shown on the next paragraph.
 */
export function splitRows(
  text: string,
  turns: readonly TurnRange[] = [],
  pages: readonly PageRange[] = [],
): DisplayRow[] {
  const rows: DisplayRow[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd > lineStart && NON_BLANK.test(text.slice(lineStart, lineEnd))) {
      rows.push({
        start: lineStart,
        end: lineEnd,
        paragraph: rows.length + 1,
        turn: null,
        speaker: null,
        page: null,
      });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  markTurns(rows, turns);
  markPages(rows, pages);
  return rows;
}

function markTurns(rows: DisplayRow[], turns: readonly TurnRange[]): void {
  turns.forEach((turn, turnIndex) => {
    const first = firstRowEndingAfter(rows, turn.startUtf16);
    for (let r = first; r < rows.length && rows[r]!.start < turn.endUtf16; r++) {
      const row = rows[r]!;
      if (row.turn === null) row.turn = turnIndex;
      if (r === first && row.speaker === null) row.speaker = turn.speaker;
    }
  });
}

function markPages(rows: DisplayRow[], pages: readonly PageRange[]): void {
  for (const page of pages) {
    const first = firstRowEndingAfter(rows, page.startUtf16);
    const row = rows[first];
    if (row && row.page === null && row.start < page.endUtf16) row.page = page.page;
  }
}

/** Index of the first row whose end is after offset (rows.length when none): binary search. */
export function firstRowEndingAfter(rows: readonly DisplayRow[], offset: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last row whose start is at or before offset (-1 when none). */
export function lastRowStartingAtOrBefore(rows: readonly DisplayRow[], offset: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The row holding offset, or null when it falls on a newline or a blank line between rows. */
export function rowAt(rows: readonly DisplayRow[], offset: number): number | null {
  const r = lastRowStartingAtOrBefore(rows, offset);
  if (r < 0) return null;
  return offset < rows[r]!.end ? r : null;
}

/** The rows a document range [start, end) touches, or null if it covers only newlines and blank lines. */
export function rowSpan(
  rows: readonly DisplayRow[],
  start: number,
  end: number,
): { first: number; last: number } | null {
  if (end <= start) return null;
  const first = firstRowEndingAfter(rows, start);
  const last = lastRowStartingAtOrBefore(rows, end - 1);
  if (first >= rows.length || last < first) return null;
  return { first, last };
}

/** A position in the reader (row, UTF-16 offset within the row's text) as a document offset. */
export function rowOffsetToDocument(rows: readonly DisplayRow[], row: number, offsetInRow: number): number {
  const r = rows[row];
  if (!r) throw new RangeError(`row ${row} does not exist (document has ${rows.length} rows)`);
  return r.start + Math.max(0, Math.min(offsetInRow, r.end - r.start));
}

/**
 * A document offset as a reader position. Offsets between rows (newlines, blank lines) move to the
 * next row's start with bias 'start' and to the previous row's end with bias 'end', so a range
 * maps onto the text that is shown.
 */
export function documentToRowOffset(
  rows: readonly DisplayRow[],
  offset: number,
  bias: 'start' | 'end' = 'start',
): { row: number; offset: number } | null {
  if (rows.length === 0) return null;
  const inside = rowAt(rows, offset);
  if (inside !== null) return { row: inside, offset: offset - rows[inside]!.start };
  if (bias === 'start') {
    const next = firstRowEndingAfter(rows, offset);
    if (next < rows.length) return { row: next, offset: 0 };
    const last = rows.length - 1;
    return { row: last, offset: rows[last]!.end - rows[last]!.start };
  }
  const prev = lastRowStartingAtOrBefore(rows, offset);
  if (prev >= 0) {
    const row = rows[prev]!;
    return { row: prev, offset: Math.min(offset, row.end) - row.start };
  }
  return { row: 0, offset: 0 };
}

/** The rows of turn `turn` (for coding a whole speaker turn), or null if the row is in no turn. */
export function paragraphOrTurnRange(
  rows: readonly DisplayRow[],
  turns: readonly TurnRange[],
  row: number,
  unit: 'paragraph' | 'turn',
): { start: number; end: number } | null {
  const r = rows[row];
  if (!r) return null;
  if (unit === 'paragraph' || r.turn === null) return { start: r.start, end: r.end };
  const turn = turns[r.turn]!;
  // The turn's stored range may include trailing newlines; end at the last row it covers.
  const span = rowSpan(rows, turn.startUtf16, turn.endUtf16);
  if (!span) return { start: r.start, end: r.end };
  return {
    start: Math.max(turn.startUtf16, rows[span.first]!.start),
    end: Math.min(turn.endUtf16, rows[span.last]!.end),
  };
}
