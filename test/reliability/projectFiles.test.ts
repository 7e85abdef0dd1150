// Project-file faults not covered by test/store/openProject.test.ts (newer version, non-SQLite,
// read-only and locked files live there): a file used by two Passage sessions at once, and a full disk.
//
// Decision on the second instance: SQLite in WAL mode with busy_timeout (set by openProject) gives safe
// shared use — writers take turns, readers see each other's commits — so Passage does not refuse a file
// already open elsewhere. This test proves it rather than assuming it.
import { execFileSync } from 'node:child_process';
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { closeProject, openProject } from '../../electron/store/openProject';
import { insertDocument } from '../../electron/store/documents';
import { trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

const count = (db: Database.Database): number =>
  (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;

describe('a project open in two sessions', () => {
  it('lets both write, each sees the other’s rows, and the file stays intact', async () => {
    const file = path.join(tempDir(), 'shared.passage');
    closeProject(await openProject(file, { create: true }));
    const a = await openProject(file);
    const b = await openProject(file);
    try {
      for (let i = 0; i < 40; i++) {
        const writer = i % 2 === 0 ? a : b;
        const reader = i % 2 === 0 ? b : a;
        const id = insertDocument(writer.db, {
          title: `doc ${i}`,
          text: `text number ${i} from ${i % 2 ? 'b' : 'a'}`,
        });
        const seen = reader.db.prepare('SELECT title FROM documents WHERE id = ?').get(id) as {
          title: string;
        };
        expect(seen.title).toBe(`doc ${i}`);
      }
      expect(count(a.db)).toBe(40);
      expect(count(b.db)).toBe(40);
      // The FTS index written by both connections agrees with the rows.
      const hits = a.db
        .prepare("SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'number'")
        .get() as {
        n: number;
      };
      expect(hits.n).toBe(40);
    } finally {
      closeProject(a);
      closeProject(b);
    }
    const again = await openProject(file);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(count(again.db)).toBe(40);
    closeProject(again);
  });
});

function tryMountTmpfs(dir: string, size: string): string | null {
  if (process.getuid?.() !== 0) return 'not root: mounting a tmpfs needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount -t tmpfs failed: ${(error as Error).message.split('\n')[0]}`;
  }
}

describe('a project on a full disk', () => {
  it('fails an import that runs out of space with a clear message and leaves the project readable', async (ctx) => {
    const root = tempDir();
    const mountPoint = path.join(root, 'small-disk');
    fs.mkdirSync(mountPoint);
    const why = tryMountTmpfs(mountPoint, '3m');
    if (why) {
      console.log(`full-disk test skipped: ${why}`);
      ctx.skip();
      return;
    }
    try {
      process.env.PASSAGE_HOME = path.join(root, 'home');
      const session = trackSession(new Session('cli', { coder: 'tester' }));
      const file = path.join(mountPoint, 'study.passage');
      await invoke(session, 'project.create', { path: file });
      const small = path.join(root, 'small.txt');
      fs.writeFileSync(small, 'Interviewer: a first short document that fits.\n');
      const big = path.join(root, 'big.txt');
      // 4 MB of varied words: more than the disk holds once indexed.
      const words: string[] = [];
      for (let i = 0; i < 600_000; i++) words.push(`word${(i * 7919) % 100_003}`);
      fs.writeFileSync(big, words.join(' '));

      const first = await invoke(session, 'documents.import', { paths: [small] });
      const done = await session.jobs.wait(first.jobId);
      expect(done.state).toBe('done');
      const before = (await invoke(session, 'project.info', {}))!.counts.documents;
      expect(before).toBe(1);

      const second = await invoke(session, 'documents.import', { paths: [big] });
      const status = await session.jobs.wait(second.jobId);
      const message =
        status.state === 'done'
          ? ((status.result as { failed: { reason: string }[] }).failed[0]?.reason ?? 'imported')
          : (status.error ?? '');
      expect(message).toMatch(/full|space/i);
      session.close();

      const reopened = await openProject(file);
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(count(reopened.db)).toBe(1);
      closeProject(reopened);
    } finally {
      execFileSync('umount', ['-l', mountPoint]);
    }
  });
});
