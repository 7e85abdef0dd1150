/**
 * The persisted undo/redo journal (table `undo_entries`).
 *
 *   runUndoable<T>(db, label: string, action: (journal: Journal) => T): T
 *     Runs `action` in one transaction and records every row change it makes through `journal` as one
 *     undo entry labelled `label`. Nested calls join the outer entry. An action that changes nothing
 *     records nothing. A new entry drops the redo tail; only the last MAX_ENTRIES are kept.
 *   Journal: insert(table, row) → row with id · update(table, key, changes) → row after · remove(table, key) → row before
 *     The only way coding data (codes, code groups, memberships, segments, memos) is changed, so each change
 *     can be reversed row by row.
 *   undo(db) / redo(db) → label or null ·  undoState(db) → { undo, redo } labels
 *
 * Undo applies an entry's changes backwards (re-inserting deleted rows with their ids), redo forwards.
 */
import type Database from 'better-sqlite3';
import type { UndoState } from '../../shared/api/coding';
import { PassageError } from '../../shared/api/result';
import { statement } from './statements';

export const MAX_ENTRIES = 1000;

type Value = string | number | null;
export type Row = Record<string, Value>;

interface TableSpec {
  key: readonly string[];
  columns: readonly string[];
}

// Column lists are constants: the generic SQL below is built from these names only, never from values.
const TABLES = {
  codes: {
    key: ['id'],
    columns: ['id', 'parent_id', 'name', 'color', 'description', 'shortcut', 'position', 'created_at'],
  },
  code_groups: { key: ['id'], columns: ['id', 'name', 'description', 'position'] },
  code_group_members: { key: ['group_id', 'code_id'], columns: ['group_id', 'code_id'] },
  segments: {
    key: ['id'],
    columns: [
      'id',
      'document_id',
      'code_id',
      'start_utf16',
      'end_utf16',
      'text',
      'memo',
      'coder_id',
      'created_at',
      'updated_at',
    ],
  },
  memos: {
    key: ['id'],
    columns: ['id', 'document_id', 'code_id', 'title', 'body', 'author', 'created_at', 'updated_at'],
  },
} as const satisfies Record<string, TableSpec>;

export type JournalTable = keyof typeof TABLES;

/** One row change: `before` null = inserted, `after` null = deleted. */
interface Change {
  t: JournalTable;
  b: Row | null;
  a: Row | null;
}

const keyWhere = (spec: TableSpec) => spec.key.map((k) => `${k} = @${k}`).join(' AND ');
const selectSql = (t: JournalTable) => `SELECT * FROM ${t} WHERE ${keyWhere(TABLES[t])}`;
const deleteSql = (t: JournalTable) => `DELETE FROM ${t} WHERE ${keyWhere(TABLES[t])}`;
const insertSql = (t: JournalTable) => {
  const cols = TABLES[t].columns;
  return `INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) RETURNING *`;
};
const updateSql = (t: JournalTable) => {
  const spec = TABLES[t];
  const sets = spec.columns.filter((c) => !(spec.key as readonly string[]).includes(c));
  return `UPDATE ${t} SET ${sets.map((c) => `${c} = @${c}`).join(', ')} WHERE ${keyWhere(spec)} RETURNING *`;
};

function fullRow(t: JournalTable, row: Row): Row {
  const out: Row = {};
  for (const c of TABLES[t].columns) out[c] = row[c] ?? null;
  return out;
}

function keyOf(t: JournalTable, row: Row): Row {
  const out: Row = {};
  for (const k of TABLES[t].key) out[k] = row[k] ?? null;
  return out;
}

export class Journal {
  readonly changes: Change[] = [];
  constructor(private readonly db: Database.Database) {}

  get(t: JournalTable, key: Row): Row | undefined {
    return statement(this.db, selectSql(t)).get(keyOf(t, key)) as Row | undefined;
  }

  /** Inserts a row (id chosen by SQLite when absent) and records it. */
  insert(t: JournalTable, row: Row): Row {
    const inserted = statement(this.db, insertSql(t)).get(fullRow(t, row)) as Row;
    this.changes.push({ t, b: null, a: inserted });
    return inserted;
  }

  /** Updates the given columns of one existing row and records before and after. */
  update(t: JournalTable, key: Row, changes: Row): Row {
    const before = this.get(t, key);
    if (!before) throw new PassageError('not_found', `${t}: no row ${JSON.stringify(keyOf(t, key))}`);
    const after = statement(this.db, updateSql(t)).get({ ...before, ...changes, ...keyOf(t, key) }) as Row;
    if (TABLES[t].columns.some((c) => before[c] !== after[c])) this.changes.push({ t, b: before, a: after });
    return after;
  }

