/**
 * Coders: the people who code in a project; every segment carries one.
 *
 *   ensureCoder(db, name): number — the coder's id, creating the row if new (case-insensitive name)
 *   listCoders(db, current): Coder[] — call ensureCoder(current) first so the current coder is listed
 *   addCoder / renameCoder / setCoderColor — the team's list, with clear refusals
 *   defaultCoder / setDefaultCoder — the coder a copy of the project opens as (project setting)
 *
 * Coders are never deleted (segments restrict it), so they are not journalled for undo; renaming
 * keeps the id, so every segment follows the new name.
 */
import type Database from 'better-sqlite3';
import type { Coder } from '../../shared/api/coding';
import { PassageError } from '../../shared/api/result';
import { statement } from './statements';

const DEFAULT_CODER_KEY = 'default_coder';

export function ensureCoder(db: Database.Database, name: string): number {
  const trimmed = name.trim() || 'coder';
  const found = statement(db, 'SELECT id FROM coders WHERE name = @name').get({ name: trimmed }) as
    { id: number } | undefined;
  if (found) return found.id;
  const row = statement(db, 'INSERT INTO coders (name, created_at) VALUES (@name, @now) RETURNING id').get({
    name: trimmed,
    now: new Date().toISOString(),
  }) as { id: number };
  return row.id;
}

export function listCoders(db: Database.Database, current: string): Coder[] {
  const rows = statement(
    db,
    // The counts the segments' triggers keep (0160): counting a million segments by coder took ~1 s.
    `SELECT c.id, c.name, c.color,
       coalesce((SELECT n.segments FROM coder_segment_counts n WHERE n.coder_id = c.id), 0) AS segmentCount
     FROM coders c ORDER BY c.name COLLATE NOCASE`,
  ).all() as { id: number; name: string; color: string | null; segmentCount: number }[];
  const lower = current.trim().toLowerCase();
  return rows.map((r) => ({ ...r, current: r.name.toLowerCase() === lower }));
}

export function findCoderId(db: Database.Database, name: string): number | undefined {
  const row = statement(db, 'SELECT id FROM coders WHERE name = @name').get({ name: name.trim() }) as
    { id: number } | undefined;
  return row?.id;
}

export function coderName(db: Database.Database, id: number, what = 'coder'): string {
  const row = statement(db, 'SELECT name FROM coders WHERE id = @id').get({ id }) as
    { name: string } | undefined;
  if (!row) throw new PassageError('not_found', `${what}: there is no coder with id ${id}`);
  return row.name;
}

export function addCoder(db: Database.Database, name: string, color: string | null = null): number {
  const trimmed = name.trim();
  if (findCoderId(db, trimmed) !== undefined)
    throw new PassageError('conflict', `a coder named "${trimmed}" already exists`);
  const row = statement(
    db,
    'INSERT INTO coders (name, color, created_at) VALUES (@name, @color, @now) RETURNING id',
  ).get({ name: trimmed, color, now: new Date().toISOString() }) as { id: number };
  return row.id;
}

export function renameCoder(db: Database.Database, id: number, name: string): void {
  const old = coderName(db, id, 'rename coder');
  const trimmed = name.trim();
  const clash = findCoderId(db, trimmed);
  if (clash !== undefined && clash !== id)
    throw new PassageError(
      'conflict',
      `rename coder: "${old}" cannot be renamed to "${trimmed}": that coder exists`,
    );
  statement(db, 'UPDATE coders SET name = @name WHERE id = @id').run({ id, name: trimmed });
  if (defaultCoder(db)?.toLowerCase() === old.toLowerCase()) setDefaultCoder(db, trimmed);
}

export function setCoderColor(db: Database.Database, id: number, color: string | null): void {
  coderName(db, id, 'coder colour');
  statement(db, 'UPDATE coders SET color = @color WHERE id = @id').run({ id, color });
}

/** The coder this copy of the project opens as, when the user has not chosen one. */
export function defaultCoder(db: Database.Database): string | null {
  const row = statement(db, 'SELECT value FROM project_settings WHERE key = @key').get({
    key: DEFAULT_CODER_KEY,
  }) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setDefaultCoder(db: Database.Database, name: string | null): void {
  if (name === null)
    statement(db, 'DELETE FROM project_settings WHERE key = @key').run({ key: DEFAULT_CODER_KEY });
  else
    statement(
      db,
      'INSERT INTO project_settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run({ key: DEFAULT_CODER_KEY, value: name });
}

/** Whether the named coder's row was created at or after `since` (an ISO time): the CLI says so. */
export function coderCreatedSince(db: Database.Database, name: string, since: string): boolean {
  const row = statement(db, 'SELECT created_at AS createdAt FROM coders WHERE name = @name').get({
    name: name.trim(),
  }) as { createdAt: string } | undefined;
  return row !== undefined && row.createdAt >= since;
}
