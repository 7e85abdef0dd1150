import type Database from 'better-sqlite3';
import type { DocumentKind } from '../../shared/api/documents';
import { PassageError } from '../../shared/api/result';
import { titleFromFileName } from '../../shared/text/fileNames';
import { detectSpeakerTurns } from '../../shared/text/speakerTurns';
import { countWords } from '../../shared/text/wordCount';
import { addDocumentsToGroup, ensureGroup } from '../store/documentGroups';
import { findByContentHash, hashText, insertDocument } from '../store/documents';
import { extractDocument } from './extract';
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

/**
 * Imports one file. Reading and extraction happen before the database is touched; the writes
 * (duplicate check, document, turns, pages, group membership) are one transaction, so a file either
 * arrives whole or leaves nothing.
 */
export async function importFile(
  db: Database.Database,
  source: ImportSource,
  options: ImportOptions,
  signal?: AbortSignal,
): Promise<FileOutcome> {
  try {
    if (source.problem) return { status: 'failed', reason: source.problem };
    if (source.size !== null && source.size > MAX_FILE_BYTES)
      return {
        status: 'failed',
        reason: `file is ${formatMegabytes(source.size)} — larger than the ${formatMegabytes(MAX_FILE_BYTES)} limit per file; split it into parts`,
      };
    const bytes = await source.read();
    const extracted = await extractDocument(source.fileName, bytes, signal);
    const contentHash = hashText(extracted.text);
    const turns = options.kind === 'interview' ? detectSpeakerTurns(extracted.text) : [];
    const wordCount = countWords(extracted.text);
    if (signal?.aborted) return { status: 'failed', reason: 'cancelled' };
    return db.transaction((): FileOutcome => {
      if (!options.allowDuplicates) {
        const existing = findByContentHash(db, contentHash);
        if (existing)
          return { status: 'duplicate', existingDocumentId: existing.id, existingTitle: existing.title };
      }
      const title = titleFromFileName(source.fileName);
      const documentId = insertDocument(db, {
        title,
        kind: options.kind,
        fileName: source.fileName,
        format: extracted.format,
        text: extracted.text,
        contentHash,
        wordCount,
        date: extracted.date,
        author: extracted.author,
        pageCount: extracted.pageCount,
        turns,
        pages: extracted.pages,
      });
      if (options.groupName) addDocumentsToGroup(db, ensureGroup(db, options.groupName), [documentId]);
      return { status: 'imported', documentId, title };
    })();
  } catch (error) {
    return { status: 'failed', reason: reasonOf(error) };
  }
}
