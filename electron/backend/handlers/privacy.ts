// The privacy calls (anonymisation at the door, the scan) on a backend session: the identity key must be unlocked (it holds the names to
// look for and the table of replacements), and the replacements made are remembered in it.
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedArgs } from '../../../shared/api/contract';
import type {
  AnonymisedCopy,
  KeyIdentity,
  privacyArgs,
  ReviewResult,
  ScanResult,
} from '../../../shared/api/privacy';
import { PassageError } from '../../../shared/api/result';
import type { Plan } from '../../../shared/privacy/plan';
import { countWords } from '../../../shared/text/wordCount';
import type { HandlersFor } from '../handlerTypes';
import type { Session } from '../session';
import { listSources, runImport } from '../../import/importJob';
import { identityHolder } from '../../sample/identitySessions';
import { planTexts, planTextsInJob, readTexts, type ReadText } from '../../privacy/anonymise';
import { anonymiseDocuments, uncodedDocumentTexts, withoutPlaceholders } from '../../privacy/documents';
import type { JobProgress } from '../jobs';
import { createImportAnonymiser, rewriteFileName } from '../../privacy/importAnonymiser';
import { keyPeople, readMemory, requireUnlocked, saveMemory } from '../../privacy/keyPeople';
import { rewriteText } from '../../../shared/privacy/rewrite';
import { keepOriginals, restoreOriginals } from '../../privacy/restore';
import { scanProject } from '../../privacy/scan';
import { listAnonymisedSpans } from '../../privacy/spans';

type Sources = ParsedArgs<'privacy.review'>;

async function reviewed(
  session: Session,
  args: Sources,
  progress?: JobProgress,
): Promise<{ plan: Plan; texts: ReadText[]; result: ReviewResult }> {
  const { db } = session.requireProject();
  const holder = identityHolder(session);
  requireUnlocked(holder);
  const { texts, failed } = await readTexts(listSources(args), args.kind);
  const plan = progress
    ? await planTextsInJob(db, holder, texts, args.decisions, progress)
    : planTexts(db, holder, texts, args.decisions);
  return {
    plan,
    texts,
    result: {
      groups: plan.groups,
      files: texts.map((t) => ({ name: t.file, words: countWords(t.text) })),
      failed,
    },
  };
}

async function reviewFiles(session: Session, args: Sources): Promise<ReviewResult> {
  return (await reviewed(session, args)).result;
}

async function startAnonymisedImport(session: Session, args: ParsedArgs<'privacy.import'>): Promise<string> {
  const { db } = session.requireProject();
  const { plan, texts } = await reviewed(session, args);
  // Remembered before the import, so a second run on more files reuses these replacements even if
  // this import is cancelled; the memory holds no more than the key already may.
  saveMemory(identityHolder(session), plan.memory);
  const anonymiser = createImportAnonymiser(plan, texts);
  const sources = listSources(args);
  const options = {
    kind: args.kind,
    groupName: args.groupName,
    allowDuplicates: args.allowDuplicates,
    anonymiser,
  };
  return session.jobs.start('import', (progress) => runImport(db, sources, options, progress));
}

async function anonymiseFiles(
  session: Session,
  args: ParsedArgs<'privacy.anonymiseFiles'>,
): Promise<ReviewResult & { written: AnonymisedCopy[] }> {
  const { plan, texts, result } = await reviewed(session, args);
  const outDir = path.resolve(args.outDir);
  fs.mkdirSync(outDir, { recursive: true });
  const written: AnonymisedCopy[] = [];
  const taken = new Set<string>();
  for (const t of texts) {
    const replacements = plan.replacementsByFile.get(t.file) ?? [];
    let base = path.parse(rewriteFileName(t.fileName, plan, t.file)).name;
    while (taken.has(base)) base += '_';
    taken.add(base);
    const out = path.join(outDir, `${base}.txt`);
    if (fs.existsSync(out))
      throw new PassageError('conflict', `anonymise: ${out} already exists — choose an empty folder`);
    fs.writeFileSync(out, rewriteText(t.text, replacements).text, { flag: 'wx' });
    written.push({ name: t.file, out, replacements: replacements.length });
  }
  saveMemory(identityHolder(session), plan.memory);
  return { ...result, written };
}

async function scanSession(
  session: Session,
  files: readonly string[],
  progress?: JobProgress,
): Promise<ScanResult> {
  const project = session.requireProject();
  const holder = identityHolder(session);
  requireUnlocked(holder);
  return scanProject(project.db, project.path, keyPeople(project.db, holder), files, progress);
}

