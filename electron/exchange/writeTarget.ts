/**
 * Where an exchange file (.qdpx, .qdc) may go: the same rules as every other export — never over the
 * open project, its companions, a backup or an identity key (whatever the name, whatever --force),
 * only a file carrying the format's extension, an existing one only when the user said so — and
 * written atomically, so the target is the old file or the whole new one.
 */
import path from 'node:path';
import { writeFileAtomic } from '../export/atomicWrite';
import { exportBaseFolder } from '../export/exportFolder';
import { assertSafeTarget, resolveExportTarget } from '../export/targetSafety';

export interface ExchangeTarget {
  file: string;
  projectFile: string;
  /** The unlocked identity key's file when it lives elsewhere than beside the project. */
  identityKey: string | null;
  force: boolean;
  format: 'qdpx' | 'qdc';
}

const FORMAT_NAMES = { qdpx: 'REFI-QDA project', qdc: 'REFI-QDA codebook' } as const;

/** The absolute target once it is safe; throws with the file's name otherwise. Checked before any work. */
export function checkExchangeTarget(to: ExchangeTarget): string {
  return resolveExportTarget(to.projectFile, to.identityKey, {
    file: to.file,
    extensions: [`.${to.format}`],
    formatName: FORMAT_NAMES[to.format],
    overwrite: to.force,
    baseFolder: exportBaseFolder(),
    howToReplace: 'allow replacing it (--force)',
  });
}

export async function writeExchangeFile(
  to: ExchangeTarget,
  bytes: Uint8Array,
): Promise<{ file: string; bytes: number }> {
  const target = checkExchangeTarget(to);
  const written = await writeFileAtomic(target, bytes, {
    overwrite: to.force,
    // Checked again: building the archive took a while, and a link may have been put there meanwhile.
    beforeCommit: () => assertSafeTarget(target, path.resolve(to.projectFile), to.identityKey),
  });
  return { file: target, bytes: written };
}
