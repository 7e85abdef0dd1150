import fs from 'node:fs';
import path from 'node:path';

/** One file to import: read lazily, so a folder of 648 files is never in memory at once. */
export interface ImportSource {
  /** Shown in progress and summary: relative to the chosen folder's parent, or the bare file name. */
  name: string;
  fileName: string;
  /** Size in bytes when known before reading (files on disk). */
  size: number | null;
  /** The absolute path of a file on disk (the import's worker thread reads it there itself). */
  path?: string;
  read(): Promise<Uint8Array>;
  /** Why it cannot be imported, found while listing (missing path, unreadable folder). */
  problem?: string;
}

// Files the user never meant to import: OS metadata and Office lock files.
const IGNORED = /^(\.|~\$|Thumbs\.db$|desktop\.ini$)/i;

function fileSource(absolute: string, name: string, size: number): ImportSource {
  // Synchronous: an async readFile is several thread-pool round trips per file, which for a folder of
  // small files costs more than the reading itself; a file is at most MAX_FILE_BYTES.
  return {
    name,
    fileName: path.basename(absolute),
    size,
    path: absolute,
    read: () => Promise.resolve(fs.readFileSync(absolute)),
  };
}

function problemSource(name: string, problem: string): ImportSource {
  return {
    name,
    fileName: path.basename(name),
    size: null,
    problem,
    read: () => Promise.resolve(new Uint8Array()),
  };
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'not found (it was moved or deleted)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot be read (${code ?? (error as Error).message})`;
}

/**
 * Expands the given paths: files as they are, folders recursively (iteratively, so a deep tree cannot
 * overflow the stack), sorted by name so imports are reproducible. Symbolic links to folders are not
 * followed (a link loop would never end).
 */
export function listPathSources(paths: readonly string[]): ImportSource[] {
  const sources: ImportSource[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      sources.push(problemSource(path.basename(absolute) || given, describeFsError(error)));
      continue;
    }
    if (stat.isFile()) {
      sources.push(fileSource(absolute, path.basename(absolute), stat.size));
      continue;
    }
    if (!stat.isDirectory()) {
      sources.push(problemSource(path.basename(absolute), 'not a regular file'));
      continue;
    }
    const base = path.dirname(absolute);
    const pending = [absolute];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        sources.push(problemSource(path.relative(base, dir), describeFsError(error)));
        continue;
      }
      const found: ImportSource[] = [];
      for (const entry of entries) {
        if (IGNORED.test(entry.name)) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) pending.push(full);
        else if (entry.isFile()) {
          const size = fs.statSync(full).size;
          found.push(fileSource(full, path.relative(base, full), size));
        }
      }
      sources.push(...found);
    }
  }
  return sources.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** Files uploaded by the renderer (browser mode, drag-and-drop) as base64. */
export function listUploadSources(files: readonly { name: string; dataBase64: string }[]): ImportSource[] {
  return files
    .filter((f) => !IGNORED.test(f.name.split(/[\\/]/).pop() ?? f.name))
    .map((f) => ({
      name: f.name,
      fileName: f.name.split(/[\\/]/).pop() || f.name,
      // base64 is 4 characters per 3 bytes, minus padding.
      size:
        Math.floor((f.dataBase64.length * 3) / 4) -
        (f.dataBase64.endsWith('==') ? 2 : f.dataBase64.endsWith('=') ? 1 : 0),
      read: () => Promise.resolve(Buffer.from(f.dataBase64, 'base64')),
    }));
}
