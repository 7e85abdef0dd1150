import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import { loadRanking } from './ranking';
import { applyMigrations, loadMigrations, pendingMigrations } from './migrations';
import {
  BACKGROUND_FROM_BYTES,
  checkInBackground,
  checkNow,
  knownDamage,
  projectBytes,
  type DamageCheck,
} from './damageCheck';
import { ProjectGuard } from './projectHealth';

/** 'PSAG': marks a SQLite file as a Passage project, so another app's database is refused. */
export const PASSAGE_APPLICATION_ID = 0x50534147;
const SQLITE_MAGIC = 'SQLite format 3\0';

export interface Project {
  path: string;
  db: Database.Database;
  schemaVersion: number;
  /** Refuses writes once the file is found missing or damaged; session.requireProject() refreshes it. */
  guard: ProjectGuard;
}

export interface OpenOptions {
  /** Create the file if it does not exist (project.create); otherwise a missing file is an error. */
  create?: boolean;
  /** Where better-sqlite3's native addon lives when the running ABI (Electron) differs from Node's. */
  nativeBinding?: string;
  /** Tests point this at a folder with extra migrations; the app always uses migrations/. */
  migrationsDir?: string;
  /** From this size (file and WAL) the damage check runs in the background; tests lower it. */
  checkInBackgroundFrom?: number;
}

function fileLabel(file: string): string {
  return path.basename(file);
}

/** Refuses files we must not touch before SQLite ever opens them (which could create or change them). */
function checkExistingFile(file: string): void {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new PassageError('invalid_argument', `open: ${fileLabel(file)} is not a file`);
  // Mode bits, not access(): root may write anything, but a file marked read-only was meant to stay so.
  if ((stat.mode & 0o222) === 0) {
    throw new PassageError('io', `open: ${fileLabel(file)} is read-only — copy it or make it writable first`);
  }
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read < 16 || header.toString('latin1') !== SQLITE_MAGIC) {
      throw new PassageError(
        'invalid_argument',
        `open: ${fileLabel(file)} is not a Passage project (not a SQLite file)`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Every connection gets the same settings, here and nowhere else. */
export function configure(db: Database.Database): void {
  // WAL: readers never block the writer, and a crash mid-write leaves the last commit intact.
  db.pragma('journal_mode = WAL');
  // NORMAL is durable at every checkpoint and safe against corruption in WAL mode; FULL costs an fsync per commit.
  db.pragma('synchronous = NORMAL');
  // SQLite ships with foreign keys off; the schema's ON DELETE rules mean nothing without this.
  db.pragma('foreign_keys = ON');
  // A second reader (CLI next to the app) waits briefly instead of failing at once.
  db.pragma('busy_timeout = 3000');
}

function describeSqliteError(file: string, error: unknown): PassageError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new PassageError(
      'conflict',
      `open: ${fileLabel(file)} is locked by another program — close it there and retry`,
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new PassageError(
      'invalid_argument',
      `open: ${fileLabel(file)} is damaged or not a SQLite database`,
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new PassageError('io', `open: ${fileLabel(file)} cannot be written (${code})`);
  }
  if (error instanceof PassageError) return error;
  return new PassageError('internal', `open: ${fileLabel(file)}: ${(error as Error).message}`);
}

/** Writes a consistent copy beside the file with SQLite's online backup API before its schema changes. */
async function backupBeforeMigration(
  db: Database.Database,
  file: string,
  fromVersion: number,
): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.v${fromVersion}-${stamp}.backup`;
  await db.backup(target);
  return target;
}

/**
 * The only way to get a connection to a project. Opens (or creates) the file, checks it is ours and
 * not from the future, backs it up and migrates it.
 */
export async function openProject(file: string, options: OpenOptions = {}): Promise<Project> {
  const absolute = path.resolve(file);
  const exists = fs.existsSync(absolute);
  if (!exists && !options.create)
    throw new PassageError('not_found', `open: ${fileLabel(absolute)} does not exist`);
  if (exists && options.create) {
    throw new PassageError('conflict', `create: ${fileLabel(absolute)} already exists — open it instead`);
  }
  if (exists) checkExistingFile(absolute);
  else if (!fs.existsSync(path.dirname(absolute))) {
    throw new PassageError('not_found', `create: folder ${path.dirname(absolute)} does not exist`);
  }

  let db: Database.Database | undefined;
  try {
    db = new Database(absolute, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    const migrations = loadMigrations(options.migrationsDir);
    if (exists) {
      const appId = db.pragma('application_id', { simple: true }) as number;
      const hasTables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n > 0;
      if (appId !== PASSAGE_APPLICATION_ID && hasTables) {
        throw new PassageError(
          'invalid_argument',
          `open: ${fileLabel(absolute)} is a SQLite database but not a Passage project`,
        );
      }
    }
    // Checked before any pragma that could write (WAL switch) so a newer file stays byte-for-byte untouched.
    const pending = pendingMigrations(db, migrations);
    const fromVersion = db.pragma('user_version', { simple: true }) as number;
    // Before anything writes: a damaged file is opened to read and recover from, never migrated or written.
    // A large file is checked in the background (writes wait for the verdict) unless it is to be migrated.
    const damage: DamageCheck = !exists
      ? knownDamage([])
      : pending.length === 0 &&
          projectBytes(absolute) >= (options.checkInBackgroundFrom ?? BACKGROUND_FROM_BYTES)
        ? checkInBackground(absolute, options.nativeBinding)
        : checkNow(db);
    configure(db);
    loadRanking(db);
    if (damage.poll()?.length === 0) {
      if (pending.length > 0 && exists && fromVersion > 0)
        await backupBeforeMigration(db, absolute, fromVersion);
      if (pending.length > 0) {
        db.pragma(`application_id = ${PASSAGE_APPLICATION_ID}`);
        applyMigrations(db, pending);
      }
    }
    const guard = new ProjectGuard(db, absolute, damage);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    return { path: absolute, db, schemaVersion, guard };
  } catch (error) {
    db?.close();
    if (!exists) removeFailedCreation(absolute);
    throw describeSqliteError(absolute, error);
  }
}

function removeFailedCreation(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

export function closeProject(project: Project): void {
  project.guard.stop();
  if (project.db.open) project.db.close();
}
