import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { LIST_CODES_SQL } from '../../electron/store/codes';
import { openProject } from '../../electron/store/openProject';
import { migrationsUpTo, versionBefore } from '../helpers/migrations';
import { trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

const NOW = '2026-12-01T10:00:00.000Z';

/** Each code's segments and documents counted from the segments themselves, as the codebook must show. */
function counted(db: Database.Database): Record<string, [number, number]> {
  const rows = db
    .prepare(
      `SELECT c.name, (SELECT count(*) FROM segments s WHERE s.code_id = c.id) AS segments,
         (SELECT count(DISTINCT s.document_id) FROM segments s WHERE s.code_id = c.id) AS documents
       FROM codes c ORDER BY c.id`,
    )
    .all() as { name: string; segments: number; documents: number }[];
  return Object.fromEntries(rows.map((r) => [r.name, [r.segments, r.documents]]));
}

async function listed(session: Session): Promise<Record<string, [number, number]>> {
  const codes = await invoke(session, 'codes.list', {});
  return Object.fromEntries(codes.map((c) => [c.name, [c.segmentCount, c.documentCount]]));
}

/** A project at the schema before 0170: two documents, three codes (one unused), five segments. */
async function projectBeforeCodeCounts(): Promise<string> {
  const file = path.join(tempDir(), 'study.passage');
  const before = versionBefore(170);
  const old = await openProject(file, { create: true, migrationsDir: migrationsUpTo(before) });
  expect(old.schemaVersion).toBe(before);
  const insertDocument = old.db.prepare(
    `INSERT INTO documents (id, title, kind, file_name, format, content_hash, text, word_count, imported_at)
     VALUES (?, ?, 'interview', 'f.txt', 'txt', ?, 'We needed the NGOs for legitimacy and the council for money.', 11, '${NOW}')`,
  );
  for (const id of [1, 2]) insertDocument.run(id, `Interview ${id}`, `h${id}`);
  old.db.exec(`
    INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', '${NOW}');
    INSERT INTO codes (id, name, color, position, created_at) VALUES (1, 'Legitimacy', '#445566', 0, '${NOW}'),
      (2, 'Money', '#665544', 1, '${NOW}'), (3, 'Trust', '#556644', 2, '${NOW}');`);
  const insertSegment = old.db.prepare(
    `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'x', 1, '${NOW}', '${NOW}')`,
  );
  for (const [documentId, codeId, start] of [
    [1, 1, 0],
    [1, 1, 14],
    [2, 1, 0],
    [1, 2, 30],
    [2, 2, 30],
  ] as const) {
    insertSegment.run(documentId, codeId, start, start + 5);
  }
  old.db.close();
  return file;
}

describe('code counts kept by triggers (migration 0170)', () => {
  it('migrates a populated project with the counts its segments give, and keeps them through every change', async () => {
    const file = await projectBeforeCodeCounts();
    const session = trackSession(new Session('cli', { coder: 'bea' }));
    await invoke(session, 'project.open', { path: file });
    const { db } = session.requireProject();
    const expectCounts = async (expected: Record<string, [number, number]>) => {
      expect(await listed(session)).toEqual(expected);
      expect(expected).toEqual(counted(db));
    };
    await expectCounts({ Legitimacy: [3, 2], Money: [2, 2], Trust: [0, 0] });

    const applied = await invoke(session, 'segments.apply', {
      documentId: 2,
      codeId: 3,
      startUtf16: 3,
      endUtf16: 9,
    });
    await expectCounts({ Legitimacy: [3, 2], Money: [2, 2], Trust: [1, 1] });
    await invoke(session, 'segments.recode', { id: applied.id, codeId: 2 });
    await expectCounts({ Legitimacy: [3, 2], Money: [3, 2], Trust: [0, 0] });
    await invoke(session, 'codes.merge', { sourceId: 2, targetId: 1 });
    await expectCounts({ Legitimacy: [6, 2], Trust: [0, 0] });
    await invoke(session, 'undo.undo', {});
    await expectCounts({ Legitimacy: [3, 2], Money: [3, 2], Trust: [0, 0] });
    await invoke(session, 'documents.delete', { ids: [1] });
    await expectCounts({ Legitimacy: [1, 1], Money: [2, 1], Trust: [0, 0] });
    await invoke(session, 'undo.undo', {});
    await expectCounts({ Legitimacy: [3, 2], Money: [3, 2], Trust: [0, 0] });
    await invoke(session, 'codes.delete', { id: 1 });
    await expectCounts({ Money: [3, 2], Trust: [0, 0] });
    await invoke(session, 'undo.undo', {});
    await expectCounts({ Legitimacy: [3, 2], Money: [3, 2], Trust: [0, 0] });
    await invoke(session, 'segments.remove', { id: applied.id });
    await expectCounts({ Legitimacy: [3, 2], Money: [2, 2], Trust: [0, 0] });
  });

  it('reads the counts table, never the segments, for the codebook', async () => {
    const project = await openProject(path.join(tempDir(), 'study.passage'), { create: true });
    const plan = (project.db.prepare(`EXPLAIN QUERY PLAN ${LIST_CODES_SQL}`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    // n is code_document_counts, s would be segments (the plan names aliases, not tables).
    expect(plan).toContain('SEARCH n USING PRIMARY KEY (code_id=?)');
    expect(plan).not.toMatch(/SEARCH s |segments/);
    project.db.close();
  });
});
