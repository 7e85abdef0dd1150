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

/**
 * Writes the file next to the target under a temporary name and renames it into place, so the target
 * is either the old file or the complete new one — never half written, even if the app dies mid-way.
 * `beforeCommit` runs after the data is on disk and before the rename (a cancelled job throws there).
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  beforeCommit: () => void = () => undefined,
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
      await handle.sync();
    } finally {
      await handle.close();
    }
    beforeCommit();
    await fs.promises.rename(temp, target);
    return bytes.byteLength;
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    if (error instanceof PassageError) throw error;
    throw describeWriteError(target, error);
  }
}
