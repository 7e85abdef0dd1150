import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RecoveredTable } from '../../shared/api/project';
import { PassageError } from '../../shared/api/result';
import { applyMigrations, loadMigrations } from './migrations';
import { configure, PASSAGE_APPLICATION_ID } from './openProject';

/**
 * Copies every readable row of a damaged project into a fresh file built by the same migrations, up
 * to the damaged file's schema version first (so its columns fit), then the rest. Unreadable pages
 * are stepped over by seeking past them; rows left pointing at lost rows follow their foreign key's
 * ON DELETE rule, as if the lost rows had been deleted.
 */

export interface RecoveryOptions {
  nativeBinding?: string;
  migrationsDir?: string;
}

export interface Recovery {
  path: string;
  tables: RecoveredTable[];
}

/**
 * Undo entries describe changes to rows that may be gone; a recovered file starts a new history. The
 * segment counts are kept by triggers as the recovered segments are copied, so they count only those.
 */
const NOT_CARRIED = new Set([
  'undo_entries',
  'document_segment_counts',
  'coder_segment_counts',
  'code_document_counts',
]);

interface TableShape {
  name: string;
  withoutRowid: boolean;
  columns: string[];
  primaryKey: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function isDamageError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_IOERR')
  );
}

function tablesOf(db: Database.Database): TableShape[] {
  const list = db.pragma('main.table_list') as { name: string; type: string; wr: number }[];
  return list
    .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => {
      // hidden 0: stored columns; generated columns (2, 3) are recomputed by the target.
      const info = db.pragma(`main.table_xinfo(${quote(t.name)})`) as {
        name: string;
        hidden: number;
        pk: number;
      }[];
      const stored = info.filter((c) => c.hidden === 0);
      return {
        name: t.name,
        withoutRowid: t.wr === 1,
        columns: stored.map((c) => c.name),
        primaryKey: stored
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
      };
    });
}

/** How many rows an intact index says the table had, or null when no index can be read. */
function countThroughIndex(db: Database.Database, table: TableShape): number | null {
  const indexes = db.pragma(`main.index_list(${quote(table.name)})`) as {
    name: string;
    origin: string;
    partial: number;
  }[];
  for (const index of indexes) {
    if (index.partial || (table.withoutRowid && index.origin === 'pk')) continue;
    try {
      return db
        .prepare(`SELECT count(*) FROM ${quote(table.name)} INDEXED BY ${quote(index.name)}`)
        .pluck()
        .get() as number;
    } catch {
      // This index is damaged too; try the next.
    }
  }
  return null;
}

interface ReadResult {
  rows: unknown[][];
  /** Id ranges that could not be read, for tables where no index could count the rows. */
  gaps: string[];
}

function readRowidTable(db: Database.Database, table: TableShape): ReadResult {
  const name = quote(table.name);
  const columns = table.columns.map(quote).join(', ');
  const scan = db
    .prepare(`SELECT _rowid_, ${columns} FROM ${name} WHERE _rowid_ >= ? ORDER BY _rowid_`)
    .raw(true);
  const firstFrom = db
    .prepare(`SELECT _rowid_ FROM ${name} WHERE _rowid_ >= ? ORDER BY _rowid_ LIMIT 1`)
    .pluck();
  /** The first rowid at or after `at`: a number, null past the end, 'unreadable' when the seek hits damage. */
  const probe = (at: number): number | null | 'unreadable' => {
    try {
      return (firstFrom.get(at) as number | undefined) ?? null;
    } catch (error) {
      if (isDamageError(error)) return 'unreadable';
      throw error;
    }
  };

  const rows: unknown[][] = [];
  const gaps: string[] = [];
  let from = Number.MIN_SAFE_INTEGER;
  for (;;) {
    let lastRead = from - 1;
    try {
      for (const row of scan.iterate(from) as Iterable<unknown[]>) {
        lastRead = row[0] as number;
        rows.push(row.slice(1));
      }
      return { rows, gaps };
    } catch (error) {
      if (!isDamageError(error)) throw error;
    }
    // Step forward in doubling strides until a seek succeeds, then narrow down to the first readable rowid.
    let failed = lastRead;
    let step = 1;
    let found: number | null | 'unreadable' = 'unreadable';
    let at = lastRead + step;
    while (at <= Number.MAX_SAFE_INTEGER) {
      found = probe(at);
      if (found !== 'unreadable') break;
      failed = at;
      step *= 2;
      at = lastRead + step;
    }
    if (found === 'unreadable') {
      gaps.push(`ids after ${lastRead}`);
      return { rows, gaps };
    }
    let readable = at;
    while (readable - failed > 1) {
      const middle = failed + Math.floor((readable - failed) / 2);
      const result = probe(middle);
      if (result === 'unreadable') failed = middle;
      else {
        readable = middle;
        found = result;
      }
    }
    if (found === null) {
      gaps.push(`ids after ${lastRead}`);
      return { rows, gaps };
    }
    gaps.push(`ids ${lastRead + 1}–${found - 1}`);
    from = found;
  }
}

/** Tables keyed by their primary key: read forwards until damage, then backwards from the end. */
function readKeyedTable(db: Database.Database, table: TableShape): ReadResult {
  const columns = table.columns.map(quote).join(', ');
  const order = table.primaryKey.map(quote);
  const select = (direction: string) =>
    db
      .prepare(
        `SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${order.map((c) => `${c} ${direction}`).join(', ')}`,
      )
      .raw(true);
  const keyOf = (row: unknown[]) =>
    JSON.stringify(table.primaryKey.map((c) => row[table.columns.indexOf(c)]));
  const rows: unknown[][] = [];
  try {
    for (const row of select('ASC').iterate() as Iterable<unknown[]>) rows.push(row);
    return { rows, gaps: [] };
  } catch (error) {
    if (!isDamageError(error)) throw error;
  }
  const seen = new Set(rows.map(keyOf));
  try {
    for (const row of select('DESC').iterate() as Iterable<unknown[]>) {
      if (seen.has(keyOf(row))) break;
      rows.push(row);
    }
  } catch (error) {
    if (!isDamageError(error)) throw error;
  }
  return { rows, gaps: ['rows between the readable first and last ones'] };
}

