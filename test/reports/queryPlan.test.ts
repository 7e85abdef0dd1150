import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_DATES_SQL,
  DOCUMENT_PARTICIPANTS_SQL,
  DOCUMENT_QUOTE_KEYS_SQL,
  EVIDENCE_SQL,
  SPANS_SQL,
} from '../../electron/reports/load';
import { newProjectSession } from '../helpers/session';

function plan(db: Database.Database, sql: string, ...params: number[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (r) => r.detail,
  );
}

describe('the queries behind evidence and co-occurrence use the segments indexes', () => {
  it('spans (co-occurrence) read a covering index, evidence searches by code, turns and pages by key', async () => {
    const { session } = await newProjectSession();
    const db = session.requireProject().db;
    const spans = plan(db, SPANS_SQL, 1);
    expect(spans).toEqual(['SEARCH segments USING COVERING INDEX segments_code_span (code_id=?)']);
    const evidence = plan(db, EVIDENCE_SQL, 1);
    expect(
      evidence.some((d) => /^SEARCH s USING (COVERING )?INDEX segments_code\w* \(code_id=\?\)/.test(d)),
    ).toBe(true);
    expect(evidence.some((d) => /SEARCH t USING INDEX turns_document/.test(d))).toBe(true);
    expect(evidence.some((d) => /SEARCH p USING PRIMARY KEY \(document_id=\?/.test(d))).toBe(true);
    const counts = plan(
      db,
      'SELECT document_id, count(*) FROM segments WHERE code_id = ? GROUP BY document_id',
      1,
    );
    expect(counts.some((d) => /SEARCH segments USING COVERING INDEX segments_code/.test(d))).toBe(true);
    // No full scan of segments anywhere.
    for (const d of [...spans, ...evidence, ...counts]) expect(d).not.toMatch(/^SCAN (segments|s)\b/);
  });

  it('document dates and participants come from covering indexes, not rows that reach past the text', async () => {
    const { session } = await newProjectSession();
    const db = session.requireProject().db;
    expect(plan(db, DOCUMENT_DATES_SQL)).toEqual(['SCAN documents USING COVERING INDEX documents_date']);
    // An evidence page reads its documents' quote keys from the covering index, never the rows.
    const quoteKeys = plan(db, DOCUMENT_QUOTE_KEYS_SQL, 1, 1);
    expect(quoteKeys).toHaveLength(1);
    expect(quoteKeys[0]).toMatch(
      /^SEARCH segments USING COVERING INDEX \w+ \((code_id=\? AND document_id=\?|document_id=\? AND code_id=\?)\)$/,
    );
    expect(plan(db, DOCUMENT_PARTICIPANTS_SQL)).toEqual([
      'SEARCH documents USING COVERING INDEX documents_participant (participant_id>?)',
    ]);
  });
});
