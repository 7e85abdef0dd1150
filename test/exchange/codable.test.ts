/**
 * Codes that are headings (REFI-QDA isCodable="false"): the column that holds it on a project of the
 * previous version, the refusal to apply one, and the flag in the codes API (undoable).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/store/openProject';
import { latestVersion } from '../../electron/store/migrations';
import { addDocument, newStudy, spanOf, TRANSCRIPT } from '../coding/fixture';
import { migrationsUpTo, versionBefore } from '../helpers/migrations';
import { tempDir } from '../helpers/tmp';

const NOW = '2026-11-01T10:00:00.000Z';

describe('codable codes', () => {
  it('migration 130 keeps every code of a populated project and makes each applicable', async () => {
    const file = path.join(tempDir(), 'study.passage');
    const before = versionBefore(130);
    const old = await openProject(file, { create: true, migrationsDir: migrationsUpTo(before) });
    expect(old.schemaVersion).toBe(before);
    old.db.exec(`
      INSERT INTO coders (name, created_at) VALUES ('ana', '${NOW}');
      INSERT INTO documents (title, kind, file_name, format, content_hash, text, word_count, imported_at)
        VALUES ('Interview 1', 'interview', 'i1.txt', 'txt', 'h1', 'We needed the NGOs.', 4, '${NOW}');
      INSERT INTO codes (parent_id, name, color, description, position, created_at)
        VALUES (NULL, 'Resource gaps', '#112233', 'why', 0, '${NOW}');
      INSERT INTO codes (parent_id, name, color, position, created_at) VALUES (1, 'Legitimacy', '#445566', 0, '${NOW}');
      INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, memo, coder_id, created_at, updated_at)
        VALUES (1, 2, 14, 18, 'NGOs', '', 1, '${NOW}', '${NOW}');
    `);
    const rows = old.db.prepare('SELECT id, guid, parent_id, name, color, description FROM codes').all();
    closeProject(old);

    const project = await openProject(file);
    try {
      expect(project.schemaVersion).toBe(latestVersion());
      const now = project.db
        .prepare('SELECT id, guid, parent_id, name, color, description, codable FROM codes')
        .all();
      expect(now).toEqual(rows.map((r) => ({ ...(r as object), codable: 1 })));
      expect(project.db.prepare('SELECT count(*) FROM segments').pluck().get()).toBe(1);
      expect(() => project.db.exec('UPDATE codes SET codable = 2 WHERE id = 1')).toThrow(/CHECK/);
    } finally {
      closeProject(project);
    }
  });

  it('refuses to apply a heading, naming it, and applies its sub-code', async () => {
    const study = await newStudy();
    const documentId = addDocument(study.db(), 'Interview 1', TRANSCRIPT);
    const heading = await study.call('codes.create', { name: 'Resource gaps' });
    const child = await study.call('codes.create', { name: 'Information', parentId: heading.id });
    expect(heading.codable).toBe(true);
    const made = await study.call('codes.update', { id: heading.id, codable: false });
    expect(made.codable).toBe(false);
    expect((await study.call('codes.list', {})).map((c) => [c.name, c.codable])).toEqual([
      ['Resource gaps', false],
      ['Information', true],
    ]);
    const span = spanOf(TRANSCRIPT, TRANSCRIPT.split(' ').slice(0, 2).join(' '));
    await expect(study.call('segments.apply', { documentId, codeId: heading.id, ...span })).rejects.toThrow(
      "'Resource gaps' is a heading: it can't be applied; apply one of its sub-codes",
    );
    expect(study.db().prepare('SELECT count(*) FROM segments').pluck().get()).toBe(0);
    await study.call('segments.apply', { documentId, codeId: child.id, ...span });
    expect(study.db().prepare('SELECT count(*) FROM segments').pluck().get()).toBe(1);

    // The change is undoable, and undone the code can be applied again.
    expect((await study.call('undo.undo', {})).label).toMatch(/Apply code Information/);
    expect((await study.call('undo.undo', {})).label).toBe('Make code Resource gaps a heading');
    await study.call('segments.apply', { documentId, codeId: heading.id, ...span });
  });

  it('a deleted heading comes back as a heading on undo', async () => {
    const study = await newStudy();
    const heading = await study.call('codes.create', { name: 'Resource gaps' });
    await study.call('codes.update', { id: heading.id, codable: false });
    await study.call('codes.delete', { id: heading.id });
    await study.call('undo.undo', {});
    expect((await study.call('codes.list', {})).map((c) => [c.name, c.codable])).toEqual([
      ['Resource gaps', false],
    ]);
  });
});
