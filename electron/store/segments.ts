/**
 * Coded segments. Offsets are UTF-16 code units into documents.text, end exclusive. Changes go through a
 * Journal (wrap in runUndoable, electron/store/undo.ts).
 *
 *   listSegmentsByDocument(db, documentId): Segment[] ·  listSegmentSpans(db, documentId): SegmentSpan[]
 *   getSegment(db, id, call?): Segment
 *   applySegment(db, journal, { documentId, codeId, startUtf16, endUtf16, memo?, coderId }, call?)
 *       → { id, outcome: 'created' | 'extended' | 'unchanged' }   the same coder's overlapping or touching
 *       segments of the code are folded into one; other coders' segments are never touched
 *   insertSegments(db, journal, spans: { documentId, codeId, startUtf16, endUtf16 }[], coderId, call?)
 *       → { inserted: number[], duplicates: number }   many at once (auto-code), same rule, one text read per document
 *   removeSegment / resizeSegment / recodeSegment / setSegmentMemo (db, journal, id, …, call?)
 *   listSegmentsByCode(db, { codeId, … }): RetrievedSegments ·  neighborSegment(db, …): SegmentNeighbor | null
 */
import type Database from 'better-sqlite3';
import type {
  RetrievedSegment,
  RetrievedSegments,
  Segment,
  SegmentNeighbor,
  SegmentSpan,
} from '../../shared/api/coding';
import { PassageError } from '../../shared/api/result';
import { subtreeIds } from './codes';
import { documentTextWindow, wholeTextWindow, type DocumentTextWindow } from './documentTextWindow';
import { statement } from './statements';
import type { Journal } from './undo';

const SELECT = `
  SELECT s.id, s.document_id AS documentId, s.code_id AS codeId, s.start_utf16 AS startUtf16,
    s.end_utf16 AS endUtf16, s.text, s.memo, k.name AS coder, s.created_at AS createdAt, s.updated_at AS updatedAt
  FROM segments s JOIN coders k ON k.id = s.coder_id`;

export function listSegmentsByDocument(db: Database.Database, documentId: number): Segment[] {
  return statement(
    db,
    `${SELECT} WHERE s.document_id = @documentId ORDER BY s.start_utf16, s.end_utf16 DESC, s.id`,
  ).all({
    documentId,
  }) as Segment[];
}

/** Spans only, from the covering index segments_document_span (no table row is read). */
export function listSegmentSpans(db: Database.Database, documentId: number, _call: string): SegmentSpan[] {
  // Only whether the document exists: its text (megabytes for a long transcript) is not needed here.
  if (!statement(db, 'SELECT 1 FROM documents WHERE id = @documentId').get({ documentId }))
    throw new PassageError('not_found', `document ${documentId} does not exist`);
  return statement(
    db,
    `SELECT id, code_id AS codeId, start_utf16 AS startUtf16, end_utf16 AS endUtf16 FROM segments
     WHERE document_id = @documentId ORDER BY start_utf16, end_utf16 DESC, code_id, id`,
  ).all({ documentId }) as SegmentSpan[];
}

export function getSegment(db: Database.Database, id: number, _call = 'segments'): Segment {
  const row = statement(db, `${SELECT} WHERE s.id = @id`).get({ id }) as Segment | undefined;
  if (!row) throw new PassageError('not_found', `segment ${id} does not exist`);
  return row;
}

export function documentText(
  db: Database.Database,
  documentId: number,
  call: string,
  _field = 'documentId',
): string {
  const row = statement(db, 'SELECT text FROM documents WHERE id = @documentId').get({ documentId }) as
    { text: string } | undefined;
  if (!row) throw new PassageError('not_found', `document ${documentId} does not exist`);
  return row.text;
}

function requireCode(db: Database.Database, codeId: number, _call: string): void {
  if (!statement(db, 'SELECT 1 FROM codes WHERE id = @codeId').get({ codeId })) {
    throw new PassageError('not_found', `code ${codeId} does not exist`);
  }
}

function checkBounds(text: DocumentTextWindow, start: number, end: number, _call: string): void {
  const problem = text.boundsProblem(start, end);
  if (problem) throw new PassageError('invalid_argument', problem);
}

