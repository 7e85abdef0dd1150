/**
 * Where an export may go: never over the open project (or its WAL, SHM or identity key), never over an
 * existing file unless the user said so (`force`), and never half-written — the bytes go to a temp
 * file beside the target, renamed into place at the end.
 * (A shared target-safety check is being built in electron/export/; this is the minimal one until then.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassageError } from '../../shared/api/result';

function realish(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync(absolute);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

export function checkExportTarget(target: string, projectFile: string, force: boolean): void {
  const name = path.basename(target);
  const resolved = realish(target);
  const project = realish(projectFile);
  if ([project, `${project}-wal`, `${project}-shm`, `${project}.identity`].includes(resolved))
    throw new PassageError('invalid_argument', `export: ${name} is the project itself — choose another file`);
  const dir = path.dirname(resolved);
  if (!fs.existsSync(dir))
    throw new PassageError('not_found', `export: cannot write ${name}: the folder ${dir} does not exist`);
  const existing = fs.statSync(resolved, { throwIfNoEntry: false });
  if (existing?.isDirectory())
    throw new PassageError('invalid_argument', `export: cannot write ${name}: it is a folder`);
  if (existing && !force)
    throw new PassageError(
      'conflict',
      `export: ${name} already exists — choose another name or allow replacing it (--force)`,
    );
}

export async function writeExportFile(
  target: string,
  bytes: Uint8Array,
  projectFile: string,
  force: boolean,
): Promise<number> {
  checkExportTarget(target, projectFile, force);
  const temp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.promises.writeFile(temp, bytes, { flag: 'w' });
    checkExportTarget(target, projectFile, force);
    await fs.promises.rename(temp, target);
    return bytes.byteLength;
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    if (error instanceof PassageError) throw error;
    throw new PassageError(
      'io',
      `export: cannot write ${path.basename(target)}: ${(error as Error).message}`,
    );
  }
}
