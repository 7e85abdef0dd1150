import type Database from 'better-sqlite3';
import type { DocumentKind } from '../../shared/api/documents';
import type { Anonymiser } from '../privacy/importAnonymiser';
import { titleFromFileName } from '../../shared/text/fileNames';
import { addDocumentsToGroup, ensureGroup } from '../store/documentGroups';
import { findByContentHash, insertDocumentRows } from '../store/documents';
import { decodeText } from './decodeText';
import { extractDocument } from './extract';
import { formatOf, isPlainTextFormat } from './extractText';
import { reasonOf } from './importError';
import { formatMegabytes, MAX_FILE_BYTES } from './limits';
import { prepareExtracted, preparePlainText, type PreparedText } from './prepareText';
import type { ImportSource } from './sources';

export interface ImportOptions {
  kind: DocumentKind;
  groupName?: string;
  allowDuplicates: boolean;
  /** Anonymisation at the door (electron/privacy): rewrites each prepared file and records where. */
  anonymiser?: Anonymiser;
}

export type FileOutcome =
  | { status: 'imported'; documentId: number; title: string }
  | { status: 'duplicate'; existingDocumentId: number; existingTitle: string }
  | { status: 'failed'; reason: string };

export { reasonOf };

/** A file read and extracted, ready to be written. */
export interface PreparedFile extends PreparedText {
  source: ImportSource;
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
    if (isPlainTextFormat(formatOf(source.fileName)))
      return { source, ...preparePlainText(source.fileName, bytes, options.kind, decodeText) };
    const extracted = await extractDocument(source.fileName, bytes, signal);
    return { source, ...prepareExtracted(extracted, options.kind) };
  } catch (error) {
    return { reason: reasonOf(error) };
  }
}

/**
 * Writes one prepared file: duplicate check, document, turns, pages and group membership, in the
 * caller's transaction. Throws when a statement fails; the caller decides what is rolled back.
 */
export function insertPreparedFile(
  db: Database.Database,
  file: PreparedFile,
  options: ImportOptions,
): FileOutcome {
  if (!options.allowDuplicates) {
    const existing = findByContentHash(db, file.contentHash);
    if (existing)
      return { status: 'duplicate', existingDocumentId: existing.id, existingTitle: existing.title };
  }
  const title = titleFromFileName(file.source.fileName);
  const { extracted } = file;
  const documentId = insertDocumentRows(db, {
    title,
    kind: options.kind,
    fileName: file.source.fileName,
    format: extracted.format,
    text: file.text,
    contentHash: file.contentHash,
    wordCount: file.wordCount,
    date: extracted.date,
    author: extracted.author,
    pageCount: extracted.pageCount,
    turns: file.turns,
    pages: extracted.pages,
  });
  options.anonymiser?.recordSpans(db, documentId, file);
  if (options.groupName) addDocumentsToGroup(db, ensureGroup(db, options.groupName), [documentId]);
  return { status: 'imported', documentId, title };
}

/**
 * Writes one prepared file in a transaction of its own (a savepoint inside the caller's), so a file
 * arrives whole or leaves nothing and a failure is reported as this file's reason.
 */
export function writePreparedFile(
  db: Database.Database,
  file: PreparedFile,
  options: ImportOptions,
): FileOutcome {
  try {
    return db.transaction(() => insertPreparedFile(db, file, options)).immediate();
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
