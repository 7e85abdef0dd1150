import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import { insertDocument } from '../../electron/store/documents';
import { newProjectSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';
import { snapshot } from './importHelpers';

async function projectWithTwo() {
  const made = await newProjectSession();
  const { db } = made.session.requireProject();
  const a = insertDocument(db, {
    title: 'Interview 1',
    fileName: 'Interview 1.docx',
    format: 'docx',
    kind: 'interview',
    text: 'Q: Hello?\nA: Hi.\nQ: Bye?',
    turns: [
      { speaker: 'Q', startUtf16: 0, endUtf16: 9 },
      { speaker: 'A', startUtf16: 10, endUtf16: 16 },
      { speaker: 'Q', startUtf16: 17, endUtf16: 24 },
    ],
  });
  const b = insertDocument(db, { title: 'Report', fileName: 'report.pdf', format: 'pdf', text: 'Text.' });
  return { ...made, db, a, b };
}

describe('document metadata, attributes and speaker labels', () => {
  it('updates title, kind, date and author; the text never changes', async () => {
    const { session, a } = await projectWithTwo();
    const before = await invoke(session, 'documents.get', { id: a });
    const updated = await invoke(session, 'documents.update', {
      id: a,
      title: 'Maria (NGO)',
      kind: 'document',
      date: '2018-06',
      author: 'Field team',
    });
    expect(updated).toMatchObject({
      title: 'Maria (NGO)',
      kind: 'document',
      date: '2018-06',
      year: 2018,
      author: 'Field team',
    });
    const cleared = await invoke(session, 'documents.update', { id: a, date: null });
    expect(cleared).toMatchObject({ date: null, year: null, title: 'Maria (NGO)' });
    expect((await invoke(session, 'documents.get', { id: a })).text).toBe(before.text);
    const bad = await dispatch(session, 'documents.update', { id: a, date: '2018-13' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await dispatch(session, 'documents.update', { id: 77, title: 'x' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'document 77 does not exist' },
    });
    expect(await dispatch(session, 'documents.update', { id: a, participantId: 5 })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'participant 5 does not exist' },
    });
  });

  it('sets typed attributes, refuses values of the wrong type and lists them per document', async () => {
    const { session, db, a, b } = await projectWithTwo();
    await invoke(session, 'attributes.define', { name: 'Sector', type: 'text' });
    await invoke(session, 'attributes.define', { name: 'Age', type: 'number' });
    await invoke(session, 'attributes.set', { documentId: a, name: 'Sector', value: 'NGO' });
    const withAge = await invoke(session, 'attributes.set', { documentId: a, name: 'age', value: '41' });
    expect(withAge.attributes).toEqual({ Sector: 'NGO', Age: 41 });
    // A new attribute takes the type of its first value.
    await invoke(session, 'attributes.set', { documentId: b, name: 'Public', value: true });
    const before = snapshot(db);
    expect(await dispatch(session, 'attributes.set', { documentId: a, name: 'Age', value: 'forty' })).toEqual(
      {
        ok: false,
        error: { code: 'invalid_argument', message: 'Age: forty is not a number' },
      },
    );
    expect(await dispatch(session, 'attributes.define', { name: 'age', type: 'text' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(snapshot(db)).toBe(before);
    const list = await invoke(session, 'attributes.list', {});
    expect(list.map((d) => [d.name, d.type, d.usedBy])).toEqual([
      ['Age', 'number', 1],
      ['Public', 'boolean', 1],
      ['Sector', 'text', 1],
    ]);
    const docs = await invoke(session, 'documents.list', {});
    expect(docs.map((d) => d.attributes)).toEqual([{ Sector: 'NGO', Age: 41 }, { Public: true }]);
    const cleared = await invoke(session, 'attributes.set', { documentId: a, name: 'Sector', value: null });
    expect(cleared.attributes).toEqual({ Age: 41 });
    await invoke(session, 'attributes.delete', { id: list[0]!.id });
    expect((await invoke(session, 'documents.get', { id: a })).document.attributes).toEqual({});
  });

  it('imports attributes from a CSV keyed by file name or title, all or nothing', async () => {
    const { session, db, a, b } = await projectWithTwo();
    const dir = tempDir();
    const csv = path.join(dir, 'attrs.csv');
    fs.writeFileSync(
      csv,
      '\ufefffile;sector;age;consent\nInterview 1.docx;NGO;34;yes\nReport;State;;no\nmissing.txt;x;1;no\n',
    );
    const summary = await invoke(session, 'attributes.importCsv', { path: csv });
    expect(summary).toEqual({
      matched: 2,
      unmatched: ['missing.txt'],
      created: [
        { name: 'sector', type: 'text' },
        { name: 'age', type: 'number' },
        { name: 'consent', type: 'boolean' },
      ],
      valuesSet: 5,
    });
    const docs = await invoke(session, 'documents.list', {});
    expect(docs.find((d) => d.id === a)!.attributes).toEqual({ sector: 'NGO', age: 34, consent: true });
    expect(docs.find((d) => d.id === b)!.attributes).toEqual({ sector: 'State', consent: false });
    const before = snapshot(db);
    const bad = await dispatch(session, 'attributes.importCsv', {
      csv: 'title,age\nReport,12\nInterview 1,old\n',
    });
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'row 3, column age: old is not a number',
      },
    });
    expect(snapshot(db)).toBe(before);
    expect(
      await dispatch(session, 'attributes.importCsv', { path: path.join(dir, 'nope.csv') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('renames a speaker label in one document and deletes documents', async () => {
    const { session, a, b } = await projectWithTwo();
    // Q, A, Q: counted per label, in order of first appearance.
    expect(await invoke(session, 'turns.speakers', { documentId: a })).toEqual([
      { speaker: 'Q', turns: 2 },
      { speaker: 'A', turns: 1 },
    ]);
    const renamed = await invoke(session, 'turns.renameSpeaker', {
      documentId: a,
      from: 'Q',
      to: 'Interviewer',
    });
    expect(renamed.renamed).toBe(2);
    expect(renamed.turns.map((t) => t.speaker)).toEqual(['Interviewer', 'A', 'Interviewer']);
    expect(await invoke(session, 'turns.speakers', { documentId: a })).toEqual([
      { speaker: 'Interviewer', turns: 2 },
      { speaker: 'A', turns: 1 },
    ]);
    expect(await dispatch(session, 'turns.speakers', { documentId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await dispatch(session, 'turns.renameSpeaker', { documentId: a, from: 'Q', to: 'X' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: `document ${a} has no speaker Q` },
    });
    expect(await dispatch(session, 'documents.delete', { ids: [b, 999] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect((await invoke(session, 'documents.list', {})).length).toBe(2);
    expect(await invoke(session, 'documents.delete', { ids: [b] })).toMatchObject({ deleted: 1 });
    expect((await invoke(session, 'documents.list', {})).map((d) => d.id)).toEqual([a]);
  });
});
