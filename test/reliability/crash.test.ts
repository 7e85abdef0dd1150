// Crash during work: a child process imports and codes in a loop (crashChild.ts) and is killed with
// SIGKILL at random moments, 22 times. After every kill the project must open, pass integrity checks,
// hold every action the child reported as committed, hold nothing half-written, and keep its undo
// journal and pre-migration backups consistent.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/store/openProject';
import { MAX_ENTRIES } from '../../electron/store/undo';
import { normaliseText } from '../../shared/text/normalise';
import { tempDir } from '../helpers/tmp';
import { buildCrashChild, createChildStudy, ROOT, runAndKill } from './crashChildRunner';

const KILLS = 22;

beforeAll(buildCrashChild);

/** Deterministic kill moments, so a failure can be replayed. */
function delays(count: number): number[] {
  let state = 12345;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 30 + (state % 3000);
  });
}

describe('SIGKILL during import and coding', () => {
  it(`loses nothing committed and half-writes nothing over ${KILLS} kills`, async () => {
    const dir = tempDir('passage-crash-');
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(migrations);
    for (const f of fs.readdirSync(path.join(ROOT, 'migrations')))
      fs.copyFileSync(path.join(ROOT, 'migrations', f), path.join(migrations, f));
    const { file, filesDir, codeIds, session } = await createChildStudy(dir, [
      'Legitimacy',
      'Civilian harm',
      'Coordination',
    ]);
    const { db: setupDb } = session.requireProject();
    const baseVersion = setupDb.pragma('user_version', { simple: true }) as number;
    const setupEntries = (setupDb.prepare('SELECT count(*) AS n FROM undo_entries').get() as { n: number }).n;
    session.close();
    // A pending migration: the first child open backs the file up and migrates, under the kills too.
    fs.writeFileSync(
      path.join(migrations, '9990_crash_probe.sql'),
      'CREATE TABLE crash_probe (id INTEGER PRIMARY KEY) STRICT;',
    );

    const reportedDocs = new Set<number>();
    const reportedSegs = new Set<number>();
    let childErrors = '';
    const backups = new Set<string>();
    for (const delay of delays(KILLS)) {
      const run = await runAndKill([file, migrations, filesDir, codeIds.join(',')], delay);
      run.docs.forEach((id) => reportedDocs.add(id));
      run.segs.forEach((id) => reportedSegs.add(id));
      if (run.stderr.trim()) childErrors += run.stderr;

      const project = await openProject(file, { migrationsDir: migrations });
      const { db } = project;
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        db.prepare("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')").run();
        const docs = db.prepare('SELECT id, file_name AS fileName, text FROM documents').all() as {
          id: number;
          fileName: string;
          text: string;
        }[];
        const docIds = new Set(docs.map((d) => d.id));
        for (const id of reportedDocs) expect(docIds.has(id), `document ${id}`).toBe(true);
        for (const d of docs) {
          const source = normaliseText(fs.readFileSync(path.join(filesDir, d.fileName), 'utf8'));
          expect(d.text, `document ${d.id} text`).toBe(source);
        }
        const badTurns = db
          .prepare(
            `SELECT count(*) AS n FROM turns t JOIN documents d ON d.id = t.document_id
             WHERE t.end_utf16 > length(d.text) OR t.start_utf16 < 0`,
          )
          .get() as { n: number };
        expect(badTurns.n).toBe(0);
        const interviews = db
          .prepare(
            `SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM turns t WHERE t.document_id = d.id)`,
          )
          .get() as { n: number };
        expect(interviews.n, 'documents imported without their turns').toBe(0);
        const segs = db
          .prepare(
            `SELECT s.id, s.text = substr(d.text, s.start_utf16 + 1, s.end_utf16 - s.start_utf16) AS intact
             FROM segments s JOIN documents d ON d.id = s.document_id`,
          )
          .all() as { id: number; intact: number }[];
        expect(segs.every((s) => s.intact === 1)).toBe(true);
        const segIds = new Set(segs.map((s) => s.id));
        for (const id of reportedSegs) expect(segIds.has(id), `segment ${id}`).toBe(true);
        // Every coding action committed with its journal entry, never one without the other.
        const entries = (db.prepare('SELECT count(*) AS n FROM undo_entries').get() as { n: number }).n;
        // (The journal keeps each coder's last MAX_ENTRIES actions; the setup's codes are another coder's.)
        expect(entries).toBe(setupEntries + Math.min(MAX_ENTRIES, segs.length));
      } finally {
        closeProject(project);
      }
      for (const backup of fs.readdirSync(dir).filter((f) => f.endsWith('.backup'))) {
        backups.add(backup);
        const copy = new Database(path.join(dir, backup), { readonly: true });
        try {
          expect(copy.pragma('integrity_check', { simple: true }), backup).toBe('ok');
          expect(copy.pragma('user_version', { simple: true })).toBe(baseVersion);
          expect((copy.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n).toBe(3);
        } finally {
          copy.close();
        }
      }
    }
    expect(childErrors).toBe('');
    expect(backups.size, 'the pre-migration backup was written').toBeGreaterThan(0);
    // The kills landed during real work, not only at start-up.
    expect(reportedDocs.size).toBeGreaterThan(10);
    expect(reportedSegs.size).toBeGreaterThan(10);
  }, 240_000);
});
