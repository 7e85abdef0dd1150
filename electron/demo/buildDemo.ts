// Writes the example study into a new project file with the same store and import functions the API
// handlers delegate to, as a user would build it: import, codebook template, sample, coding by two
// coders, memos. Nothing is written with SQL of its own, so the study is exactly what Passage itself
// makes of these actions; and, like every service, it never calls back into the public dispatch.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DocumentKind } from '../../shared/api/documents';
import { PassageError } from '../../shared/api/result';
import { importFile } from '../import/importFile';
import { listUploadSources } from '../import/sources';
import { defineAttribute, setAttributeValue } from '../store/attributes';
import { importTemplate } from '../store/codeGroups';
import { readTemplate } from '../store/codebookTemplates';
import { addCoder, ensureCoder, setCoderColor, setDefaultCoder } from '../store/coders';
import { listCodes } from '../store/codes';
import { getDocumentContent, updateDocument } from '../store/documents';
import { createMemo } from '../store/memos';
import { closeProject, openProject, type Project } from '../store/openProject';
import { createCategory } from '../store/participantCategories';
import { linkDocument } from '../store/participantDocuments';
import { createParticipant, setStatus } from '../store/participants';
import { addReferral } from '../store/referrals';
import { applySegment } from '../store/segments';
import { runUndoable } from '../store/undo';
import {
  FIRST_CODER,
  FIRST_CODER_SEGMENTS,
  SECOND_CODER,
  SECOND_CODER_SEGMENTS,
  type DemoSegment,
} from './coding';
import { DEMO_DOCUMENTS, NGO_GROUP, SOURCE_ATTRIBUTE } from './documents';
import { DEMO_INTERVIEWS } from './interviews';
import { CODE_MEMOS, DOCUMENT_MEMOS, PROJECT_MEMO } from './memos';
import { CONSENT_VERSION, DEMO_CATEGORIES, DEMO_PARTICIPANTS, INTERVIEWER } from './sample';

export const CODEBOOK_TEMPLATE = 'nato-ngo-framework';
const CODER_COLORS: Record<string, string> = { [FIRST_CODER]: '#1F77B4', [SECOND_CODER]: '#D62728' };

export interface DemoSummary {
  path: string;
  documents: number;
  segments: number;
  participants: number;
}

/** The names a finished or failed build leaves beside the project (SQLite's WAL and shared memory). */
function projectFiles(target: string): string[] {
  return [target, `${target}-wal`, `${target}-shm`];
}

/**
 * Builds the example study into `target`, which must not exist yet. The build opens the new file on a
 * connection of its own (never the caller's project) and closes it at the end; a failed build leaves
 * no file behind.
 */
export async function buildDemo(
  target: string,
  options: { nativeBinding?: string } = {},
): Promise<DemoSummary> {
  const absolute = path.resolve(target);
  if (fs.existsSync(absolute))
    throw new PassageError(
      'conflict',
      `${path.basename(absolute)} already exists — the example study is only ever written to a new file`,
    );
  if (!fs.existsSync(path.dirname(absolute)))
    throw new PassageError('not_found', `folder ${path.dirname(absolute)} does not exist`);
  let project: Project | undefined;
  let filled = false;
  try {
    project = await openProject(absolute, { create: true, nativeBinding: options.nativeBinding });
    const summary = await fillStudy(project.db, absolute);
    filled = true;
    return summary;
  } finally {
    // Closed before a half-built file is removed, so SQLite leaves no WAL of it behind.
    if (project) closeProject(project);
    if (project && !filled) for (const file of projectFiles(absolute)) fs.rmSync(file, { force: true });
  }
}

