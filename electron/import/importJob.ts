import type Database from 'better-sqlite3';
import type { ParsedArgs } from '../../shared/api/contract';
import type { ImportSummary } from '../../shared/api/documents';
import { PassageError } from '../../shared/api/result';
import { yieldToEventLoop, type JobProgress, type JobStarter } from '../jobs/progress';
import { deleteGroup, findGroupId } from '../store/documentGroups';
import { removeImportedDocuments } from '../store/documents';
import {
  insertPreparedFile,
  writePreparedFile,
  type FileOutcome,
  type ImportOptions,
  type PreparedFile,
} from './importFile';
import { createPreparer } from './preparer';
import { listPathSources, listUploadSources, type ImportSource } from './sources';

export type ImportArgs = ParsedArgs<'documents.import'>;

// Prepared files are written in batches, one transaction per batch, so the FTS index is flushed once
// per batch instead of once per file; each file is still all-or-nothing (see flush). Writing a batch
// is synchronous, so no other call runs inside it; extraction (async) happens outside any transaction.
const BATCH_FILES = 64;
// Text in a batch, in UTF-16 units or UTF-8 bytes (whichever form a file's text is held in).
const BATCH_UTF16 = 8_000_000;
// Text written between checkpoints of the write-ahead log during an import (see runImport).
const CHECKPOINT_TEXT = 64_000_000;

/**
 * Imports every source, reporting progress between files. Cancelling undoes the whole import: the
 * documents it added (and the group, if it created one) are deleted in one transaction, so a
 * cancelled import leaves the project exactly as it was.
 */
export async function runImport(
  db: Database.Database,
  sources: readonly ImportSource[],
  options: ImportOptions,
  progress: JobProgress,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    imported: [],
    duplicates: [],
    failed: [],
    groupId: null,
    cancelled: false,
  };
  const groupExisted = options.groupName ? findGroupId(db, options.groupName) !== undefined : true;
  let batch: PreparedFile[] = [];
  let batchUtf16 = 0;
  const record = (name: string, outcome: FileOutcome): void => {
    if (outcome.status === 'imported')
      summary.imported.push({ name, documentId: outcome.documentId, title: outcome.title });
    else if (outcome.status === 'duplicate')
      summary.duplicates.push({
        name,
        existingDocumentId: outcome.existingDocumentId,
        existingTitle: outcome.existingTitle,
      });
    else summary.failed.push({ name, reason: outcome.reason });
  };
  const flush = (): void => {
    if (batch.length === 0) return;
    const written = batch;
    batch = [];
    batchUtf16 = 0;
    // Optimistically the whole batch in one transaction with no savepoint per file (writing a file
    // almost never fails once it is prepared). If anything fails, nothing of the batch is kept and it
    // is written again file by file, each in its own savepoint, so only the failing file is lost.
    let outcomes: FileOutcome[];
    try {
      outcomes = db
        .transaction(() => written.map((file) => insertPreparedFile(db, file, options)))
        .immediate();
    } catch {
      outcomes = db
        .transaction(() => written.map((file) => writePreparedFile(db, file, options)))
        .immediate();
    }
    written.forEach((file, i) => record(file.source.name, outcomes[i]!));
    unCheckpointed += written.reduce((n, file) => n + file.text.length, 0);
    if (unCheckpointed >= CHECKPOINT_TEXT) checkpoint();
  };
  // SQLite copies the write-ahead log into the project file whenever it passes 1,000 pages (4 MB),
  // so an import's batches would be checkpointed a dozen times, FTS pages over and over. The import
  // checkpoints itself instead, every CHECKPOINT_TEXT of text and once at the end.
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  let unCheckpointed = 0;
  const checkpoint = (): void => {
    db.pragma('wal_checkpoint(PASSIVE)');
    unCheckpointed = 0;
  };
  db.pragma('wal_autocheckpoint = 0');
  const preparer = createPreparer(sources, options, progress.signal);
  try {
    for (const [index, source] of sources.entries()) {
      progress.update(index, sources.length, source.name);
      const read = await preparer.prepare(index);
      const prepared = 'reason' in read || !options.anonymiser ? read : options.anonymiser.rewrite(read);
      progress.update(index, sources.length, source.name);
      if ('reason' in prepared) record(source.name, { status: 'failed', reason: prepared.reason });
      else {
        batch.push(prepared);
        batchUtf16 += prepared.text.length;
        if (batch.length >= BATCH_FILES || batchUtf16 >= BATCH_UTF16) flush();
      }
      // Status polls and other calls are answered between files.
      if (index % 8 === 7) await yieldToEventLoop();
    }
    flush();
    checkpoint();
    progress.update(sources.length, sources.length, '');
  } catch (error) {
    if (!(error instanceof PassageError && error.code === 'cancelled')) throw error;
    rollBack(db, summary, options, groupExisted);
    return { imported: [], duplicates: [], failed: [], groupId: null, cancelled: true };
  } finally {
    preparer.close();
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  }
  // Summary lists in the order the files were chosen, whatever the batching.
  const order = new Map(sources.map((s, i) => [s.name, i]));
  const byOrder = (a: { name: string }, b: { name: string }): number =>
    (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0);
  summary.imported.sort(byOrder);
  summary.duplicates.sort(byOrder);
  summary.failed.sort(byOrder);
  if (options.groupName && summary.imported.length > 0)
    summary.groupId = findGroupId(db, options.groupName) ?? null;
  return summary;
}

function rollBack(
  db: Database.Database,
  summary: ImportSummary,
  options: ImportOptions,
  groupExisted: boolean,
): void {
  db.transaction(() => {
    if (summary.imported.length > 0)
      removeImportedDocuments(
        db,
        summary.imported.map((i) => i.documentId),
      );
    const groupId = options.groupName && !groupExisted ? findGroupId(db, options.groupName) : undefined;
    if (groupId !== undefined) deleteGroup(db, groupId);
  }).immediate();
}

export function listSources(args: Pick<ImportArgs, 'paths' | 'files'>): ImportSource[] {
  return [...listPathSources(args.paths), ...listUploadSources(args.files)];
}

/** documents.import: lists the sources now (so bad arguments fail the call), imports in a job. */
export function startImportJob(jobs: JobStarter, db: Database.Database, args: ImportArgs): string {
  const sources = listSources(args);
  const options: ImportOptions = {
    kind: args.kind,
    groupName: args.groupName,
    allowDuplicates: args.allowDuplicates,
  };
  return jobs.start('import', (progress) => runImport(db, sources, options, progress));
}
