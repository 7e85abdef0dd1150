import type Database from 'better-sqlite3';
import type { CooccurrenceUnit } from '../../shared/reports/model';

/**
 * The naive baseline the interval sweep replaces: a self-join of segments in SQL, counting the same
 * cells as countCooccurrence (documents unit: documents with both codes; segments unit: segments of the
 * row code overlapping a segment of the column code). Kept for the bench and as a cross-check in tests.
 */
export function naiveCooccurrenceSql(unit: CooccurrenceUnit): string {
  return unit === 'documents'
    ? `SELECT a.code_id AS rowCodeId, b.code_id AS columnCodeId, count(DISTINCT a.document_id) AS count
         FROM segments a JOIN segments b ON b.document_id = a.document_id
        GROUP BY a.code_id, b.code_id`
    : `SELECT a.code_id AS rowCodeId, b.code_id AS columnCodeId, count(DISTINCT a.id) AS count
         FROM segments a JOIN segments b
           ON b.document_id = a.document_id AND b.start_utf16 < a.end_utf16 AND a.start_utf16 < b.end_utf16
        GROUP BY a.code_id, b.code_id`;
}

/** Runs the baseline over the whole project (no filters): rowCodeId → columnCodeId → count. */
export function naiveCooccurrence(
  db: Database.Database,
  unit: CooccurrenceUnit,
): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  for (const row of db.prepare(naiveCooccurrenceSql(unit)).all() as {
    rowCodeId: number;
    columnCodeId: number;
    count: number;
  }[]) {
    const byColumn = out.get(row.rowCodeId) ?? new Map<number, number>();
    byColumn.set(row.columnCodeId, row.count);
    out.set(row.rowCodeId, byColumn);
  }
  return out;
}
