/**
 * Coders: who coded each segment (for inter-coder comparison).
 *
 *   ensureCoder(db, name: string): number   — the coder's id, creating the row if new (case-insensitive name)
 *   listCoders(db, current: string): Coder[]   — call ensureCoder(current) first so the current coder is listed
 *
 * Coders are never deleted (segments restrict it), so they are not journalled for undo.
 */
import type Database from 'better-sqlite3';
import type { Coder } from '../../shared/api/coding';
import { statement } from './statements';

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
    `SELECT c.id, c.name, (SELECT count(*) FROM segments s WHERE s.coder_id = c.id) AS segmentCount
     FROM coders c ORDER BY c.name COLLATE NOCASE`,
  ).all() as { id: number; name: string; segmentCount: number }[];
  const lower = current.trim().toLowerCase();
  return rows.map((r) => ({ ...r, current: r.name.toLowerCase() === lower }));
}
