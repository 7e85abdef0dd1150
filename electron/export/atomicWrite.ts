import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassageError } from '../../shared/api/result';

/**
 * Why a target cannot be written, checked before any work: a folder that is missing or read-only, a
 * target that is a folder or a read-only file. Mode bits, not access(): root may write anything, but
 * a folder marked read-only was meant to stay so.
 */
export function checkWritableTarget(target: string): void {
  const name = path.basename(target);
  const dir = path.dirname(target);
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch {
    throw new PassageError('io', `export: cannot write ${name}: the folder ${dir} does not exist`);
  }
  if (!dirStat.isDirectory())
    throw new PassageError('io', `export: cannot write ${name}: ${dir} is not a folder`);
  if ((dirStat.mode & 0o222) === 0)
    throw new PassageError('io', `export: cannot write ${name}: the folder ${dir} is read-only`);
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new PassageError('io', `export: cannot write ${name}: it is a folder`);
  if (existing && (existing.mode & 0o222) === 0)
    throw new PassageError('io', `export: cannot write ${name}: the file is read-only`);
}

function describeWriteError(target: string, error: unknown): PassageError {
  const name = path.basename(target);
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
      // Windows refuses to replace a file another program (Word) holds open.
      return new PassageError(
        'io',
        `export: cannot write ${name}: it is open in another program (Word?) — close it and export again`,
      );
    case 'EACCES':
    case 'EROFS':
      return new PassageError(
        'io',
        `export: cannot write ${name}: permission denied in ${path.dirname(target)}`,
      );
    case 'ENOSPC':
      return new PassageError('io', `export: cannot write ${name}: the disk is full`);
    default:
      return new PassageError('io', `export: cannot write ${name}: ${(error as Error).message}`);
  }
}

export interface AtomicWriteOptions {
  /**
   * Replace an existing target (the user confirmed). Without it an existing target fails with
   * 'conflict' — also one that appeared while the data was being written.
   */
  overwrite: boolean;
  /** Runs after the data is on disk and before the target is touched (a cancelled job throws here). */
  beforeCommit?: () => void;
}

export function alreadyExists(target: string, howToReplace: string): PassageError {
  return new PassageError(
    'conflict',
    `export: ${path.basename(target)} already exists — choose another name or ${howToReplace}`,
  );
}

/**
 * Puts the finished temp file at the target. Without `overwrite`, a hard link is the no-clobber step
 * (it fails if the name exists, with no window between check and write); file systems without hard
 * links (FAT, some network shares) fall back to check-then-rename.
 */
async function commit(temp: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) return fs.promises.rename(temp, target);
  try {
    await fs.promises.link(temp, target);
    await fs.promises.rm(temp, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyExists(target, 'confirm replacing it');
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
    if (fs.existsSync(target)) throw alreadyExists(target, 'confirm replacing it');
    await fs.promises.rename(temp, target);
  }
}

/**
 * Writes the file next to the target under a temporary name, fsyncs it and renames it into place, so
 * the target is either the old file or the complete new one — never half written, even if the app dies
 * mid-way, and no temp file is left behind on failure (a full disk included). A replaced file keeps its
 * permissions: a private file stays private.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions,
): Promise<number> {
  checkWritableTarget(target);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`,
  );
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const handle = await fs.promises.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      const replaced = fs.statSync(target, { throwIfNoEntry: false });
      if (replaced) await handle.chmod(replaced.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    options.beforeCommit?.();
    await commit(temp, target, options.overwrite);
    return bytes.byteLength;
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    if (error instanceof PassageError) throw error;
    throw describeWriteError(target, error);
  }
}
