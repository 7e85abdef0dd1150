/**
 * `.qdpx` → a new Passage project. The project is written to a temporary file beside the target and
 * renamed into place only when every row is in, so a refused or cancelled import leaves nothing; the
 * import report is returned and kept in the project as a memo.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RefiImportSummary } from '../../shared/api/exchange';
import { PassageError } from '../../shared/api/result';
import type { OffsetChoice } from '../../shared/exchange/detectUnit';
import { planImport, type SourceText } from '../../shared/exchange/importPlan';
import type { RefiProject, RefiSource } from '../../shared/exchange/model';
import { readDocx } from '../import/readDocx';
import { readPdf } from '../import/readPdf';
import { readQde } from '../../shared/exchange/readQde';
import { parseXmlTree } from '../../shared/exchange/xmlTree';
import { closeProject, openProject } from '../store/openProject';
import { openQdpx, type QdpxArchive } from './archive';
import { writeImportPlan } from './writeImport';

export const REPORT_MEMO_TITLE = 'REFI-QDA import report';

export type { RefiImportSummary };

export interface RefiImportOptions {
  offsets?: OffsetChoice;
  nativeBinding?: string;
  /** Called with a phase and a fraction 0..1; may await; throwing from it (cancel) aborts cleanly. */
  onProgress?: (phase: string, fraction: number) => void | Promise<void>;
}

/** Decodes a text source: UTF-8 (the standard), or UTF-16 when it starts with that BOM. */
export function decodeSourceText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // ignoreBOM keeps a UTF-8 BOM in the string: the offset map drops it itself (tools do not count it).
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

const INTERNAL = /^internal:\/\//i;

async function readText(
  archive: QdpxArchive,
  pathAttr: string,
  inline: string | undefined,
): Promise<SourceText> {
  if (inline !== undefined && !pathAttr) return { raw: inline };
  if (!pathAttr)
    return inline !== undefined ? { raw: inline } : { missing: 'it has no plain text (plainTextPath)' };
  if (/^(absolute|relative):\/\//i.test(pathAttr) && inline === undefined)
    return { missing: `its text is outside the archive (${pathAttr})` };
  const bytes = await archive.readSource(pathAttr.replace(INTERNAL, ''));
  if (bytes) return { raw: decodeSourceText(bytes) };
  if (inline !== undefined) return { raw: inline };
  return { missing: `its text file ${pathAttr} is not in the archive` };
}

/**
 * A source without plain text whose original (docx, pdf) is in the archive: read with Passage's own
 * readers. Anything else keeps the reason its text is missing.
 */
async function readOriginal(
  archive: QdpxArchive,
  source: RefiSource,
  missing: SourceText,
): Promise<SourceText> {
  const original = source.originalPath ?? '';
  const kind = /\.docx$/i.test(original) ? 'docx' : /\.pdf$/i.test(original) ? 'pdf' : null;
  if (!kind || !INTERNAL.test(original)) return missing;
  const bytes = await archive.readSource(original.replace(INTERNAL, ''));
  const name = path.posix.basename(original.replace(INTERNAL, ''));
  if (!bytes) return { missing: `it has no plain text, and its file ${name} is not in the archive` };
  try {
    const raw = kind === 'docx' ? (await readDocx(bytes)).text : (await readPdf(bytes)).pages.join('\n\n');
    return { raw, readFrom: name };
  } catch (error) {
    return { missing: `it has no plain text, and ${name} could not be read (${(error as Error).message})` };
  }
}

async function readTexts(archive: QdpxArchive, project: RefiProject) {
  const texts = new Map<string, SourceText>();
  for (const source of project.sources) {
    const text = await readText(archive, source.plainTextPath, source.plainTextContent);
    texts.set(source.guid, 'missing' in text ? await readOriginal(archive, source, text) : text);
  }
  const notes = new Map<string, string>();
  for (const note of project.notes) {
    // Inline content is kept verbatim (a memo's own line breaks); a note file is normalised like a text.
    if (note.plainTextContent !== undefined) {
      notes.set(note.guid, note.plainTextContent);
      continue;
    }
    const text = await readText(archive, note.plainTextPath, undefined);
    notes.set(note.guid, 'raw' in text ? text.raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n') : '');
  }
  return { texts, notes };
}

function formatReport(
  file: string,
  summary: Omit<RefiImportSummary, 'report' | 'project'>,
  report: string[],
): string {
  const lines = [
    `Imported from ${file}${summary.origin ? ` (written by ${summary.origin})` : ''} on ${new Date().toISOString().slice(0, 10)}.`,
    `${summary.documents} documents, ${summary.codes} codes, ${summary.segments} coded segments, ${summary.memos} memos, ${summary.coders} coders.`,
    '',
    'Offsets read as:',
    ...summary.units.map((u) => `- ${u.document}: ${u.unit}`),
    '',
    report.length ? 'Not kept or changed:' : 'Everything in the file was kept.',
    ...report.map((line) => `- ${line}`),
  ];
  return lines.join('\n');
}

function removeProjectFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

export async function importRefiProject(
  input: string,
  target: string,
  options: RefiImportOptions = {},
): Promise<RefiImportSummary> {
  const name = path.basename(input);
  const absoluteTarget = path.resolve(target);
  if (!fs.existsSync(input)) throw new PassageError('not_found', `import: ${name} does not exist`);
  if (fs.existsSync(absoluteTarget))
    throw new PassageError(
      'conflict',
      `import: ${path.basename(target)} already exists — choose a new project file`,
    );
  const progress = options.onProgress ?? (() => {});
  await progress('reading', 0);
  const archive = await openQdpx(input);
  let project: RefiProject;
  let readReport: string[];
  let texts: Map<string, SourceText>;
  let notes: Map<string, string>;
  try {
    const qde = decodeSourceText(await archive.readEntry(archive.qdeName));
    let parsed;
    try {
      parsed = readQde(parseXmlTree(qde, `${name}: ${archive.qdeName}`), `${name}: ${archive.qdeName}`);
    } catch (error) {
      throw new PassageError('invalid_argument', `import: ${(error as Error).message}`);
    }
    project = parsed.project;
    readReport = parsed.report;
    ({ texts, notes } = await readTexts(archive, project));
  } finally {
    archive.close();
  }
  await progress('mapping', 0.2);
  const plan = planImport(project, texts, options.offsets ?? 'auto', notes);
  const report = [...readReport, ...plan.report];
  const summary = {
    origin: project.origin,
    documents: plan.documents.length,
    codes: plan.codes.length,
    segments: plan.segments.length,
    memos: plan.memos.length + 1,
    coders: plan.coders.length,
    units: plan.units,
  };
  plan.memos.push({ title: REPORT_MEMO_TITLE, body: formatReport(name, summary, report), author: 'Passage' });

  const temp = path.join(
    path.dirname(absoluteTarget),
    `.${path.basename(absoluteTarget)}.importing-${process.pid}`,
  );
  removeProjectFiles(temp);
  try {
    const created = await openProject(temp, {
      create: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      await writeImportPlan(created.db, plan, (done, total) =>
        progress('writing', 0.3 + (0.7 * done) / Math.max(total, 1)),
      );
      created.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      closeProject(created);
    }
    if (fs.existsSync(absoluteTarget))
      throw new PassageError(
        'conflict',
        `import: ${path.basename(target)} appeared while importing — nothing was written over it`,
      );
    fs.renameSync(temp, absoluteTarget);
  } finally {
    removeProjectFiles(temp);
  }
  return { project: absoluteTarget, report, ...summary };
}