interface CodingKey {
  documentId: number;
  codeId: number;
  coderId: number;
}

/** The coder's segment of this code on exactly this span (the unique index segments_unique_coding). */
function findDuplicate(
  db: Database.Database,
  span: CodingKey & { startUtf16: number; endUtf16: number },
): number | undefined {
  const row = statement(
    db,
    `SELECT id FROM segments WHERE document_id = @documentId AND code_id = @codeId AND coder_id = @coderId
     AND start_utf16 = @startUtf16 AND end_utf16 = @endUtf16`,
  ).get(span) as { id: number } | undefined;
  return row?.id;
}

interface SpanRow {
  id: number;
  start_utf16: number;
  end_utf16: number;
}

/**
 * The coder's segments of this code that overlap or touch [start, end]. One coder's segments of one
 * code never overlap (applySegment extends instead), so they are those starting inside the span plus
 * at most the one starting last before it: two range reads of the unique index, however dense the
 * document.
 */
function touchingSegments(
  db: Database.Database,
  key: CodingKey,
  startUtf16: number,
  endUtf16: number,
): SpanRow[] {
  const params = { ...key, startUtf16, endUtf16 };
  const inside = statement(
    db,
    `SELECT id, start_utf16, end_utf16 FROM segments
     WHERE document_id = @documentId AND code_id = @codeId AND coder_id = @coderId
       AND start_utf16 BETWEEN @startUtf16 AND @endUtf16`,
  ).all(params) as SpanRow[];
  const before = statement(
    db,
    `SELECT id, start_utf16, end_utf16 FROM segments
     WHERE document_id = @documentId AND code_id = @codeId AND coder_id = @coderId AND start_utf16 < @startUtf16
     ORDER BY start_utf16 DESC LIMIT 1`,
  ).get(params) as SpanRow | undefined;
  return before && before.end_utf16 >= startUtf16 ? [before, ...inside] : inside;
}

export interface NewSegment {
  documentId: number;
  codeId: number;
  startUtf16: number;
  endUtf16: number;
  memo?: string;
}

function insertChecked(
  journal: Journal,
  text: DocumentTextWindow,
  span: NewSegment,
  coderId: number,
): number {
  const now = new Date().toISOString();
  const row = journal.insert('segments', {
    id: null,
    document_id: span.documentId,
    code_id: span.codeId,
    start_utf16: span.startUtf16,
    end_utf16: span.endUtf16,
    text: text.slice(span.startUtf16, span.endUtf16),
    memo: span.memo ?? '',
    coder_id: coderId,
    created_at: now,
    updated_at: now,
  });
  return row.id as number;
}

export type ApplyOutcome = 'created' | 'extended' | 'unchanged';

/**
 * Codes a span, as NVivo and MAXQDA do: where the same coder's segments of the same code overlap or
 * touch it, the first of them grows to cover them all and the span (the others are removed), so one
 * coder never holds two segments of one code over the same words. Another coder's identical segment is
 * never touched.
 */
function codeSpan(
  db: Database.Database,
  journal: Journal,
  text: DocumentTextWindow,
  span: NewSegment,
  coderId: number,
): { id: number; outcome: ApplyOutcome } {
  const key = { documentId: span.documentId, codeId: span.codeId, coderId };
  const touching = touchingSegments(db, key, span.startUtf16, span.endUtf16);
  if (touching.length === 0) return { id: insertChecked(journal, text, span, coderId), outcome: 'created' };
  const [first, ...rest] = touching.sort((a, b) => a.start_utf16 - b.start_utf16 || a.id - b.id) as [
    SpanRow,
    ...SpanRow[],
  ];
  const start = Math.min(span.startUtf16, ...touching.map((t) => t.start_utf16));
  const end = Math.max(span.endUtf16, ...touching.map((t) => t.end_utf16));
  if (rest.length === 0 && start === first.start_utf16 && end === first.end_utf16)
    return { id: first.id, outcome: 'unchanged' };
  const memos = touching.map((t) => (journal.get('segments', { id: t.id })?.memo as string) ?? '');
  for (const other of rest) journal.remove('segments', { id: other.id });
  journal.update(
    'segments',
    { id: first.id },
    {
      start_utf16: start,
      end_utf16: end,
      text: text.slice(start, end),
      // The memos of the segments folded in are kept, one after another.
      memo: [...memos, span.memo ?? ''].filter((m) => m.trim() !== '').join('\n\n'),
      updated_at: new Date().toISOString(),
    },
  );
  return { id: first.id, outcome: 'extended' };
}

