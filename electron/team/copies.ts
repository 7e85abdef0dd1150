/**
 * Coding copies: one copy of the project file per coder, for coders who work apart and are merged
 * back later (merge.ts). Each copy is written with SQLite's online backup API, so a project open
 * elsewhere (the app, another CLI run) is copied as one consistent snapshot, into a temporary name
 * that is renamed only when the copy is complete.
 *
 * A copy keeps every GUID of the original (that is how the merge recognises what it already has),
 * opens as its coder (project setting `default_coder`), starts with an empty undo history, and records
 * when it was made (`copied_at`), so the merge can tell a row deleted since from a row never there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import type { CodingCopy } from '../../shared/api/team';
import { ensureCoder, setDefaultCoder } from '../store/coders';
import { closeProject, openProject } from '../store/openProject';
import { statement } from '../store/statements';

export const COPIED_AT_KEY = 'copied_at';

/** "Study - Ana.passage": characters no file system accepts become "_". */
export function copyFileName(projectFile: string, coder: string): string {
  const base = path.basename(projectFile).replace(/\.passage$/i, '');
  const safe = [...coder]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return `${base} - ${safe}.passage`;
}

export async function makeCodingCopies(
  db: Database.Database,
  projectFile: string,
  options: { coders: string[]; folder: string; withoutSegments: boolean; nativeBinding?: string | undefined },
): Promise<CodingCopy[]> {
  const folder = path.resolve(options.folder);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
    throw new PassageError('not_found', `coding copies: folder ${folder} does not exist`);
  const names = [...new Map(options.coders.map((c) => [c.trim().toLowerCase(), c.trim()])).values()];
  const targets = names.map((coder) => ({
    coder,
    file: path.join(folder, copyFileName(projectFile, coder)),
  }));
  // Checked before any copy is written, so a refusal leaves nothing behind.
  for (const { file } of targets) {
    if (path.resolve(file) === path.resolve(projectFile))
      throw new PassageError(
        'conflict',
        `coding copies: ${path.basename(file)} would replace the project itself`,
      );
    if (fs.existsSync(file))
      throw new PassageError('conflict', `coding copies: ${path.basename(file)} already exists in ${folder}`);
  }
  const copies: CodingCopy[] = [];
  const written: string[] = [];
  try {
    for (const { coder, file } of targets) {
      const partial = path.join(folder, `.${path.basename(file)}.partial`);
      fs.rmSync(partial, { force: true });
      written.push(partial);
      await db.backup(partial);
      const copy = await openProject(partial, { nativeBinding: options.nativeBinding });
      let segments = 0;
      try {
        copy.db
          .transaction(() => {
            ensureCoder(copy.db, coder);
            setDefaultCoder(copy.db, coder);
            statement(
              copy.db,
              'INSERT INTO project_settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
            ).run({ key: COPIED_AT_KEY, value: new Date().toISOString() });
            // The original's history belongs to the original: undoing it in a copy would undo nobody's work.
            statement(copy.db, 'DELETE FROM undo_entries').run();
            if (options.withoutSegments) statement(copy.db, 'DELETE FROM segments').run();
            segments = (statement(copy.db, 'SELECT count(*) AS n FROM segments').get() as { n: number }).n;
          })
          .immediate();
        copy.db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        closeProject(copy);
      }
      fs.renameSync(partial, file);
      written.pop();
      written.push(file);
      copies.push({ coder, path: file, segments });
    }
  } catch (error) {
    // All copies or none: a failure part-way removes the ones already written.
    for (const file of written)
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    throw error;
  }
  return copies;
}
