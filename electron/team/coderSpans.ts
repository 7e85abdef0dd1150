// The reader's spans with their coders, for one coder, some, or all: what `segments.spansByDocument`
// returns. Read from the unique index (document, code, coder, span), which holds every column asked for,
// so no table row (quote, memo) is read; sorting a document's few thousand spans costs less than that.
import type Database from 'better-sqlite3';
import type { SegmentSpan } from '../../shared/api/coding';
import { PassageError } from '../../shared/api/result';
import { statement } from '../store/statements';

const COLUMNS =
  'id, code_id AS codeId, coder_id AS coderId, start_utf16 AS startUtf16, end_utf16 AS endUtf16';
const SPANS = `SELECT ${COLUMNS} FROM segments INDEXED BY segments_unique_coding WHERE document_id = @documentId`;
// A range (the reader's first screen): the index on (document, start) bounds the scan by its end.
const SPANS_IN_RANGE = `SELECT ${COLUMNS} FROM segments INDEXED BY segments_document_span
  WHERE document_id = @documentId AND start_utf16 < @endUtf16 AND end_utf16 > @startUtf16`;
const ORDER = 'ORDER BY start_utf16, end_utf16 DESC, code_id, id';

/**
 * `coderIds` undefined: every coder's spans; otherwise only those coders' (none for an empty list).
 * `range`: only the spans overlapping [startUtf16, endUtf16), in the same order as the whole list.
 */
export function listCoderSpans(
  db: Database.Database,
  documentId: number,
  coderIds?: readonly number[],
  range?: { startUtf16: number; endUtf16: number },
): SegmentSpan[] {
  // Only whether the document exists: its text (megabytes for a long transcript) is not needed here.
  if (!statement(db, 'SELECT 1 FROM documents WHERE id = @documentId').get({ documentId }))
    throw new PassageError('not_found', `document ${documentId} does not exist`);
  if (coderIds?.length === 0) return [];
  const spans = range ? SPANS_IN_RANGE : SPANS;
  const byCoder = coderIds ? 'AND coder_id IN (SELECT value FROM json_each(@coderIds))' : '';
  return statement(db, `${spans} ${byCoder} ${ORDER}`).all({
    documentId,
    ...range,
    ...(coderIds ? { coderIds: JSON.stringify(coderIds) } : {}),
  }) as SegmentSpan[];
}
