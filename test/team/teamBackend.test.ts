import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Args, CallName, Results } from '../../shared/api/contract';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { addDocument, spanOf } from '../coding/fixture';
import { newProjectSession, trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

const TEXT = 'Why did you contact NATO?\nWe needed access to the briefings.\nLater we ran joint training.\n';
const OTHER = 'A second interview.\nNobody coded this one twice.\n';

function as(session: Session) {
  return <N extends CallName>(name: N, args: Args<N>): Promise<Results[N]> => invoke(session, name, args);
}

/** A study coded by Ana and Ben (Ben alone on the second document). */
async function codedStudy() {
  const { session, file, dir } = await newProjectSession('Ana');
  const ana = as(session);
  const db = session.requireProject().db;
  const doc = addDocument(db, 'Interview 1', TEXT);
  const other = addDocument(db, 'Interview 2', OTHER);
  const access = await ana('codes.create', { name: 'Access' });
  const training = await ana('codes.create', { name: 'Training' });
  await ana('segments.apply', { documentId: doc, codeId: access.id, ...spanOf(TEXT, 'needed access') });
  await ana('segments.apply', { documentId: doc, codeId: training.id, ...spanOf(TEXT, 'joint training') });
  await ana('coders.setCurrent', { name: 'Ben' });
  await ana('segments.apply', {
    documentId: doc,
    codeId: access.id,
    ...spanOf(TEXT, 'access to the briefings'),
  });
  await ana('segments.apply', { documentId: other, codeId: access.id, ...spanOf(OTHER, 'second') });
  await ana('coders.setCurrent', { name: 'Ana' });
  return { session, call: ana, file, dir, doc, other, access, training };
}

describe('coders', () => {
  it('adds, renames and colours coders, and refuses clashes', async () => {
    const { call } = await codedStudy();
    const cleo = await call('coders.add', { name: 'Cleo', color: '#123456' });
    expect(cleo).toMatchObject({ name: 'Cleo', color: '#123456', segmentCount: 0, current: false });
    await expect(call('coders.add', { name: 'cleo' })).rejects.toThrow('a coder named "cleo" already exists');
    const ben = (await call('coders.list', {})).find((c) => c.name === 'Ben')!;
    await expect(call('coders.rename', { id: ben.id, name: 'CLEO' })).rejects.toThrow(
      /"Ben" cannot be renamed/,
    );
    expect(await call('coders.rename', { id: ben.id, name: 'Benjamin' })).toMatchObject({ segmentCount: 2 });
    expect(await call('coders.setColor', { id: ben.id, color: null })).toMatchObject({ color: null });
    await expect(call('coders.setColor', { id: ben.id, color: 'red' })).rejects.toThrow(
      'colour must be #RRGGBB',
    );
    expect(await call('coders.current', {})).toMatchObject({ name: 'Ana', current: true });
  });
});

describe('agreement on a project', () => {
  it('compares the documents both coders coded, per code and pooled', async () => {
    const { call, training } = await codedStudy();
    const report = await call('team.agreement', { coders: ['Ana', 'ben'], unit: 'paragraphs' });
    // Only Interview 1 was coded by both; 3 paragraphs. Access: both on line 2 → 3/3.
    // Training: Ana on line 3, Ben nowhere → 2/3.
    expect(report).toMatchObject({ coders: ['Ana', 'Ben'], documentCount: 1, unit: 'paragraphs' });
    expect(report.codes.map((c) => [c.code.name, c.units, c.percentAgreement, c.applied])).toEqual([
      ['Access', 3, 1, [1, 1]],
      ['Training', 3, 2 / 3, [1, 0]],
    ]);
    expect(report.overall).toMatchObject({ units: 6, percentAgreement: 5 / 6, applied: [2, 1] });
    expect(report.definitions.join(' ')).toMatch(/Krippendorff/);

    const chars = await call('team.agreement', { coders: ['Ana', 'Ben'], codeIds: [training.id] });
    expect(chars.codes[0]).toMatchObject({ units: TEXT.length, applied: ['joint training'.length, 0] });

    await expect(call('team.agreement', { coders: ['Ana', 'Zoe'] })).rejects.toThrow('no coder named "Zoe"');
    await expect(call('team.agreement', { coders: ['Ana'] })).rejects.toThrow('at least two coders');
  });

  it('lists the units where the coders differ, with who applied the code', async () => {
    const { call } = await codedStudy();
    const found = await call('team.disagreements', { coders: ['Ana', 'Ben'], unit: 'characters' });
    expect(found.items.map((d) => [d.codeName, d.text, d.appliedBy, d.notAppliedBy])).toEqual([
      ['Access', 'needed ', ['Ana'], ['Ben']],
      ['Access', ' to the briefings', ['Ben'], ['Ana']],
      ['Training', 'joint training', ['Ana'], ['Ben']],
    ]);
    expect(found.total).toBe(3);
  });
});

describe('settling as the consensus coder', () => {
  it('keeps one coder’s version, both, or neither, in one undo step each, never touching the coders’ own', async () => {
    const { call, doc, access } = await codedStudy();
    const unit = {
      documentId: doc,
      codeId: access.id,
      ...spanOf(TEXT, 'We needed access to the briefings.'),
    };
    const consensus = async () =>
      (await call('segments.listByDocument', { documentId: doc }))
        .filter((s) => s.coder === 'consensus')
        .map((s) => s.text);
    expect(await call('team.settle', { ...unit, keep: ['Ben'] })).toEqual({ added: 1, removed: 0 });
    expect(await consensus()).toEqual(['access to the briefings']);
    expect(await call('team.settle', { ...unit, keep: ['Ana', 'Ben'] })).toEqual({ added: 1, removed: 1 });
    expect(await consensus()).toEqual(['needed access to the briefings']);
    expect(await call('team.settle', { ...unit, keep: [] })).toEqual({ added: 0, removed: 1 });
    expect(await consensus()).toEqual([]);
    expect((await call('undo.undo', {})).label).toBe('Settle as consensus: neither');
    expect(await consensus()).toEqual(['needed access to the briefings']);
    const own = (await call('coders.list', {}))
      .filter((c) => c.name !== 'consensus')
      .map((c) => c.segmentCount);
    expect(own).toEqual([2, 2]);
    await expect(call('team.settle', { ...unit, keep: ['Zoe'] })).rejects.toThrow('no coder named "Zoe"');
  });
});

describe('coding copies', () => {
  it('writes one copy per coder that opens as its coder, optionally without segments', async () => {
    const { call, dir, file, session } = await codedStudy();
    const out = path.join(dir, 'copies');
    fs.mkdirSync(out);
    const copies = await call('team.makeCopies', {
      coders: ['Ana', 'Dan'],
      folder: out,
      withoutSegments: true,
    });
    expect(copies.map((c) => [c.coder, path.basename(c.path), c.segments])).toEqual([
      ['Ana', 'study - Ana.passage', 0],
      ['Dan', 'study - Dan.passage', 0],
    ]);
    expect(fs.readdirSync(out).sort()).toEqual(['study - Ana.passage', 'study - Dan.passage']);
    const reader = trackSession(new Session('cli'));
    await invoke(reader, 'project.open', { path: copies[1]!.path });
    expect(reader.coder).toBe('Dan');
    const guids = (db: Database.Database) =>
      db.prepare('SELECT guid FROM codes UNION ALL SELECT guid FROM documents ORDER BY 1').all();
    expect(guids(reader.requireProject().db)).toEqual(guids(session.requireProject().db));
    // a second run would overwrite Ana's copy: refused, and nothing else is written
    await expect(
      call('team.makeCopies', { coders: ['Eve', 'Ana'], folder: out, withoutSegments: false }),
    ).rejects.toThrow('study - Ana.passage already exists');
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.passage'))).toHaveLength(2);
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('merging a coder’s copy', () => {
  it('brings the coder’s work in once, lists conflicts, backs up first and undoes in one step', async () => {
    const { call, dir, doc, access, session } = await codedStudy();
    const out = tempDir();
    const [copy] = await call('team.makeCopies', { coders: ['Ben'], folder: out, withoutSegments: true });
    // Ben works in his copy: a new code, a renamed one, segments on both.
    const ben = trackSession(new Session('cli'));
    const inCopy = as(ben);
    await inCopy('project.open', { path: copy!.path });
    const theme = await inCopy('codes.create', { name: 'Donors' });
    await inCopy('codes.update', { id: access.id, name: 'Access to briefings' });
    await inCopy('segments.apply', { documentId: doc, codeId: theme.id, ...spanOf(TEXT, 'joint') });
    await inCopy('segments.apply', { documentId: doc, codeId: access.id, ...spanOf(TEXT, 'Why did you') });
    await inCopy('memos.create', { codeId: theme.id, body: 'Donors push for access.' });
    ben.close();

    const before = (await call('coders.list', {})).find((c) => c.name === 'Ben')!.segmentCount;
    const report = await call('team.merge', { from: copy!.path });
    expect(report.added).toMatchObject({ codes: 1, segments: 2, memos: 1, documents: 0 });
    expect(report.undoable).toBe(true);
    expect(fs.existsSync(report.backup)).toBe(true);
    expect(path.dirname(report.backup)).toBe(dir);
    expect(report.conflicts.map((c) => c.kind)).toEqual(['code_renamed']);
    expect(report.conflicts[0]!.message).toContain('"Access" is named "Access to briefings"');
    const coders = await call('coders.list', {});
    expect(coders.find((c) => c.name === 'Ben')!.segmentCount).toBe(before + 2);
    expect(coders.find((c) => c.name === 'Ana')!.segmentCount).toBe(2);

    const again = await call('team.merge', { from: copy!.path });
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    expect(again.alreadyPresent).toMatchObject({ segments: 2, memos: 1 });

    // One undo reverses the (first) merge: the second added nothing and recorded nothing.
    const undone = await call('undo.undo', {});
    expect(undone.label).toBe(`Merge ${path.basename(copy!.path)}`);
    expect((await call('codes.list', {})).map((c) => c.name).sort()).toEqual(['Access', 'Training']);
    expect((await call('coders.list', {})).find((c) => c.name === 'Ben')!.segmentCount).toBe(before);
    expect(session.coder).toBe('Ana');
  });

  it('keeps this project’s text for an edited document and leaves out segments that no longer fit', async () => {
    const { call, doc, access, session } = await codedStudy();
    const out = tempDir();
    const [copy] = await call('team.makeCopies', { coders: ['Ben'], folder: out, withoutSegments: true });
    const ben = trackSession(new Session('cli'));
    await invoke(ben, 'project.open', { path: copy!.path });
    await invoke(ben, 'segments.apply', {
      documentId: doc,
      codeId: access.id,
      ...spanOf(TEXT, 'contact NATO'),
    });
    await invoke(ben, 'segments.apply', {
      documentId: doc,
      codeId: access.id,
      ...spanOf(TEXT, 'joint training'),
    });
    // The text differs in the copy (as if re-imported differently): the end of line 3 changed.
    ben
      .requireProject()
      .db.prepare(
        "UPDATE documents SET text = replace(text, 'joint training', 'joint trainings'), content_hash = 'x' WHERE id = ?",
      )
      .run(doc);
    ben.close();
    session
      .requireProject()
      .db.prepare("UPDATE documents SET text = replace(text, 'joint', 'Joint') WHERE id = ?")
      .run(doc);
    const report = await call('team.merge', { from: copy!.path });
    expect(report.added.segments).toBe(1);
    expect(report.conflicts.map((c) => [c.kind, c.message])).toEqual([
      [
        'document_edited',
        'document "Interview 1" has a different text in the merged project: this project\'s text kept, and 1 of its segments there that no longer fit were left out',
      ],
    ]);
  });

  it('refuses to merge the project into itself, or a file that is not there', async () => {
    const { call, file, dir } = await codedStudy();
    await expect(call('team.merge', { from: file })).rejects.toThrow('is the open project itself');
    await expect(call('team.merge', { from: path.join(dir, 'none.passage') })).rejects.toThrow(
      'none.passage does not exist',
    );
  });
});