export function applySegment(
  db: Database.Database,
  journal: Journal,
  span: NewSegment & { coderId: number },
  call = 'segments.apply',
): { id: number; outcome: ApplyOutcome } {
  const text = documentTextWindow(db, span.documentId);
  requireCode(db, span.codeId, call);
  checkBounds(text, span.startUtf16, span.endUtf16, call);
  return codeSpan(db, journal, text, span, span.coderId);
}

/** Many spans at once (auto-code): the same rule as applySegment, one text read per document. */
export function insertSegments(
  db: Database.Database,
  journal: Journal,
  spans: readonly NewSegment[],
  coderId: number,
  call = 'segments.insert',
): { inserted: number[]; duplicates: number } {
  const texts = new Map<number, DocumentTextWindow>();
  const checkedCodes = new Set<number>();
  const inserted: number[] = [];
  let duplicates = 0;
  for (const span of spans) {
    let text = texts.get(span.documentId);
    if (text === undefined) {
      text = wholeTextWindow(documentText(db, span.documentId, call));
      texts.set(span.documentId, text);
    }
    if (!checkedCodes.has(span.codeId)) {
      requireCode(db, span.codeId, call);
      checkedCodes.add(span.codeId);
    }
    checkBounds(text, span.startUtf16, span.endUtf16, call);
    const { id, outcome } = codeSpan(db, journal, text, span, coderId);
    if (outcome === 'created') inserted.push(id);
    else duplicates++;
  }
  return { inserted, duplicates };
}

function segmentRow(db: Database.Database, id: number, _call: string) {
  const row = statement(
    db,
    'SELECT id, document_id, code_id, coder_id, start_utf16, end_utf16 FROM segments WHERE id = @id',
  ).get({
    id,
  }) as
    | {
        id: number;
        document_id: number;
        code_id: number;
        coder_id: number;
        start_utf16: number;
        end_utf16: number;
      }
    | undefined;
  if (!row) throw new PassageError('not_found', `segment ${id} does not exist`);
  return row;
}

export function removeSegment(
  db: Database.Database,
  journal: Journal,
  id: number,
  call = 'segments.remove',
): void {
  segmentRow(db, id, call);
  journal.remove('segments', { id });
}

export function resizeSegment(
  db: Database.Database,
  journal: Journal,
  id: number,
  startUtf16: number,
  endUtf16: number,
  call = 'segments.resize',
): void {
  const row = segmentRow(db, id, call);
  const text = documentTextWindow(db, row.document_id);
  checkBounds(text, startUtf16, endUtf16, call);
  const twin = findDuplicate(db, {
    documentId: row.document_id,
    codeId: row.code_id,
    coderId: row.coder_id,
    startUtf16,
    endUtf16,
  });
  if (twin !== undefined && twin !== id) {
    throw new PassageError('conflict', `segment ${twin} of the same code already covers exactly that span`);
  }
  journal.update(
    'segments',
    { id },
    {
      start_utf16: startUtf16,
      end_utf16: endUtf16,
      text: text.slice(startUtf16, endUtf16),
      updated_at: new Date().toISOString(),
    },
  );
}

export function recodeSegment(
  db: Database.Database,
  journal: Journal,
  id: number,
  codeId: number,
  call = 'segments.recode',
): void {
  const row = segmentRow(db, id, call);
  requireCode(db, codeId, call);
  if (codeId === row.code_id) return;
  const twin = findDuplicate(db, {
    documentId: row.document_id,
    codeId,
    coderId: row.coder_id,
    startUtf16: row.start_utf16,
    endUtf16: row.end_utf16,
  });
  if (twin !== undefined) {
    throw new PassageError('conflict', `segment ${twin} already codes exactly this span with that code`);
  }
  journal.update('segments', { id }, { code_id: codeId, updated_at: new Date().toISOString() });
}

