/**
 * The persisted undo/redo journal (table `undo_entries`), one history per coder.
 *
 *   runUndoable<T>(db, coderId, label, action: (journal: Journal) => T): T
 *     Runs `action` in one transaction and records every row change it makes through `journal` as one
 *     undo entry of coder `coderId`, labelled `label`. Nested calls join the outer entry. An action that
 *     changes nothing records nothing. A new entry drops that coder's redo tail; only the coder's last
 *     MAX_ENTRIES are kept.
 *   Journal: insert(table, row) → row with id · update(table, key, changes) → row after · remove(table, key) → row before
 *     The only way journalled data (codes, code groups, memberships, segments, memos, documents and the
 *     rows that hang off them) is changed, so each change can be reversed row by row.
 *   undo(db, coderId) / redo(db, coderId) → label or null ·  undoState(db, coderId) → { undo, redo } labels
 *
 * A coder undoes only their own actions. Before an entry is applied, every row it touches is checked
 * against what the entry expects (the row as it left it, its document and code still there); if anything
 * changed since — another coder's edit, a deleted document — the undo is refused with a message naming
 * what changed, the entry is dropped from that coder's history, and nothing is written. Ids are never
 * reused (AUTOINCREMENT, migration 0080), so a saved row can never land on a newer row's id.
 */
import crypto from 'node:crypto';
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
  /** What a row of this table is called in a refusal ("its segment …"). */
  noun: string;
  /** Rows this one hangs off: column → [table, noun]. Checked before a deleted row is put back. */
  parents?: Readonly<Record<string, readonly [string, string]>>;
  /**
   * Columns added after rows were journalled (and rows written by code that predates them): what a row
   * without the column holds, so old undo entries still apply and still match the rows they left.
   */
  defaults?: Readonly<Row>;
}

