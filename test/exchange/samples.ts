/** Paths to the real REFI-QDA exports in ../shared/refi-samples (read there, never copied). */
import path from 'node:path';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import {
  buildOffsetMap,
  codePointStarts,
  withoutBom,
  type OffsetUnit,
} from '../../shared/exchange/offsetMap';

export const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/refi-samples');
export const sample = (relative: string) => path.join(SAMPLES, relative);

/** Every entry of a zip, inflated (test-sized archives only). */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

/** The characters a selection covers as the other tool counted them, line endings and NFC as Passage stores. */
export function expectedQuote(raw: string, unit: OffsetUnit, start: number, end: number): string {
  const text = withoutBom(raw);
  const slice =
    unit === 'utf16'
      ? text.slice(start, end)
      : text.slice(codePointStarts(text)[start], codePointStarts(text)[end]);
  return slice.replace(/\r\n?/g, '\n').replace(/\0/g, '').normalize('NFC');
}

export interface StoredSegment {
  guid: string;
  text: string;
  start: number;
  end: number;
  documentText: string;
  code: string;
  coder: string;
}

export function storedSegments(file: string): StoredSegment[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT s.guid, s.text, s.start_utf16 AS start, s.end_utf16 AS end, d.text AS documentText,
           c.name AS code, k.name AS coder
         FROM segments s JOIN documents d ON d.id = s.document_id JOIN codes c ON c.id = s.code_id
         JOIN coders k ON k.id = s.coder_id`,
      )
      .all() as StoredSegment[];
  } finally {
    db.close();
  }
}

export { buildOffsetMap };
