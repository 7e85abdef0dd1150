// A project open in two Passage processes at once (two app windows, or the app and the CLI): both
// import and code in a loop on the same file, then both are killed. Passage's decision is safe shared
// use (WAL + busy_timeout, see projectFiles.test.ts), so both must have made progress, every action
// either reported as committed must be there, ids must never collide, and the file must be intact.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/store/openProject';
import { tempDir } from '../helpers/tmp';
import { buildCrashChild, createChildStudy, ROOT, runAndKill } from './crashChildRunner';

beforeAll(buildCrashChild);

const ids = (db: Database.Database, table: 'documents' | 'segments'): Set<number> =>
  new Set((db.prepare(`SELECT id FROM ${table}`).all() as { id: number }[]).map((r) => r.id));

describe('a project used by two processes at once', () => {
  it('keeps both processes’ committed work, with no clashes and an intact file', async () => {
    const dir = tempDir('passage-two-');
    const { file, filesDir, codeIds, session } = await createChildStudy(dir, ['Legitimacy', 'Coordination']);
    session.close();

    const args = [file, path.join(ROOT, 'migrations'), filesDir, codeIds.join(',')];
    const [a, b] = await Promise.all([runAndKill(args, 4000), runAndKill(args, 4000)]);
    for (const run of [a, b])
      expect(run.stderr, 'a child failed instead of waiting its turn').not.toMatch(/Error/);
    // Both made progress while the other was writing.
    expect(a.docs.length).toBeGreaterThan(2);
    expect(b.docs.length).toBeGreaterThan(2);
    // No id handed to both: each process's rows are its own.
    expect(a.docs.filter((id) => b.docs.includes(id))).toEqual([]);
    expect(a.segs.filter((id) => b.segs.includes(id))).toEqual([]);

    const project = await openProject(file);
    try {
      expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(project.db.pragma('foreign_key_check')).toEqual([]);
      const docs = ids(project.db, 'documents');
      const segs = ids(project.db, 'segments');
      for (const id of [...a.docs, ...b.docs]) expect(docs.has(id), `document ${id}`).toBe(true);
      for (const id of [...a.segs, ...b.segs]) expect(segs.has(id), `segment ${id}`).toBe(true);
      // The search index agrees with the rows both processes wrote.
      const indexed = project.db
        .prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'protection'")
        .get() as { n: number };
      expect(indexed.n).toBe(docs.size);
    } finally {
      closeProject(project);
    }
  });
});
