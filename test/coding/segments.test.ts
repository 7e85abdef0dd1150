import { describe, expect, it } from 'vitest';
import { addDocument, newStudy, spanOf, TRANSCRIPT, type Study } from './fixture';

async function studyWithCode(): Promise<{ study: Study; doc: number; code: number; other: number }> {
  const study = await newStudy('Anna');
  const doc = addDocument(study.db(), 'Interview 1', TRANSCRIPT);
  const code = (await study.call('codes.create', { name: 'NGO push for access' })).id;
  const other = (await study.call('codes.create', { name: 'Training' })).id;
  return { study, doc, code, other };
}

describe('segments', () => {
  it('applies a code with text, coder and times, and undoes and redoes it across a reopen', async () => {
    const { study, doc, code } = await studyWithCode();
    const span = spanOf(TRANSCRIPT, 'access to the PRT briefings');
    const before = study.snapshot();
    const seg = await study.call('segments.apply', { documentId: doc, codeId: code, ...span });
    expect(seg).toMatchObject({
      documentId: doc,
      codeId: code,
      ...span,
      text: 'access to the PRT briefings',
      coder: 'Anna',
      memo: '',
    });
    expect(Date.parse(seg.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const after = study.snapshot();
    expect(await study.call('undo.state', {})).toEqual({
      undo: 'Apply code NGO push for access',
      redo: null,
    });

    await study.reopen();
    expect((await study.call('undo.undo', {})).label).toBe('Apply code NGO push for access');
    expect(study.snapshot()).toEqual(before);
    await study.reopen();
    expect(await study.call('undo.state', {})).toEqual({
      undo: 'Create code Training',
      redo: 'Apply code NGO push for access',
    });
    await study.call('undo.redo', {});
    expect(study.snapshot()).toEqual(after);
    expect((await study.call('segments.listByDocument', { documentId: doc }))[0]!.id).toBe(seg.id);
  });

  it('lists spans for the reader in the same order as the full segments, and gets one segment whole', async () => {
    const { study, doc, code, other } = await studyWithCode();
    const outer = spanOf(TRANSCRIPT, 'We needed access to the PRT briefings');
    const inner = spanOf(TRANSCRIPT, 'PRT');
    const a = await study.call('segments.apply', { documentId: doc, codeId: other, ...inner });
    const b = await study.call('segments.apply', { documentId: doc, codeId: code, ...outer });
    await study.call('segments.setMemo', { id: a.id, memo: 'briefings as currency' });
    expect(await study.call('segments.spansByDocument', { documentId: doc })).toEqual([
      { id: b.id, codeId: code, coderId: expect.any(Number), ...outer },
      { id: a.id, codeId: other, coderId: expect.any(Number), ...inner },
    ]);
    expect(await study.call('segments.get', { id: a.id })).toMatchObject({
      text: 'PRT',
      memo: 'briefings as currency',
      coder: 'Anna',
    });
    await expect(study.call('segments.get', { id: 999 })).rejects.toThrow(/^segment 999 does not exist$/);
    await expect(study.call('segments.spansByDocument', { documentId: 999 })).rejects.toThrow(
      /document 999 does not exist/,
    );
  });

  it('lets segments of different codes overlap and nest, ordered by start', async () => {
    const { study, doc, code, other } = await studyWithCode();
    const outer = spanOf(TRANSCRIPT, 'We needed access to the PRT briefings');
    const inner = spanOf(TRANSCRIPT, 'PRT');
    await study.call('segments.apply', { documentId: doc, codeId: code, ...outer });
    await study.call('segments.apply', { documentId: doc, codeId: other, ...inner });
    const list = await study.call('segments.listByDocument', { documentId: doc });
    expect(list.map((s) => [s.startUtf16, s.codeId])).toEqual([
      [outer.startUtf16, code],
      [inner.startUtf16, other],
    ]);
  });

  it('collapses an exact duplicate into the existing segment without an undo entry', async () => {
    const { study, doc, code } = await studyWithCode();
    const span = spanOf(TRANSCRIPT, 'donors');
    const first = await study.call('segments.apply', { documentId: doc, codeId: code, ...span });
    const entries = study.db().prepare('SELECT count(*) AS n FROM undo_entries').get() as { n: number };
    const second = await study.call('segments.apply', { documentId: doc, codeId: code, ...span });
    expect(second.id).toBe(first.id);
    expect(study.db().prepare('SELECT count(*) AS n FROM segments').get()).toEqual({ n: 1 });
    expect(study.db().prepare('SELECT count(*) AS n FROM undo_entries').get()).toEqual(entries);
  });

  it('removes, resizes, recodes and sets memos, each undoable and redoable after a reopen', async () => {
    const { study, doc, code, other } = await studyWithCode();
    const seg = await study.call('segments.apply', {
      documentId: doc,
      codeId: code,
      ...spanOf(TRANSCRIPT, 'access to the PRT'),
    });
    const bigger = spanOf(TRANSCRIPT, 'access to the PRT briefings');
    const steps: [string, () => Promise<unknown>, string][] = [
      [
        'resize',
        () => study.call('segments.resize', { id: seg.id, ...bigger }),
        'Resize segment of NGO push for access',
      ],
      [
        'recode',
        () => study.call('segments.recode', { id: seg.id, codeId: other }),
        'Recode segment as Training',
      ],
      ['memo', () => study.call('segments.setMemo', { id: seg.id, memo: 'Key quote' }), 'Edit segment memo'],
      ['remove', () => study.call('segments.remove', { id: seg.id }), 'Remove code Training'],
    ];
    for (const [, action, label] of steps) {
      const before = study.snapshot();
      await action();
      const after = study.snapshot();
      expect(after).not.toEqual(before);
      await study.reopen();
      expect((await study.call('undo.undo', {})).label).toBe(label);
      expect(study.snapshot()).toEqual(before);
      await study.reopen();
      expect((await study.call('undo.redo', {})).label).toBe(label);
      expect(study.snapshot()).toEqual(after);
    }
    // The resize rewrote the quoted text too; after the whole chain the segment is gone.
    expect(await study.call('segments.listByDocument', { documentId: doc })).toEqual([]);
    await study.call('undo.undo', {});
    const restored = (await study.call('segments.listByDocument', { documentId: doc }))[0]!;
    expect(restored).toMatchObject({
      id: seg.id,
      codeId: other,
      text: 'access to the PRT briefings',
      memo: 'Key quote',
    });
  });

  it('drops the redo tail when a new action follows an undo', async () => {
    const { study, doc, code } = await studyWithCode();
    await study.call('segments.apply', { documentId: doc, codeId: code, ...spanOf(TRANSCRIPT, 'donors') });
    await study.call('undo.undo', {});
    expect((await study.call('undo.state', {})).redo).toBe('Apply code NGO push for access');
    await study.call('segments.apply', {
      documentId: doc,
      codeId: code,
      ...spanOf(TRANSCRIPT, 'joint training'),
    });
    expect((await study.call('undo.state', {})).redo).toBeNull();
    expect((await study.call('undo.redo', {})).label).toBeNull();
  });

  it('undoes across documents in reverse order of the actions', async () => {
    const { study, doc, code } = await studyWithCode();
    const doc2 = addDocument(study.db(), 'Interview 2', 'NGOs asked for access to KFOR meetings.');
    await study.call('segments.apply', { documentId: doc, codeId: code, ...spanOf(TRANSCRIPT, 'donors') });
    await study.call('segments.apply', { documentId: doc2, codeId: code, startUtf16: 11, endUtf16: 17 });
    await study.call('undo.undo', {});
    expect(await study.call('segments.listByDocument', { documentId: doc2 })).toEqual([]);
    expect(await study.call('segments.listByDocument', { documentId: doc })).toHaveLength(1);
    await study.call('undo.undo', {});
    expect(await study.call('segments.listByDocument', { documentId: doc })).toEqual([]);
  });

  it('retrieves segments of a code with context and document title, and steps across documents', async () => {
    const { study, doc, code } = await studyWithCode();
    const doc2 = addDocument(
      study.db(),
      'Interview 2',
      'First line\nNGOs asked for access to KFOR meetings.\nLast',
    );
    const a = await study.call('segments.apply', {
      documentId: doc,
      codeId: code,
      ...spanOf(TRANSCRIPT, 'access'),
    });
    const b = await study.call('segments.apply', {
      documentId: doc2,
      codeId: code,
      startUtf16: 'First line\nNGOs asked for '.length,
      endUtf16: 'First line\nNGOs asked for access'.length,
    });
    const retrieved = await study.call('segments.listByCode', { codeId: code, contextChars: 20 });
    expect(retrieved.total).toBe(2);
    expect(retrieved.items[1]).toMatchObject({
      id: b.id,
      documentTitle: 'Interview 2',
      codeName: 'NGO push for access',
      text: 'access',
      before: 'NGOs asked for ', // cut at the line break
      after: ' to KFOR meetings.',
    });
    expect(retrieved.items[0]!.before).toBe('spondent: We needed '); // 'spondent:' 9 + ' ' + 'We needed ' 10 = 20 units
    const next = await study.call('segments.neighbor', {
      codeId: code,
      fromDocumentId: doc,
      fromStartUtf16: a.startUtf16,
      direction: 'next',
    });
    expect(next).toMatchObject({ id: b.id, documentTitle: 'Interview 2' });
    const wrapped = await study.call('segments.neighbor', {
      codeId: code,
      fromDocumentId: doc2,
      fromStartUtf16: b.startUtf16,
      direction: 'next',
    });
    expect(wrapped?.id).toBe(a.id);
    const none = await study.call('segments.neighbor', {
      codeId: code,
      fromDocumentId: doc,
      fromStartUtf16: a.startUtf16,
      direction: 'previous',
      wrap: false,
    });
    expect(none).toBeNull();
  });
});

describe('invalid segment calls', () => {
  it('refuses spans outside the text, empty spans, unknown ids and split surrogate pairs, writing nothing', async () => {
    const { study, doc, code } = await studyWithCode();
    const emojiDoc = addDocument(study.db(), 'Emoji', 'ok 😀 fine');
    const cases: [Record<string, number>, RegExp][] = [
      [
        { documentId: doc, codeId: code, startUtf16: 0, endUtf16: TRANSCRIPT.length + 1 },
        /endUtf16: .* past the end/,
      ],
      [
        { documentId: doc, codeId: code, startUtf16: 5, endUtf16: 5 },
        /startUtf16: 5 is not before endUtf16 5/,
      ],
      [{ documentId: doc, codeId: code, startUtf16: 9, endUtf16: 3 }, /startUtf16: 9 is not before/],
      [{ documentId: 999, codeId: code, startUtf16: 0, endUtf16: 3 }, /document 999 does not exist/],
      [{ documentId: doc, codeId: 999, startUtf16: 0, endUtf16: 3 }, /code 999 does not exist/],
      [
        { documentId: emojiDoc, codeId: code, startUtf16: 4, endUtf16: 6 },
        /startUtf16: 4 splits a surrogate pair/,
      ],
      [
        { documentId: emojiDoc, codeId: code, startUtf16: 0, endUtf16: 4 },
        /endUtf16: 4 splits a surrogate pair/,
      ],
      [{ documentId: doc, codeId: code, startUtf16: -1, endUtf16: 3 }, /startUtf16/],
    ];
    const before = study.snapshot();
    for (const [args, message] of cases) {
      await expect(study.call('segments.apply', args as never)).rejects.toThrow(message);
    }
    await expect(study.call('segments.remove', { id: 42 })).rejects.toThrow(/^segment 42 does not exist$/);
    await expect(study.call('segments.recode', { id: 42, codeId: code })).rejects.toThrow(
      /segment 42 does not exist/,
    );
    await expect(study.call('segments.listByCode', { codeId: 77 })).rejects.toThrow(/code 77 does not exist/);
    expect(study.snapshot()).toEqual(before);
  });

  it('refuses a resize or recode that would duplicate another segment exactly', async () => {
    const { study, doc, code, other } = await studyWithCode();
    const span = spanOf(TRANSCRIPT, 'donors');
    await study.call('segments.apply', { documentId: doc, codeId: code, ...span });
    const b = await study.call('segments.apply', { documentId: doc, codeId: other, ...span });
    const c = await study.call('segments.apply', {
      documentId: doc,
      codeId: code,
      ...spanOf(TRANSCRIPT, 'access'),
    });
    await expect(study.call('segments.recode', { id: b.id, codeId: code })).rejects.toThrow(
      /conflict|already codes/,
    );
    await expect(study.call('segments.resize', { id: c.id, ...span })).rejects.toThrow(/already covers/);
  });
});
