import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { insertDocument, LIST_DOCUMENTS_SQL } from '../../electron/store/documents';
import { latestVersion } from '../../electron/store/migrations';
import { closeProject, openProject } from '../../electron/store/openProject';
import { migrationsUpTo, versionBefore } from '../helpers/migrations';
import { trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

const NOW = '2026-12-01T10:00:00.000Z';

/** Each document's segments counted from the segments themselves, as the list must show them. */
function countedSegments(db: Database.Database): Record<number, number> {
  const rows = db
    .prepare(
      'SELECT d.id, (SELECT count(*) FROM segments s WHERE s.document_id = d.id) AS n FROM documents d ORDER BY d.id',
    )
    .all() as { id: number; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.n]));
}

async function listed(session: Session): Promise<Record<number, number>> {
  const documents = await invoke(session, 'documents.list', {});
  return Object.fromEntries(documents.map((d) => [d.id, d.segmentCount]));
}

/** A project at the schema before 0150 with three documents (one uncoded) and six segments. */
async function projectBeforeDocumentList(): Promise<string> {
  const file = path.join(tempDir(), 'study.passage');
  const before = versionBefore(150);
  const old = await openProject(file, { create: true, migrationsDir: migrationsUpTo(before) });
  expect(old.schemaVersion).toBe(before);
  const documents = [
    [1, 'Interview 2', 'interview', '2019-05-01'],
    [2, 'interview 10', 'interview', null],
    [3, 'Annual report', 'document', '2021-01-31'],
  ] as const;
  const insertDocument = old.db.prepare(
    `INSERT INTO documents (id, title, kind, file_name, format, content_hash, text, date, word_count, imported_at)
     VALUES (?, ?, ?, 'f.txt', 'txt', ?, 'We needed the NGOs for legitimacy and the council for money.', ?, 11, '${NOW}')`,
  );
  for (const [id, title, kind, date] of documents) insertDocument.run(id, title, kind, `h${id}`, date);
  old.db.exec(`
    INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', '${NOW}');
    INSERT INTO codes (id, name, color, position, created_at) VALUES (1, 'Legitimacy', '#445566', 0, '${NOW}'),
      (2, 'Money', '#665544', 1, '${NOW}');`);
  const insertSegment = old.db.prepare(
    `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'x', 1, '${NOW}', '${NOW}')`,
  );
  for (const [documentId, codeId, start] of [
    [1, 1, 0],
    [1, 2, 3],
    [1, 1, 14],
    [1, 2, 30],
    [3, 1, 0],
    [3, 2, 14],
  ] as const)
    insertSegment.run(documentId, codeId, start, start + 4);
  closeProject(old);
  return file;
}

