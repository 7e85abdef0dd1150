import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import { closeProject, openProject } from '../../electron/store/openProject';
import { insertDocument } from '../../electron/store/documents';
import { migrationsUpTo, versionBefore } from '../helpers/migrations';
import { newProjectSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';
import { addDocs } from './corpus';

const NGOS = 'Non-governmental organisations (NGOs) helped. The NGO sector was organising itself.';
const NGO = 'I trust the NGO.';
const OTHER = 'Nothing about them here.';

describe('search by word forms (English stemming)', () => {
  it('finds "NGOs" for "NGO" by default, marks the whole word form, and says which matching was used', async () => {
    const { session } = await newProjectSession();
    const [d1, d2] = addDocs(session.requireProject().db, [NGOS, NGO, OTHER]);
    const stemmed = await invoke(session, 'search.run', { query: 'NGO' });
    expect(stemmed.stemming).toBe(true);
    expect(stemmed.matching).toBe('Matching word forms (English stemming)');
    expect(stemmed.items.map((i) => i.documentId).sort()).toEqual([d1, d2]);
    const first = stemmed.items.find((i) => i.documentId === d1)!;
    expect(first.hitCount).toBe(2);
    const marked = first.snippets.flatMap((s) => s.highlights.map((h) => s.text.slice(h.start, h.end)));
    expect(marked).toEqual(['NGOs', 'NGO']);
    expect(first.firstHit).toEqual({ startUtf16: NGOS.indexOf('NGOs'), endUtf16: NGOS.indexOf('NGOs') + 4 });

    const exact = await invoke(session, 'search.run', { query: 'NGO', stemming: false });
    expect(exact.stemming).toBe(false);
    expect(exact.matching).toBe('Exact words');
    expect(exact.items.map((i) => i.documentId).sort()).toEqual([d1, d2]);
    expect(exact.items.find((i) => i.documentId === d1)!.hitCount).toBe(1);
    expect(await invoke(session, 'search.documentIds', { query: 'organisation', stemming: false })).toEqual(
      [],
    );
    expect(await invoke(session, 'search.documentIds', { query: 'organisation' })).toEqual([d1]);
  });

  it('gives the reader exact offsets of word forms, also after emoji, and keeps phrases and NOT', async () => {
    const { session } = await newProjectSession();
    const text = '👩🏽‍🔬 The NGOs said: civilian casualties. Another casualty.';
    const [d1, d2] = addDocs(session.requireProject().db, [text, 'Russia and the NGO.']);
    const { hits } = await invoke(session, 'search.hitsInDocument', {
      documentId: d1,
      query: 'ngo OR casualty',
    });
    expect(hits.map((h) => text.slice(h.startUtf16, h.endUtf16))).toEqual(['NGOs', 'casualties', 'casualty']);
    const phrase = await invoke(session, 'search.hitsInDocument', {
      documentId: d1,
      query: '"civilian casualty"',
    });
    expect(phrase.hits.map((h) => text.slice(h.startUtf16, h.endUtf16))).toEqual(['civilian casualties']);
    expect(await invoke(session, 'search.documentIds', { query: 'ngo NOT russia' })).toEqual([d1]);
    expect(await invoke(session, 'search.documentIds', { query: 'ngo' })).toEqual([d1, d2]);
    // A document that does not match the whole query still shows where its terms are.
    const partial = await invoke(session, 'search.hitsInDocument', {
      documentId: d2,
      query: 'ngo AND casualty',
    });
    expect(partial.hits).toEqual([{ startUtf16: 15, endUtf16: 18 }]);
  });

  it('auto-codes word forms too', async () => {
    const { session } = await newProjectSession();
    addDocs(session.requireProject().db, [NGOS]);
    const preview = await invoke(session, 'autocode.preview', { query: 'ngo', unit: 'hit', codeName: 'NGO' });
    expect(preview.hits).toBe(2);
    const exact = await invoke(session, 'autocode.preview', {
      query: 'ngo',
      stemming: false,
      unit: 'hit',
      codeName: 'NGO',
    });
    expect(exact.hits).toBe(1);
    expect(await dispatch(session, 'search.run', { query: 'ngo', stemming: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
  });

  it('indexes the documents of a project made before the stemmed index, and keeps it up to date', async () => {
    const file = path.join(tempDir(), 'study.passage');
    const before = versionBefore(140);
    const old = await openProject(file, { create: true, migrationsDir: migrationsUpTo(before) });
    expect(old.schemaVersion).toBe(before);
    const id = insertDocument(old.db, { title: 'Old', text: NGOS });
    closeProject(old);

    const project = await openProject(file);
    const stemmed = (match: string): number[] =>
      (
        project.db
          .prepare('SELECT rowid AS id FROM documents_fts_stem WHERE documents_fts_stem MATCH ?')
          .all(match) as {
          id: number;
        }[]
      ).map((r) => r.id);
    expect(stemmed('organise')).toEqual([id]);
    project.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run('Casualties were high.', id);
    expect(stemmed('organise')).toEqual([]);
    expect(stemmed('casualty')).toEqual([id]);
    const second = insertDocument(project.db, { title: 'New', text: 'A casualty.' });
    expect(stemmed('casualty')).toEqual([id, second]);
    project.db.prepare('DELETE FROM documents WHERE id = ?').run(second);
    expect(stemmed('casualty')).toEqual([id]);
    closeProject(project);
  });
});
