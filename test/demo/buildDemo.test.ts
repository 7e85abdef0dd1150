import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { buildDemo } from '../../electron/demo/buildDemo';
import {
  FIRST_CODER,
  FIRST_CODER_SEGMENTS,
  SECOND_CODER,
  SECOND_CODER_SEGMENTS,
} from '../../electron/demo/coding';
import { DEMO_DOCUMENTS, NGO_GROUP, SOURCE_ATTRIBUTE } from '../../electron/demo/documents';
import { DEMO_INTERVIEWS } from '../../electron/demo/interviews';
import { trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

// One study for the file's tests; each test reads it through a session of its own.
let file: string;

beforeAll(async () => {
  const dir = tempDir('passage-demo-');
  process.env.PASSAGE_HOME = path.join(dir, 'home');
  file = path.join(dir, 'example.passage');
  await buildDemo(file);
}, 120_000);

async function openStudy(): Promise<Session> {
  const session = trackSession(new Session('cli', { coder: 'reader' }));
  await invoke(session, 'project.open', { path: file });
  return session;
}

describe('the example study', () => {
  it('holds six transcripts with speaker turns and twelve dated documents, six of them in the NGO group', async () => {
    const session = await openStudy();
    const documents = await invoke(session, 'documents.list', {});
    const interviews = documents.filter((d) => d.kind === 'interview');
    expect(interviews.map((d) => d.title).sort()).toEqual(
      DEMO_INTERVIEWS.map((i) => `Interview ${i.participant}`),
    );
    for (const interview of interviews) {
      const speakers = await invoke(session, 'turns.speakers', { documentId: interview.id });
      const label = interview.title.replace('Interview ', '');
      expect(speakers.map((s) => s.speaker).sort()).toEqual(['Interviewer', label].sort());
      expect(speakers.every((s) => s.turns >= 4)).toBe(true);
      // Linked to its participant, dated by the interview.
      expect(interview.participantId).not.toBeNull();
      expect(interview.date).toMatch(/^2021-0[34]-\d\d$/);
    }
    const texts = documents.filter((d) => d.kind === 'document');
    expect(texts).toHaveLength(12);
    const years = texts.map((d) => d.year!).sort((a, b) => a - b);
    expect(years[0]).toBe(2009);
    expect(years.at(-1)).toBe(2021);
    expect(texts.every((d) => d.author)).toBe(true);

    const groups = await invoke(session, 'documentGroups.list', {});
    const ngo = groups.find((g) => g.name === NGO_GROUP)!;
    const members = await invoke(session, 'documentGroups.documents', { id: ngo.id });
    expect(members).toHaveLength(DEMO_DOCUMENTS.filter((d) => d.source === 'NGO').length);
    expect(new Set(texts.map((d) => d.attributes[SOURCE_ATTRIBUTE]))).toEqual(
      new Set(['NGO', 'Military', 'Alliance civilian', 'Think tank']),
    );
  });

  it('has the theory codebook with its groups, every segment in place, overlaps, and two coders', async () => {
    const session = await openStudy();
    const codes = await invoke(session, 'codes.list', {});
    const names = codes.map((c) => c.name);
    for (const name of [
      'Push factors',
      'Pull factors',
      'Public legitimacy',
      'Operational effectiveness',
      'Analysis',
      'Implementation',
      'Institutionalisation',
      'Civilian structure',
      'Military structure',
      'Operational level',
      'Discussion',
      'Cooperation',
      'Stakeholder',
      'Mission or issue',
    ])
      expect(names).toContain(name);
    const codeGroups = await invoke(session, 'codeGroups.list', {});
    expect(codeGroups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['Learning stage', 'Level of cooperation', 'Type of relationship']),
    );

    const info = await invoke(session, 'project.info', {});
    // Equal counts mean no segment was folded into another of the same coder and code.
    expect(info!.counts.segments).toBe(FIRST_CODER_SEGMENTS.length + SECOND_CODER_SEGMENTS.length);
    expect(info!.counts.segments).toBeGreaterThanOrEqual(60);

    const p01 = (await invoke(session, 'documents.list', { titleContains: 'Interview P01' }))[0]!;
    const segments = await invoke(session, 'segments.listByDocument', { documentId: p01.id });
    const content = await invoke(session, 'documents.get', { id: p01.id });
    for (const s of segments) expect(content.text.slice(s.startUtf16, s.endUtf16)).toBe(s.text);
    const overlapping = segments.some((a) =>
      segments.some((b) => a.id !== b.id && a.startUtf16 < b.endUtf16 && b.startUtf16 < a.endUtf16),
    );
    expect(overlapping).toBe(true);
    expect(new Set(segments.map((s) => s.coder))).toEqual(new Set([FIRST_CODER, SECOND_CODER]));
    // B's segments are derived from A's: each of B's spans lies inside one of A's (a shorter one in its place).
    const ofA = segments.filter((s) => s.coder === FIRST_CODER);
    for (const b of segments.filter((s) => s.coder === SECOND_CODER))
      expect(
        ofA.some((a) => a.startUtf16 <= b.startUtf16 && b.endUtf16 <= a.endUtf16),
        `B's "${b.text}" inside one of A's`,
      ).toBe(true);

    const agreement = await invoke(session, 'team.agreement', { coders: [FIRST_CODER, SECOND_CODER] });
    expect(agreement.documentCount).toBe(2);
    expect(agreement.codes.length).toBeGreaterThan(3);
    expect(agreement.overall.kappa).toBeGreaterThan(0);
    expect(agreement.overall.percentAgreement).toBeLessThan(1);
  });

  it('has a 12-participant snowball sample with categories, statuses, waves, interview dates and consent', async () => {
    const session = await openStudy();
    const participants = await invoke(session, 'sample.list', {});
    expect(participants).toHaveLength(12);
    expect(new Set(participants.map((p) => p.category)).size).toBe(4);
    const waves = participants.map((p) => p.wave);
    expect(waves.filter((w) => w === 0)).toHaveLength(3);
    expect(Math.max(...waves.map((w) => w ?? -1))).toBeGreaterThanOrEqual(3);
    expect(waves.every((w) => w !== null)).toBe(true);
    const statuses = new Set(participants.map((p) => p.status));
    for (const status of [
      'interviewed',
      'scheduled',
      'agreed',
      'contacted',
      'declined',
      'no_response',
      'identified',
    ])
      expect(statuses).toContain(status);
    const interviewed = participants.filter((p) => p.status === 'interviewed');
    expect(interviewed).toHaveLength(6);
    for (const p of interviewed) {
      expect(p.interviewDate).toMatch(/^2021-/);
      expect(p.consentDate).toBe(p.interviewDate);
      expect(p.consentVersion).toBeTruthy();
      expect(p.documents).toHaveLength(1);
    }
    const p04 = participants.find((p) => p.label === 'P04')!;
    expect(p04.referredBy.map((r) => r.label)).toEqual(['P02']);
    const detail = await invoke(session, 'sample.get', { id: p04.id });
    expect(detail.history.map((s) => s.status)).toEqual([
      'identified',
      'contacted',
      'agreed',
      'scheduled',
      'interviewed',
    ]);
  });

  it('has a project memo that says the study is fictional, code, document and segment memos', async () => {
    const session = await openStudy();
    const memos = await invoke(session, 'memos.list', {});
    const kinds = new Set(memos.map((m) => m.kind));
    expect(kinds).toEqual(new Set(['project', 'code', 'document', 'segment']));
    const project = memos.find((m) => m.kind === 'project')!;
    expect(project.body).toMatch(/fictional study/);
    expect(project.body).toMatch(/invented/);
  });

  it('fills the reports: evidence by code, co-occurrence, counts per year, also for the NGO group', async () => {
    const session = await openStudy();
    const evidence = await invoke(session, 'reports.evidence', {});
    const legitimacy = evidence.codes.find((c) => c.code.name === 'Public legitimacy')!;
    expect(legitimacy.segmentCount).toBeGreaterThanOrEqual(8);
    expect(legitimacy.citations).not.toBe('');

    const cooccurrence = await invoke(session, 'reports.cooccurrence', { unit: 'segments' });
    const offDiagonal = cooccurrence.rowGroups
      .flatMap((g) => g.rows)
      .flatMap((row) => row.cells.filter((cell) => cell.columnCodeId !== row.code.codeId && cell.count > 0));
    expect(offDiagonal.length).toBeGreaterThan(5);

    const timeline = await invoke(session, 'reports.timeline', { unit: 'documents' });
    expect(timeline.years[0]).toBe(2009);
    expect(timeline.years.at(-1)).toBe(2021);
    expect(timeline.totals.filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
    expect(timeline.undated).toBe(0);

    const bySource = await invoke(session, 'reports.matrix', { by: `attribute:${SOURCE_ATTRIBUTE}` });
    expect(bySource.columns.length).toBeGreaterThanOrEqual(4);
    expect(bySource.max).toBeGreaterThan(0);

    const groups = await invoke(session, 'documentGroups.list', {});
    const ngo = groups.find((g) => g.name === NGO_GROUP)!;
    const ngoEvidence = await invoke(session, 'reports.evidence', {
      filters: { documentGroupIds: [ngo.id] },
    });
    expect(ngoEvidence.codes.reduce((n, c) => n + c.segmentCount, 0)).toBeGreaterThan(3);
  });
});
