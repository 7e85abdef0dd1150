import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ProjectHealth } from '../../shared/api/project';
import { PassageError } from '../../shared/api/result';

/**
 * Keeps an open project honest about its file. SQLite writes through the descriptors it opened, so a
 * project file deleted, moved or replaced while open goes on accepting writes that vanish at close;
 * a damaged file accepts writes that may spread the damage. The guard notices both and refuses writes.
 *
 * Nothing is lost between the file going and the guard noticing: the connection still holds every
 * commit, and saveCopy writes them all to a new file. Only closing would lose them.
 */

/** How often an open project's file is looked at between calls (a job writing, a CLI run, an idle app). */
const CHECK_EVERY_MS = 2000;
/** quick_check stops listing after this many problems: enough to show, cheap on a badly damaged file. */
const MAX_PROBLEMS = 20;

interface FileIdentity {
  dev: number;
  ino: number;
}

function identityOf(file: string): FileIdentity | null {
  try {
    const stat = fs.statSync(file);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

/**
 * `PRAGMA quick_check`: the b-tree structure of every table and index, without cross-checking index
 * contents against tables (integrity_check's slow half). Returns the problems, empty when sound.
 */
export function findDamage(db: Database.Database): string[] {
  try {
    const rows = db.pragma(`quick_check(${MAX_PROBLEMS})`) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check);
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  } catch (error) {
    return [(error as Error).message];
  }
}

export function missingMessage(file: string): string {
  return (
    `${path.basename(file)} was moved or deleted while open — ` +
    'save a copy elsewhere to keep your work (nothing more is written to it)'
  );
}

export function damagedMessage(file: string, problems: string[]): string {
  const first = problems[0] ?? 'the file failed its integrity check';
  const more = problems.length > 1 ? ` and ${problems.length - 1} more problem(s)` : '';
  return (
    `${path.basename(file)} is damaged (${first}${more}). ` +
    'Passage will not write to it. Recover its readable rows into a new file.'
  );
}

const GUARD_FUNCTION = 'passage_assert_writable';

export class ProjectGuard {
  private readonly db: Database.Database;
  private readonly file: string;
  private readonly identity: FileIdentity | null;
  private readonly damage: string[];
  private health: ProjectHealth = { state: 'ok' };
  private writesGuarded = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(db: Database.Database, file: string, damage: string[]) {
    this.db = db;
    this.file = file;
    this.identity = identityOf(file);
    this.damage = damage;
    this.refresh();
    this.timer = setInterval(() => this.refresh(), CHECK_EVERY_MS);
    // The check must never keep a CLI run or a test process alive.
    this.timer.unref();
  }

  /** Compares the path's current file with the one opened (one stat, a few microseconds). */
  refresh(): ProjectHealth {
    if (!this.db.open) {
      this.stop();
      return this.health;
    }
    if (this.damage.length > 0) {
      this.health = {
        state: 'damaged',
        message: damagedMessage(this.file, this.damage),
        problems: this.damage,
      };
    } else {
      const now = identityOf(this.file);
      const same =
        now !== null &&
        this.identity !== null &&
        now.dev === this.identity.dev &&
        now.ino === this.identity.ino;
      this.health = same ? { state: 'ok' } : { state: 'missing', message: missingMessage(this.file) };
    }
    if (this.health.state !== 'ok') this.guardWrites();
    return this.health;
  }

  current(): ProjectHealth {
    return this.health;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Throws the user's reason when the file must not be written. */
  assertWritable(): void {
    const health = this.refresh();
    if (health.state === 'missing') throw new PassageError('project_missing', health.message);
    if (health.state === 'damaged') throw new PassageError('project_damaged', health.message);
  }

  /**
   * From the first time the file is found missing or damaged, every insert, update and delete on the
   * project's tables asks the guard first, through TEMP triggers (in this connection only, never in the
   * file). Guarding SQL rather than listing "write calls" means no handler, job or future call can write
   * past it, and the guard's error propagates as is. Installed only then: a trigger on every row
   * written costs bulk inserts about half again as much, which a sound file need not pay.
   */
  private guardWrites(): void {
    if (this.writesGuarded) return;
    this.writesGuarded = true;
    this.db.function(GUARD_FUNCTION, { deterministic: false }, () => {
      this.assertWritable();
      return 1;
    });
    const tables = this.db.pragma('main.table_list') as { name: string; type: string }[];
    for (const { name, type } of tables) {
      if (type !== 'table' || name.startsWith('sqlite_')) continue;
      const quoted = `"${name.replace(/"/g, '""')}"`;
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        const trigger = `"passage_guard_${event.toLowerCase()}_${name.replace(/"/g, '""')}"`;
        this.db.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS ${trigger} BEFORE ${event} ON main.${quoted} ` +
            `BEGIN SELECT ${GUARD_FUNCTION}(); END`,
        );
      }
    }
  }
}

/**
 * Writes a consistent copy of the open connection (including what is only in its WAL) to a new file
 * with SQLite's online backup API. The copy is written under a temporary name and renamed into place,
 * so a failure never leaves a half-written project at `target`.
 */
export async function saveCopy(db: Database.Database, openFile: string, target: string): Promise<string> {
  const absolute = path.resolve(/\.passage$/i.test(target) ? target : `${target}.passage`);
  const label = path.basename(absolute);
  if (absolute === path.resolve(openFile))
    throw new PassageError('conflict', `save a copy: ${label} is the open project — choose another name`);
  if (fs.existsSync(absolute))
    throw new PassageError('conflict', `save a copy: ${label} already exists — choose another name`);
  if (!fs.existsSync(path.dirname(absolute)))
    throw new PassageError('not_found', `save a copy: folder ${path.dirname(absolute)} does not exist`);
  const partial = `${absolute}.partial-${process.pid}`;
  try {
    await db.backup(partial);
    fs.renameSync(partial, absolute);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new PassageError('io', `save a copy: ${label} could not be written (${(error as Error).message})`);
  }
  return absolute;
}