export function setSegmentMemo(
  db: Database.Database,
  journal: Journal,
  id: number,
  memo: string,
  call = 'segments.setMemo',
): void {
  segmentRow(db, id, call);
  journal.update('segments', { id }, { memo, updated_at: new Date().toISOString() });
}

/** Context beside a segment, cut at the nearest line break so it reads as the surrounding passage. */
function context(text: string, start: number, end: number, chars: number): { before: string; after: string } {
  let before = text.slice(Math.max(0, start - chars), start);
  let after = text.slice(end, Math.min(text.length, end + chars));
  const lastBreak = before.lastIndexOf('\n');
  if (lastBreak >= 0) before = before.slice(lastBreak + 1);
  const firstBreak = after.indexOf('\n');
  if (firstBreak >= 0) after = after.slice(0, firstBreak);
  // Never leave half a surrogate pair at a cut.
  if (/^[\uDC00-\uDFFF]/.test(before)) before = before.slice(1);
  if (/[\uD800-\uDBFF]$/.test(after)) after = after.slice(0, -1);
  return { before, after };
}

export interface ByCodeQuery {
  codeId: number;
  includeDescendants?: boolean;
  documentId?: number;
  contextChars?: number;
  limit?: number;
  offset?: number;
}

export function listSegmentsByCode(
  db: Database.Database,
  query: ByCodeQuery,
  call = 'segments.listByCode',
): RetrievedSegments {
  requireCode(db, query.codeId, call);
  const params = {
    ids: JSON.stringify(query.includeDescendants ? subtreeIds(db, query.codeId) : [query.codeId]),
    documentId: query.documentId ?? null,
    limit: query.limit ?? 500,
    offset: query.offset ?? 0,
  };
  const where = `s.code_id IN (SELECT value FROM json_each(@ids)) AND (@documentId IS NULL OR s.document_id = @documentId)`;
  const total = (
    statement(db, `SELECT count(*) AS n FROM segments s WHERE ${where}`).get(params) as { n: number }
  ).n;
  const rows = statement(
    db,
    `SELECT x.*, d.title AS documentTitle, c.name AS codeName FROM (${SELECT} WHERE ${where}) x
     JOIN documents d ON d.id = x.documentId JOIN codes c ON c.id = x.codeId
     ORDER BY x.documentId, x.startUtf16, x.id LIMIT @limit OFFSET @offset`,
  ).all(params) as Omit<RetrievedSegment, 'before' | 'after'>[];
  const texts = new Map<number, string>();
  const chars = query.contextChars ?? 150;
  const items = rows.map((row) => {
    let text = texts.get(row.documentId);
    if (text === undefined) {
      text = documentText(db, row.documentId, call);
      texts.set(row.documentId, text);
    }
    return { ...row, ...context(text, row.startUtf16, row.endUtf16, chars) };
  });
  return { total, items };
}

export function neighborSegment(
  db: Database.Database,
  query: {
    codeId: number;
    fromDocumentId: number;
    fromStartUtf16: number;
    direction: 'next' | 'previous';
    wrap?: boolean;
  },
  call = 'segments.neighbor',
): SegmentNeighbor | null {
  requireCode(db, query.codeId, call);
  const next = query.direction === 'next';
  const base = `SELECT x.*, d.title AS documentTitle FROM (${SELECT} WHERE s.code_id = @codeId) x
    JOIN documents d ON d.id = x.documentId`;
  const order = next
    ? 'ORDER BY x.documentId, x.startUtf16, x.id'
    : 'ORDER BY x.documentId DESC, x.startUtf16 DESC, x.id DESC';
  const params = { codeId: query.codeId, doc: query.fromDocumentId, start: query.fromStartUtf16 };
  const found = statement(
    db,
    `${base} WHERE (x.documentId, x.startUtf16) ${next ? '>' : '<'} (@doc, @start) ${order} LIMIT 1`,
  ).get(params) as SegmentNeighbor | undefined;
  if (found) return found;
  if (query.wrap === false) return null;
  return (
    (statement(db, `${base} ${order} LIMIT 1`).get({ codeId: query.codeId }) as
      SegmentNeighbor | undefined) ?? null
  );
}
