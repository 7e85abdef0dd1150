import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestVersion } from '../../electron/store/migrations';
import { closeProject, openProject } from '../../electron/store/openProject';
import { GUID_PATTERN, projectGuid } from '../../electron/store/projectIdentity';
import { migrationsUpTo } from '../helpers/migrations';
import { tempDir } from '../helpers/tmp';

const NOW = '2026-11-01T10:00:00.000Z';

/** A project at schema 70 (before stable ids) with a row in every table that 0080 rebuilds. */
async function populatedV70(): Promise<string> {
  const file = path.join(tempDir(), 'study.passage');
  const project = await openProject(file, { create: true, migrationsDir: migrationsUpTo(70) });
  expect(project.schemaVersion).toBe(70);
  const db = project.db;
  db.exec(`
    INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', '${NOW}'), (2, 'ben', '${NOW}');
    INSERT INTO participant_categories (id, name) VALUES (1, 'NGO');
    INSERT INTO participants (id, label, category_id, status, created_at) VALUES
      (1, 'P01', 1, 'interviewed', '${NOW}'), (2, 'P02', 1, 'identified', '${NOW}'), (5, 'P05', NULL, 'contacted', '${NOW}');
    INSERT INTO referrals (id, referrer_id, referred_id, created_at) VALUES (1, 1, 2, '${NOW}');
    INSERT INTO documents (id, title, kind, file_name, format, content_hash, text, date, word_count, participant_id, imported_at)
      VALUES (1, 'Interview 1', 'interview', 'i1.txt', 'txt', 'h1', 'We needed the NGOs for legitimacy.', '2019-05-02', 6, 1, '${NOW}'),
             (3, 'Report', 'document', 'r.txt', 'txt', 'h3', 'Protection of civilians in 2011.', '2011', 5, NULL, '${NOW}');
    INSERT INTO document_pages (document_id, page, start_utf16, end_utf16) VALUES (3, 1, 0, 32);
    INSERT INTO turns (id, document_id, speaker, start_utf16, end_utf16) VALUES (1, 1, 'P01', 0, 34);
    INSERT INTO attributes (id, scope, name, type) VALUES (1, 'document', 'Source', 'text');
    INSERT INTO document_attribute_values (document_id, attribute_id, value) VALUES (3, 1, 'UN');
    INSERT INTO participant_attribute_values (participant_id, attribute_id, value) VALUES (1, 1, 'x');
    INSERT INTO document_groups (id, name, created_at) VALUES (1, 'NGOs', '${NOW}');
    INSERT INTO document_group_members (group_id, document_id) VALUES (1, 1), (1, 3);
    INSERT INTO codes (id, parent_id, name, color, shortcut, position, created_at) VALUES
      (1, NULL, 'Resource gaps', '#112233', NULL, 0, '${NOW}'),
      (2, 1, 'Legitimacy', '#445566', '1', 0, '${NOW}');
    INSERT INTO code_groups (id, name) VALUES (1, 'Theory');
    INSERT INTO code_group_members (group_id, code_id) VALUES (1, 2);
    INSERT INTO segments (id, document_id, code_id, start_utf16, end_utf16, text, memo, coder_id, created_at, updated_at) VALUES
      (1, 1, 2, 12, 16, 'NGOs', 'key quote', 1, '${NOW}', '${NOW}'),
      (2, 1, 2, 12, 16, 'NGOs', '', 2, '${NOW}', '${NOW}'),
      (7, 3, 1, 0, 10, 'Protection', '', 1, '${NOW}', '${NOW}');
    INSERT INTO memos (id, document_id, code_id, title, body, author, created_at, updated_at) VALUES
      (1, NULL, NULL, 'Project', 'Why NATO worked with NGOs', 'ana', '${NOW}', '${NOW}'),
      (2, 1, NULL, '', 'Long pause here', 'ana', '${NOW}', '${NOW}'),
      (3, NULL, 2, '', 'Legitimacy means…', 'ben', '${NOW}', '${NOW}');
    INSERT INTO undo_entries (label, changes, undone, created_at) VALUES ('Apply code Legitimacy', '[]', 0, '${NOW}');
  `);
  closeProject(project);
  return file;
}

const TABLES_WITH_ROWS = [
  'coders',
  'participant_categories',
  'participants',
  'referrals',
  'documents',
  'document_pages',
  'turns',
  'attributes',
  'document_attribute_values',
  'participant_attribute_values',
  'document_groups',
  'document_group_members',
  'codes',
  'code_groups',
  'code_group_members',
  'segments',
  'memos',
];

function contents(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES_WITH_ROWS) {
    const rows = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all() as Record<string, unknown>[];
    // What 0080 adds is checked on its own below (0130's codes.codable in test/exchange/codable.test.ts);
    // everything that was there must be there unchanged.
    out[table] = rows.map(({ guid: _guid, color: _color, codable: _codable, ...rest }) => rest);
  }
  return out;
}

