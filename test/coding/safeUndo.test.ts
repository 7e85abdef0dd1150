import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import type { Args, CallName, Results } from '../../shared/api/contract';
import { trackSession } from '../helpers/session';
import { addDocument, newStudy, type Study } from './fixture';

const TEXT_1 = 'We needed the NGOs for legitimacy, and they needed our logistics.';
const TEXT_2 = 'A short note.';

/** A second coder with their own session (their own connection) on the same project file. */
async function secondCoder(study: Study, name: string) {
  const session = trackSession(new Session('cli', { coder: name }));
  await invoke(session, 'project.open', { path: study.file });
  return <N extends CallName>(call: N, args: Args<N>): Promise<Results[N]> => invoke(session, call, args);
}

const spanOf = (text: string, words: string) => {
  const start = text.indexOf(words);
  return { startUtf16: start, endUtf16: start + words.length };
};

describe('undo never moves a quote to another document', () => {
  it('code, delete the document, import another, undo, redo: the new document never carries the old quote', async () => {
    const study = await newStudy('ana');
    const first = addDocument(study.db(), 'Interview 1', TEXT_1);
    const code = await study.call('codes.create', { name: 'Legitimacy' });
    await study.call('segments.apply', {
      documentId: first,
      codeId: code.id,
      ...spanOf(TEXT_1, 'legitimacy'),
    });
    await study.call('documents.delete', { ids: [first] });
    const second = addDocument(study.db(), 'Interview 2', TEXT_2);
    expect(second).not.toBe(first);

    const onSecond = () =>
      study.db().prepare('SELECT count(*) FROM segments WHERE document_id = ?').pluck().get(second);
    // Undo puts the deleted document back, with its segment, on its own id.
    expect((await study.call('undo.undo', {})).label).toBe('Delete document Interview 1');
    const restored = await study.call('segments.listByDocument', { documentId: first });
    expect(restored.map((s) => s.text)).toEqual(['legitimacy']);
    expect(onSecond()).toBe(0);
    await study.call('undo.redo', {});
    expect(onSecond()).toBe(0);
    const evidence = await study.call('segments.listByCode', { codeId: code.id });
    expect(evidence.total).toBe(0);
  });

  it("refuses another coder's deletion to be undone through one's own coding, naming what changed", async () => {
    const study = await newStudy('ana');
    const doc = addDocument(study.db(), 'Interview 1', TEXT_1);
    const code = await study.call('codes.create', { name: 'Legitimacy' });
    await study.call('segments.apply', { documentId: doc, codeId: code.id, ...spanOf(TEXT_1, 'NGOs') });
    await study.call('undo.undo', {});
    const ben = await secondCoder(study, 'ben');
    await ben('documents.delete', { ids: [doc] });
    addDocument(study.db(), 'Interview 2', TEXT_2);

    // Ana's redo would put her segment back into a document that is gone.
    await expect(study.call('undo.redo', {})).rejects.toThrow(
      "can't redo 'Apply code Legitimacy': its document was deleted",
    );
    expect(study.db().prepare('SELECT count(*) FROM segments').pluck().get()).toBe(0);
    expect(await study.call('undo.state', {})).toEqual({ undo: 'Create code Legitimacy', redo: null });
  });

  it('refuses to undo a coding another coder has changed since, and leaves their change alone', async () => {
    const study = await newStudy('ana');
    const doc = addDocument(study.db(), 'Interview 1', TEXT_1);
    const code = await study.call('codes.create', { name: 'Legitimacy' });
    const seg = await study.call('segments.apply', {
      documentId: doc,
      codeId: code.id,
      ...spanOf(TEXT_1, 'NGOs'),
    });
    const ben = await secondCoder(study, 'ben');
    await ben('segments.resize', { id: seg.id, ...spanOf(TEXT_1, 'the NGOs') });
    await expect(study.call('undo.undo', {})).rejects.toThrow(
      "can't undo 'Apply code Legitimacy': its coded segment was changed since",
    );
    expect((await study.call('segments.get', { id: seg.id })).text).toBe('the NGOs');
  });
});