describe('the documents list after migration 0150', () => {
  it('migrates a populated project, listing the same documents and counts as before', async () => {
    const file = await projectBeforeDocumentList();
    const session = trackSession(new Session('cli', { coder: 'ana' }));
    await invoke(session, 'project.open', { path: file });
    const { db } = session.requireProject();
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    const documents = await invoke(session, 'documents.list', {});
    expect(documents.map((d) => [d.title, d.segmentCount, d.year])).toEqual([
      ['Annual report', 2, 2021],
      ['interview 10', 0, null],
      ['Interview 2', 4, 2019],
    ]);
    expect(await invoke(session, 'documents.get', { id: 1 })).toMatchObject({
      document: { segmentCount: 4, year: 2019 },
    });
    expect(await listed(session)).toEqual(countedSegments(db));
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps the counts as segments are applied, removed, undone, and documents deleted and restored', async () => {
    const file = await projectBeforeDocumentList();
    const session = trackSession(new Session('cli', { coder: 'ana' }));
    await invoke(session, 'project.open', { path: file });
    const { db } = session.requireProject();
    const applied = await invoke(session, 'segments.apply', {
      documentId: 2,
      codeId: 1,
      startUtf16: 3,
      endUtf16: 9,
    });
    expect((await listed(session))[2]).toBe(1);
    await invoke(session, 'segments.remove', { id: applied.id });
    expect((await listed(session))[2]).toBe(0);
    await invoke(session, 'undo.undo', {});
    expect((await listed(session))[2]).toBe(1);

    await invoke(session, 'documents.delete', { ids: [1] });
    expect(await listed(session)).toEqual({ 2: 1, 3: 2 });
    expect(
      db.prepare('SELECT count(*) FROM document_segment_counts WHERE document_id = 1').pluck().get(),
    ).toBe(0);
    await invoke(session, 'undo.undo', {});
    expect(await listed(session)).toEqual({ 1: 4, 2: 1, 3: 2 });
    expect(await listed(session)).toEqual(countedSegments(db));
  });

  it("keeps each coder's count and the project's segment count with the segments (0160)", async () => {
    const file = await projectBeforeDocumentList();
    const session = trackSession(new Session('cli', { coder: 'bea' }));
    await invoke(session, 'project.open', { path: file });
    const { db } = session.requireProject();
    const coders = async () =>
      Object.fromEntries((await invoke(session, 'coders.list', {})).map((c) => [c.name, c.segmentCount]));
    const segments = async () => (await invoke(session, 'project.info', {}))?.counts.segments;
    expect(await coders()).toEqual({ ana: 6, bea: 0 });
    expect(await segments()).toBe(6);

    await invoke(session, 'segments.apply', { documentId: 2, codeId: 1, startUtf16: 3, endUtf16: 9 });
    expect(await coders()).toEqual({ ana: 6, bea: 1 });
    expect(await segments()).toBe(7);
    await invoke(session, 'documents.delete', { ids: [1] });
    expect(await coders()).toEqual({ ana: 2, bea: 1 });
    expect(await segments()).toBe(3);
    await invoke(session, 'undo.undo', {});
    expect(await coders()).toEqual({ ana: 6, bea: 1 });
    expect(await segments()).toBe(db.prepare('SELECT count(*) FROM segments').pluck().get());
  });

  it('reads only the documents_list index and the counts, never a document row or the segments', async () => {
    const project = await openProject(path.join(tempDir(), 'study.passage'), { create: true });
    const plan = (
      project.db
        .prepare(`EXPLAIN QUERY PLAN ${LIST_DOCUMENTS_SQL}`)
        .all({ kind: null, groupId: null, titleLike: null, limit: -1, offset: 0 }) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan).toContain('SCAN d USING COVERING INDEX documents_list');
    expect(plan.join('\n')).not.toMatch(/segments|TEMP B-TREE/);
    closeProject(project);
  });

  it('counts only the segments a recovery could read from a damaged file', async () => {
    const file = path.join(tempDir(), 'study.passage');
    const project = await openProject(file, { create: true });
    const text = 'word '.repeat(4000);
    const ids = [1, 2].map((n) => insertDocument(project.db, { title: `Interview ${n}`, text }));
    project.db.exec(`
      INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', '${NOW}');
      INSERT INTO codes (id, name, color, position, created_at) VALUES (1, 'Trust', '#445566', 0, '${NOW}');`);
    const insert = project.db.prepare(
      `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
       VALUES (?, 1, ?, ?, 'word', 1, '${NOW}', '${NOW}')`,
    );
    project.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(ids[i % 2], i * 2, i * 2 + 4);
    })();
    closeProject(project);
    // A leaf page of the segments table in the middle, overwritten as a failing disk would.
    const raw = new Database(file);
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    const leaves = raw
      .prepare("SELECT pageno FROM dbstat WHERE name = 'segments' AND pagetype = 'leaf' ORDER BY pageno")
      .pluck()
      .all() as number[];
    raw.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (leaves[Math.floor(leaves.length / 2)]! - 1) * pageSize);
    fs.closeSync(fd);

    const session = trackSession(new Session('cli', { coder: 'ana' }));
    await invoke(session, 'project.open', { path: file });
    const target = path.join(path.dirname(file), 'recovered.passage');
    const report = await invoke(session, 'project.recover', { path: target, open: true });
    expect(report.lost).toBeGreaterThan(0);
    const { db } = session.requireProject();
    expect(session.requireProject().path).toBe(target);
    const counts = await listed(session);
    expect(counts[1]! + counts[2]!).toBe(3000 - report.lost);
    expect(counts).toEqual(countedSegments(db));
  });
});
