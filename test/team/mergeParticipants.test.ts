import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Args, CallName, Results } from '../../shared/api/contract';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { addDocument, spanOf } from '../coding/fixture';
import { sample } from '../exchange/samples';
import { newProjectSession, trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

const TEXT = 'We needed access.\nWe ran joint training.\n';
const NEW_TEXT = 'A third interview, only in the copy.\n';
const NOW = '2026-12-04T10:00:00.000Z';

const addParticipant = (
  db: ReturnType<Session['requireProject']>['db'],
  label: string,
  categoryId: number | null = null,
) =>
  (
    db
      .prepare('INSERT INTO participants (label, category_id, created_at) VALUES (?, ?, ?) RETURNING id')
      .get(label, categoryId, NOW) as { id: number }
  ).id;

describe('merging participants, groups and attributes', () => {
  it('matches participants by GUID then label, and one undo removes all the merge created', async () => {
    const { session } = await newProjectSession('Ana');
    const call = <N extends CallName>(name: N, args: Args<N>): Promise<Results[N]> =>
      invoke(session, name, args);
    const db = session.requireProject().db;
    addDocument(db, 'Interview 1', TEXT);
    const access = await call('codes.create', { name: 'Access' });
    addParticipant(db, 'P02');
    const [copy] = await call('team.makeCopies', {
      coders: ['Ben'],
      folder: tempDir(),
      withoutSegments: true,
    });
    // Meanwhile, here: P03 added; in Ben's copy P03 too (another GUID), and P01 with a category.
    addParticipant(db, 'P03');

    const ben = trackSession(new Session('cli'));
    await invoke(ben, 'project.open', { path: copy!.path });
    const benDb = ben.requireProject().db;
    const category = (
      benDb.prepare("INSERT INTO participant_categories (name) VALUES ('Expert') RETURNING id").get() as {
        id: number;
      }
    ).id;
    const p01 = addParticipant(benDb, 'P01', category);
    addParticipant(benDb, 'p03');
    const fresh = addDocument(benDb, 'Interview 3', NEW_TEXT);
    benDb.prepare('UPDATE documents SET participant_id = ? WHERE id = ?').run(p01, fresh);
    const age = (
      benDb
        .prepare(
          "INSERT INTO attributes (scope, name, type) VALUES ('participant', 'age', 'number') RETURNING id",
        )
        .get() as { id: number }
    ).id;
    benDb.prepare("INSERT INTO participant_attribute_values VALUES (?, ?, '41')").run(p01, age);
    await invoke(ben, 'attributes.define', { name: 'region', type: 'text' });
    await invoke(ben, 'attributes.set', { documentId: fresh, name: 'region', value: 'east' });
    const group = await invoke(ben, 'documentGroups.create', { name: 'Wave 2' });
    await invoke(ben, 'documentGroups.addDocuments', { id: group.id, documentIds: [fresh] });
    await invoke(ben, 'segments.apply', {
      documentId: fresh,
      codeId: access.id,
      ...spanOf(NEW_TEXT, 'third'),
    });
    ben.close();

    const participants = () =>
      db
        .prepare(
          `SELECT p.label, c.name AS category, (SELECT group_concat(d.title) FROM documents d WHERE d.participant_id = p.id) AS documents,
             (SELECT group_concat(a.name || '=' || v.value) FROM participant_attribute_values v JOIN attributes a ON a.id = v.attribute_id
              WHERE v.participant_id = p.id) AS attributes
           FROM participants p LEFT JOIN participant_categories c ON c.id = p.category_id ORDER BY p.label`,
        )
        .all();
    const report = await call('team.merge', { from: copy!.path });
    expect(report.added).toMatchObject({ participants: 1, documents: 1, documentGroups: 1, attributes: 2 });
    expect(participants()).toEqual([
      { label: 'P01', category: 'Expert', documents: 'Interview 3', attributes: 'age=41' },
      { label: 'P02', category: null, documents: null, attributes: null },
      { label: 'P03', category: null, documents: null, attributes: null },
    ]);
    expect((await call('team.merge', { from: copy!.path })).added.participants).toBe(0);

    const names = (table: string) =>
      (db.prepare(`SELECT name FROM ${table} ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(names('document_groups')).toEqual(['Wave 2']);
    expect(names('attributes')).toEqual(['age', 'region']);
    expect((await call('undo.undo', {})).label).toBe(`Merge ${path.basename(copy!.path)}`);
    expect(participants().map((p) => (p as { label: string }).label)).toEqual(['P02', 'P03']);
    expect(names('document_groups')).toEqual([]);
    expect(names('attributes')).toEqual([]);
    expect(names('participant_categories')).toEqual([]);
    // And redo brings it all back.
    await call('undo.redo', {});
    expect(participants()).toHaveLength(3);
    expect(names('document_groups')).toEqual(['Wave 2']);
  });

  it('merges a .qdpx from another tool (QualCoder) the same way: once, undoably, its coders kept', async () => {
    const { session, file } = await newProjectSession('Ana');
    const call = <N extends CallName>(name: N, args: Args<N>): Promise<Results[N]> =>
      invoke(session, name, args);
    const qdpx = sample('qc-1.2.0/demo.qdpx');
    const report = await call('team.merge', { from: qdpx });
    expect(report.from).toBe(qdpx);
    expect(report.undoable).toBe(true);
    expect(report.added.documents).toBeGreaterThan(0);
    expect(report.added.segments).toBeGreaterThan(0);
    const coders = await call('coders.list', {});
    expect(coders.filter((c) => c.segmentCount > 0).map((c) => c.name)).not.toContain('Ana');
    const segments = (
      session.requireProject().db.prepare('SELECT count(*) AS n FROM segments').get() as { n: number }
    ).n;
    expect(segments).toBe(report.added.segments);
    // The same file again: everything is already here (the importer keeps the file's GUIDs).
    const again = await call('team.merge', { from: qdpx });
    expect(again.added.segments).toBe(0);
    expect(again.added.documents).toBe(0);
    // No temporary project is left beside the open one.
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.passage'))).toEqual([
      path.basename(file),
    ]);
    await call('undo.undo', {}); // the second merge recorded nothing: this undoes the first
    expect(
      (session.requireProject().db.prepare('SELECT count(*) AS n FROM segments').get() as { n: number }).n,
    ).toBe(0);
  });

  it('says so when a .qdpx cannot be read', async () => {
    const { session } = await newProjectSession('Ana');
    const broken = path.join(tempDir(), 'broken.qdpx');
    fs.writeFileSync(broken, 'not a zip');
    await expect(invoke(session, 'team.merge', { from: broken })).rejects.toThrow(/broken\.qdpx/);
  });
});
