import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestVersion } from '../../electron/store/migrations';
import { closeProject, openProject } from '../../electron/store/openProject';
import { migrationsUpTo, versionBefore } from '../helpers/migrations';
import { tempDir } from '../helpers/tmp';

const NOW = '2026-12-01T10:00:00.000Z';

describe('migration 0120: document text shapes', () => {
  it('migrates a populated project of the version before, keeping its rows, and learns shapes as it is coded', async () => {
    const file = path.join(tempDir(), 'study.passage');
    const before = versionBefore(120);
    const old = await openProject(file, { create: true, migrationsDir: migrationsUpTo(before) });
    expect(old.schemaVersion).toBe(before);
    old.db.exec(`
      INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', '${NOW}');
      INSERT INTO documents (id, title, kind, file_name, format, content_hash, text, word_count, imported_at)
        VALUES (1, 'Interview 1', 'interview', 'i1.txt', 'txt', 'h1', 'We needed the NGOs for legitimacy.', 6, '${NOW}');
      INSERT INTO codes (id, name, color, position, created_at) VALUES (1, 'Legitimacy', '#445566', 0, '${NOW}');
      INSERT INTO segments (id, document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
        VALUES (1, 1, 1, 14, 18, 'NGOs', 1, '${NOW}', '${NOW}');
    `);
    closeProject(old);

    const project = await openProject(file);
    expect(project.schemaVersion).toBe(latestVersion());
    const db = project.db;
    expect(db.prepare('SELECT text FROM segments WHERE id = 1').pluck().get()).toBe('NGOs');
    expect(db.prepare('SELECT count(*) FROM document_text_shape').pluck().get()).toBe(0);
    db.prepare('INSERT INTO document_text_shape VALUES (1, 34, 1)').run();
    db.prepare("UPDATE documents SET text = 'Changed.' WHERE id = 1").run();
    expect(db.prepare('SELECT count(*) FROM document_text_shape').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    closeProject(project);
  });
});