// Column lists are constants: the generic SQL below is built from these names only, never from values.
const TABLES = {
  codes: {
    key: ['id'],
    columns: [
      'id',
      'guid',
      'parent_id',
      'name',
      'color',
      'description',
      'shortcut',
      'position',
      'created_at',
      'codable',
    ],
    noun: 'code',
    parents: { parent_id: ['codes', 'parent code'] },
    defaults: { codable: 1 },
  },
  code_groups: {
    key: ['id'],
    columns: ['id', 'guid', 'name', 'description', 'position'],
    noun: 'code group',
  },
  code_group_members: {
    key: ['group_id', 'code_id'],
    columns: ['group_id', 'code_id'],
    noun: 'code group membership',
    parents: { group_id: ['code_groups', 'code group'], code_id: ['codes', 'code'] },
  },
  documents: {
    key: ['id'],
    columns: [
      'id',
      'guid',
      'title',
      'kind',
      'file_name',
      'format',
      'content_hash',
      'text',
      'date',
      'author',
      'page_count',
      'word_count',
      'participant_id',
      'imported_at',
    ],
    noun: 'document',
  },
  document_pages: {
    key: ['document_id', 'page'],
    columns: ['document_id', 'page', 'start_utf16', 'end_utf16'],
    noun: 'page',
    parents: { document_id: ['documents', 'document'] },
  },
  turns: {
    key: ['id'],
    columns: ['id', 'document_id', 'speaker', 'start_utf16', 'end_utf16'],
    noun: 'speaker turn',
    parents: { document_id: ['documents', 'document'] },
  },
  document_attribute_values: {
    key: ['document_id', 'attribute_id'],
    columns: ['document_id', 'attribute_id', 'value'],
    noun: 'attribute value',
    parents: { document_id: ['documents', 'document'], attribute_id: ['attributes', 'attribute'] },
  },
  document_group_members: {
    key: ['group_id', 'document_id'],
    columns: ['group_id', 'document_id'],
    noun: 'document group membership',
    parents: { group_id: ['document_groups', 'document group'], document_id: ['documents', 'document'] },
  },
  segments: {
    key: ['id'],
    columns: [
      'id',
      'guid',
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
    noun: 'coded segment',
    parents: { document_id: ['documents', 'document'], code_id: ['codes', 'code'] },
  },
  memos: {
    key: ['id'],
    columns: ['id', 'guid', 'document_id', 'code_id', 'title', 'body', 'author', 'created_at', 'updated_at'],
    noun: 'memo',
    parents: { document_id: ['documents', 'document'], code_id: ['codes', 'code'] },
  },
  // Rows a merge of coders' projects brings in (electron/team/), so one undo takes the whole merge back.
  participant_categories: {
    key: ['id'],
    columns: ['id', 'name', 'position'],
    noun: 'participant category',
  },
  participants: {
    key: ['id'],
    columns: [
      'id',
      'guid',
      'label',
      'category_id',
      'status',
      'interview_date',
      'interview_mode',
      'duration_minutes',
      'interviewer',
      'consent_version',
      'consent_date',
      'recording_allowed',
      'anonymisation',
      'withdrawn_at',
      'notes',
      'created_at',
    ],
    noun: 'participant',
    parents: { category_id: ['participant_categories', 'participant category'] },
  },
  participant_attribute_values: {
    key: ['participant_id', 'attribute_id'],
    columns: ['participant_id', 'attribute_id', 'value'],
    noun: 'participant attribute value',
    parents: { participant_id: ['participants', 'participant'], attribute_id: ['attributes', 'attribute'] },
  },
  document_groups: {
    key: ['id'],
    columns: ['id', 'guid', 'name', 'description', 'query', 'created_at'],
    noun: 'document group',
  },
  attributes: {
    key: ['id'],
    columns: ['id', 'guid', 'scope', 'name', 'type'],
    noun: 'attribute',
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
  const defaults = (TABLES[t] as TableSpec).defaults ?? {};
  for (const c of TABLES[t].columns) out[c] = row[c] ?? defaults[c] ?? null;
  // A new row of a table with a GUID gets one here, so the journal records it and undo/redo put the
  // very same identity back.
  if ('guid' in out && out.guid === null) out.guid = crypto.randomUUID();
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

  /** Inserts a row (id chosen by SQLite when absent, GUID made when absent) and records it. */
  insert(t: JournalTable, row: Row): Row {
    const inserted = statement(this.db, insertSql(t)).get(fullRow(t, row)) as Row;
    this.changes.push({ t, b: null, a: fullRow(t, inserted) });
    return inserted;
  }

  /** Updates the given columns of one existing row and records before and after. */
  update(t: JournalTable, key: Row, changes: Row): Row {
    const before = this.get(t, key);
    if (!before) throw new PassageError('not_found', `that ${TABLES[t].noun} no longer exists`);
    const after = statement(this.db, updateSql(t)).get({ ...before, ...changes, ...keyOf(t, key) }) as Row;
    if (TABLES[t].columns.some((c) => before[c] !== after[c]))
      this.changes.push({ t, b: fullRow(t, before), a: fullRow(t, after) });
    return after;
  }

  /** Deletes one row (if present) and records it so undo can put it back with the same key. */
  remove(t: JournalTable, key: Row): Row | undefined {
    const before = this.get(t, key);
    if (!before) return undefined;
    statement(this.db, deleteSql(t)).run(keyOf(t, key));
    this.changes.push({ t, b: fullRow(t, before), a: null });
    return before;
  }
}

let active: { db: Database.Database; journal: Journal } | null = null;

/** Runs `action` as one persisted undo entry of coder `coderId` (see the top of this file). */
export function runUndoable<T>(
  db: Database.Database,
  coderId: number,
  label: string,
  action: (journal: Journal) => T,
): T {
  if (active && active.db === db) return action(active.journal);
  return db
    .transaction(() => {
      const journal = new Journal(db);
      active = { db, journal };
      try {
        const result = action(journal);
        if (journal.changes.length > 0) record(db, coderId, label, journal.changes);
        return result;
      } finally {
        active = null;
      }
    })
    .immediate();
}

function record(db: Database.Database, coderId: number, label: string, changes: Change[]): void {
  statement(db, 'DELETE FROM undo_entries WHERE coder_id = @coderId AND undone = 1').run({ coderId });
  statement(
    db,
    `INSERT INTO undo_entries (coder_id, label, changes, undone, created_at)
     VALUES (@coderId, @label, @changes, 0, @now)`,
  ).run({
    coderId,
    label: label.slice(0, 200),
    changes: JSON.stringify(changes),
    now: new Date().toISOString(),
  });
  statement(
    db,
    `DELETE FROM undo_entries WHERE coder_id = @coderId AND id <= (
       SELECT id FROM undo_entries WHERE coder_id = @coderId ORDER BY id DESC LIMIT 1 OFFSET @keep)`,
  ).run({ coderId, keep: MAX_ENTRIES });
}

/** Why a change can't be applied to the rows as they are now, in words; null when it can. */
function conflict(db: Database.Database, t: JournalTable, from: Row | null, to: Row | null): string | null {
  const spec: TableSpec = TABLES[t];
  const current = from ?? to;
  if (!current) return null;
  const now = statement(db, selectSql(t)).get(keyOf(t, current)) as Row | undefined;
  if (from === null) {
    // Putting a deleted row back: its key must be free and everything it hangs off still there.
    if (now) return `its ${spec.noun} exists again`;
    for (const [column, [parent, noun]] of Object.entries(spec.parents ?? {})) {
      const id = to![column];
      if (id === null || id === undefined) continue;
      const found = statement(db, `SELECT 1 FROM ${parent} WHERE id = @id`).get({ id });
      if (!found) return `its ${noun} was deleted`;
    }
    return null;
  }
  if (!now) return `its ${spec.noun} was deleted`;
  for (const column of spec.columns) {
    if (now[column] !== (from[column] ?? spec.defaults?.[column] ?? null))
      return `its ${spec.noun} was changed since`;
  }
  return null;
}

function applyChange(db: Database.Database, t: JournalTable, from: Row | null, to: Row | null): void {
  if (to === null) statement(db, deleteSql(t)).run(keyOf(t, from!));
  else if (from === null) statement(db, insertSql(t)).get(fullRow(t, to));
  else statement(db, updateSql(t)).get(fullRow(t, to));
}

interface EntryRow {
  id: number;
  label: string;
  changes: string;
}

/** Thrown inside the step's transaction so that better-sqlite3 rolls back every change before it. */
class Refusal extends Error {}

function step(db: Database.Database, coderId: number, direction: 'undo' | 'redo'): string | null {
  const entry = statement(
    db,
    direction === 'undo'
      ? 'SELECT id, label, changes FROM undo_entries WHERE coder_id = @coderId AND undone = 0 ORDER BY id DESC LIMIT 1'
      : 'SELECT id, label, changes FROM undo_entries WHERE coder_id = @coderId AND undone = 1 ORDER BY id ASC LIMIT 1',
  ).get({ coderId }) as EntryRow | undefined;
  if (!entry) return null;
  const changes = JSON.parse(entry.changes) as Change[];
  const ordered =
    direction === 'undo'
      ? changes.map((c) => ({ t: c.t, from: c.a, to: c.b })).reverse()
      : changes.map((c) => ({ t: c.t, from: c.b, to: c.a }));
  try {
    db.transaction(() => {
      for (const c of ordered) {
        const why = conflict(db, c.t, c.from, c.to);
        if (why) throw new Refusal(why);
        try {
          applyChange(db, c.t, c.from, c.to);
        } catch (error) {
          // A constraint the rows now break (the same span coded again, a name taken since).
          const code = (error as { code?: string }).code ?? '';
          if (code.startsWith('SQLITE_CONSTRAINT'))
            throw new Refusal(`its ${TABLES[c.t].noun} would clash with one made since`);
          throw error;
        }
      }
      statement(db, 'UPDATE undo_entries SET undone = @undone WHERE id = @id').run({
        id: entry.id,
        undone: direction === 'undo' ? 1 : 0,
      });
    }).immediate();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    // Nothing of the entry was written. It can never apply again, so it leaves the coder's history;
    // the entries behind it are checked on their own turn.
    statement(db, 'DELETE FROM undo_entries WHERE id = @id').run({ id: entry.id });
    throw new PassageError('conflict', `can't ${direction} '${entry.label}': ${error.message}`);
  }
  return entry.label;
}

export const undo = (db: Database.Database, coderId: number): string | null => step(db, coderId, 'undo');
export const redo = (db: Database.Database, coderId: number): string | null => step(db, coderId, 'redo');

export function undoState(db: Database.Database, coderId: number): UndoState {
  const row = statement(
    db,
    `SELECT
      (SELECT label FROM undo_entries WHERE coder_id = @coderId AND undone = 0 ORDER BY id DESC LIMIT 1) AS undo,
      (SELECT label FROM undo_entries WHERE coder_id = @coderId AND undone = 1 ORDER BY id ASC LIMIT 1) AS redo`,
  ).get({ coderId }) as UndoState;
  return { undo: row.undo ?? null, redo: row.redo ?? null };
}
