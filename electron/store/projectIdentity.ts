/**
 * The project's own identity, kept for ever and carried through copies of the file (migration 0080).
 *
 *   projectGuid(db): string — lower-case 8-4-4-4-12; the identity key, exports and merges name the
 *   project by it, never by its path.
 */
import type Database from 'better-sqlite3';
import { statement } from './statements';

export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function projectGuid(db: Database.Database): string {
  const row = statement(db, "SELECT value FROM project_settings WHERE key = 'project_guid'").get() as
    { value: string } | undefined;
  if (!row) throw new Error('project has no GUID: it was not migrated to schema 80');
  return row.value;
}
