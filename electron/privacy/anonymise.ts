// Anonymisation at the door: read the files about to be imported, find identifiers, plan the
// replacements (consistent across the files and with earlier runs), and rewrite texts.
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DocumentKind } from '../../shared/api/documents';
import { findIdentifiers, type Finders } from '../../shared/privacy/find';
import { createKeyMatcher } from '../../shared/privacy/keyMatcher';
import { planReplacements, type FileFindings, type Plan } from '../../shared/privacy/plan';
import type { Decisions } from '../../shared/privacy/types';
import { hashText } from '../import/contentHash';
import { prepareFile } from '../import/importFile';
import { listPathSources, type ImportSource } from '../import/sources';
import { yieldToEventLoop, type JobProgress } from '../jobs/progress';
import type { IdentityKeyHolder } from '../sample/identityKey';
import { findEntities } from './entities';
import { keyPeople, readMemory, requireUnlocked } from './keyPeople';

/** One file's text as the import would store it. */
export interface ReadText {
  /** The source's name as the import lists it (the key of its replacements). */
  file: string;
  fileName: string;
  text: string;
  contentHash: string;
  /** A document's title, when the text is already in the project (its title may name someone too). */
  title?: string;
}

/** The plan's entry for a file's name, so a name in "interview_whitfield.docx" is found too. */
export const nameEntry = (file: string): string => `${file} (file name)`;
/** The plan's entry for a document's title. */
export const titleEntry = (file: string): string => `${file} (title)`;

// Names in file names and titles are often in lower case ("whitfield_first"): read as words with capitals.
const asWords = (name: string): string =>
  name.replace(/_/g, ' ').replace(/(?<![\p{L}\p{M}])\p{Ll}/gu, (c) => c.toUpperCase());

export function textOf(text: string | Uint8Array): string {
  return typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
}

export async function readTexts(
  sources: readonly ImportSource[],
  kind: DocumentKind,
): Promise<{ texts: ReadText[]; failed: { name: string; reason: string }[] }> {
  const texts: ReadText[] = [];
  const failed: { name: string; reason: string }[] = [];
  for (const source of sources) {
    const prepared = await prepareFile(source, { kind, allowDuplicates: true });
    if ('reason' in prepared) failed.push({ name: source.name, reason: prepared.reason });
    else {
      const text = textOf(prepared.text);
      texts.push({ file: source.name, fileName: source.fileName, text, contentHash: hashText(text) });
    }
  }
  return { texts, failed };
}

export function readPathTexts(paths: readonly string[], kind: DocumentKind) {
  return readTexts(listPathSources(paths), kind);
}

export function findersFor(db: Database.Database, holder: IdentityKeyHolder, decisions: Decisions): Finders {
  requireUnlocked(holder);
  return {
    key: createKeyMatcher(keyPeople(db, holder)),
    terms: readMemory(holder).terms,
    added: decisions.add ?? [],
    entities: findEntities,
  };
}

/** Findings in every text, file name and title, grouped, with replacements proposed and decisions applied. */
export function planTexts(
  db: Database.Database,
  holder: IdentityKeyHolder,
  texts: readonly ReadText[],
  decisions: Decisions,
): Plan {
  const finders = findersFor(db, holder, decisions);
  return planReplacements(
    texts.flatMap((t) => findingsOf(t, finders)),
    keyPeople(db, holder),
    readMemory(holder),
    decisions,
  );
}

/** planTexts as a job's work: progress per text, a pause between texts for status polls and cancel. */
export async function planTextsInJob(
  db: Database.Database,
  holder: IdentityKeyHolder,
  texts: readonly ReadText[],
  decisions: Decisions,
  progress: JobProgress,
): Promise<Plan> {
  const finders = findersFor(db, holder, decisions);
  const files: FileFindings[] = [];
  for (const [i, t] of texts.entries()) {
    progress.update(i, texts.length, t.file);
    await yieldToEventLoop();
    files.push(...findingsOf(t, finders));
  }
  progress.update(texts.length, texts.length, '');
  return planReplacements(files, keyPeople(db, holder), readMemory(holder), decisions);
}

function findingsOf(t: ReadText, finders: Finders): FileFindings[] {
  const base = path.parse(t.fileName).name;
  const files: FileFindings[] = [
    { file: t.file, text: t.text, findings: findIdentifiers(t.text, finders) },
    { file: nameEntry(t.file), text: base, findings: findIdentifiers(asWords(base), finders) },
  ];
  if (t.title !== undefined)
    files.push({
      file: titleEntry(t.file),
      text: t.title,
      findings: findIdentifiers(asWords(t.title), finders),
    });
  return files;
}
