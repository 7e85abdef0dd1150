import { describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import { insertDocument } from '../../electron/store/documents';
import { newProjectSession } from '../helpers/session';

describe('documents store and calls', () => {
  it('insertDocument normalises text, counts words and documents.get returns turns and pages', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    // "e" + combining acute (2 units) becomes "é" (1 unit); CRLF becomes \n.
    const id = insertDocument(db, {
      title: 'Interview 1',
      kind: 'interview',
      text: 'Q: Cafe\u0301?\r\nA: Yes, non-governmental.',
      turns: [
        { speaker: 'Q', startUtf16: 0, endUtf16: 8 },
        { speaker: 'A', startUtf16: 9, endUtf16: 32 },
      ],
      pages: [{ page: 1, startUtf16: 0, endUtf16: 32 }],
      date: '2019-05',
    });
    const content = await invoke(session, 'documents.get', { id });
    expect(content.text).toBe('Q: Café?\nA: Yes, non-governmental.');
    expect(content.text.length).toBe(34);
    expect(content.document).toMatchObject({
      id,
      title: 'Interview 1',
      kind: 'interview',
      year: 2019,
      date: '2019-05',
      wordCount: 5, // Q, Café, A, Yes, non-governmental
      segmentCount: 0,
      attributes: {},
    });
    expect(content.turns.map((t) => [t.speaker, t.startUtf16, t.endUtf16])).toEqual([
      ['Q', 0, 8],
      ['A', 9, 32],
    ]);
    expect(content.pages).toEqual([{ page: 1, startUtf16: 0, endUtf16: 32 }]);
  });

  it('documents.get describes a long document as documents.list does, with its whole text', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    // Long enough to be stored across overflow pages, with the columns after it (date, author) set.
    const text = Array.from({ length: 4_000 }, (_, i) => `Paragraph ${i} about NGOs and civilians.`).join(
      '\n',
    );
    const id = insertDocument(db, {
      title: 'Long',
      kind: 'document',
      text,
      date: '2011-03-04',
      author: 'UN',
    });
    insertDocument(db, { title: 'Short', text: 'one two' });
    await invoke(session, 'attributes.define', { name: 'Region', type: 'text' });
    await invoke(session, 'attributes.set', { documentId: id, name: 'Region', value: 'Balkans' });
    const code = await invoke(session, 'codes.create', { name: 'Legitimacy' });
    await invoke(session, 'segments.apply', { documentId: id, codeId: code.id, startUtf16: 0, endUtf16: 9 });
    const content = await invoke(session, 'documents.get', { id });
    const listed = (await invoke(session, 'documents.list', {})).find((d) => d.id === id);
    expect(content.document).toEqual(listed);
    expect(content.document).toMatchObject({
      date: '2011-03-04',
      year: 2011,
      author: 'UN',
      segmentCount: 1,
      attributes: { Region: 'Balkans' },
    });
    expect(content.text).toBe(text);
  });

  it('documents.list filters by kind and title, and unknown ids are not_found', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    insertDocument(db, { title: 'Beta report', text: 'one two' });
    insertDocument(db, { title: 'alpha 50%', text: 'three', kind: 'interview' });
    insertDocument(db, { title: 'Gamma', text: 'four five six' });
    const all = await invoke(session, 'documents.list', {});
    expect(all.map((d) => d.title)).toEqual(['alpha 50%', 'Beta report', 'Gamma']);
    expect(all.map((d) => d.wordCount)).toEqual([1, 2, 3]);
    const interviews = await invoke(session, 'documents.list', { kind: 'interview' });
    expect(interviews.map((d) => d.title)).toEqual(['alpha 50%']);
    const like = await invoke(session, 'documents.list', { titleContains: '50%' });
    expect(like.map((d) => d.title)).toEqual(['alpha 50%']);
    const none = await invoke(session, 'documents.list', { titleContains: '_' });
    expect(none).toEqual([]);
    const missing = await dispatch(session, 'documents.get', { id: 999 });
    expect(missing).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'document 999 does not exist' },
    });
  });
});
