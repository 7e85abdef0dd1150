// The agreement table as a file: a Word appendix with its definitions, CSV, or the CLI's JSON. Written
// like every user-named export: checked by targetSafety (never over the project, its backups or its key)
// and put in place atomically.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import type {
  AgreementExport,
  AgreementFile,
  AgreementFileFormat,
  AgreementReport,
} from '../../shared/api/team';
import { tablesToCsv } from '../../shared/export/csv';
import { agreementJson, agreementTable } from '../../shared/team/agreementTable';
import { checkWritableTarget, writeFileAtomic } from '../export/atomicWrite';
import { exportBaseFolder } from '../export/exportFolder';
import { assertSafeTarget, resolveExportTarget } from '../export/targetSafety';
import { agreementReport, type AgreementScope } from './agreement';
import { agreementDocx } from './agreementDocx';

const MIME: Record<AgreementFileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  json: 'application/json',
};
const NAMES: Record<AgreementFileFormat, string> = { docx: 'Word', csv: 'CSV', json: 'JSON' };

export async function agreementBytes(
  report: AgreementReport,
  format: AgreementFileFormat,
  projectName: string,
): Promise<Uint8Array | string> {
  if (format === 'docx') return agreementDocx(report, projectName);
  if (format === 'csv') return tablesToCsv([agreementTable(report)]);
  return `${JSON.stringify(agreementJson(report), null, 2)}\n`;
}

/** The format a target's name asks for (agreement.docx, .csv or .json). */
export function formatOfFile(file: string): AgreementFileFormat {
  const ext = path.extname(file).toLowerCase().slice(1);
  if (ext === 'docx' || ext === 'csv' || ext === 'json') return ext;
  throw new PassageError(
    'invalid_argument',
    `agreement: ${path.basename(file)} must end in .docx (Word appendix), .csv or .json`,
  );
}

const projectNameOf = (projectPath: string) => path.basename(projectPath, path.extname(projectPath));

/** The file's bytes for the app to save where the user chooses (browser mode downloads them). */
export async function agreementFile(
  db: Database.Database,
  projectPath: string,
  scope: AgreementScope,
  format: AgreementFileFormat,
): Promise<AgreementFile> {
  const data = await agreementBytes(agreementReport(db, scope), format, projectNameOf(projectPath));
  return {
    fileName: `agreement.${format}`,
    mimeType: MIME[format],
    base64: Buffer.from(data).toString('base64'),
  };
}

/** Writes the table to `file` (relative: in the export folder; the CLI passes absolute paths). */
export async function writeAgreement(
  project: { db: Database.Database; path: string },
  scope: AgreementScope,
  to: { file: string; overwrite: boolean; identityKey: string | null; howToReplace: string },
): Promise<AgreementExport> {
  const { file, overwrite, identityKey, howToReplace } = to;
  const format = formatOfFile(file);
  const target = resolveExportTarget(project.path, identityKey, {
    file,
    extensions: [`.${format}`],
    formatName: NAMES[format],
    overwrite,
    baseFolder: exportBaseFolder(),
    howToReplace,
  });
  checkWritableTarget(target);
  const data = await agreementBytes(agreementReport(project.db, scope), format, projectNameOf(project.path));
  const bytes = await writeFileAtomic(target, data, {
    overwrite,
    // Checked again: a link may have been put at the target while the table was computed.
    beforeCommit: () => assertSafeTarget(target, project.path, identityKey),
  });
  return { path: target, format, bytes };
}
