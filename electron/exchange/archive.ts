/**
 * A .qdpx (or the same renamed .zip) on disk: the .qde document and the source files beside it.
 * Checked before anything is inflated: the zip signature, at most MAX_ENTRIES entries and
 * MAX_UNZIPPED_BYTES declared in all, no entry inflating more than MAX_RATIO times; yauzl then checks
 * each inflated entry really has its declared size. Only the .qde and the text sources are inflated
 * (pictures, audio and video stay packed), one at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { PassageError } from '../../shared/api/result';

export const MAX_ENTRIES = 100_000;
export const MAX_UNZIPPED_BYTES = 4 * 1024 * 1024 * 1024;
/** One text entry (the .qde or a source) is read into memory: it must fit. */
export const MAX_ENTRY_BYTES = 512 * 1024 * 1024;
const MAX_RATIO = 200;

export interface QdpxArchive {
  /** The .qde's name inside the archive. */
  qdeName: string;
  /** Entry bytes by path relative to the archive's sources folder (any case), or undefined. */
  readSource(relative: string): Promise<Buffer | undefined>;
  readEntry(name: string): Promise<Buffer>;
  close(): void;
}

const fail = (file: string, why: string): never => {
  throw new PassageError('invalid_argument', `import: ${path.basename(file)} ${why}`);
};

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > MAX_ENTRIES) resolve(entries);
      else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** The .qde: project.qde / Project.qde, else the only (or first) .qde at the top level. */
function findQde(names: readonly string[]): string | undefined {
  const top = names.filter((n) => !n.includes('/') && n.toLowerCase().endsWith('.qde'));
  return (
    top.find((n) => n.toLowerCase() === 'project.qde') ??
    top[0] ??
    names.find((n) => n.toLowerCase().endsWith('.qde'))
  );
}

export async function openQdpx(file: string): Promise<QdpxArchive> {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(4);
  const read = fs.readSync(fd, head, 0, 4, 0);
  fs.closeSync(fd);
  if (read === 0) fail(file, 'is empty');
  if (read < 4 || head[0] !== 0x50 || head[1] !== 0x4b) {
    fail(
      file,
      'is not a REFI-QDA project: it is not a zip archive (a .qdpx is a zip of project.qde and its sources)',
    );
  }
  let zip: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zip = await openZip(file);
    entries = await listEntries(zip);
  } catch {
    return fail(file, 'is a damaged zip archive (truncated or corrupt)');
  }
  const refuse = (why: string): never => {
    zip.close();
    return fail(file, why);
  };
  if (entries.length > MAX_ENTRIES)
    refuse(`has more than ${MAX_ENTRIES} entries — refused as a possible zip bomb`);
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (ratio > MAX_RATIO && entry.uncompressedSize > 1024 * 1024)
      refuse(`is refused as a possible zip bomb: ${entry.fileName} would inflate ${Math.round(ratio)}×`);
  }
  if (declared > MAX_UNZIPPED_BYTES)
    refuse('is refused as a possible zip bomb: it would inflate to more than 4 GB');
  const byName = new Map(entries.filter((e) => !e.fileName.endsWith('/')).map((e) => [e.fileName, e]));
  const byLowerName = new Map([...byName].map(([name, e]) => [name.toLowerCase(), e]));
  const qdeName =
    findQde([...byName.keys()]) ?? refuse('is not a REFI-QDA project: the archive holds no .qde file');
  const readEntry = async (name: string): Promise<Buffer> => {
    const entry = byName.get(name) ?? byLowerName.get(name.toLowerCase());
    if (!entry) return fail(file, `has no entry ${name}`);
    if (entry.uncompressedSize > MAX_ENTRY_BYTES) return fail(file, `: ${name} is larger than 512 MB`);
    try {
      return await inflate(zip, entry);
    } catch {
      return fail(file, `is damaged: ${name} cannot be read`);
    }
  };
  return {
    qdeName,
    readEntry,
    async readSource(relative) {
      const clean = relative.replace(/\\/g, '/').replace(/^\.?\//, '');
      for (const candidate of [`sources/${clean}`, clean]) {
        if (byLowerName.has(candidate.toLowerCase())) return readEntry(candidate);
      }
      return undefined;
    },
    close: () => zip.close(),
  };
}