function setIdentity(session: Session, args: ParsedArgs<'privacy.identity.set'>): null {
  const holder = identityHolder(session);
  requireUnlocked(holder);
  const notes = holder.get(args.participantId)?.notes ?? '';
  holder.set(args.participantId, { name: args.name, contact: args.contact, notes, aliases: args.aliases });
  return null;
}

function listIdentities(session: Session): { people: KeyIdentity[] } {
  const { db } = session.requireProject();
  const holder = identityHolder(session);
  requireUnlocked(holder);
  const entries = holder.allEntries();
  const participants = db.prepare('SELECT id, guid, label FROM participants ORDER BY label').all() as {
    id: number;
    guid: string;
    label: string;
  }[];
  return {
    people: participants.map((p) => {
      const entry = entries.get(p.guid);
      return {
        participantId: p.id,
        label: p.label,
        name: entry?.name ?? '',
        aliases: entry?.aliases ?? [],
        contact: entry?.contact ?? '',
      };
    }),
  };
}

function getTerms(session: Session): { terms: string[] } {
  const holder = identityHolder(session);
  requireUnlocked(holder);
  return { terms: readMemory(holder).terms };
}

function setTerms(session: Session, terms: string[]): { terms: string[] } {
  const holder = identityHolder(session);
  requireUnlocked(holder);
  const unique = [...new Set(terms)];
  saveMemory(holder, { ...readMemory(holder), terms: unique });
  return { terms: unique };
}

type DocumentsArgs = ParsedArgs<'privacy.reviewDocuments'>;

/** Documents with no segments yet (or those given), read as the review reads files (named by title). */
async function reviewedDocuments(session: Session, args: DocumentsArgs, progress?: JobProgress) {
  const { db } = session.requireProject();
  const holder = identityHolder(session);
  requireUnlocked(holder);
  const docs = uncodedDocumentTexts(db, args.documentIds);
  const planned = progress
    ? await planTextsInJob(db, holder, docs, args.decisions, progress)
    : planTexts(db, holder, docs, args.decisions);
  const plan = withoutPlaceholders(db, docs, planned);
  const result: ReviewResult = {
    groups: plan.groups,
    files: docs.map((t) => ({ name: t.file, words: countWords(t.text) })),
    failed: [],
  };
  return { docs, plan, result };
}

async function anonymiseStoredDocuments(session: Session, args: DocumentsArgs) {
  const { docs, plan } = await reviewedDocuments(session, args);
  const { documents, originals } = anonymiseDocuments(session.requireProject().db, docs, plan);
  saveMemory(identityHolder(session), plan.memory);
  keepOriginals(identityHolder(session), originals);
  return { documents };
}

export const privacyHandlers: HandlersFor<typeof privacyArgs> = {
  'privacy.review': (session, args) => reviewFiles(session, args),
  'privacy.reviewDocuments': async (session, args) => (await reviewedDocuments(session, args)).result,
  'privacy.anonymiseDocuments': (session, args) => anonymiseStoredDocuments(session, args),
  'privacy.restoreDocuments': (session) => {
    const holder = identityHolder(session);
    requireUnlocked(holder);
    return { documents: restoreOriginals(session.requireProject().db, holder) };
  },
  'privacy.review.start': (session, args) => ({
    jobId: session.jobs.start('privacy review', async (p) => (await reviewed(session, args, p)).result),
  }),
  'privacy.reviewDocuments.start': (session, args) => ({
    jobId: session.jobs.start(
      'privacy review',
      async (p) => (await reviewedDocuments(session, args, p)).result,
    ),
  }),
  'privacy.scan.start': (session, { files }) => ({
    jobId: session.jobs.start('privacy scan', (p) => scanSession(session, files, p)),
  }),
  'privacy.import': async (session, args) => ({ jobId: await startAnonymisedImport(session, args) }),
  'privacy.anonymiseFiles': (session, args) => anonymiseFiles(session, args),
  'privacy.scan': (session, { files }) => scanSession(session, files),
  'privacy.identity.set': (session, args) => setIdentity(session, args),
  'privacy.identity.list': (session) => listIdentities(session),
  // No key needed: the placeholders' places are in the project, the real strings are not.
  'privacy.spans': (session, { documentId }) => listAnonymisedSpans(session.requireProject().db, documentId),
  'privacy.terms.get': (session) => getTerms(session),
  'privacy.terms.set': (session, { terms }) => setTerms(session, terms),
};
