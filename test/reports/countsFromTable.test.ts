import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  CODE_DOCUMENT_COUNTS_SQL,
  CODER_CODE_DOCUMENT_COUNTS_SQL,
  loadCodeDocumentCounts,
} from '../../electron/reports/load';
import { pagedEvidenceReport } from '../../electron/reports/reports';
import { newProjectSession } from '../helpers/session';
import { generatedProject } from './generatedProject';

/** What the reports counted before: the segments themselves, per code in document order. */
function countedFromSegments(db: Database.Database, codeIds: number[]) {
  const query = db.prepare(
    'SELECT document_id, count(*) FROM segments WHERE code_id = ? GROUP BY document_id ORDER BY document_id',
  );
  return codeIds.flatMap((codeId) =>
    (query.raw().all(codeId) as [number, number][]).map(([documentId, segments]) => ({
      codeId,
      documentId,
      segments,
    })),
  );
}

describe("reports count a code's segments per document from the kept counts", () => {
  it('gives what counting the segments gives, after deletes and recodes too, and reports stay the same', async () => {
    const { db, study } = await generatedProject({
      documents: 40,
      codes: 8,
      segments: 3000,
      bigCodeSegments: 800,
      seed: 5,
    });
    const before = pagedEvidenceReport(db, {}, 'document', 50);
    expect(loadCodeDocumentCounts(db, study.codeIds, null)).toEqual(countedFromSegments(db, study.codeIds));

    // Every segment of one document for one code goes, others move to another code or document.
    db.prepare('DELETE FROM segments WHERE code_id = ? AND document_id = ?').run(
      study.codeIds[1],
      study.documentIds[3],
    );
    db.prepare('DELETE FROM segments WHERE id % 7 = 0').run();
    db.prepare('UPDATE segments SET code_id = ? WHERE id % 11 = 0').run(study.codeIds[2]);
    db.prepare('UPDATE segments SET document_id = ? WHERE id % 13 = 0').run(study.documentIds[0]);
    expect(loadCodeDocumentCounts(db, study.codeIds, null)).toEqual(countedFromSegments(db, study.codeIds));

    // The reports built on the counts: the same header, counts and first pages as the segments give.
    const after = pagedEvidenceReport(db, {}, 'document', 50);
    expect(after.header.segmentCount).toBe(db.prepare('SELECT count(*) FROM segments').pluck().get());
    expect(after.header.segmentCount).toBeLessThan(before.header.segmentCount);
    for (const section of after.codes) {
      const quotes = db
        .prepare('SELECT count(*) FROM segments WHERE code_id = ?')
        .pluck()
        .get(section.code.codeId) as number;
      expect(section.segmentCount).toBe(quotes);
    }
  });

  it('reads the counts table, not the segments; a coder filter still counts the segments by index', async () => {
    const { session } = await newProjectSession();
    const db = session.requireProject().db;
    const plan = (sql: string, ...params: number[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    expect(plan(CODE_DOCUMENT_COUNTS_SQL, 1)).toEqual([
      'SEARCH code_document_counts USING PRIMARY KEY (code_id=?)',
    ]);
    for (const d of plan(CODER_CODE_DOCUMENT_COUNTS_SQL, 1, 1)) expect(d).not.toMatch(/^SCAN/);
  });
});