async function fillStudy(db: Database.Database, file: string): Promise<DemoSummary> {
  // The first coder is the project's first, as if they had made it; the second is added beside them.
  const firstCoderId = ensureCoder(db, FIRST_CODER);
  // Whoever opens the study codes as Researcher A, not as a third coder under their login name; the
  // Team view's current coder can still be changed (coders.setCurrent), and --coder still wins.
  setDefaultCoder(db, FIRST_CODER);
  const template = readTemplate({ name: CODEBOOK_TEMPLATE });
  runUndoable(db, firstCoderId, `Load codebook ${template.title}`, (j) => importTemplate(db, j, template));
  const secondCoderId = addCoder(db, SECOND_CODER, CODER_COLORS[SECOND_CODER]!);
  setCoderColor(db, firstCoderId, CODER_COLORS[FIRST_CODER]!);

  const documentIds = new Map<string, number>();
  const importTexts = async (
    texts: { name: string; text: string }[],
    kind: DocumentKind,
    groupName?: string,
  ) => {
    const uploads = texts.map((t) => ({
      name: t.name,
      dataBase64: Buffer.from(t.text, 'utf8').toString('base64'),
    }));
    for (const source of listUploadSources(uploads)) {
      const outcome = await importFile(db, source, { kind, groupName, allowDuplicates: false });
      if (outcome.status !== 'imported')
        throw new PassageError(
          'internal',
          `the example text ${source.name} was not imported${outcome.status === 'failed' ? `: ${outcome.reason}` : ''}`,
        );
      documentIds.set(source.name.replace(/\.txt$/, ''), outcome.documentId);
    }
  };
  await importTexts(
    DEMO_INTERVIEWS.map((i) => ({ name: `Interview ${i.participant}.txt`, text: i.text })),
    'interview',
  );
  await importTexts(
    DEMO_DOCUMENTS.filter((d) => d.source === 'NGO').map((d) => ({ name: d.fileName, text: d.text })),
    'document',
    NGO_GROUP,
  );
  await importTexts(
    DEMO_DOCUMENTS.filter((d) => d.source !== 'NGO').map((d) => ({ name: d.fileName, text: d.text })),
    'document',
  );
  defineAttribute(db, SOURCE_ATTRIBUTE, 'text');
  for (const d of DEMO_DOCUMENTS) {
    const id = documentId(documentIds, d.fileName.replace(/\.txt$/, ''));
    updateDocument(db, id, { date: d.date, author: d.author });
    setAttributeValue(db, id, SOURCE_ATTRIBUTE, d.source);
  }

  addSample(db, documentIds);

  const codeIds = codePaths(db);
  const texts = new Map<number, string>();
  const applySegments = (segments: DemoSegment[], coderId: number) => {
    for (const segment of segments) {
      const id = documentId(documentIds, segment.document);
      if (!texts.has(id)) texts.set(id, getDocumentContent(db, id).text);
      const text = texts.get(id)!;
      const around = segment.within === undefined ? 0 : text.indexOf(segment.within);
      const start = around < 0 ? -1 : text.indexOf(segment.quote, around);
      if (start < 0)
        throw new PassageError(
          'internal',
          `the example quote "${segment.quote}" is not in ${segment.document}`,
        );
      runUndoable(db, coderId, `Apply code ${segment.code.split(' > ').at(-1)}`, (j) =>
        applySegment(db, j, {
          documentId: id,
          codeId: codeId(codeIds, segment.code),
          startUtf16: start,
          endUtf16: start + segment.quote.length,
          ...(segment.memo ? { memo: segment.memo } : {}),
          coderId,
        }),
      );
    }
  };
  applySegments(FIRST_CODER_SEGMENTS, firstCoderId);
  applySegments(SECOND_CODER_SEGMENTS, secondCoderId);

  const memo = (input: { documentId?: number; codeId?: number; title?: string; body: string }) =>
    runUndoable(db, firstCoderId, 'Create memo', (j) => createMemo(db, j, { ...input, author: FIRST_CODER }));
  memo(PROJECT_MEMO);
  for (const m of CODE_MEMOS) memo({ codeId: codeId(codeIds, m.code), title: m.title, body: m.body });
  for (const m of DOCUMENT_MEMOS)
    memo({ documentId: documentId(documentIds, m.document), title: m.title, body: m.body });

  return {
    path: file,
    documents: documentIds.size,
    segments: FIRST_CODER_SEGMENTS.length + SECOND_CODER_SEGMENTS.length,
    participants: DEMO_PARTICIPANTS.length,
  };
}

/** Participants with their categories, recruitment history, referrals and transcripts. */
function addSample(db: Database.Database, documentIds: Map<string, number>): void {
  const categoryIds = new Map<string, number>();
  for (const name of DEMO_CATEGORIES) categoryIds.set(name, createCategory(db, name).id);
  const participantIds = new Map<string, number>();
  for (const p of DEMO_PARTICIPANTS) {
    const [first, ...later] = p.statuses;
    const id = createParticipant(
      db,
      {
        label: p.label,
        categoryId: categoryIds.get(p.category)!,
        interviewDate: p.interviewDate ?? null,
        interviewMode: p.interviewMode ?? null,
        durationMinutes: p.durationMinutes ?? null,
        interviewer: p.interviewDate ? INTERVIEWER : null,
        consentVersion: p.consentDate ? CONSENT_VERSION : null,
        consentDate: p.consentDate ?? null,
        recordingAllowed: p.recordingAllowed ?? null,
        anonymisation: p.interviewDate
          ? 'Names of people and organisations replaced in the transcript'
          : null,
        notes: p.notes ?? '',
      },
      first!.status,
      first!.date,
    );
    participantIds.set(p.label, id);
    for (const step of later) setStatus(db, id, step.status, step.date, step.note ?? '');
  }
  for (const p of DEMO_PARTICIPANTS) {
    if (!p.referredBy) continue;
    addReferral(db, {
      referrerId: participantIds.get(p.referredBy)!,
      referredId: participantIds.get(p.label)!,
      date: p.referralDate ?? null,
      note: '',
    });
  }
  for (const p of DEMO_PARTICIPANTS) {
    const transcript = documentIds.get(`Interview ${p.label}`);
    if (transcript === undefined) continue;
    linkDocument(db, participantIds.get(p.label)!, transcript);
    if (p.interviewDate) updateDocument(db, transcript, { date: p.interviewDate });
  }
}

/** Every code by its path in the codebook ("Resource gaps > Public legitimacy"). */
function codePaths(db: Database.Database): Map<string, number> {
  const codes = listCodes(db);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (id: number): string => {
    const code = byId.get(id)!;
    return code.parentId === null ? code.name : `${pathOf(code.parentId)} > ${code.name}`;
  };
  return new Map(codes.map((c) => [pathOf(c.id), c.id]));
}

function codeId(codeIds: Map<string, number>, codePath: string): number {
  const id = codeIds.get(codePath);
  if (id === undefined) throw new PassageError('internal', `the example codebook has no code "${codePath}"`);
  return id;
}

function documentId(documentIds: Map<string, number>, name: string): number {
  const id = documentIds.get(name);
  if (id === undefined) throw new PassageError('internal', `the example document "${name}" was not imported`);
  return id;
}
