import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ProjectHealth } from '../../shared/api/project';
import { PassageError } from '../../shared/api/result';
import type { DamageCheck } from './damageCheck';

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
  private readonly damage: DamageCheck;
  private health: ProjectHealth = { state: 'ok' };
  private writesGuarded = false;
  private guardRegistered = false;
  private readonly timer: ReturnType<typeof setInterval>;

  /** `damage` may still be running (a large file is checked in the background): writes wait for it. */
  constructor(db: Database.Database, file: string, damage: DamageCheck) {
    this.db = db;
    this.file = file;
    this.identity = identityOf(file);
    this.damage = damage;
    this.refresh();
    this.timer = setInterval(() => this.refresh(), CHECK_EVERY_MS);
    // The check must never keep a CLI run or a test process alive.
    this.timer.unref();
  }

  /**
   * Compares the path's current file with the one opened (one stat, a few microseconds) and takes in
   * the damage check's verdict once it is in. While it is not, the file counts as sound for reading.
   */
  refresh(): ProjectHealth {
    if (!this.db.open) {
      this.stop();
      return this.health;
    }
    const checking = this.evaluate() === null;
    if (this.health.state !== 'ok' || checking) this.guardWrites();
    else this.unguardWrites();
    return this.health;
  }

  current(): ProjectHealth {
    return this.health;
  }

  /** The health once the whole-file check has given its verdict (at once when it already has). */
  async checked(): Promise<ProjectHealth> {
    await this.damage.settled();
    return this.refresh();
  }

  stop(): void {
    clearInterval(this.timer);
    this.damage.stop();
  }

  /** Throws the user's reason when the file must not be written; waits for a damage check still running. */
  assertWritable(): void {
    this.damage.wait();
    this.evaluate();
    const health = this.health;
    if (health.state === 'missing') throw new PassageError('project_missing', health.message);
    if (health.state === 'damaged') throw new PassageError('project_damaged', health.message);
  }

  /** Sets the health from the file and the verdict; returns the problems, null while the check runs. */
  private evaluate(): string[] | null {
    const problems = this.damage.poll();
    if (problems !== null && problems.length > 0) {
      this.health = { state: 'damaged', message: damagedMessage(this.file, problems), problems };
      return problems;
    }
    const now = identityOf(this.file);
    const same =
      now !== null &&
      this.identity !== null &&
      now.dev === this.identity.dev &&
      now.ino === this.identity.ino;
    this.health = same ? { state: 'ok' } : { state: 'missing', message: missingMessage(this.file) };
    return problems;
  }

  /**
   * While the damage check runs, and from the first time the file is found missing or damaged, every
   * insert, update and delete on the project's tables asks the guard first, through TEMP triggers (in
   * this connection only, never in the file). Guarding SQL rather than listing "write calls" means no
   * handler, job or future call can write past it, and the guard's error propagates as is. Installed
   * only then: a trigger on every row written costs bulk inserts about half again as much, which a
   * sound file need not pay.
   */
  private guardWrites(): void {
    if (this.writesGuarded) return;
    this.writesGuarded = true;
    if (!this.guardRegistered) {
      this.guardRegistered = true;
      this.db.function(GUARD_FUNCTION, { deterministic: false }, () => {
        this.assertWritable();
        return 1;
      });
    }
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

  /** Takes the triggers away once the check found the file sound (and it is still where it was). */
  private unguardWrites(): void {
    if (!this.writesGuarded) return;
    const triggers = this.db
      .prepare("SELECT name FROM temp.sqlite_schema WHERE type = 'trigger' AND name LIKE 'passage_guard_%'")
      .pluck()
      .all() as string[];
    try {
      for (const name of triggers) this.db.exec(`DROP TRIGGER IF EXISTS temp."${name.replace(/"/g, '""')}"`);
      this.writesGuarded = false;
    } catch {
      // A statement is still running on the connection: the triggers stay (harmless) until the next look.
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
