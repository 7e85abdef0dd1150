/**
 * The export dialog's last options, kept in the project (project_settings) so they travel with the
 * file and come back when the export area opens again.
 *
 *   exportSettings(db): ExportOptions | null — null when never saved, or saved by a version whose
 *     options no longer validate (the dialog then starts from its defaults rather than failing)
 *   saveExportSettings(db, options) — the options as the contract validated them
 */
import type Database from 'better-sqlite3';
import { exportOptions, type ExportOptions } from '../../shared/api/export';
import { statement } from './statements';

const EXPORT_SETTINGS_KEY = 'export_options';

export function exportSettings(db: Database.Database): ExportOptions | null {
  const row = statement(db, 'SELECT value FROM project_settings WHERE key = @key').get({
    key: EXPORT_SETTINGS_KEY,
  }) as { value: string } | undefined;
  if (!row) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return null;
  }
  const parsed = exportOptions.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export function saveExportSettings(db: Database.Database, options: ExportOptions): void {
  statement(
    db,
    'INSERT INTO project_settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run({ key: EXPORT_SETTINGS_KEY, value: JSON.stringify(options) });
}
