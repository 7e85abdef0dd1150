import { describe, expect, it } from 'vitest';
import {
  documentToRowOffset,
  paragraphOrTurnRange,
  rowAt,
  rowOffsetToDocument,
  rowSpan,
  splitRows,
} from '../../shared/reader/rows';

// "Q: Why?\n\nA: 😀 Because.\nMore.\n"
//  0123456 7 8 9...
// row 0: "Q: Why?"          [0, 7)
// '\n' at 7, blank line, '\n' at 8
// row 1: "A: 😀 Because."    [9, 23)  ("A: " 3 + emoji 2 + " Because." 9 = 14 units)
// '\n' at 23
// row 2: "More."             [24, 29)
const TEXT = 'Q: Why?\n\nA: 😀 Because.\nMore.\n';

describe('splitRows', () => {
  it('makes one row per non-blank line with exact offsets and paragraph numbers', () => {
    const rows = splitRows(TEXT);
    expect(rows.map((r) => [r.start, r.end, r.paragraph])).toEqual([
      [0, 7, 1],
      [9, 23, 2],
      [24, 29, 3],
    ]);
    expect(rows.map((r) => TEXT.slice(r.start, r.end))).toEqual(['Q: Why?', 'A: 😀 Because.', 'More.']);
  });

  it('treats whitespace-only lines as blank and handles text without a final newline', () => {
    const rows = splitRows('a\n   \nb');
    expect(rows.map((r) => [r.start, r.end])).toEqual([
      [0, 1],
      [6, 7],
    ]);
    expect(splitRows('')).toEqual([]);
  });

  it('marks speaker turns on their first row and every row with its turn', () => {
    const turns = [
      { speaker: 'Interviewer', startUtf16: 0, endUtf16: 7 },
      // This turn's stored start is on the blank line: it shows on the next paragraph.
      { speaker: 'Respondent', startUtf16: 8, endUtf16: 29 },
    ];
    const rows = splitRows(TEXT, turns);
    expect(rows.map((r) => [r.speaker, r.turn])).toEqual([
      ['Interviewer', 0],
      ['Respondent', 1],
      [null, 1],
    ]);
  });

  it('marks PDF page starts', () => {
    const pages = [
      { page: 1, startUtf16: 0, endUtf16: 9 },
      { page: 2, startUtf16: 9, endUtf16: 30 },
    ];
    expect(splitRows(TEXT, [], pages).map((r) => r.page)).toEqual([1, 2, null]);
  });
});

describe('offset mapping', () => {
  const rows = splitRows(TEXT);

  it('maps a row offset after an emoji to the document offset in UTF-16 units', () => {
    // "Because" starts after "A: " (3) and the emoji (2) and a space (1): 9 + 6 = 15.
    expect(rowOffsetToDocument(rows, 1, 6)).toBe(15);
    expect(TEXT.slice(15, 22)).toBe('Because');
    expect(documentToRowOffset(rows, 15)).toEqual({ row: 1, offset: 6 });
    // Past the row's end clamps to the row's end.
    expect(rowOffsetToDocument(rows, 0, 99)).toBe(7);
    expect(() => rowOffsetToDocument(rows, 3, 0)).toThrow(RangeError);
  });

  it('moves offsets in the gap between rows to the next start or the previous end', () => {
    expect(rowAt(rows, 8)).toBeNull();
    expect(documentToRowOffset(rows, 8, 'start')).toEqual({ row: 1, offset: 0 });
    expect(documentToRowOffset(rows, 8, 'end')).toEqual({ row: 0, offset: 7 });
    expect(documentToRowOffset(rows, 29, 'end')).toEqual({ row: 2, offset: 5 });
    expect(documentToRowOffset(rows, 30, 'start')).toEqual({ row: 2, offset: 5 });
  });

  it('finds the rows a range spans, including a selection across rows', () => {
    expect(rowSpan(rows, 4, 12)).toEqual({ first: 0, last: 1 });
    expect(rowSpan(rows, 0, 7)).toEqual({ first: 0, last: 0 });
    expect(rowSpan(rows, 7, 9)).toBeNull();
    expect(rowSpan(rows, 20, 25)).toEqual({ first: 1, last: 2 });
  });

  it('gives the range of a paragraph or of the whole speaker turn', () => {
    const turns = [
      { speaker: 'Interviewer', startUtf16: 0, endUtf16: 8 },
      { speaker: 'Respondent', startUtf16: 9, endUtf16: 30 },
    ];
    const turnRows = splitRows(TEXT, turns);
    expect(paragraphOrTurnRange(turnRows, turns, 2, 'paragraph')).toEqual({ start: 24, end: 29 });
    expect(paragraphOrTurnRange(turnRows, turns, 2, 'turn')).toEqual({ start: 9, end: 29 });
    expect(paragraphOrTurnRange(turnRows, turns, 0, 'turn')).toEqual({ start: 0, end: 7 });
  });
});
