import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import { migrationsDir } from './paths';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Discovers migrations/NNNN_name.sql at run time, so adding a migration never means editing a list. */
export function loadMigrations(dir = migrationsDir()): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql'));
  const migrations = files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new Error(`migrations: ${file} is not named NNNN_name.sql`);
    return { version: Number(match[1]), name: match[2]!, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
  });
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`migrations: two files share version ${migrations[i]!.version}`);
    }
  }
  return migrations;
}

export function latestVersion(migrations = loadMigrations()): number {
  return migrations.at(-1)?.version ?? 0;
}

export function pendingMigrations(db: Database.Database, migrations = loadMigrations()): Migration[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new PassageError(
      'unsupported',
      `project was saved by a newer Passage (schema ${current}; this version knows up to ${latest}) — update Passage to open it`,
    );
  }
  return migrations.filter((m) => m.version > current);
}

/**
 * Applies all pending migrations in one transaction: a failure leaves the file at its old version.
 *
 * Foreign keys are off while they run. Adding a column constraint, AUTOINCREMENT or a CHECK value needs
 * SQLite's table-rebuild recipe (create new, copy, drop old, rename), and with foreign keys on, dropping
 * the old table deletes every row that references it through ON DELETE CASCADE (a rebuild of `codes`
 * once deleted every segment). The pragma cannot change inside a transaction, so it is switched around
 * it, and `PRAGMA foreign_key_check` proves the rebuilt tables still hold together before the commit.
 */
export function applyMigrations(db: Database.Database, pending: Migration[]): void {
  if (pending.length === 0) return;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) {
        db.exec(migration.sql);
        const violations = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (violations.length > 0) {
          const first = violations[0]!;
          throw new PassageError(
            'internal',
            `upgrade to schema ${migration.version} (${migration.name}) stopped: ${violations.length} row(s) of ` +
              `${first.table} would point to missing ${first.parent} rows — the project was left unchanged`,
          );
        }
        db.pragma(`user_version = ${migration.version}`);
      }
    }).immediate();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
}
