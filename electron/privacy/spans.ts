// anonymised_spans (migration 0090): where placeholders are in a document's text. Never the real string.
import type Database from 'better-sqlite3';
import type { AnonymisedSpan } from '../../shared/privacy/types';
import { statement } from '../store/statements';

export function insertAnonymisedSpans(
  db: Database.Database,
  documentId: number,
  spans: readonly AnonymisedSpan[],
): void {
  const insert = statement(
    db,
    `INSERT INTO anonymised_spans (document_id, start_utf16, end_utf16, kind, placeholder)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const s of spans) insert.run(documentId, s.startUtf16, s.endUtf16, s.kind, s.placeholder);
}

export function listAnonymisedSpans(db: Database.Database, documentId: number): AnonymisedSpan[] {
  return statement(
    db,
    `SELECT start_utf16 AS startUtf16, end_utf16 AS endUtf16, kind, placeholder
     FROM anonymised_spans WHERE document_id = ? ORDER BY start_utf16`,
  ).all(documentId) as AnonymisedSpan[];
}
