import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_SQL, SPANS_SQL } from '../../electron/reports/load';
import { newProjectSession } from '../helpers/session';

function plan(db: Database.Database, sql: string): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as { detail: string }[]).map((r) => r.detail);
}

describe('the queries behind evidence and co-occurrence use the segments indexes', () => {
  it('spans (co-occurrence) read a covering index, evidence searches by code, turns and pages by key', async () => {
    const { session } = await newProjectSession();
    const db = session.requireProject().db;
    const spans = plan(db, SPANS_SQL);
    expect(spans).toEqual(['SEARCH segments USING COVERING INDEX segments_code_span (code_id=?)']);
    const evidence = plan(db, EVIDENCE_SQL);
    expect(
      evidence.some((d) => /^SEARCH s USING (COVERING )?INDEX segments_code\w* \(code_id=\?\)/.test(d)),
    ).toBe(true);
    expect(evidence.some((d) => /SEARCH t USING INDEX turns_document/.test(d))).toBe(true);
    expect(evidence.some((d) => /SEARCH p USING PRIMARY KEY \(document_id=\?/.test(d))).toBe(true);
    const counts = plan(
      db,
      'SELECT document_id, count(*) FROM segments WHERE code_id = ? GROUP BY document_id',
    );
    expect(counts.some((d) => /SEARCH segments USING COVERING INDEX segments_code/.test(d))).toBe(true);
    // No full scan of segments anywhere.
    for (const d of [...spans, ...evidence, ...counts]) expect(d).not.toMatch(/^SCAN (segments|s)\b/);
  });
});
