/**
 * Passage project → .qdpx (project.qde + sources/<guid>.txt, UTF-8) and codebook → .qdc.
 */
import type Database from 'better-sqlite3';
import yazl from 'yazl';
import type { RefiExportSummary } from '../../shared/api/exchange';
import { PassageError } from '../../shared/api/result';
import { writeCodebookXml, writeProjectXml } from '../../shared/exchange/writeQde';
import { gatherProject, ORIGIN } from './gatherProject';
import { checkExchangeTarget, writeExchangeFile } from './writeTarget';

// A fixed time in every entry's header, so the same project exports to the same bytes.
const ENTRY_TIME = new Date('2020-01-01T00:00:00Z');

function zipEntries(entries: readonly [string, string][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, text] of entries) zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: ENTRY_TIME });
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

/** The .qdpx bytes of a project (pure of the target). */
export async function buildQdpx(db: Database.Database, projectFile: string) {
  const gathered = gatherProject(db, projectFile);
  const entries: [string, string][] = [['project.qde', writeProjectXml(gathered.project)]];
  for (const [guid, text] of gathered.texts) entries.push([`sources/${guid}.txt`, text]);
  return { bytes: await zipEntries(entries), gathered };
}

export async function exportRefiProject(
  db: Database.Database,
  projectFile: string,
  target: string,
  force: boolean,
  identityKey: string | null = null,
): Promise<RefiExportSummary> {
  const to = { file: target, projectFile, identityKey, force, format: 'qdpx' } as const;
  checkExchangeTarget(to);
  const { bytes, gathered } = await buildQdpx(db, projectFile);
  const written = await writeExchangeFile(to, bytes);
  const { project } = gathered;
  const countCodes = (codes: typeof project.codes): number =>
    codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
  return {
    file: written.file,
    bytes: written.bytes,
    documents: project.sources.length,
    codes: countCodes(project.codes),
    segments: project.sources.reduce((n, s) => n + s.selections.length, 0),
    notes: project.notes.length,
    warnings: gathered.warnings,
  };
}

export function buildQdc(db: Database.Database, projectFile: string): string {
  const { project } = gatherProject(db, projectFile);
  if (project.codes.length === 0)
    throw new PassageError('invalid_argument', 'codebook export: the project has no codes');
  return writeCodebookXml(project.codes, project.sets, ORIGIN);
}

export async function exportCodebook(
  db: Database.Database,
  projectFile: string,
  target: string,
  force: boolean,
  identityKey: string | null = null,
) {
  const to = { file: target, projectFile, identityKey, force, format: 'qdc' } as const;
  checkExchangeTarget(to);
  return writeExchangeFile(to, Buffer.from(buildQdc(db, projectFile), 'utf8'));
}
