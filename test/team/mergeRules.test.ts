import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCoder } from '../../electron/store/coders';
import { mergeProject } from '../../electron/team/merge';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { addDocument, spanOf } from '../coding/fixture';
import { newProjectSession, trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

const TEXT = 'We needed access.\nWe ran joint training.\n';
const NEW_TEXT = 'A third interview, only in the copy.\n';

describe('merge rules: groups, attributes, deletions since the copy', () => {
  it('brings groups, attribute values and new documents; follows the stated rules for deletions', async () => {
    const { session } = await newProjectSession('Ana');
    const call = <N extends Parameters<typeof invoke>[1]>(name: N, args: Parameters<typeof invoke<N>>[2]) =>
      invoke(session, name, args);
    const db = session.requireProject().db;
    const doc = addDocument(db, 'Interview 1', TEXT);
    const gone = addDocument(db, 'Interview 2', 'Deleted later here.\n');
    const access = await call('codes.create', { name: 'Access' });
    const unused = await call('codes.create', { name: 'Unused' });
    const applied = await call('codes.create', { name: 'Applied in copy' });
    await call('attributes.define', { name: 'region', type: 'text' });
    await call('attributes.set', { documentId: doc, name: 'region', value: 'north' });
    // Timestamps are compared as text: make the copy strictly later than everything above.
    await new Promise((r) => setTimeout(r, 5));
    const [copy] = await call('team.makeCopies', {
      coders: ['Ben'],
      folder: tempDir(),
      withoutSegments: true,
    });

    const ben = trackSession(new Session('cli'));
    await invoke(ben, 'project.open', { path: copy!.path });
    const benDb = ben.requireProject().db;
    const fresh = addDocument(benDb, 'Interview 3', NEW_TEXT);
    await invoke(ben, 'segments.apply', {
      documentId: fresh,
      codeId: access.id,
      ...spanOf(NEW_TEXT, 'third'),
    });
    await invoke(ben, 'segments.apply', { documentId: doc, codeId: applied.id, ...spanOf(TEXT, 'joint') });
    await invoke(ben, 'segments.apply', {
      documentId: gone,
      codeId: access.id,
      ...spanOf('Deleted later here.\n', 'Deleted'),
    });
    const group = await invoke(ben, 'documentGroups.create', { name: 'Wave 2' });
    await invoke(ben, 'documentGroups.addDocuments', { id: group.id, documentIds: [fresh, doc] });
    await invoke(ben, 'codeGroups.create', { name: 'Themes', codeIds: [access.id] });
    await invoke(ben, 'attributes.set', { documentId: doc, name: 'region', value: 'south' });
    await invoke(ben, 'attributes.set', { documentId: fresh, name: 'region', value: 'east' });
    ben.close();

    // Meanwhile, here: two codes and a document deleted.
    await call('codes.delete', { id: unused.id });
    await call('codes.delete', { id: applied.id });
    db.prepare('DELETE FROM documents WHERE id = ?').run(gone);

    const report = await call('team.merge', { from: copy!.path });
    expect(report.added).toMatchObject({
      documents: 2,
      codes: 1,
      codeGroups: 1,
      documentGroups: 1,
      segments: 3,
      attributeValues: 1,
    });
    expect(report.conflicts.map((c) => c.message).sort()).toEqual([
      'attribute "region" differs on 1 document(s) between the projects: this project\'s values kept',
      'code "Applied in copy" was deleted here after the copy was made; brought back because the merged project applied it',
      'code "Unused" was deleted here after the copy was made; left deleted',
      'document "Interview 2" was deleted here after the copy was made; brought back because the merged project coded it',
    ]);
    const groups = await call('documentGroups.list', {});
    const wave = groups.find((g) => g.name === 'Wave 2')!;
    expect((await call('documentGroups.documents', { id: wave.id })).length).toBe(2);
    expect((await call('codeGroups.list', {})).map((g) => g.name)).toEqual(['Themes']);
    const values = db
      .prepare(
        `SELECT d.title, v.value FROM document_attribute_values v JOIN documents d ON d.id = v.document_id ORDER BY d.title`,
      )
      .all();
    expect(values).toEqual([
      { title: 'Interview 1', value: 'north' },
      { title: 'Interview 3', value: 'east' },
    ]);
    // The brought-back document is whole: its text, and Ben's segment on it.
    const back = db.prepare("SELECT id, text FROM documents WHERE title = 'Interview 2'").get() as {
      id: number;
      text: string;
    };
    expect(back.text).toBe('Deleted later here.\n');
    expect(
      (await call('team.agreement', { coders: ['Ana', 'Ben'], unit: 'documents', documentGroupId: wave.id }))
        .documentCount,
    ).toBe(2);

    // One undo takes the whole merge back: documents, codes, segments, memberships and values.
    expect((await call('undo.undo', {})).label).toMatch(/^Merge /);
    const titles = db.prepare('SELECT title FROM documents ORDER BY title').pluck().all();
    expect(titles).toEqual(['Interview 1']);
    expect((await call('codes.list', {})).map((c) => c.name)).toEqual(['Access']);
    expect(db.prepare('SELECT count(*) FROM segments').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM document_group_members').pluck().get()).toBe(0);
    expect(db.prepare('SELECT value FROM document_attribute_values').pluck().all()).toEqual(['north']);
  });
});

describe('merging a project that is not a copy', () => {
  it('matches documents by content and codes by path, and keeps each coder’s segments apart', async () => {
    const text = 'The same transcript, imported twice.\n';
    const make = async (coder: string) => {
      const { session } = await newProjectSession(coder);
      const doc = addDocument(session.requireProject().db, 'Transcript', text);
      const parent = await invoke(session, 'codes.create', { name: 'Cooperation' });
      const child = await invoke(session, 'codes.create', { name: 'Formal', parentId: parent.id });
      await invoke(session, 'segments.apply', {
        documentId: doc,
        codeId: child.id,
        ...spanOf(text, 'same transcript'),
      });
      return { session, doc, child };
    };
    const ana = await make('Ana');
    const ben = await make('Ben');
    const from = ben.session.requireProject().path;
    ben.session.close();
    const report = await invoke(ana.session, 'team.merge', { from });
    expect(report.added).toMatchObject({ documents: 0, codes: 0, segments: 1, coders: 1 });
    expect(report.alreadyPresent).toMatchObject({ documents: 1, codes: 2 });
    const segments = await invoke(ana.session, 'segments.listByDocument', { documentId: ana.doc });
    expect(segments.map((s) => [s.coder, s.codeId, s.text])).toEqual([
      ['Ana', ana.child.id, 'same transcript'],
      ['Ben', ana.child.id, 'same transcript'],
    ]);
  });
});

/**
 * Ana's project and Ben's coding copy of it (made without segments), where Ben added `title` with
 * `text`, a code `codeName` and one segment of it on each of `words`: Ana's session and the copy.
 */
async function copyCodedByBen(title: string, text: string, codeName: string, words: readonly string[]) {
  const { session } = await newProjectSession('Ana');
  const [copy] = await invoke(session, 'team.makeCopies', {
    coders: ['Ben'],
    folder: tempDir(),
    withoutSegments: true,
  });
  const ben = trackSession(new Session('cli'));
  await invoke(ben, 'project.open', { path: copy!.path });
  const doc = addDocument(ben.requireProject().db, title, text);
  const code = await invoke(ben, 'codes.create', { name: codeName });
  for (const word of words)
    await invoke(ben, 'segments.apply', { documentId: doc, codeId: code.id, ...spanOf(text, word) });
  ben.close();
  return { session, copyPath: copy!.path };
}

describe('a merge too large to journal', () => {
  it('still writes everything in one transaction, says it cannot be undone, and names the backup', async () => {
    const { session, copyPath } = await copyCodedByBen('Interview 9', 'Only in the copy.\n', 'Only here', [
      'Only',
    ]);
    const project = session.requireProject();
    const report = await mergeProject(project, copyPath, ensureCoder(project.db, 'Ana'), {
      maxJournalledRows: 1,
    });
    expect(report).toMatchObject({ undoable: false, added: { documents: 1, codes: 1, segments: 1 } });
    expect(report.warnings[0]).toContain('too large to undo');
    expect(report.warnings[0]).toContain(path.basename(report.backup));
    expect((await invoke(session, 'undo.state', {})).undo).toBeNull();
    const again = await mergeProject(project, copyPath, ensureCoder(project.db, 'Ana'), {
      maxJournalledRows: 1,
    });
    expect(again.added).toMatchObject({ documents: 0, codes: 0, segments: 0 });
  });
});

describe('a merge of many segments', () => {
  it('counts them once after writing, and the counts stay right through its undo', async () => {
    const { session, copyPath } = await copyCodedByBen(
      'Interview 9',
      'We needed the NGOs for legitimacy and the council for money.\n',
      'Legitimacy',
      ['NGOs', 'legitimacy', 'council', 'money'],
    );
    const project = session.requireProject();
    const listed = async () => {
      const codes = await invoke(session, 'codes.list', {});
      const documents = await invoke(session, 'documents.list', {});
      const coders = await invoke(session, 'coders.list', {});
      return {
        codes: codes.map((c) => [c.name, c.segmentCount, c.documentCount]),
        documents: documents.map((d) => [d.title, d.segmentCount]),
        coders: coders.map((c) => [c.name, c.segmentCount]),
      };
    };
    const report = await mergeProject(project, copyPath, ensureCoder(project.db, 'Ana'), {
      bulkSegmentsFrom: 1,
    });
    expect(report.added.segments).toBe(4);
    const merged = await listed();
    expect(merged.codes).toContainEqual(['Legitimacy', 4, 1]);
    expect(merged.documents).toContainEqual(['Interview 9', 4]);
    expect(merged.coders).toContainEqual(['Ben', 4]);
    await invoke(session, 'undo.undo', {});
    const undone = await listed();
    expect(undone.codes.find((c) => c[0] === 'Legitimacy')).toBeUndefined();
    expect(undone.documents.find((d) => d[0] === 'Interview 9')).toBeUndefined();
    expect(undone.coders.find((c) => c[0] === 'Ben')?.[1] ?? 0).toBe(0);
  });
});
