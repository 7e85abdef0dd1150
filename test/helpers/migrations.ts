import fs from 'node:fs';
import path from 'node:path';
import { loadMigrations } from '../../electron/store/migrations';
import { migrationsDir } from '../../electron/store/paths';
import { tempDir } from './tmp';

/** A folder holding the shipped migrations up to `version`, plus any extra ones given. */
export function migrationsUpTo(version: number, extra: Record<string, string> = {}): string {
  const dir = tempDir('passage-migrations-');
  for (const m of loadMigrations()) {
    if (m.version > version) continue;
    const name = `${String(m.version).padStart(4, '0')}_${m.name}.sql`;
    fs.copyFileSync(path.join(migrationsDir(), name), path.join(dir, name));
  }
  for (const [name, sql] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

/** The shipped migration before `version`: the schema a project had when `version` first met it. */
export function versionBefore(version: number): number {
  return Math.max(
    ...loadMigrations()
      .map((m) => m.version)
      .filter((v) => v < version),
  );
}
