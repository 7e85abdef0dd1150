import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app root (where migrations/ and out/ live). Sources sit in electron/<area>/ and bundles in
 * out/<area>/, both two levels below the root, so one rule finds it in tests, the CLI and Electron.
 */
export function appRoot(): string {
  if (process.env.PASSAGE_ROOT) return process.env.PASSAGE_ROOT;
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function migrationsDir(): string {
  return path.join(appRoot(), 'migrations');
}
