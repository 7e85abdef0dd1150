/**
 * The part of a document's text an edit needs: its length and a few slices. Reading the whole text made
 * the cost of every coding action grow with the document (6 ms per apply on a 1.5 MB transcript, 0.3 ms
 * on a short one). Text without characters beyond U+FFFF — nearly all text — is sliced by SQLite's
 * substr(), whose character offsets are then UTF-16 offsets; other text is read whole, as before.
 */
import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import { segmentBoundsProblem, spanBoundsProblem } from '../../shared/coding/segmentBounds';
import { statement } from './statements';

export interface DocumentTextWindow {
  /** Length in UTF-16 code units. */
  readonly length: number;
  slice(startUtf16: number, endUtf16: number): string;
  /** Why the span cannot be a segment of this text, naming the field, or null. */
  boundsProblem(startUtf16: number, endUtf16: number): string | null;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** A text already in memory, seen through the same window (auto-code reads each document once). */
export function wholeTextWindow(text: string): DocumentTextWindow {
  return {
    length: text.length,
    slice: (start, end) => text.slice(start, end),
    boundsProblem: (start, end) => segmentBoundsProblem(text, start, end),
  };
}

function slicedText(db: Database.Database, documentId: number, length: number): DocumentTextWindow {
  return {
    length,
    slice: (start, end) => {
      const from = Math.max(0, Math.min(start, length));
      const to = Math.max(from, Math.min(end, length));
      const row = statement(
        db,
        'SELECT substr(text, @from, @count) AS slice FROM documents WHERE id = @documentId',
      ).get({ documentId, from: from + 1, count: to - from }) as { slice: string };
      return row.slice;
    },
    boundsProblem: (start, end) => spanBoundsProblem(length, start, end),
  };
}

/**
 * The window onto a document's text; the first call on a text learns its shape (one whole read) and,
 * inside a write transaction, keeps it for the next edits.
 */
export function documentTextWindow(db: Database.Database, documentId: number): DocumentTextWindow {
  const shape = statement(
    db,
    'SELECT utf16_length AS length, bmp_only AS bmpOnly FROM document_text_shape WHERE document_id = @documentId',
  ).get({ documentId }) as { length: number; bmpOnly: number } | undefined;
  if (shape?.bmpOnly === 1) return slicedText(db, documentId, shape.length);
  const row = statement(db, 'SELECT text FROM documents WHERE id = @documentId').get({ documentId }) as
    { text: string } | undefined;
  if (!row) throw new PassageError('not_found', `document ${documentId} does not exist`);
  if (!shape && db.inTransaction)
    statement(
      db,
      'INSERT INTO document_text_shape (document_id, utf16_length, bmp_only) VALUES (@documentId, @length, @bmpOnly)',
    ).run({ documentId, length: row.text.length, bmpOnly: SURROGATE.test(row.text) ? 0 : 1 });
  return wholeTextWindow(row.text);
}
