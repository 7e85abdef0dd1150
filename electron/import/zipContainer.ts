import yauzl from 'yauzl';
import { formatMegabytes, MAX_COMPRESSION_RATIO, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from './limits';
import { refuse } from './importError';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b);

/** "EncryptedPackage" as UTF-16LE: the stream an encrypted OOXML file keeps inside its CFB container. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * Refuses what is not a zip before any zip library sees it, with the reason a person can act on:
 * Office saves a password-protected .docx as a CFB (OLE) file holding an "EncryptedPackage" stream,
 * and a Word 97–2003 .doc is CFB too.
 */
export function checkZipSignature(bytes: Uint8Array, format: 'docx' | 'odt'): void {
  if (bytes.length === 0) refuse('empty');
  if (startsWith(bytes, OLE_MAGIC)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE))
      refuse('file is password-protected — remove the password in Word and import it again');
    refuse('file is in the old Word 97–2003 format — save it as .docx and import it again');
  }
  if (!startsWith(bytes, ZIP_MAGIC))
    refuse(`not a valid .${format} file (it is not a zip container) — it may be damaged`);
}

export interface ZipEntries {
  /** Inflated content of the entries asked for (by exact name), if present. */
  files: Map<string, Buffer>;
  names: string[];
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // validateEntrySizes makes yauzl fail here when an entry inflates beyond its declared size.
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * Reads the zip's central directory and refuses bombs from the declared sizes alone, before
 * inflating anything; then inflates every entry (yauzl checks each really has its declared size,
 * so a lying header cannot get past) and returns the ones named in `wanted`.
 */
export async function readZipContainer(bytes: Uint8Array, wanted: readonly string[]): Promise<ZipEntries> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    return refuse('damaged zip container (the file is truncated or corrupt)');
  }
  try {
    const entries = await listEntries(zip).catch(() =>
      refuse('damaged zip container (the file is truncated or corrupt)'),
    );
    if (entries.length > MAX_ZIP_ENTRIES) refuse(`zip container has more than ${MAX_ZIP_ENTRIES} entries`);
    let declared = 0;
    for (const entry of entries) {
      declared += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (ratio > MAX_COMPRESSION_RATIO && entry.uncompressedSize > 1024 * 1024)
        refuse(`refused as a possible zip bomb: ${entry.fileName} would inflate ${Math.round(ratio)}×`);
    }
    if (declared > MAX_UNZIPPED_BYTES)
      refuse(
        `refused as a possible zip bomb: it would inflate to ${formatMegabytes(declared)} (limit ${formatMegabytes(MAX_UNZIPPED_BYTES)})`,
      );
    const files = new Map<string, Buffer>();
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      let content: Buffer;
      try {
        content = await readEntry(zip, entry);
      } catch {
        return refuse('damaged zip container (an entry cannot be read)');
      }
      if (wanted.includes(entry.fileName)) files.set(entry.fileName, content);
    }
    return { files, names: entries.map((e) => e.fileName) };
  } finally {
    zip.close();
  }
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > MAX_ZIP_ENTRIES) resolve(entries);
      else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new Error('damaged zip container (the file is truncated or corrupt)')));
    zip.readEntry();
  });
}