interface ForeignKey {
  table: string;
  from: string;
  parent: string;
  to: string | null;
  onDelete: string;
}

/** Applies each foreign key's ON DELETE rule to rows whose parent was lost; returns rows deleted per table. */
function settleOrphans(db: Database.Database, tables: TableShape[]): Map<string, number> {
  const deleted = new Map<string, number>();
  const keys: ForeignKey[] = tables.flatMap((t) =>
    (
      db.pragma(`main.foreign_key_list(${quote(t.name)})`) as {
        table: string;
        from: string;
        to: string | null;
        on_delete: string;
      }[]
    ).map((k) => ({ table: t.name, from: k.from, parent: k.table, to: k.to, onDelete: k.on_delete })),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const key of keys) {
      const parentKey = key.to ? quote(key.to) : '_rowid_';
      const orphan = `${quote(key.from)} IS NOT NULL AND ${quote(key.from)} NOT IN (SELECT ${parentKey} FROM ${quote(key.parent)})`;
      const sql =
        key.onDelete === 'SET NULL'
          ? `UPDATE ${quote(key.table)} SET ${quote(key.from)} = NULL WHERE ${orphan}`
          : `DELETE FROM ${quote(key.table)} WHERE ${orphan}`;
      const { changes } = db.prepare(sql).run();
      if (changes > 0 && key.onDelete !== 'SET NULL') {
        deleted.set(key.table, (deleted.get(key.table) ?? 0) + changes);
        changed = true;
      }
    }
  }
  return deleted;
}

function copyRows(source: Database.Database, target: Database.Database): RecoveredTable[] {
  const targetTables = new Set(tablesOf(target).map((t) => t.name));
  const tables = tablesOf(source).filter((t) => targetTables.has(t.name) && !NOT_CARRIED.has(t.name));
  const report: RecoveredTable[] = [];
  for (const table of tables) {
    const expected = countThroughIndex(source, table);
    const { rows, gaps } = table.withoutRowid ? readKeyedTable(source, table) : readRowidTable(source, table);
    const insert = target.prepare(
      `INSERT OR REPLACE INTO ${quote(table.name)} (${table.columns.map(quote).join(', ')}) ` +
        `VALUES (${table.columns.map(() => '?').join(', ')})`,
    );
    let rejected = 0;
    for (const row of rows) {
      try {
        insert.run(row);
      } catch {
        rejected++; // a damaged cell that decoded into a value the schema refuses
      }
    }
    const unread = expected === null ? 0 : Math.max(0, expected - rows.length);
    report.push({
      table: table.name,
      recovered: rows.length - rejected,
      lost: unread + rejected,
      unreadable: expected === null ? gaps : [],
    });
  }
  const orphans = settleOrphans(target, tables);
  for (const entry of report) {
    const dropped = orphans.get(entry.table) ?? 0;
    entry.recovered -= dropped;
    entry.lost += dropped;
  }
  copySequences(source, target);
  return report;
}

/** Keeps AUTOINCREMENT counters at least as high as the damaged file's, so lost rows' ids are never reused. */
function copySequences(source: Database.Database, target: Database.Database): void {
  let sequences: { name: string; seq: number }[] = [];
  try {
    sequences = source.prepare('SELECT name, seq FROM sqlite_sequence').all() as typeof sequences;
  } catch {
    return; // no AUTOINCREMENT table, or its page is unreadable: the copied rows' ids set the counters
  }
  const raise = target.prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?');
  for (const { name, seq } of sequences) raise.run(seq, name);
}

/** Writes the readable rows of `source` (an open, damaged project) to a new project file at `target`. */
export function recoverProject(
  source: Database.Database,
  sourceFile: string,
  target: string,
  options: RecoveryOptions = {},
): Recovery {
  const absolute = path.resolve(/\.passage$/i.test(target) ? target : `${target}.passage`);
  const label = path.basename(absolute);
  if (absolute === path.resolve(sourceFile))
    throw new PassageError('conflict', `recover: ${label} is the damaged project — choose a new file`);
  if (fs.existsSync(absolute))
    throw new PassageError('conflict', `recover: ${label} already exists — choose a new file`);
  if (!fs.existsSync(path.dirname(absolute)))
    throw new PassageError('not_found', `recover: folder ${path.dirname(absolute)} does not exist`);

  const version = source.pragma('user_version', { simple: true }) as number;
  const migrations = loadMigrations(options.migrationsDir);
  const partial = `${absolute}.partial-${process.pid}`;
  const fresh = new Database(partial, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    configure(fresh);
    fresh.pragma(`application_id = ${PASSAGE_APPLICATION_ID}`);
    applyMigrations(
      fresh,
      migrations.filter((m) => m.version <= version),
    );
    fresh.pragma('foreign_keys = OFF');
    const tables = fresh.transaction(() => copyRows(source, fresh)).immediate();
    fresh.pragma('foreign_keys = ON');
    applyMigrations(
      fresh,
      migrations.filter((m) => m.version > version),
    );
    fresh.close();
    fs.renameSync(partial, absolute);
    return { path: absolute, tables };
  } catch (error) {
    if (fresh.open) fresh.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
    if (error instanceof PassageError) throw error;
    throw new PassageError('io', `recover: ${label} could not be written (${(error as Error).message})`);
  }
}
