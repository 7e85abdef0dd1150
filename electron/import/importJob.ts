import type Database from 'better-sqlite3';
import type { ParsedArgs } from '../../shared/api/contract';
import type { ImportSummary } from '../../shared/api/documents';
import { PassageError } from '../../shared/api/result';
import { yieldToEventLoop, type JobProgress } from '../backend/jobs';
import type { Session } from '../backend/session';
import { deleteGroup, findGroupId } from '../store/documentGroups';
import { deleteDocuments } from '../store/documents';
import { importFile, type ImportOptions } from './importFile';
import { listPathSources, listUploadSources, type ImportSource } from './sources';

export type ImportArgs = ParsedArgs<'documents.import'>;

/**
 * Imports every source, one file (and one transaction) at a time, reporting progress between files.
 * Cancelling undoes the whole import: the documents it added (and the group, if it created one) are
 * deleted in one transaction, so a cancelled import leaves the project exactly as it was.
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
  try {
    for (const [index, source] of sources.entries()) {
      progress.update(index, sources.length, source.name);
      const outcome = await importFile(db, source, options, progress.signal);
      progress.update(index, sources.length, source.name);
      if (outcome.status === 'imported')
        summary.imported.push({ name: source.name, documentId: outcome.documentId, title: outcome.title });
      else if (outcome.status === 'duplicate')
        summary.duplicates.push({
          name: source.name,
          existingDocumentId: outcome.existingDocumentId,
          existingTitle: outcome.existingTitle,
        });
      else summary.failed.push({ name: source.name, reason: outcome.reason });
      await yieldToEventLoop();
    }
    progress.update(sources.length, sources.length, '');
  } catch (error) {
    if (!(error instanceof PassageError && error.code === 'cancelled')) throw error;
    rollBack(db, summary, options, groupExisted);
    return { imported: [], duplicates: [], failed: [], groupId: null, cancelled: true };
  }
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
      deleteDocuments(
        db,
        summary.imported.map((i) => i.documentId),
      );
    const groupId = options.groupName && !groupExisted ? findGroupId(db, options.groupName) : undefined;
    if (groupId !== undefined) deleteGroup(db, groupId);
  })();
}

export function listSources(args: Pick<ImportArgs, 'paths' | 'files'>): ImportSource[] {
  return [...listPathSources(args.paths), ...listUploadSources(args.files)];
}

/** documents.import: lists the sources now (so bad arguments fail the call), imports in a job. */
export function startImportJob(session: Session, args: ImportArgs): string {
  const { db } = session.requireProject();
  const sources = listSources(args);
  const options: ImportOptions = {
    kind: args.kind,
    groupName: args.groupName,
    allowDuplicates: args.allowDuplicates,
  };
  return session.jobs.start('import', (progress) => runImport(db, sources, options, progress));
}
