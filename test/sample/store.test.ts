import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import type { Session } from '../../electron/backend/session';
import { excludedDocumentIds, notWithdrawnCondition } from '../../electron/store/participantDocuments';
import { PassageError } from '../../shared/api/result';
import { newProjectSession } from '../helpers/session';
import { insertCode, insertDocument, insertSegment } from './fixtures';

async function add(session: Session, label: string, extra: Record<string, unknown> = {}) {
  return (await invoke(session, 'sample.create', { label, ...extra })).id;
}

async function refer(session: Session, referrerId: number, referredId: number) {
  return invoke(session, 'sample.refer', {
    referrerId,
    referredId,
    date: '2024-01-05',
    note: 'met at conference',
  });
}

describe('sample store', () => {
  it('computes waves over several seeds and takes the shortest chain for a participant referred twice', async () => {
    const { session } = await newProjectSession();
    const [a, b, c, d, x, y] = [
      await add(session, 'A'),
      await add(session, 'B'),
      await add(session, 'C'),
      await add(session, 'D'),
      await add(session, 'X'),
      await add(session, 'Y'),
    ];
    // Seeds A and X. A → B → C → D, and X → Y → D: D is wave 2 through Y, not 3 through C.
    await refer(session, a!, b!);
    await refer(session, b!, c!);
    await refer(session, c!, d!);
    await refer(session, x!, y!);
    const detail = await refer(session, y!, d!);
    expect(detail.referrals.map((r) => r.label).sort()).toEqual(['C', 'Y']);
    expect(detail.referrals[0]).toMatchObject({ date: '2024-01-05', note: 'met at conference' });
    const rows = await invoke(session, 'sample.list', {});
    const wave = Object.fromEntries(rows.map((r) => [r.label, r.wave]));
    expect(wave).toEqual({ A: 0, B: 1, C: 2, D: 2, X: 0, Y: 1 });
    expect(
      rows
        .find((r) => r.label === 'D')!
        .referredBy.map((r) => r.label)
        .sort(),
    ).toEqual(['C', 'Y']);

    // Removing the short chain makes D wave 3: waves are computed, never stored.
    await invoke(session, 'sample.unrefer', { referrerId: y!, referredId: d! });
    const after = await invoke(session, 'sample.list', {});
    expect(after.find((r) => r.label === 'D')!.wave).toBe(3);
  });

  it('refuses a referral cycle, naming the participants on it, and writes nothing', async () => {
    const { session } = await newProjectSession();
    const [a, b, c] = [await add(session, 'P01'), await add(session, 'P02'), await add(session, 'P03')];
    await refer(session, a!, b!);
    await refer(session, b!, c!);
    const error = await invoke(session, 'sample.refer', { referrerId: c!, referredId: a! }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PassageError);
    expect((error as PassageError).message).toBe(
      'P03 → P01 would make a referral cycle: P03 → P01 → P02 → P03',
    );
    expect((await invoke(session, 'sample.get', { id: a! })).referrals).toEqual([]);
    await expect(invoke(session, 'sample.refer', { referrerId: a!, referredId: a! })).rejects.toThrow(
      'P01 cannot refer themselves',
    );
  });

  it('labels participants "Interview N" by default and renumbers them by interview order', async () => {
    const { session } = await newProjectSession();
    const first = await invoke(session, 'sample.create', { interviewDate: '2024-05-01' });
    const second = await invoke(session, 'sample.create', { interviewDate: '2024-02-01' });
    await invoke(session, 'sample.create', { label: 'P99' });
    expect([first.label, second.label]).toEqual(['Interview 1', 'Interview 2']);
    expect(await invoke(session, 'sample.renumber', {})).toEqual({ renamed: 2 });
    expect((await invoke(session, 'sample.get', { id: first.id })).label).toBe('Interview 2');
    expect((await invoke(session, 'sample.get', { id: second.id })).label).toBe('Interview 1');
    await expect(invoke(session, 'sample.create', { label: 'p99' })).rejects.toThrow(
      'A participant labelled p99 already exists',
    );
  });

  it('keeps a dated status history; the latest action sets the status, even back-dated; withdrawal is dated', async () => {
    const { session } = await newProjectSession();
    const id = await add(session, 'P01', { statusDate: '2024-01-01' });
    await invoke(session, 'sample.setStatus', {
      id: id!,
      status: 'contacted',
      date: '2024-01-03',
      note: 'email',
    });
    await invoke(session, 'sample.setStatus', { id: id!, status: 'interviewed', date: '2024-02-01' });
    // Entered late with an earlier date: listed in date order, and it is the current status.
    const late = await invoke(session, 'sample.setStatus', { id: id!, status: 'agreed', date: '2024-01-10' });
    expect(late.status).toBe('agreed');
    expect(late.history.map((h) => [h.status, h.date])).toEqual([
      ['identified', '2024-01-01'],
      ['contacted', '2024-01-03'],
      ['agreed', '2024-01-10'],
      ['interviewed', '2024-02-01'],
    ]);
    expect(late.lastContact).toBe('2024-02-01');
    const withdrawn = await invoke(session, 'sample.setStatus', {
      id: id!,
      status: 'withdrawn',
      date: '2024-03-01',
    });
    expect(withdrawn.withdrawnAt).toBe('2024-03-01');
  });

  it("excludes a withdrawn participant's transcripts from reports and the appendix", async () => {
    const { session } = await newProjectSession();
    const db = session.requireProject().db;
    const kept = await add(session, 'P01', { interviewDate: '2024-01-10', interviewMode: 'video' });
    const gone = await add(session, 'P02', { interviewDate: '2024-01-20', interviewMode: 'phone' });
    for (const id of [kept!, gone!])
      await invoke(session, 'sample.setStatus', { id, status: 'interviewed', date: '2024-01-25' });
    const docKept = insertDocument(db, 'Transcript 1');
    const docGone = insertDocument(db, 'Transcript 2');
    const free = insertDocument(db, 'Policy paper');
    await invoke(session, 'sample.linkDocument', { participantId: kept!, documentId: docKept });
    await invoke(session, 'sample.linkDocument', { participantId: gone!, documentId: docGone });
    const code1 = insertCode(db, 'burden sharing');
    const code2 = insertCode(db, 'legitimacy');
    insertSegment(db, docKept, code1);
    insertSegment(db, docGone, code2);

    expect((await invoke(session, 'sample.appendix', {})).map((r) => r.label)).toEqual(['P01', 'P02']);
    expect((await invoke(session, 'sample.saturation', {})).points.map((p) => p.label)).toEqual([
      'P01',
      'P02',
    ]);

    await invoke(session, 'sample.setStatus', {
      id: gone!,
      status: 'withdrawn',
      date: '2024-02-01',
      note: 'asked by email',
    });
    expect(excludedDocumentIds(db)).toEqual([docGone]);
    expect(await invoke(session, 'sample.excluded', {})).toEqual({
      documentIds: [docGone],
      participants: [{ id: gone, label: 'P02', documents: 1 }],
    });
    const visible = db
      .prepare(`SELECT id FROM documents WHERE ${notWithdrawnCondition('documents')} ORDER BY id`)
      .all()
      .map((r) => (r as { id: number }).id);
    expect(visible).toEqual([docKept, free]);
    const segments = db
      .prepare(
        `SELECT count(*) AS n FROM segments s JOIN documents d ON d.id = s.document_id WHERE ${notWithdrawnCondition('d')}`,
      )
      .get() as { n: number };
    expect(segments.n).toBe(1);
    expect(await invoke(session, 'sample.appendix', {})).toEqual([
      { label: 'P01', category: '', date: '2024-01-10', mode: 'video' },
    ]);
    const curve = await invoke(session, 'sample.saturation', {});
    expect(curve.points).toEqual([
      { n: 1, label: 'P01', date: '2024-01-10', newCodes: 1, cumulativeCodes: 1 },
    ]);
  });

  it('links and unlinks transcripts and refuses unknown ids by name', async () => {
    const { session } = await newProjectSession();
    const db = session.requireProject().db;
    const id = await add(session, 'P01');
    const doc = insertDocument(db, 'Transcript');
    await invoke(session, 'sample.linkDocument', { participantId: id!, documentId: doc });
    expect((await invoke(session, 'sample.list', {}))[0]!.documents).toEqual([
      { id: doc, title: 'Transcript' },
    ]);
    expect(await invoke(session, 'sample.documents', {})).toEqual([
      { id: doc, title: 'Transcript', participantId: id },
    ]);
    await expect(
      invoke(session, 'sample.linkDocument', { participantId: id!, documentId: 999 }),
    ).rejects.toThrow('document 999 does not exist');
    await invoke(session, 'sample.unlinkDocument', { documentId: doc });
    expect((await invoke(session, 'sample.list', {}))[0]!.documents).toEqual([]);
    // Deleting the participant keeps the transcript (evidence outlives the participant row).
    await invoke(session, 'sample.linkDocument', { participantId: id!, documentId: doc });
    await invoke(session, 'sample.delete', { id: id! });
    expect(await invoke(session, 'sample.documents', {})).toEqual([
      { id: doc, title: 'Transcript', participantId: null },
    ]);
  });

  it('offers the reference categories, refuses deleting one in use, and checks typed attributes', async () => {
    const { session } = await newProjectSession();
    const categories = await invoke(session, 'sample.categories.addDefaults', {});
    expect(categories.map((c) => c.name)).toEqual([
      'NATO International Staff',
      'NATO International Military Staff',
      'NGO representative',
      'ICRC representative',
      'subject-matter expert',
      'other expert',
    ]);
    const ngo = categories[2]!;
    const id = await add(session, 'P01', { categoryId: ngo.id });
    await expect(invoke(session, 'sample.categories.delete', { id: ngo.id })).rejects.toThrow(
      'NGO representative is used by 1 participant(s)',
    );
    const seniority = await invoke(session, 'sample.attributes.define', {
      name: 'years in post',
      type: 'number',
    });
    await expect(
      invoke(session, 'sample.attributes.set', {
        participantId: id!,
        attributeId: seniority.id,
        value: 'many',
      }),
    ).rejects.toThrow("years in post: 'many' is not a number");
    await invoke(session, 'sample.attributes.set', {
      participantId: id!,
      attributeId: seniority.id,
      value: '12',
    });
    const detail = await invoke(session, 'sample.get', { id: id! });
    expect(detail.category).toBe('NGO representative');
    expect(detail.attributes).toEqual([
      { id: seniority.id, name: 'years in post', type: 'number', value: '12' },
    ]);
  });

  it('computes statistics and reminders from the project', async () => {
    const { session } = await newProjectSession();
    const seed = await add(session, 'S', { statusDate: '2024-01-01', interviewDate: '2024-01-31' });
    await invoke(session, 'sample.setStatus', { id: seed!, status: 'interviewed', date: '2024-01-31' });
    const waiting = await add(session, 'W', { statusDate: '2024-01-01' });
    await invoke(session, 'sample.setStatus', { id: waiting!, status: 'contacted', date: '2024-01-02' });
    await refer(session, seed!, waiting!);
    const stats = await invoke(session, 'sample.statistics', {});
    expect(stats.medianDaysToInterview).toBe(30);
    expect(stats.yieldPerSeed).toEqual([{ seedId: seed, seed: 'S', reached: 1, interviews: 1 }]);
    expect(stats.responseRate).toBe(0.5);
    const reminders = await invoke(session, 'sample.reminders', {});
    expect(reminders.map((r) => [r.label, r.since])).toEqual([['W', '2024-01-02']]);
  });
});
