import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/store/openProject';
import { withCountsRebuiltAfter } from '../../electron/store/segmentCounts';
import { tempDir } from '../helpers/tmp';

const NOW = '2026-12-01T10:00:00.000Z';

const countTriggers = (db: Database.Database, table = '%') =>
  db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name LIKE ? AND name GLOB '*_counts_*' ORDER BY name",
    )
    .pluck()
    .all(table);

/** The three count tables, and what the segments say they should hold. */
function countsAndTruth(db: Database.Database) {
  const read = (sql: string) => db.prepare(sql).all();
  return {
    kept: [
      read('SELECT document_id, segments FROM document_segment_counts ORDER BY 1'),
      read('SELECT coder_id, segments FROM coder_segment_counts ORDER BY 1'),
      read('SELECT code_id, document_id, segments FROM code_document_counts ORDER BY 1, 2'),
    ],
    truth: [
      read('SELECT document_id, count(*) AS segments FROM segments GROUP BY 1 ORDER BY 1'),
      read('SELECT coder_id, count(*) AS segments FROM segments GROUP BY 1 ORDER BY 1'),
      read('SELECT code_id, document_id, count(*) AS segments FROM segments GROUP BY 1, 2 ORDER BY 1, 2'),
    ],
  };
}

async function project() {
  const p = await openProject(path.join(tempDir(), 'study.passage'), { create: true });
  p.db.exec(`
    INSERT INTO documents (id, title, kind, file_name, format, content_hash, text, word_count, imported_at)
      VALUES (1, 'A', 'interview', 'a.txt', 'txt', 'h1', 'one two three four five six', 6, '${NOW}'),
             (2, 'B', 'document', 'b.txt', 'txt', 'h2', 'one two three four five six', 6, '${NOW}');
    INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', '${NOW}'), (2, 'bea', '${NOW}');
    INSERT INTO codes (id, name, color, position, created_at) VALUES (1, 'Trust', '#445566', 0, '${NOW}'),
      (2, 'Money', '#665544', 1, '${NOW}');`);
  const insert = p.db.prepare(
    `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'x', ?, '${NOW}', '${NOW}')`,
  );
  return { p, insert };
}

describe('withCountsRebuiltAfter', () => {
  it('writes without the count triggers, then leaves the counts the segments give and the triggers as they were', async () => {
    const { p, insert } = await project();
    insert.run(1, 1, 0, 3, 1);
    const triggers = countTriggers(p.db);
    expect(triggers.length).toBeGreaterThanOrEqual(6);
    p.db.transaction(() =>
      withCountsRebuiltAfter(p.db, () => {
        expect(countTriggers(p.db, 'segments')).toEqual([]);
        for (let i = 0; i < 300; i++)
          insert.run(1 + (i % 2), 1 + (i % 3 === 0 ? 1 : 0), i, i + 2, 1 + (i % 5 === 0 ? 1 : 0));
        p.db.prepare('DELETE FROM segments WHERE id = 1').run();
      }),
    )();
    expect(countTriggers(p.db)).toEqual(triggers);
    const after = countsAndTruth(p.db);
    expect(after.kept).toEqual(after.truth);
    // The triggers work again: one more segment is counted at once.
    insert.run(2, 2, 0, 3, 2);
    const next = countsAndTruth(p.db);
    expect(next.kept).toEqual(next.truth);
    closeProject(p);
  });

  it('leaves triggers and counts untouched when the write fails', async () => {
    const { p, insert } = await project();
    insert.run(1, 1, 0, 3, 1);
    const triggers = countTriggers(p.db);
    expect(() =>
      p.db.transaction(() =>
        withCountsRebuiltAfter(p.db, () => {
          insert.run(2, 2, 0, 3, 2);
          throw new Error('the merge found a conflict');
        }),
      )(),
    ).toThrow('conflict');
    expect(countTriggers(p.db)).toEqual(triggers);
    const after = countsAndTruth(p.db);
    expect(after.kept).toEqual(after.truth);
    expect(p.db.prepare('SELECT count(*) FROM segments').pluck().get()).toBe(1);
    closeProject(p);
  });
});
