import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { invoke } from '../../electron/backend/dispatch';
import type { Session } from '../../electron/backend/session';
import type { Args } from '../../shared/api/contract';
import type { ImportSummary } from '../../shared/api/documents';

/** Runs documents.import and waits for its job; returns the summary and the job's final state. */
export async function importAndWait(
  session: Session,
  args: Args<'documents.import'>,
): Promise<{ summary: ImportSummary; state: string }> {
  const { jobId } = await invoke(session, 'documents.import', args);
  const status = await session.jobs.wait(jobId, 5);
  if (status.state === 'failed') throw new Error(`import job failed: ${status.error}`);
  return { summary: status.result as ImportSummary, state: status.state };
}

/**
 * Every row of every table: equal before and after means untouched. The FTS index's shadow tables are
 * left out (an insert then delete leaves the same index in different pages); tests query the index instead.
 */
export function snapshot(db: Database.Database): string {
  const hash = crypto.createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    if (table.startsWith('documents_fts')) continue;
    hash.update(table);
    hash.update(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all()));
  }
  return hash.digest('hex');
}

export function rowCounts(db: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of [
    'documents',
    'turns',
    'document_pages',
    'document_groups',
    'document_group_members',
    'attributes',
  ])
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return counts;
}

export function failureReasons(summary: ImportSummary): Record<string, string> {
  return Object.fromEntries(summary.failed.map((f) => [f.name, f.reason]));
}
