import { describe, expect, it } from 'vitest';
import type { Study } from './fixture';
import { addDocument, newStudy, spanOf, TRANSCRIPT } from './fixture';

/** Runs an action, then proves undo and redo restore the exact rows, with a reopen in between each. */
async function expectUndoable(study: Study, label: string, action: () => Promise<unknown>): Promise<void> {
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

const names = async (study: Study) =>
  (await study.call('codes.list', {})).map((c) => [c.name, c.parentId, c.position]);

describe('codes', () => {
  it('creates codes with defaults and appends them among their siblings', async () => {
    const study = await newStudy();
    const a = await study.call('codes.create', { name: 'Resource gaps' });
    const b = await study.call('codes.create', { name: 'Information', parentId: a.id, color: '#112233' });
    const c = await study.call('codes.create', { name: 'Public legitimacy', parentId: a.id, position: 0 });
    expect(a).toMatchObject({
      parentId: null,
      position: 0,
      segmentCount: 0,
      documentCount: 0,
      groupIds: [],
      shortcut: null,
    });
    expect(a.color).toMatch(/^#[0-9A-F]{6}$/);
    expect(b.color).toBe('#112233');
    expect(c.position).toBe(0);
    expect(await names(study)).toEqual([
      ['Resource gaps', null, 0],
      ['Public legitimacy', a.id, 0],
      ['Information', a.id, 1],
    ]);
  });

  it('each codebook change is undoable and redoable across reopening', async () => {
    const study = await newStudy();
    const parent = await study.call('codes.create', { name: 'Learning stage' });
    const a = await study.call('codes.create', { name: 'Analysis', parentId: parent.id });
    await study.call('codes.create', { name: 'Implementation', parentId: parent.id });
    await expectUndoable(study, 'Create code Institutionalisation', () =>
      study.call('codes.create', { name: 'Institutionalisation', parentId: parent.id }),
    );
    await expectUndoable(study, 'Rename code Analysis to Diagnosis', () =>
      study.call('codes.update', { id: a.id, name: 'Diagnosis' }),
    );
    await expectUndoable(study, 'Recolour code Diagnosis', () =>
      study.call('codes.update', { id: a.id, color: '#ABCDEF' }),
    );
    await expectUndoable(study, 'Edit code Diagnosis', () =>
      study.call('codes.update', { id: a.id, description: 'When to use: lessons identified', shortcut: '1' }),
    );
    await expectUndoable(study, 'Move code Diagnosis', () =>
      study.call('codes.move', { id: a.id, parentId: null, position: 0 }),
    );
  });

  it('moves reorder siblings and re-parent, renumbering both sides', async () => {
    const study = await newStudy();
    const p = await study.call('codes.create', { name: 'P' });
    const q = await study.call('codes.create', { name: 'Q' });
    const [a, b, c] = [
      await study.call('codes.create', { name: 'A', parentId: p.id }),
      await study.call('codes.create', { name: 'B', parentId: p.id }),
      await study.call('codes.create', { name: 'C', parentId: p.id }),
    ];
    await study.call('codes.move', { id: c!.id, parentId: p.id, position: 0 });
    await study.call('codes.move', { id: a!.id, parentId: q.id, position: 5 });
    expect(await names(study)).toEqual([
      ['P', null, 0],
      ['Q', null, 1],
      ['C', p.id, 0],
      ['B', p.id, 1],
      ['A', q.id, 0],
    ]);
    void b;
  });

  it('refuses bad codebook changes with the field named', async () => {
    const study = await newStudy();
    const p = await study.call('codes.create', { name: 'Stakeholder', shortcut: 's' });
    const child = await study.call('codes.create', { name: 'NGO', parentId: p.id });
    const before = study.snapshot();
    await expect(study.call('codes.create', { name: 'stakeholder' })).rejects.toThrow(
      /A code named stakeholder already exists at the top level/,
    );
    await expect(study.call('codes.create', { name: 'X', parentId: 99 })).rejects.toThrow(
      /parent code 99 does not exist/,
    );
    await expect(study.call('codes.create', { name: 'Y', shortcut: 's' })).rejects.toThrow(
      /Shortcut s is already used by Stakeholder/,
    );
    await expect(study.call('codes.create', { name: 'Z', color: 'red' })).rejects.toThrow(/color/);
    await expect(study.call('codes.create', { name: '  ' })).rejects.toThrow(/name: name is empty/);
    await expect(study.call('codes.move', { id: p.id, parentId: child.id, position: 0 })).rejects.toThrow(
      /Stakeholder cannot move under NGO, which is inside it/,
    );
    await expect(study.call('codes.move', { id: p.id, parentId: p.id, position: 0 })).rejects.toThrow(
      /Stakeholder cannot move under itself/,
    );
    await expect(study.call('codes.update', { id: 500, name: 'A' })).rejects.toThrow(
      /code 500 does not exist/,
    );
    await expect(study.call('codes.merge', { sourceId: p.id, targetId: child.id })).rejects.toThrow(
      /Stakeholder cannot merge into NGO, which is inside it/,
    );
    await expect(study.call('codes.merge', { sourceId: p.id, targetId: p.id })).rejects.toThrow(/itself/);
    await expect(study.call('codes.delete', { id: 500 })).rejects.toThrow(/code 500 does not exist/);
    expect(study.snapshot()).toEqual(before);
  });
});

describe('merge', () => {
  it('moves segments, collapses exact duplicates, moves children, merges groups and memos; undo restores all', async () => {
    const study = await newStudy();
    const doc = addDocument(study.db(), 'Interview 1', TRANSCRIPT);
    const source = await study.call('codes.create', { name: 'Access' });
    const target = await study.call('codes.create', { name: 'NGO push for access' });
    const kid = await study.call('codes.create', { name: 'Briefings', parentId: source.id });
    const sameKidS = await study.call('codes.create', { name: 'Meetings', parentId: source.id });
    const sameKidT = await study.call('codes.create', { name: 'meetings', parentId: target.id });
    const g1 = await study.call('codeGroups.create', { name: 'Push', codeIds: [source.id] });
    const g2 = await study.call('codeGroups.create', { name: 'Both', codeIds: [source.id, target.id] });
    const shared = spanOf(TRANSCRIPT, 'access to the PRT');
    await study.call('segments.apply', { documentId: doc, codeId: source.id, ...shared });
    const dupTarget = await study.call('segments.apply', { documentId: doc, codeId: target.id, ...shared });
    await study.call('segments.setMemo', {
      id: (await study.call('segments.listByDocument', { documentId: doc }))[0]!.id,
      memo: 'from source',
    });
    const moved = await study.call('segments.apply', {
      documentId: doc,
      codeId: source.id,
      ...spanOf(TRANSCRIPT, 'donors'),
    });
    await study.call('segments.apply', {
      documentId: doc,
      codeId: sameKidS.id,
      ...spanOf(TRANSCRIPT, 'joint'),
    });
    await study.call('memos.create', {
      codeId: source.id,
      body: 'Access means physical and political access.',
    });

    const before = study.snapshot();
    const result = await study.call('codes.merge', { sourceId: source.id, targetId: target.id });
    expect(result).toMatchObject({ segmentsMoved: 2, duplicatesCollapsed: 1 });
    expect(result.code.groupIds).toEqual([g1.id, g2.id].sort((x, y) => x - y));
    expect(result.code.segmentCount).toBe(2); // the duplicate and the moved one
    const codes = await study.call('codes.list', {});
    expect(codes.find((c) => c.id === source.id)).toBeUndefined();
    expect(codes.find((c) => c.id === sameKidS.id)).toBeUndefined(); // merged into the same-named child
    expect(codes.find((c) => c.id === kid.id)?.parentId).toBe(target.id);
    expect(codes.find((c) => c.id === sameKidT.id)?.segmentCount).toBe(1);
    const segs = await study.call('segments.listByDocument', { documentId: doc });
    expect(segs.find((s) => s.id === dupTarget.id)?.memo).toBe('from source');
    expect(segs.find((s) => s.id === moved.id)?.codeId).toBe(target.id);
    expect((await study.call('memos.list', { target: { kind: 'code', id: target.id } }))[0]?.body).toMatch(
      /physical/,
    );
    const after = study.snapshot();

    await study.reopen();
    expect((await study.call('undo.undo', {})).label).toBe('Merge code Access into NGO push for access');
    expect(study.snapshot()).toEqual(before);
    await study.call('undo.redo', {});
    expect(study.snapshot()).toEqual(after);
  });
});

describe('delete', () => {
  it('reports usage, deletes the subtree explicitly and undo restores codes, groups and segments with their ids', async () => {
    const study = await newStudy();
    const doc = addDocument(study.db(), 'Interview 1', TRANSCRIPT);
    const doc2 = addDocument(study.db(), 'Interview 2', 'We needed access too.');
    const top = await study.call('codes.create', { name: 'Resource gaps', shortcut: 'r' });
    const mid = await study.call('codes.create', { name: 'Information', parentId: top.id });
    const leaf = await study.call('codes.create', { name: 'Briefings', parentId: mid.id });
    const keep = await study.call('codes.create', { name: 'Keep' });
    await study.call('codeGroups.create', { name: 'Resource concerns', codeIds: [mid.id, leaf.id, keep.id] });
    await study.call('segments.apply', { documentId: doc, codeId: top.id, ...spanOf(TRANSCRIPT, 'donors') });
    await study.call('segments.apply', {
      documentId: doc,
      codeId: leaf.id,
      ...spanOf(TRANSCRIPT, 'PRT briefings'),
    });
    await study.call('segments.apply', { documentId: doc2, codeId: leaf.id, startUtf16: 10, endUtf16: 16 });
    await study.call('segments.apply', { documentId: doc, codeId: keep.id, ...spanOf(TRANSCRIPT, 'joint') });
    await study.call('memos.create', { codeId: mid.id, body: 'About information' });

    expect(await study.call('codes.usage', { id: top.id })).toEqual({
      codes: 3,
      segments: 3,
      documents: 2,
      memos: 1,
    });
    const before = study.snapshot();
    expect(await study.call('codes.delete', { id: top.id })).toEqual({ deletedCodes: 3, deletedSegments: 3 });
    expect((await study.call('codes.list', {})).map((c) => c.name)).toEqual(['Keep']);
    expect((await study.call('codeGroups.list', {}))[0]!.codeIds).toEqual([keep.id]);
    expect(await study.call('memos.list', {})).toEqual([]);
    const after = study.snapshot();

    await study.reopen();
    expect((await study.call('undo.undo', {})).label).toBe('Delete code Resource gaps');
    expect(study.snapshot()).toEqual(before);
    await study.reopen();
    await study.call('undo.redo', {});
    expect(study.snapshot()).toEqual(after);
  });
});

describe('journal', () => {
  it('keeps only the last 1000 entries', async () => {
    const study = await newStudy();
    const code = await study.call('codes.create', { name: 'C' });
    const { runUndoable } = await import('../../electron/store/undo');
    const { ensureCoder } = await import('../../electron/store/coders');
    const db = study.db();
    const coderId = ensureCoder(db, 'tester');
    for (let i = 0; i < 1005; i++) {
      runUndoable(db, coderId, `Recolour ${i}`, (j) =>
        j.update('codes', { id: code.id }, { color: i % 2 ? '#000000' : '#FFFFFF' }),
      );
    }
    expect(db.prepare('SELECT count(*) AS n FROM undo_entries').get()).toEqual({ n: 1000 });
    expect((await study.call('undo.state', {})).undo).toBe('Recolour 1004');
  });

  it('an action that fails half-way writes nothing and records nothing', async () => {
    const study = await newStudy();
    const doc = addDocument(study.db(), 'Interview 1', TRANSCRIPT);
    const code = await study.call('codes.create', { name: 'C' });
    const { runUndoable } = await import('../../electron/store/undo');
    const { applySegment } = await import('../../electron/store/segments');
    const { ensureCoder } = await import('../../electron/store/coders');
    const coderId = ensureCoder(study.db(), 'tester');
    const before = study.snapshot();
    const entries = study.db().prepare('SELECT count(*) AS n FROM undo_entries').get();
    expect(() =>
      runUndoable(study.db(), coderId, 'Two', (j) => {
        applySegment(study.db(), j, {
          documentId: doc,
          codeId: code.id,
          startUtf16: 0,
          endUtf16: 5,
          coderId,
        });
        applySegment(study.db(), j, {
          documentId: doc,
          codeId: code.id,
          startUtf16: 5,
          endUtf16: 1,
          coderId,
        });
      }),
    ).toThrow(/startUtf16/);
    expect(study.snapshot()).toEqual(before);
    expect(study.db().prepare('SELECT count(*) AS n FROM undo_entries').get()).toEqual(entries);
  });

  it('refuses an undo whose document was deleted outside the journal, naming why, and drops that entry', async () => {
    const study = await newStudy();
    const doc = addDocument(study.db(), 'Interview 1', TRANSCRIPT);
    const code = await study.call('codes.create', { name: 'C' });
    const seg = await study.call('segments.apply', {
      documentId: doc,
      codeId: code.id,
      startUtf16: 0,
      endUtf16: 5,
    });
    await study.call('segments.remove', { id: seg.id });
    study.db().prepare('DELETE FROM documents WHERE id = ?').run(doc);
    await expect(study.call('undo.undo', {})).rejects.toThrow(
      "can't undo 'Remove code C': its document was deleted",
    );
    // Only the refused entry left the history; the coding before it is checked on its own turn.
    expect(await study.call('undo.state', {})).toEqual({ undo: 'Apply code C', redo: null });
  });
});
