import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat, ExportOptionsInput, ExportResult } from '../../../shared/api/export';
import type { JobStatus } from '../../../shared/api/jobs';
import { invoke } from '../../../electron/backend/dispatch';
import type { Session } from '../../../electron/backend/session';
import { newProjectSession } from '../../helpers/session';
import { seedStudy } from './seed';

export const ALL_SECTIONS = [
  'evidence',
  'cooccurrence',
  'matrix',
  'timeline',
  'frequencies',
  'codebook',
  'appendix1',
] as const;

/** A seeded project in a temp folder, with a session on it. */
export async function seededProject() {
  const { session, dir, file } = await newProjectSession();
  const seeded = seedStudy(session.requireProject().db);
  return { session, dir, file, ...seeded };
}

/** Runs an export through the contract and waits for its job. */
export async function exportTo(
  session: Session,
  options: ExportOptionsInput,
  format: ExportFormat,
  target: string,
): Promise<{ status: JobStatus; result: ExportResult }> {
  const { jobId } = await invoke(session, 'export.start', { options, format, target });
  const status = await session.jobs.wait(jobId);
  if (status.state !== 'done') throw new Error(`export ${status.state}: ${status.error}`);
  return { status, result: status.result as ExportResult };
}

/** Files in a folder other than the project's own (and its backups, WAL and home). */
export function exportedFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => !/\.passage|^home$/.test(f))
    .map((f) => path.join(dir, f));
}