describe('coders work side by side', () => {
  it("keeps two coders' identical codings as two segments, and each coder undoes only their own", async () => {
    const study = await newStudy('ana');
    const doc = addDocument(study.db(), 'Interview 1', TEXT_1);
    const code = await study.call('codes.create', { name: 'Legitimacy' });
    const ben = await secondCoder(study, 'ben');
    const span = spanOf(TEXT_1, 'legitimacy');
    const anas = await study.call('segments.apply', { documentId: doc, codeId: code.id, ...span });
    const bens = await ben('segments.apply', { documentId: doc, codeId: code.id, ...span });
    expect(bens.id).not.toBe(anas.id);
    expect(bens.coder).toBe('ben');

    expect(await ben('undo.state', {})).toEqual({ undo: 'Apply code Legitimacy', redo: null });
    await ben('undo.undo', {});
    const left = await study.call('segments.listByDocument', { documentId: doc });
    expect(left.map((s) => [s.id, s.coder])).toEqual([[anas.id, 'ana']]);
    // Ben's history is now empty of codings; Ana's still holds hers.
    expect(await ben('undo.state', {})).toEqual({ undo: null, redo: 'Apply code Legitimacy' });
    expect((await study.call('undo.state', {})).undo).toBe('Apply code Legitimacy');
  });

  it("extends a coder's own overlapping or touching segment of the same code instead of adding one (undoable)", async () => {
    const study = await newStudy('ana');
    const doc = addDocument(study.db(), 'Interview 1', TEXT_1);
    const code = await study.call('codes.create', { name: 'Legitimacy' });
    const ben = await secondCoder(study, 'ben');
    const spans = async () =>
      (await study.call('segments.listByDocument', { documentId: doc })).map((s) => [
        s.startUtf16,
        s.endUtf16,
        s.coder,
      ]);
    const a = await study.call('segments.apply', {
      documentId: doc,
      codeId: code.id,
      startUtf16: 0,
      endUtf16: 10,
    });
    await ben('segments.apply', { documentId: doc, codeId: code.id, startUtf16: 5, endUtf16: 12 });
    const c = await study.call('segments.apply', {
      documentId: doc,
      codeId: code.id,
      startUtf16: 20,
      endUtf16: 30,
    });
    expect(c.id).not.toBe(a.id);
    // Overlaps the first and touches the second: all three spans become one segment, the first one.
    const merged = await study.call('segments.apply', {
      documentId: doc,
      codeId: code.id,
      startUtf16: 8,
      endUtf16: 20,
    });
    expect(merged.id).toBe(a.id);
    expect(merged.text).toBe(TEXT_1.slice(0, 30));
    expect(await spans()).toEqual([
      [0, 30, 'ana'],
      [5, 12, 'ben'],
    ]);
    await study.call('undo.undo', {});
    expect(await spans()).toEqual([
      [0, 10, 'ana'],
      [5, 12, 'ben'],
      [20, 30, 'ana'],
    ]);
  });

  it('codes in vivo as one undo step: the new code and its segment go together', async () => {
    const study = await newStudy('ana');
    const doc = addDocument(study.db(), 'Interview 1', TEXT_1);
    const done = await study.call('segments.applyInVivo', {
      documentId: doc,
      ...spanOf(TEXT_1, 'our logistics'),
    });
    expect(done.code.name).toBe('our logistics');
    expect(done.codeCreated).toBe(true);
    expect((await study.call('undo.state', {})).undo).toBe('Code in vivo as our logistics');
    await study.call('undo.undo', {});
    expect(await study.call('codes.list', {})).toEqual([]);
    expect(study.db().prepare('SELECT count(*) FROM segments').pluck().get()).toBe(0);
  });
});

describe('deleting documents', () => {
  it('counts what goes with them, deletes them with it, and undo brings all of it back', async () => {
    const study = await newStudy('ana');
    const doc = addDocument(study.db(), 'Interview 1', TEXT_1);
    const keep = addDocument(study.db(), 'Interview 2', TEXT_2);
    const code = await study.call('codes.create', { name: 'Legitimacy' });
    await study.call('segments.apply', { documentId: doc, codeId: code.id, ...spanOf(TEXT_1, 'NGOs') });
    await study.call('segments.apply', { documentId: doc, codeId: code.id, ...spanOf(TEXT_1, 'logistics') });
    await study.call('memos.create', { documentId: doc, body: 'Long pause before this answer.' });
    const group = await study.call('documentGroups.create', { name: 'NGOs' });
    await study.call('documentGroups.addDocuments', { id: group.id, documentIds: [doc, keep] });
    const rows = () =>
      Object.fromEntries(
        ['documents', 'segments', 'memos', 'document_group_members', 'turns', 'document_pages'].map((t) => [
          t,
          study.db().prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all(),
        ]),
      );
    const before = rows();

    expect(await study.call('documents.deletionImpact', { ids: [doc] })).toEqual({
      documents: 1,
      segments: 2,
      memos: 1,
    });
    expect(await study.call('documents.delete', { ids: [doc] })).toEqual({
      deleted: 1,
      segments: 2,
      memos: 1,
    });
    expect((await study.call('documents.list', {})).map((d) => d.title)).toEqual(['Interview 2']);
    expect(study.db().prepare('SELECT count(*) FROM segments').pluck().get()).toBe(0);

    await study.call('undo.undo', {});
    expect(rows()).toEqual(before);
    const hits = study
      .db()
      .prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'logistics'")
      .pluck()
      .all();
    expect(hits).toEqual([doc]);
    await expect(study.call('documents.delete', { ids: [999] })).rejects.toThrow(
      'document 999 does not exist',
    );
  });
});
