import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, latestVersion } from '../../electron/store/migrations';
import { closeProject, openProject, PASSAGE_APPLICATION_ID } from '../../electron/store/openProject';
import { migrationsDir } from '../../electron/store/paths';
import { tempDir } from '../helpers/tmp';

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('openProject', () => {
  it('creates a project with every migration applied, WAL and foreign keys on', async () => {
    const file = path.join(tempDir(), 'study.passage');
    const project = await openProject(file, { create: true });
    expect(project.schemaVersion).toBe(latestVersion());
    expect(project.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(project.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(project.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(project.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(project.db.pragma('application_id', { simple: true })).toBe(PASSAGE_APPLICATION_ID);
    const tables = project.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .pluck()
      .all() as string[];
    for (const table of [
      'documents',
      'document_groups',
      'codes',
      'code_groups',
      'segments',
      'memos',
      'participants',
      'referrals',
      'coders',
    ]) {
      expect(tables).toContain(table);
    }
    closeProject(project);
  });

  it('reopens a project and keeps its rows', async () => {
    const file = path.join(tempDir(), 'study.passage');
    const first = await openProject(file, { create: true });
    first.db.prepare("INSERT INTO coders (name, created_at) VALUES ('ana', '2026-01-01')").run();
    closeProject(first);
    const again = await openProject(file);
    expect(again.db.prepare('SELECT name FROM coders').pluck().get()).toBe('ana');
    closeProject(again);
  });

  it('enforces foreign keys declared in the schema', async () => {
    const project = await openProject(path.join(tempDir(), 's.passage'), { create: true });
    expect(() =>
      project.db
        .prepare(
          "INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at) VALUES (99, 99, 0, 1, 'x', 99, '', '')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    closeProject(project);
  });

  it('refuses to create over an existing file and to open a missing one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.passage');
    closeProject(await openProject(file, { create: true }));
    await expect(openProject(file, { create: true })).rejects.toThrow(/already exists/);
    await expect(openProject(path.join(dir, 'missing.passage'))).rejects.toThrow(
      /missing\.passage does not exist/,
    );
  });

  it('refuses a file that is not SQLite and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'notes.passage');
    fs.writeFileSync(file, 'Interviewer: hello\nRespondent: hi\n');
    const before = sha(file);
    await expect(openProject(file)).rejects.toThrow(
      /notes\.passage is not a Passage project \(not a SQLite file\)/,
    );
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses another application’s SQLite database', async () => {
    const file = path.join(tempDir(), 'other.passage');
    const other = new Database(file);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const before = sha(file);
    await expect(openProject(file)).rejects.toThrow(/is a SQLite database but not a Passage project/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a project from a newer Passage and leaves it byte-for-byte untouched', async () => {
    const file = path.join(tempDir(), 'future.passage');
    closeProject(await openProject(file, { create: true }));
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latestVersion() + 990}`);
    raw.close();
    const before = sha(file);
    await expect(openProject(file)).rejects.toThrow(
      /saved by a newer Passage \(schema \d+; this version knows up to \d+\)/,
    );
    expect(sha(file)).toBe(before);
  });

  it('refuses a read-only file', async () => {
    const file = path.join(tempDir(), 'ro.passage');
    closeProject(await openProject(file, { create: true }));
    fs.chmodSync(file, 0o444);
    await expect(openProject(file)).rejects.toThrow(/ro\.passage is read-only/);
  });

  it('reports a file locked by another program as locked', async () => {
    const file = path.join(tempDir(), 'locked.passage');
    closeProject(await openProject(file, { create: true }));
    // An older file needing migration must take a write lock; another connection holds it exclusively.
    const holder = new Database(file);
    holder.pragma('journal_mode = DELETE');
    holder.pragma('user_version = 0');
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      await expect(openProject(file, { migrationsDir: migrationsDir() })).rejects.toThrow(
        /locked by another program/,
      );
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('backs the file up with the online backup API before migrating, and migrates in one transaction', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.passage');
    closeProject(await openProject(file, { create: true }));
    const seed = new Database(file);
    seed.prepare("INSERT INTO coders (name, created_at) VALUES ('ana', '2026-01-01')").run();
    seed.close();

    const extra = path.join(dir, 'migrations');
    fs.mkdirSync(extra);
    for (const m of loadMigrations())
      fs.copyFileSync(
        path.join(migrationsDir(), `${String(m.version).padStart(4, '0')}_${m.name}.sql`),
        path.join(extra, `${String(m.version).padStart(4, '0')}_${m.name}.sql`),
      );
    const next = latestVersion() + 10;
    fs.writeFileSync(
      path.join(extra, `${String(next).padStart(4, '0')}_add_coder_colour.sql`),
      "ALTER TABLE coders ADD COLUMN colour TEXT NOT NULL DEFAULT '#000000';",
    );

    const project = await openProject(file, { migrationsDir: extra });
    expect(project.schemaVersion).toBe(next);
    closeProject(project);
    const backups = fs.readdirSync(dir).filter((f) => f.startsWith('old.passage.v') && f.endsWith('.backup'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(backup.prepare('SELECT name FROM coders').pluck().get()).toBe('ana');
    backup.close();

    // A broken migration rolls back entirely: the version and the data stay as they were.
    fs.writeFileSync(
      path.join(extra, `${String(next + 10).padStart(4, '0')}_broken.sql`),
      'CREATE TABLE fine (x);\nTHIS IS NOT SQL;',
    );
    await expect(openProject(file, { migrationsDir: extra })).rejects.toThrow();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(next);
    expect(check.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'fine'").pluck().get()).toBe(0);
    check.close();
  });

  it('discovers migration files in order and rejects badly named ones', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '0020_b.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(dir, '0010_a.sql'), 'SELECT 1;');
    expect(loadMigrations(dir).map((m) => m.version)).toEqual([10, 20]);
    fs.writeFileSync(path.join(dir, 'add_things.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/add_things\.sql is not named NNNN_name\.sql/);
  });
});
