import fs from 'node:fs';
import path from 'node:path';
import type { ExportDownload, ExportFormat, ExportOptions, ExportResult } from '../../shared/api/export';
import { PassageError } from '../../shared/api/result';
import { segmentsDelimited } from '../../shared/export/csv';
import { quoteCount } from '../../shared/export/document';
import { renderMarkdown } from '../../shared/export/markdown';
import { FORMAT_EXTENSIONS, FORMAT_NAMES } from '../../shared/export/targetName';
import { yieldToEventLoop, type JobProgress } from '../backend/jobs';
import type { Session } from '../backend/session';
import { identityHolder } from '../sample/identitySessions';
import { checkWritableTarget, writeFileAtomic } from './atomicWrite';
import { buildDocx } from './docx/build';
import { exportBaseFolder, rememberExportFolder } from './exportFolder';
import { assertExportable, gatherExport, planWithCounts } from './gather';
import { assertSafeTarget, resolveExportTarget } from './targetSafety';

const MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  md: 'text/markdown',
};

// Finished exports per session, so a download can only fetch a file this session wrote.
const finished = new WeakMap<Session, Map<string, ExportResult>>();

/** Everything an export does, with progress; the target is only touched by the final rename. */
export async function runExport(
  session: Session,
  options: ExportOptions,
  format: ExportFormat,
  target: string,
  overwrite: boolean,
  progress: JobProgress,
): Promise<ExportResult> {
  const project = session.requireProject();
  const identityKey = identityHolder(session).file;
  const plan = planWithCounts(project.db, options, format);
  assertExportable(plan);
  const total = plan.outline.quotes;
  progress.update(0, total, 'reading the coded segments');
  await yieldToEventLoop();
  const doc = await gatherExport(session, plan, options);
  progress.update(0, total, 'writing');
  await yieldToEventLoop();
  let data: Uint8Array | string;
  if (format === 'docx')
    data = await buildDocx(doc, async (done) => {
      progress.update(done, total, `quote ${done} of ${total}`);
      await yieldToEventLoop();
    });
  else if (format === 'md') data = renderMarkdown(doc);
  else data = segmentsDelimited(doc, format === 'csv' ? ',' : '\t');
  progress.update(total, total, `saving ${path.basename(target)}`);
  const bytes = await writeFileAtomic(target, data, {
    overwrite,
    beforeCommit() {
      if (progress.signal.aborted) throw new PassageError('cancelled', 'export: cancelled');
      // Checked again: the export took a while, and a link may have been put at the target meanwhile.
      assertSafeTarget(target, project.path, identityKey);
    },
  });
  return {
    path: target,
    format,
    bytes,
    quotes: quoteCount(doc),
    tables: doc.blocks.filter((b) => b.kind === 'table').length,
  };
}

/** Remembered for the next relative target; a settings file that cannot be written costs nothing more. */
function rememberFolderOf(session: Session, target: string): void {
  // The CLI's relative paths are the shell's; only choices made in the app are remembered.
  if (session.transport === 'cli') return;
  try {
    rememberExportFolder(path.dirname(target));
  } catch {
    // The export itself succeeded.
  }
}

/**
 * Checks what can be checked at once (target, choices), then runs the export as a job. A relative
 * target is taken in the folder of the user's last export (else their documents folder), never the
 * process's working folder; the CLI makes its paths absolute against the shell's folder first.
 */
export function startExport(
  session: Session,
  options: ExportOptions,
  format: ExportFormat,
  file: string,
  overwrite: boolean,
): string {
  const project = session.requireProject();
  const target = resolveExportTarget(project.path, identityHolder(session).file, {
    file,
    extensions: FORMAT_EXTENSIONS[format],
    formatName: FORMAT_NAMES[format],
    overwrite,
    baseFolder: exportBaseFolder(),
    howToReplace: session.transport === 'cli' ? 'pass --force to replace it' : 'confirm replacing it',
  });
  checkWritableTarget(target);
  assertExportable(planWithCounts(project.db, options, format));
  const jobId = session.jobs.start('export', async (progress) => {
    const result = await runExport(session, options, format, target, overwrite, progress);
    rememberFolderOf(session, target);
    let done = finished.get(session);
    if (!done) finished.set(session, (done = new Map()));
    done.set(jobId, result);
    return result;
  });
  return jobId;
}

const MAX_DOWNLOAD = 200 * 1024 * 1024;

export function downloadExport(session: Session, jobId: string): ExportDownload {
  const result = finished.get(session)?.get(jobId);
  if (!result) throw new PassageError('not_found', `export: no finished export for job ${jobId}`);
  const stat = fs.statSync(result.path, { throwIfNoEntry: false });
  if (!stat) throw new PassageError('not_found', `export: ${path.basename(result.path)} is no longer there`);
  if (stat.size > MAX_DOWNLOAD)
    throw new PassageError('unsupported', `export: ${path.basename(result.path)} is too large to download`);
  return {
    fileName: path.basename(result.path),
    mimeType: MIME[result.format],
    base64: fs.readFileSync(result.path).toString('base64'),
  };
}

/** "<project> appendix.docx" beside the project, numbered when taken. */
export function defaultTarget(session: Session, format: ExportFormat): string {
  const project = session.requireProject().path;
  const base = path.join(
    path.dirname(project),
    `${path.basename(project).replace(/\.passage$/i, '')} appendix`,
  );
  for (let n = 1; ; n++) {
    const candidate = `${base}${n === 1 ? '' : ` ${n}`}${FORMAT_EXTENSIONS[format][0]}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}
