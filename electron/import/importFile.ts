import type Database from 'better-sqlite3';
import type { DocumentKind } from '../../shared/api/documents';
import { PassageError } from '../../shared/api/result';
import { titleFromFileName } from '../../shared/text/fileNames';
import { detectSpeakerTurns, type DetectedTurn } from '../../shared/text/speakerTurns';
import { countWords } from '../../shared/text/wordCount';
import { addDocumentsToGroup, ensureGroup } from '../store/documentGroups';
import { findByContentHash, hashText, insertDocument } from '../store/documents';
import { extractDocument, type Extracted } from './extract';
import { ImportError } from './importError';
import { formatMegabytes, MAX_FILE_BYTES } from './limits';
import type { ImportSource } from './sources';

export interface ImportOptions {
  kind: DocumentKind;
  groupName?: string;
  allowDuplicates: boolean;
}

export type FileOutcome =
  | { status: 'imported'; documentId: number; title: string }
  | { status: 'duplicate'; existingDocumentId: number; existingTitle: string }
  | { status: 'failed'; reason: string };

/** An error thrown while reading one file, as the plain-words reason for the summary. */
export function reasonOf(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof PassageError) return error.message;
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'not found (it was moved or deleted)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (error instanceof RangeError) return 'too large or too deeply structured to read';
  return `could not be read (${(error as Error).message?.slice(0, 200) ?? String(error)})`;
}

/** A file read and extracted, ready to be written. */
export interface PreparedFile {
  source: ImportSource;
  extracted: Extracted;
  contentHash: string;
  wordCount: number;
  turns: DetectedTurn[];
}

/**
 * Reads and extracts one file, without touching the database (the slow, asynchronous part).
 * Returns the reason when the file cannot be imported.
 */
export async function prepareFile(
  source: ImportSource,
  options: ImportOptions,
  signal?: AbortSignal,
): Promise<PreparedFile | { reason: string }> {
  try {
    if (source.problem) return { reason: source.problem };
    if (source.size !== null && source.size > MAX_FILE_BYTES)
      return {
        reason: `file is ${formatMegabytes(source.size)} — larger than the ${formatMegabytes(MAX_FILE_BYTES)} limit per file; split it into parts`,
      };
    const bytes = await source.read();
    const extracted = await extractDocument(source.fileName, bytes, signal);
    return {
      source,
      extracted,
      contentHash: hashText(extracted.text),
      wordCount: countWords(extracted.text),
      turns: options.kind === 'interview' ? detectSpeakerTurns(extracted.text) : [],
    };
  } catch (error) {
    return { reason: reasonOf(error) };
  }
}

/**
 * Writes one prepared file: duplicate check, document, turns, pages and group membership in one
 * transaction (a savepoint when the caller batches files), so a file arrives whole or leaves nothing.
 */
export function writePreparedFile(
  db: Database.Database,
  file: PreparedFile,
  options: ImportOptions,
): FileOutcome {
  try {
    return db.transaction((): FileOutcome => {
      if (!options.allowDuplicates) {
        const existing = findByContentHash(db, file.contentHash);
        if (existing)
          return { status: 'duplicate', existingDocumentId: existing.id, existingTitle: existing.title };
      }
      const title = titleFromFileName(file.source.fileName);
      const { extracted } = file;
      const documentId = insertDocument(db, {
        title,
        kind: options.kind,
        fileName: file.source.fileName,
        format: extracted.format,
        text: extracted.text,
        contentHash: file.contentHash,
        wordCount: file.wordCount,
        date: extracted.date,
        author: extracted.author,
        pageCount: extracted.pageCount,
        turns: file.turns,
        pages: extracted.pages,
      });
      if (options.groupName) addDocumentsToGroup(db, ensureGroup(db, options.groupName), [documentId]);
      return { status: 'imported', documentId, title };
    })();
  } catch (error) {
    return { status: 'failed', reason: reasonOf(error) };
  }
}

/** Imports one file on its own (prepare, then write in its own transaction). */
export async function importFile(
  db: Database.Database,
  source: ImportSource,
  options: ImportOptions,
  signal?: AbortSignal,
): Promise<FileOutcome> {
  const prepared = await prepareFile(source, options, signal);
  if ('reason' in prepared) return { status: 'failed', reason: prepared.reason };
  return writePreparedFile(db, prepared, options);
}
