// Migration 0090 (anonymised_spans) on a populated project of the previous version: every row stays,
// the new table works, and a span goes with its document.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/store/migrations';
import { closeProject, openProject } from '../../electron/store/openProject';
import { migrationsDir } from '../../electron/store/paths';
import { insertAnonymisedSpans, listAnonymisedSpans } from '../../electron/privacy/spans';
import { tempDir } from '../helpers/tmp';

function migrationsUpTo(version: number): string {
  const dir = tempDir('passage-migrations-');
  for (const m of loadMigrations()) {
    if (m.version > version) continue;
    const name = `${String(m.version).padStart(4, '0')}_${m.name}.sql`;
    fs.copyFileSync(path.join(migrationsDir(), name), path.join(dir, name));
  }
  return dir;
}

const NOW = '2026-12-04T10:00:00.000Z';
const count = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migration 0090 anonymised_spans', () => {
  it('migrates a populated project of the previous version, keeping every row', async () => {
    const previous = Math.max(
      ...loadMigrations()
        .filter((m) => m.version < 90)
        .map((m) => m.version),
    );
    const file = path.join(tempDir(), 'study.passage');
    const old = await openProject(file, { create: true, migrationsDir: migrationsUpTo(previous) });
    expect(old.schemaVersion).toBe(previous);
    old.db.exec(`
      INSERT INTO coders (name, created_at) VALUES ('ana', '${NOW}');
      INSERT INTO participants (label, status, created_at) VALUES ('P07', 'interviewed', '${NOW}');
      INSERT INTO documents (title, kind, file_name, format, content_hash, text, word_count, imported_at)
        VALUES ('Interview 7', 'interview', 'i7.txt', 'txt', 'h7', '[P07] said the convoy was late.', 6, '${NOW}'),
               ('Report', 'document', 'r.txt', 'txt', 'h8', 'Nothing personal.', 2, '${NOW}');
      INSERT INTO codes (name, color, created_at) VALUES ('Delay', '#336699', '${NOW}');
      INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
        VALUES (1, 1, 6, 31, 'said the convoy was late.', 1, '${NOW}', '${NOW}');
      INSERT INTO memos (document_id, body, author, created_at, updated_at) VALUES (1, 'late again', 'ana', '${NOW}', '${NOW}');
    `);
    const before = Object.fromEntries(
      ['coders', 'participants', 'documents', 'codes', 'segments', 'memos'].map((t) => [t, count(old.db, t)]),
    );
    closeProject(old);

    // Up to 0090 only: later migrations are theirs to test.
    const project = await openProject(file, { migrationsDir: migrationsUpTo(90) });
    try {
      expect(project.schemaVersion).toBe(90);
      for (const [table, n] of Object.entries(before)) expect(count(project.db, table), table).toBe(n);
      insertAnonymisedSpans(project.db, 1, [
        { startUtf16: 0, endUtf16: 5, kind: 'participant', placeholder: '[P07]' },
      ]);
      expect(listAnonymisedSpans(project.db, 1)).toEqual([
        { startUtf16: 0, endUtf16: 5, kind: 'participant', placeholder: '[P07]' },
      ]);
      // Bad rows are refused: an empty span, an unknown kind, a missing document.
      expect(() =>
        insertAnonymisedSpans(project.db, 1, [
          { startUtf16: 5, endUtf16: 5, kind: 'person', placeholder: 'x' },
        ]),
      ).toThrow();
      expect(() =>
        project.db
          .prepare(
            "INSERT INTO anonymised_spans (document_id, start_utf16, end_utf16, kind, placeholder) VALUES (1, 0, 1, 'secret', 'x')",
          )
          .run(),
      ).toThrow();
      expect(() =>
        insertAnonymisedSpans(project.db, 99, [
          { startUtf16: 0, endUtf16: 1, kind: 'person', placeholder: 'x' },
        ]),
      ).toThrow();
      project.db.prepare('DELETE FROM documents WHERE id = 1').run();
      expect(count(project.db, 'anonymised_spans')).toBe(0);
    } finally {
      closeProject(project);
    }
  });
});
