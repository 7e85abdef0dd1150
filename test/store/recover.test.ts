import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { projectCommands } from '../../electron/cli/commands/project';
import type { Output } from '../../electron/cli/output';
import { insertDocument } from '../../electron/store/documents';
import { newProjectSession, trackSession } from '../helpers/session';

const SEGMENTS = 3000;

/** A closed project with two documents, three codes and enough segments to fill many b-tree pages. */
async function closedStudy() {
  const { session, file, dir } = await newProjectSession();
  const { db } = session.requireProject();
  const text = 'word '.repeat(SEGMENTS * 2);
  const documents = [1, 2].map((n) => insertDocument(db, { title: `Interview ${n}`, text }));
  const codes: { id: number }[] = [];
  for (const name of ['Trust', 'Flood', 'Council'])
    codes.push(await invoke(session, 'codes.create', { name }));
  const coderId = db.prepare('SELECT id FROM coders LIMIT 1').pluck().get() as number;
  const insert = db.prepare(
    `INSERT INTO segments (document_id, code_id, start_utf16, end_utf16, text, coder_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'word', ?, '2026-01-01', '2026-01-01')`,
  );
  db.transaction(() => {
    for (let i = 0; i < SEGMENTS; i++)
      insert.run(documents[i % 2], codes[i % 3]!.id, i * 2, i * 2 + 4, coderId);
  })();
  session.close();
  return { file, dir };
}

/** Overwrites the header of one leaf page of the segments table in the middle; returns its row count. */
function damageSegmentsPage(file: string): number {
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = db
    .prepare("SELECT pageno, ncell FROM dbstat WHERE name = 'segments' AND pagetype = 'leaf' ORDER BY pageno")
    .all() as { pageno: number; ncell: number }[];
  db.close();
  expect(leaves.length).toBeGreaterThan(10);
  const victim = leaves[Math.floor(leaves.length / 2)]!;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (victim.pageno - 1) * pageSize);
  fs.closeSync(fd);
  return victim.ncell;
}

async function openInSession(file: string): Promise<Session> {
  const session = trackSession(new Session('cli', { coder: 'tester' }));
  await invoke(session, 'project.open', { path: file });
  return session;
}

function capture(): { out: Output; printed: unknown[] } {
  const printed: unknown[] = [];
  return { out: { json: true, print: (value) => printed.push(value) }, printed };
}