describe('migration 0080 (stable ids) on a populated project of schema 70', () => {
  it('keeps every row of every table, gives each exchangeable row a GUID and the project one', async () => {
    const file = await populatedV70();
    const raw = new Database(file, { readonly: true });
    const before = contents(raw);
    raw.close();

    const project = await openProject(file);
    expect(project.schemaVersion).toBe(latestVersion());
    const db = project.db;
    expect(contents(db)).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    for (const table of [
      'documents',
      'codes',
      'code_groups',
      'document_groups',
      'segments',
      'memos',
      'participants',
      'referrals',
      'coders',
      'attributes',
    ]) {
      const guids = db.prepare(`SELECT guid FROM ${table}`).pluck().all() as string[];
      expect(guids.length, table).toBeGreaterThan(0);
      for (const guid of guids) expect(guid, table).toMatch(GUID_PATTERN);
      expect(new Set(guids).size, table).toBe(guids.length);
    }
    expect(projectGuid(db)).toMatch(GUID_PATTERN);
    // Old entries hold rows without GUIDs and no coder: they cannot be checked, so they are gone.
    expect(db.prepare('SELECT count(*) FROM undo_entries').pluck().get()).toBe(0);
    closeProject(project);
  });

  it('never hands a deleted row id to a new row any more, and new rows get GUIDs by default', async () => {
    const project = await openProject(await populatedV70());
    const db = project.db;
    db.prepare('DELETE FROM documents WHERE id = 3').run();
    const id = db
      .prepare(
        `INSERT INTO documents (title, kind, file_name, format, content_hash, text, word_count, imported_at)
         VALUES ('New', 'document', 'n.txt', 'txt', 'h9', 'New text', 2, ?) RETURNING id`,
      )
      .pluck()
      .get(NOW) as number;
    expect(id).toBe(4);
    db.prepare('DELETE FROM participants WHERE id = 5').run();
    const participant = db
      .prepare(`INSERT INTO participants (label, created_at) VALUES ('P06', ?) RETURNING id, guid`)
      .get(NOW) as { id: number; guid: string };
    expect(participant.id).toBe(6);
    expect(participant.guid).toMatch(GUID_PATTERN);
    closeProject(project);
  });

  it('keeps full-text search, its triggers and the reports indexes working on the rebuilt tables', async () => {
    const project = await openProject(await populatedV70());
    const db = project.db;
    const search = (q: string) =>
      db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid').pluck().all(q);
    expect(search('legitimacy')).toEqual([1]);
    db.prepare(
      `INSERT INTO documents (title, kind, file_name, format, content_hash, text, word_count, imported_at)
       VALUES ('Memo', 'document', 'm.txt', 'txt', 'h8', 'legitimacy again', 2, ?)`,
    ).run(NOW);
    expect(search('legitimacy')).toEqual([1, 4]);
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(search('legitimacy')).toEqual([4]);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'segments' AND sql IS NOT NULL",
      )
      .pluck()
      .all();
    expect(indexes.sort()).toEqual([
      'segments_code_span',
      'segments_document_span',
      'segments_unique_coding',
    ]);
    closeProject(project);
  });

  it('refuses a second identical coding by the same coder, but keeps two coders apart', async () => {
    const project = await openProject(await populatedV70());
    const insert = project.db.prepare(
      `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
       VALUES (1, 2, 12, 16, 'NGOs', ?, ?, ?)`,
    );
    expect(() => insert.run(1, NOW, NOW)).toThrow(/UNIQUE/);
    project.db.exec(`INSERT INTO coders (name, created_at) VALUES ('cy', '${NOW}')`);
    const cy = project.db.prepare("SELECT id FROM coders WHERE name = 'cy'").pluck().get() as number;
    expect(() => insert.run(cy, NOW, NOW)).not.toThrow();
    closeProject(project);
  });
});

describe('the migration runner', () => {
  it('rebuilds a referenced table without cascading deletes into the rows that point at it', async () => {
    // SQLite's rebuild recipe for a parent table (here: codes, to extend a CHECK). With foreign keys
    // on, DROP TABLE codes would delete every segment through ON DELETE CASCADE.
    const file = await populatedV70();
    const rebuild = `
      CREATE TABLE codes_new (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES codes (id) ON DELETE RESTRICT,
        name TEXT NOT NULL, color TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', shortcut TEXT UNIQUE,
        position INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL) STRICT;
      INSERT INTO codes_new SELECT id, parent_id, name, color, description, shortcut, position, created_at FROM codes;
      DROP TABLE codes;
      ALTER TABLE codes_new RENAME TO codes;`;
    const project = await openProject(file, {
      migrationsDir: migrationsUpTo(70, { '0075_rebuild_codes.sql': rebuild }),
    });
    expect(project.schemaVersion).toBe(75);
    expect(project.db.prepare('SELECT count(*) FROM segments').pluck().get()).toBe(3);
    expect(project.db.prepare('SELECT count(*) FROM code_group_members').pluck().get()).toBe(1);
    expect(project.db.pragma('foreign_keys', { simple: true })).toBe(1);
    closeProject(project);
  });

  it('rolls back a migration that would leave rows pointing at nothing, with a clear error', async () => {
    const file = await populatedV70();
    const broken = 'DELETE FROM documents WHERE id = 1;';
    await expect(
      openProject(file, { migrationsDir: migrationsUpTo(70, { '0075_lose_documents.sql': broken }) }),
    ).rejects.toThrow(
      /upgrade to schema 75 \(lose_documents\) stopped: .* segments .* documents .* left unchanged/,
    );
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(70);
    expect(raw.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
    expect(raw.prepare('SELECT count(*) FROM segments').pluck().get()).toBe(3);
    raw.close();
  });
});
