import { describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import { newProjectSession } from '../helpers/session';
import { addDocs } from './corpus';

describe('document groups through the API', () => {
  it('creates, renames, adds, removes, lists with counts and deletes (documents stay)', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    const [a, b, c] = addDocs(db, ['alpha', 'beta', 'gamma']);
    const g = await invoke(session, 'documentGroups.create', { name: 'Speeches' });
    expect(g).toMatchObject({ name: 'Speeches', documentCount: 0, query: null });
    expect(
      await invoke(session, 'documentGroups.addDocuments', { id: g.id, documentIds: [a!, b!] }),
    ).toMatchObject({
      documentCount: 2,
    });
    // Adding again changes nothing; a document may be in many groups.
    await invoke(session, 'documentGroups.addDocuments', { id: g.id, documentIds: [b!, c!] });
    const h = await invoke(session, 'documentGroups.create', { name: 'All', documentIds: [a!, b!, c!] });
    expect((await invoke(session, 'documentGroups.list', {})).map((x) => [x.name, x.documentCount])).toEqual([
      ['All', 3],
      ['Speeches', 3],
    ]);
    expect(
      await invoke(session, 'documentGroups.removeDocuments', { id: g.id, documentIds: [a!] }),
    ).toMatchObject({
      documentCount: 2,
    });
    expect((await invoke(session, 'documentGroups.documents', { id: g.id })).map((d) => d.id)).toEqual([
      b,
      c,
    ]);
    expect(
      await invoke(session, 'documentGroups.rename', { id: g.id, name: 'Policy speeches' }),
    ).toMatchObject({
      name: 'Policy speeches',
    });
    expect(await dispatch(session, 'documentGroups.rename', { id: g.id, name: 'all' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'A document group named all already exists' },
    });
    expect(await dispatch(session, 'documentGroups.create', { name: ' ALL ' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'A document group named ALL already exists' },
    });
    expect(await invoke(session, 'documentGroups.delete', { id: h.id })).toBeNull();
    expect((await invoke(session, 'documentGroups.list', {})).map((x) => x.name)).toEqual([
      'Policy speeches',
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 3 });
    expect(await dispatch(session, 'documentGroups.delete', { id: h.id })).toEqual({
      ok: false,
      error: { code: 'not_found', message: `document group ${h.id} does not exist` },
    });
  });

  it('unknown documents fail the whole call and write nothing', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    const [a] = addDocs(db, ['alpha']);
    expect(await dispatch(session, 'documentGroups.create', { name: 'X', documentIds: [a!, 4242] })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'document 4242 does not exist' },
    });
    expect(await invoke(session, 'documentGroups.list', {})).toEqual([]);
  });

  it('saves search results as a group with the query and its count', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    // 7 documents; NGO or the phrase in 4 of them (1, 2, 4, 6), by hand.
    const ids = addDocs(db, [
      'The NGO met the minister.',
      'A non-governmental organisation wrote.',
      'Governmental organisation only.',
      'ngo funding and NGOs.',
      'Nothing here.',
      'Non-Governmental Organisation report.',
      { text: 'Another NGO.', kind: 'interview' },
    ]);
    const query = 'NGO OR "non-governmental organisation"';
    const group = await invoke(session, 'documentGroups.createFromSearch', {
      name: 'NGOs',
      query,
      filters: { kind: 'document' },
    });
    expect(group).toMatchObject({ name: 'NGOs', query, documentCount: 4 });
    expect(
      (await invoke(session, 'documentGroups.documents', { id: group.id }))
        .map((d) => d.id)
        .sort((x, y) => x - y),
    ).toEqual([ids[0], ids[1], ids[3], ids[5]]);
    const all = await invoke(session, 'documentGroups.createFromSearch', { name: 'NGOs all', query });
    expect(all.documentCount).toBe(5);
  });
});
