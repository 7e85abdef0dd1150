import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import type { DamageCheck } from '../../electron/store/damageCheck';
import { insertDocument } from '../../electron/store/documents';
import { closeProject, openProject } from '../../electron/store/openProject';
import { ProjectGuard } from '../../electron/store/projectHealth';
import { trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

const NOW = '2026-12-01T10:00:00.000Z';
const SEGMENTS = 3000;

/** A closed project with one document and enough segments to fill many b-tree pages. */
async function closedStudy(): Promise<string> {
  const file = path.join(tempDir(), 'study.passage');
  const project = await openProject(file, { create: true });
  const documentId = insertDocument(project.db, { title: 'Interview 1', text: 'word '.repeat(SEGMENTS * 2) });
  project.db.exec(`
    INSERT INTO coders (id, name, created_at) VALUES (1, 'ana', '${NOW}');
    INSERT INTO codes (id, name, color, position, created_at) VALUES (1, 'Trust', '#445566', 0, '${NOW}');`);
  const insert = project.db.prepare(
    `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
     VALUES (?, 1, ?, ?, 'word', 1, '${NOW}', '${NOW}')`,
  );
  project.db.transaction(() => {
    for (let i = 0; i < SEGMENTS; i++) insert.run(documentId, i * 2, i * 2 + 4);
  })();
  closeProject(project);
  return file;
}

/** Overwrites the header of a leaf page of the segments table in the middle, as a failing disk would. */
function damageSegmentsPage(file: string): void {
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'segments' AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all() as number[];
  db.close();
  const victim = leaves[Math.floor(leaves.length / 2)]!;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (victim - 1) * pageSize);
  fs.closeSync(fd);
}

/** A check whose verdict the test gives, so "a write before the verdict" happens for certain. */
function heldCheck(): DamageCheck & { give(problems: string[]): void; waited: number } {
  let verdict: string[] | null = null;
  let release: (problems: string[]) => void = () => {};
  const settled = new Promise<string[]>((resolve) => (release = resolve));
  const check = {
    waited: 0,
    poll: () => verdict,
    wait: () => {
      check.waited++;
      // What the real check does while blocked in Atomics.wait: the verdict arrives from the thread.
      if (verdict === null)
        check.give(['*** in database main ***', 'Tree 12 page 40: btree page is damaged']);
      return verdict!;
    },
    settled: () => settled,
    stop() {},
    give(problems: string[]) {
      verdict = problems;
      release(problems);
    },
  };
  return check;
}

const guardTriggers = (db: Database.Database) =>
  db
    .prepare("SELECT count(*) FROM temp.sqlite_schema WHERE type = 'trigger' AND name LIKE 'passage_guard_%'")
    .pluck()
    .get() as number;

describe('the damage check of a large project, in the background', () => {
  it('holds a write made before the verdict until it is in, and refuses it when the file is damaged', async () => {
    const file = await closedStudy();
    const project = await openProject(file);
    project.guard.stop();
    const check = heldCheck();
    const guard = new ProjectGuard(project.db, file, check);
    expect(guard.current()).toEqual({ state: 'ok' });
    expect(guardTriggers(project.db)).toBeGreaterThan(0);

    expect(() => project.db.exec("UPDATE codes SET name = 'Flood' WHERE id = 1")).toThrow(
      /^study\.passage is damaged \(\*\*\* in database main \*\*\* and 1 more problem\(s\)\)\. Passage will not write to it\./,
    );
    expect(check.waited).toBe(1);
    expect(project.db.prepare('SELECT name FROM codes WHERE id = 1').pluck().get()).toBe('Trust');
    expect(await guard.checked()).toMatchObject({ state: 'damaged' });
    guard.stop();
    closeProject(project);
  });

  it('lets writes through once the file is found sound, and then takes its triggers away', async () => {
    const file = await closedStudy();
    const project = await openProject(file);
    project.guard.stop();
    const check = heldCheck();
    const guard = new ProjectGuard(project.db, file, check);
    check.give([]);
    project.db.exec("UPDATE codes SET name = 'Flood' WHERE id = 1");
    expect(project.db.prepare('SELECT name FROM codes WHERE id = 1').pluck().get()).toBe('Flood');
    expect(await guard.checked()).toEqual({ state: 'ok' });
    // Sound files do not pay a trigger on every row written.
    expect(guardTriggers(project.db)).toBe(0);
    guard.stop();
    closeProject(project);
  });

  it('finds damage in a worker thread and refuses writes, leaving the file byte for byte as it was', async () => {
    const file = await closedStudy();
    damageSegmentsPage(file);
    const before = fs.readFileSync(file);
    const project = await openProject(file, { checkInBackgroundFrom: 0 });
    expect(() => project.db.exec("UPDATE codes SET name = 'Flood' WHERE id = 1")).toThrow(/is damaged/);
    const health = await project.guard.checked();
    expect(health).toMatchObject({
      state: 'damaged',
      problems: expect.arrayContaining([expect.any(String)]),
    });
    expect(project.db.prepare('SELECT name FROM codes WHERE id = 1').pluck().get()).toBe('Trust');
    closeProject(project);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('finds a sound file sound in a worker thread, and writes go on', async () => {
    const file = await closedStudy();
    const project = await openProject(file, { checkInBackgroundFrom: 0 });
    project.db.exec("UPDATE codes SET name = 'Flood' WHERE id = 1");
    expect(await project.guard.checked()).toEqual({ state: 'ok' });
    project.guard.refresh();
    expect(guardTriggers(project.db)).toBe(0);
    closeProject(project);
  });

  it("answers the app's health poll at once while checking, and a CLI check with the verdict", async () => {
    const file = await closedStudy();
    process.env.PASSAGE_HOME = path.join(path.dirname(file), 'home');
    const app = trackSession(new Session('http', { coder: 'ana' }));
    const cli = trackSession(new Session('cli', { coder: 'ana' }));
    const held = new Map<Session, ReturnType<typeof heldCheck>>();
    for (const session of [app, cli]) {
      await invoke(session, 'project.open', { path: file });
      const project = session.requireProject();
      project.guard.stop();
      const check = heldCheck();
      held.set(session, check);
      project.guard = new ProjectGuard(project.db, file, check);
    }
    // Polled every 3 s by the app: waiting here would pile requests up behind the check.
    expect(await invoke(app, 'project.health', {})).toEqual({ state: 'ok' });
    const cliHealth = invoke(cli, 'project.health', {});
    held.get(cli)!.give(['Tree 12 page 40: btree page is damaged']);
    expect(await cliHealth).toMatchObject({
      state: 'damaged',
      problems: ['Tree 12 page 40: btree page is damaged'],
    });
    for (const check of held.values()) check.give([]);
  });
});
