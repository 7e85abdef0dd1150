// Writes the example study into a new project file through the API contract, call by call, as a user
// would build it: import, codebook template, sample, coding by two coders, memos. Nothing is written
// with SQL of its own, so the study is exactly what Passage itself makes of these actions.
import fs from 'node:fs';
import path from 'node:path';
import type { Args, CallName, Results } from '../../shared/api/contract';
import type { ImportSummary } from '../../shared/api/documents';
import { PassageError } from '../../shared/api/result';
import { invoke } from '../backend/dispatch';
import { Session } from '../backend/session';
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

type Call = <N extends CallName>(name: N, args: Args<N>) => Promise<Results[N]>;

/** The names a finished or failed build leaves beside the project (SQLite's WAL and shared memory). */
function projectFiles(target: string): string[] {
  return [target, `${target}-wal`, `${target}-shm`];
}

/**
 * Builds the example study into `target`, which must not exist yet. The build runs in a session of its
 * own on the new file (never the caller's session or project), and a failed build leaves no file behind.
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
  const session = new Session('cli', { coder: FIRST_CODER, nativeBinding: options.nativeBinding });
  const call: Call = (name, args) => invoke(session, name, args);
  let created = false;
  let filled = false;
  try {
    await call('project.create', { path: absolute });
    created = true;
    const summary = await fillStudy(session, call, absolute);
    filled = true;
    return summary;
  } finally {
    // Closed before a half-built file is removed, so SQLite leaves no WAL of it behind.
    session.close();
    if (created && !filled) for (const file of projectFiles(absolute)) fs.rmSync(file, { force: true });
  }
}

async function fillStudy(session: Session, call: Call, file: string): Promise<DemoSummary> {
  await call('templates.load', { name: CODEBOOK_TEMPLATE });
  // The session codes as the first coder from the start; the second is added beside it.
  await call('coders.add', { name: SECOND_CODER, color: CODER_COLORS[SECOND_CODER]! });
  const first = (await call('coders.list', {})).find((c) => c.name === FIRST_CODER);
  if (first) await call('coders.setColor', { id: first.id, color: CODER_COLORS[FIRST_CODER]! });

  const documentIds = new Map<string, number>();
  const upload = (name: string, text: string) => ({
    name,
    dataBase64: Buffer.from(text, 'utf8').toString('base64'),
  });
  const importFiles = async (
    files: { name: string; dataBase64: string }[],
    kind: 'interview' | 'document',
    group?: string,
  ) => {
    const { jobId } = await call('documents.import', { files, kind, ...(group ? { groupName: group } : {}) });
    const status = await session.jobs.wait(jobId);
    if (status.state !== 'done')
      throw new PassageError(
        'internal',
        `the example texts were not imported: ${status.error ?? status.state}`,
      );
    const summary = status.result as ImportSummary;
    if (summary.failed.length > 0 || summary.duplicates.length > 0)
      throw new PassageError(
        'internal',
        `the example text ${summary.failed[0]?.name ?? summary.duplicates[0]?.name} was not imported`,
      );
    for (const imported of summary.imported)
      documentIds.set(imported.name.replace(/\.txt$/, ''), imported.documentId);
  };
  await importFiles(
    DEMO_INTERVIEWS.map((i) => upload(`Interview ${i.participant}.txt`, i.text)),
    'interview',
  );
  await importFiles(
    DEMO_DOCUMENTS.filter((d) => d.source === 'NGO').map((d) => upload(d.fileName, d.text)),
    'document',
    NGO_GROUP,
  );
  await importFiles(
    DEMO_DOCUMENTS.filter((d) => d.source !== 'NGO').map((d) => upload(d.fileName, d.text)),
    'document',
  );
  await call('attributes.define', { name: SOURCE_ATTRIBUTE, type: 'text' });
  for (const d of DEMO_DOCUMENTS) {
    const id = documentId(documentIds, d.fileName.replace(/\.txt$/, ''));
    await call('documents.update', { id, date: d.date, author: d.author });
    await call('attributes.set', { documentId: id, name: SOURCE_ATTRIBUTE, value: d.source });
  }

  await addSample(call, documentIds);

  const codeIds = await codePaths(call);
  const texts = new Map<number, string>();
  const applySegments = async (segments: DemoSegment[]) => {
    for (const segment of segments) {
      const id = documentId(documentIds, segment.document);
      if (!texts.has(id)) texts.set(id, (await call('documents.get', { id })).text);
      const start = texts.get(id)!.indexOf(segment.quote);
      if (start < 0)
        throw new PassageError(
          'internal',
          `the example quote "${segment.quote}" is not in ${segment.document}`,
        );
      await call('segments.apply', {
        documentId: id,
        codeId: codeId(codeIds, segment.code),
        startUtf16: start,
        endUtf16: start + segment.quote.length,
        ...(segment.memo ? { memo: segment.memo } : {}),
      });
    }
  };
  await applySegments(FIRST_CODER_SEGMENTS);
  await call('coders.setCurrent', { name: SECOND_CODER });
  await applySegments(SECOND_CODER_SEGMENTS);
  await call('coders.setCurrent', { name: FIRST_CODER });

  await call('memos.create', PROJECT_MEMO);
  for (const memo of CODE_MEMOS)
    await call('memos.create', { codeId: codeId(codeIds, memo.code), title: memo.title, body: memo.body });
  for (const memo of DOCUMENT_MEMOS)
    await call('memos.create', {
      documentId: documentId(documentIds, memo.document),
      title: memo.title,
      body: memo.body,
    });

  return {
    path: file,
    documents: documentIds.size,
    segments: FIRST_CODER_SEGMENTS.length + SECOND_CODER_SEGMENTS.length,
    participants: DEMO_PARTICIPANTS.length,
  };
}

/** Participants with their categories, recruitment history, referrals and transcripts. */
async function addSample(call: Call, documentIds: Map<string, number>): Promise<void> {
  const categoryIds = new Map<string, number>();
  for (const name of DEMO_CATEGORIES)
    categoryIds.set(name, (await call('sample.categories.create', { name })).id);
  const participantIds = new Map<string, number>();
  for (const p of DEMO_PARTICIPANTS) {
    const [first, ...later] = p.statuses;
    const created = await call('sample.create', {
      label: p.label,
      categoryId: categoryIds.get(p.category)!,
      status: first!.status,
      statusDate: first!.date,
      interviewDate: p.interviewDate ?? null,
      interviewMode: p.interviewMode ?? null,
      durationMinutes: p.durationMinutes ?? null,
      interviewer: p.interviewDate ? INTERVIEWER : null,
      consentVersion: p.consentDate ? CONSENT_VERSION : null,
      consentDate: p.consentDate ?? null,
      recordingAllowed: p.recordingAllowed ?? null,
      anonymisation: p.interviewDate ? 'Names of people and organisations replaced in the transcript' : null,
      notes: p.notes ?? '',
    });
    participantIds.set(p.label, created.id);
    for (const step of later)
      await call('sample.setStatus', {
        id: created.id,
        status: step.status,
        date: step.date,
        ...(step.note ? { note: step.note } : {}),
      });
  }
  for (const p of DEMO_PARTICIPANTS) {
    if (!p.referredBy) continue;
    await call('sample.refer', {
      referrerId: participantIds.get(p.referredBy)!,
      referredId: participantIds.get(p.label)!,
      date: p.referralDate ?? null,
    });
  }
  for (const p of DEMO_PARTICIPANTS) {
    const transcript = documentIds.get(`Interview ${p.label}`);
    if (transcript === undefined) continue;
    await call('sample.linkDocument', {
      participantId: participantIds.get(p.label)!,
      documentId: transcript,
    });
    if (p.interviewDate) await call('documents.update', { id: transcript, date: p.interviewDate });
  }
}

/** Every code by its path in the codebook ("Resource gaps > Public legitimacy"). */
async function codePaths(call: Call): Promise<Map<string, number>> {
  const codes = await call('codes.list', {});
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