  /** Deletes one row (if present) and records it so undo can put it back with the same key. */
  remove(t: JournalTable, key: Row): Row | undefined {
    const before = this.get(t, key);
    if (!before) return undefined;
    statement(this.db, deleteSql(t)).run(keyOf(t, key));
    this.changes.push({ t, b: before, a: null });
    return before;
  }
}

let active: { db: Database.Database; journal: Journal } | null = null;

/** Runs `action` as one persisted undo entry (see the top of this file). */
export function runUndoable<T>(db: Database.Database, label: string, action: (journal: Journal) => T): T {
  if (active && active.db === db) return action(active.journal);
  return db
    .transaction(() => {
      const journal = new Journal(db);
      active = { db, journal };
      try {
        const result = action(journal);
        if (journal.changes.length > 0) record(db, label, journal.changes);
        return result;
      } finally {
        active = null;
      }
    })
    .immediate();
}

function record(db: Database.Database, label: string, changes: Change[]): void {
  statement(db, 'DELETE FROM undo_entries WHERE undone = 1').run();
  statement(
    db,
    'INSERT INTO undo_entries (label, changes, undone, created_at) VALUES (@label, @changes, 0, @now)',
  ).run({ label: label.slice(0, 200), changes: JSON.stringify(changes), now: new Date().toISOString() });
  statement(
    db,
    `DELETE FROM undo_entries WHERE id <= (SELECT id FROM undo_entries ORDER BY id DESC LIMIT 1 OFFSET @keep)`,
  ).run({ keep: MAX_ENTRIES });
}

function applyChange(db: Database.Database, t: JournalTable, from: Row | null, to: Row | null): void {
  if (to === null) {
    if (from) statement(db, deleteSql(t)).run(keyOf(t, from));
  } else if (from === null) {
    statement(db, insertSql(t)).get(fullRow(t, to));
  } else {
    const changed = statement(db, updateSql(t)).get(fullRow(t, to));
    if (!changed) throw new Error(`${t} row ${JSON.stringify(keyOf(t, to))} no longer exists`);
  }
}

interface EntryRow {
  id: number;
  label: string;
  changes: string;
}

function step(db: Database.Database, direction: 'undo' | 'redo'): string | null {
  const entry = statement(
    db,
    direction === 'undo'
      ? 'SELECT id, label, changes FROM undo_entries WHERE undone = 0 ORDER BY id DESC LIMIT 1'
      : 'SELECT id, label, changes FROM undo_entries WHERE undone = 1 ORDER BY id ASC LIMIT 1',
  ).get() as EntryRow | undefined;
  if (!entry) return null;
  const changes = JSON.parse(entry.changes) as Change[];
  try {
    db.transaction(() => {
      if (direction === 'undo') {
        for (let i = changes.length - 1; i >= 0; i--)
          applyChange(db, changes[i]!.t, changes[i]!.a, changes[i]!.b);
      } else {
        for (const c of changes) applyChange(db, c.t, c.b, c.a);
      }
      statement(db, 'UPDATE undo_entries SET undone = @undone WHERE id = @id').run({
        id: entry.id,
        undone: direction === 'undo' ? 1 : 0,
      });
    }).immediate();
  } catch (error) {
    // The rows changed outside the journal (e.g. a document was deleted): this entry can never apply
    // again, nor can those behind it, so they are dropped rather than blocking the stack forever.
    statement(
      db,
      direction === 'undo'
        ? 'DELETE FROM undo_entries WHERE id <= @id'
        : 'DELETE FROM undo_entries WHERE undone = 1',
    ).run({ id: entry.id });
    const why = error instanceof Error ? error.message : String(error);
    throw new PassageError(
      'conflict',
      `${direction}: "${entry.label}" no longer applies (${why}); history cleared`,
    );
  }
  return entry.label;
}

export const undo = (db: Database.Database): string | null => step(db, 'undo');
export const redo = (db: Database.Database): string | null => step(db, 'redo');

export function undoState(db: Database.Database): UndoState {
  const row = statement(
    db,
    `SELECT
      (SELECT label FROM undo_entries WHERE undone = 0 ORDER BY id DESC LIMIT 1) AS undo,
      (SELECT label FROM undo_entries WHERE undone = 1 ORDER BY id ASC LIMIT 1) AS redo`,
  ).get() as UndoState;
  return { undo: row.undo ?? null, redo: row.redo ?? null };
}