describe('a damaged project', () => {
  it('opens to read, refuses writes with a plain message, and recovers its readable rows into a new file', async () => {
    const { file, dir } = await closedStudy();
    const unreadable = damageSegmentsPage(file);
    const damagedBytes = fs.readFileSync(file);

    const session = await openInSession(file);
    const health = await invoke(session, 'project.health', {});
    expect(health).toMatchObject({ state: 'damaged' });
    const write = await dispatch(session, 'codes.create', { name: 'Housing' });
    expect(write.ok ? null : write.error).toEqual({
      code: 'project_damaged',
      message: expect.stringMatching(/^study\.passage is damaged \(.+\)\. Passage will not write to it\./),
    });
    expect((await invoke(session, 'codes.list', {})).map((c) => c.name).sort()).toEqual([
      'Council',
      'Flood',
      'Trust',
    ]);

    // A page-for-page copy would carry the damage along: only recovery is offered.
    const copy = await dispatch(session, 'project.saveCopy', { path: path.join(dir, 'copy.passage') });
    expect(copy.ok ? null : copy.error.code).toBe('project_damaged');
    expect(fs.existsSync(path.join(dir, 'copy.passage'))).toBe(false);

    const target = path.join(dir, 'recovered.passage');
    const report = await invoke(session, 'project.recover', { path: target });
    const segments = report.tables.find((t) => t.table === 'segments')!;
    expect(segments).toEqual({
      table: 'segments',
      recovered: SEGMENTS - unreadable,
      lost: unreadable,
      unreadable: [],
    });
    expect(report.tables.find((t) => t.table === 'documents')).toMatchObject({ recovered: 2, lost: 0 });
    expect(report.lost).toBe(unreadable);
    session.close();
    // Recovery only reads the damaged file.
    expect(fs.readFileSync(file).equals(damagedBytes)).toBe(true);

    const recovered = await openInSession(target);
    expect(await invoke(recovered, 'project.health', {})).toEqual({ state: 'ok' });
    expect(await invoke(recovered, 'project.info', {})).toMatchObject({
      counts: { documents: 2, codes: 3, segments: SEGMENTS - unreadable },
    });
    // Full-text search is rebuilt from the recovered documents, and the new file takes writes.
    const { db } = recovered.requireProject();
    expect(
      db.prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'word'").pluck().get(),
    ).toBe(2);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    await invoke(recovered, 'codes.create', { name: 'Housing' });
    // AUTOINCREMENT counters carried over: a new segment never takes a lost segment's id.
    const next = await invoke(recovered, 'segments.apply', {
      documentId: 1,
      codeId: 1,
      startUtf16: 20_000,
      endUtf16: 20_004,
    });
    expect(next.id).toBeGreaterThan(SEGMENTS);
  });

  it('drops rows left pointing at lost rows, following their ON DELETE rule, and counts them lost', async () => {
    const { file, dir } = await closedStudy();
    // Damage the documents table's only leaf: both documents' rows are lost, and with them their segments.
    const db = new Database(file);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const page = db
      .prepare("SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf'")
      .pluck()
      .all() as number[];
    db.close();
    const fd = fs.openSync(file, 'r+');
    for (const p of page) fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (p - 1) * pageSize);
    fs.closeSync(fd);

    const session = await openInSession(file);
    const report = await invoke(session, 'project.recover', {
      path: path.join(dir, 'out.passage'),
      open: true,
    });
    expect(report.tables.find((t) => t.table === 'segments')).toMatchObject({ recovered: 0, lost: SEGMENTS });
    expect(report.tables.find((t) => t.table === 'codes')).toMatchObject({ recovered: 3, lost: 0 });
    expect(report.opened?.counts).toMatchObject({ documents: 0, segments: 0, codes: 3 });
  });

  it('is reported by `passage project FILE check` and recovered by `… recover OUT`', async () => {
    const { file, dir } = await closedStudy();
    const command = projectCommands.find((c) => c.name === 'project')!;
    const sound = capture();
    await command.run({ session: trackSession(new Session('cli')), out: sound.out, argv: [file, 'check'] });
    expect(sound.printed).toEqual([{ state: 'ok' }]);

    const unreadable = damageSegmentsPage(file);
    const check = command.run({
      session: trackSession(new Session('cli')),
      out: capture().out,
      argv: [file, 'check'],
    });
    await expect(check).rejects.toMatchObject({
      code: 'project_damaged',
      message: expect.stringContaining('study.passage is damaged'),
    });

    const out = path.join(dir, 'rescued.passage');
    const recover = capture();
    await command.run({
      session: trackSession(new Session('cli')),
      out: recover.out,
      argv: [file, 'recover', out],
    });
    expect(recover.printed[0]).toMatchObject({ path: out, lost: unreadable });
    const again = command.run({
      session: trackSession(new Session('cli')),
      out: capture().out,
      argv: [file, 'recover', out],
    });
    await expect(again).rejects.toMatchObject({
      code: 'conflict',
      message: 'recover: rescued.passage already exists — choose a new file',
    });
  });

  it('names the id ranges it could not read when no index can count the lost rows', async () => {
    const { file, dir } = await closedStudy();
    const db = new Database(file);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const indexPages = db
      .prepare(
        "SELECT pageno FROM dbstat WHERE name IN (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'segments')",
      )
      .pluck()
      .all() as number[];
    const leaves = db
      .prepare("SELECT pageno FROM dbstat WHERE name = 'segments' AND pagetype = 'leaf' ORDER BY pageno")
      .pluck()
      .all() as number[];
    const victim = leaves[Math.floor(leaves.length / 2)]!;
    const ids = db.prepare('SELECT id FROM segments ORDER BY id').pluck().all() as number[];
    const onVictim = db.prepare('SELECT ncell FROM dbstat WHERE pageno = ?').pluck().get(victim) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    for (const p of [...indexPages, victim])
      fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (p - 1) * pageSize);
    fs.closeSync(fd);

    const session = await openInSession(file);
    const report = await invoke(session, 'project.recover', { path: path.join(dir, 'out.passage') });
    const segments = report.tables.find((t) => t.table === 'segments')!;
    expect(segments.recovered).toBe(SEGMENTS - onVictim);
    expect(segments.unreadable).toHaveLength(1);
    const [from, to] = /^ids (\d+)–(\d+)$/.exec(segments.unreadable[0]!)!.slice(1).map(Number) as [
      number,
      number,
    ];
    expect(to - from + 1).toBe(onVictim);
    expect(ids).toContain(from);
  });

  it('a sound project takes writes as before', async () => {
    const { file } = await closedStudy();
    const session = await openInSession(file);
    expect(await invoke(session, 'project.health', {})).toEqual({ state: 'ok' });
    await invoke(session, 'codes.create', { name: 'Housing' });
    // The write guard's triggers are installed only once something is wrong: a sound file pays nothing.
    const { db } = session.requireProject();
    expect(db.prepare("SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger'").pluck().get()).toBe(
      0,
    );
  });
});
