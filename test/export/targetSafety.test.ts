import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportFormat, ExportResult } from '../../shared/api/export';
import { withFormatExtension } from '../../shared/export/targetName';
import { exportCommands } from '../../electron/cli/commands/export';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';
import { seededProject } from './helpers/project';

const command = exportCommands.find((c) => c.name === 'export')!;

async function passageExport(argv: string[]): Promise<ExportResult> {
  const session = trackSession(new Session('cli', { coder: 'cli' }));
  let printed: unknown;
  await command.run({ session, argv, out: { json: true, print: (value) => (printed = value) } });
  return printed as ExportResult;
}

/** export.start through the contract, waiting for the job; rejects with the call's error. */
async function exportVia(
  session: Session,
  groupId: number,
  target: string,
  { format = 'csv', overwrite }: { format?: ExportFormat; overwrite?: boolean } = {},
): Promise<ExportResult> {
  const { jobId } = await invoke(session, 'export.start', {
    options: { codeGroupIds: [groupId] },
    format,
    target,
    ...(overwrite === undefined ? {} : { overwrite }),
  });
  const status = await session.jobs.wait(jobId);
  if (status.state !== 'done') throw new Error(`export ${status.state}: ${status.error}`);
  return status.result as ExportResult;
}

const snapshot = (file: string) => ({ bytes: fs.readFileSync(file), mode: fs.statSync(file).mode & 0o777 });

/** What the project holds, read through a fresh session: it must still open with its data. */
async function segmentCount(file: string): Promise<number> {
  const session = trackSession(new Session('cli', { coder: 'check' }));
  await invoke(session, 'project.open', { path: file });
  const report = await invoke(session, 'reports.frequencies', { filters: {} });
  return report.rows.reduce((n, r) => n + r.segments, 0);
}

const savedHome = process.env.HOME;
afterEach(() => {
  process.env.HOME = savedHome;
});

describe('an export never overwrites the project or its companions', () => {
  it('refuses `passage export s.passage csv s.passage`, with or without --force, and the project still opens', async () => {
    const { session, file } = await seededProject();
    session.close();
    const before = await segmentCount(file);
    expect(before).toBeGreaterThan(0);
    for (const extra of [[], ['--force']])
      await expect(passageExport([file, 'csv', file, '--codes', 'Trust', ...extra])).rejects.toThrow(
        'export: study.passage is the open project — an export never replaces it; choose another name',
      );
    const dotted = path.join(path.dirname(file), 'x', '..', 'study.passage');
    await expect(passageExport([file, 'csv', dotted, '--codes', 'Trust'])).rejects.toThrow(/open project/);
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(await segmentCount(file)).toBe(before);
  });

  it('refuses the -wal, a symlink and a hard link to the project, and a backup, even with overwrite', async () => {
    const { session, dir, file, groupId } = await seededProject();
    const backup = `${file}.v70-2026-01-01T00-00-00-000Z.backup`;
    await session.requireProject().db.backup(backup);
    const backupCopy = path.join(dir, 'old results.csv');
    fs.copyFileSync(backup, backupCopy);
    const symlink = path.join(dir, 'link.csv');
    fs.symlinkSync(file, symlink);
    const hardLink = path.join(dir, 'hard.csv');
    fs.linkSync(file, hardLink);
    const cases: [string, RegExp][] = [
      [`${file}-wal`, /study\.passage-wal is part of the open project/],
      [`${file}-shm`, /study\.passage-shm is part of the open project/],
      [symlink, /link\.csv is the open project/],
      [hardLink, /hard\.csv is the open project/],
      [backup, /\.backup is a database \(a Passage project or a backup of one\)/],
      [backupCopy, /old results\.csv is a database/],
    ];
    const before = snapshot(backup);
    for (const [target, message] of cases)
      for (const overwrite of [undefined, true])
        await expect(exportVia(session, groupId, target, { overwrite })).rejects.toThrow(message);
    expect(fs.readlinkSync(symlink)).toBe(file);
    expect(snapshot(backup)).toEqual(before);
    expect(fs.readFileSync(backupCopy).equals(before.bytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    session.close();
    expect(await segmentCount(file)).toBeGreaterThan(0);
  });

  it('refuses the identity key (and any copy of one) and keeps its bytes and its 0600 mode', async () => {
    const { session, dir, groupId } = await seededProject();
    const status = await invoke(session, 'sample.identity.create', { passphrase: 'correct horse battery' });
    const key = status.path;
    const before = snapshot(key);
    expect(before.mode).toBe(0o600);
    const copy = path.join(dir, 'names.csv');
    fs.copyFileSync(key, copy);
    for (const overwrite of [undefined, true]) {
      await expect(exportVia(session, groupId, key, { overwrite })).rejects.toThrow(
        "export: study.identity is the project's identity key — an export never replaces it",
      );
      await expect(exportVia(session, groupId, copy, { overwrite })).rejects.toThrow(
        'export: names.csv is an identity key',
      );
    }
    expect(snapshot(key)).toEqual(before);
    expect(fs.readFileSync(copy).equals(before.bytes)).toBe(true);
  });
});

describe('an existing file is replaced only when confirmed', () => {
  it('refuses an existing file with a conflict, replaces it with overwrite and keeps its mode', async () => {
    const { session, dir, groupId } = await seededProject();
    const target = path.join(dir, 'appendix.csv');
    fs.writeFileSync(target, 'previous version');
    fs.chmodSync(target, 0o640);
    const refused = exportVia(session, groupId, target);
    await expect(refused).rejects.toThrow(
      'export: appendix.csv already exists — choose another name or pass --force to replace it',
    );
    await expect(refused).rejects.toMatchObject({ code: 'conflict' });
    expect(fs.readFileSync(target, 'utf8')).toBe('previous version');

    const result = await exportVia(session, groupId, target, { overwrite: true });
    expect(result.path).toBe(target);
    expect(fs.readFileSync(target, 'utf8')).toContain('code group');
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
  });

  it('the CLI replaces an existing file only with --force', async () => {
    const { session, dir, file } = await seededProject();
    session.close();
    const target = path.join(dir, 'trust.csv');
    fs.writeFileSync(target, 'previous version');
    await expect(passageExport([file, 'csv', target, '--codes', 'Trust'])).rejects.toThrow(
      'export: trust.csv already exists — choose another name or pass --force to replace it',
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('previous version');
    const result = await passageExport([file, 'csv', target, '--codes', 'Trust', '--force']);
    expect(result.quotes).toBe(2);
    expect(fs.readFileSync(target, 'utf8')).toContain('Trust');
  });

  it('refuses a target without the format’s extension, naming it, and writes nothing', async () => {
    const { session, dir, groupId } = await seededProject();
    await expect(exportVia(session, groupId, path.join(dir, 'notes.txt'))).rejects.toThrow(
      'export: notes.txt does not end in .csv — a CSV export must be named *.csv',
    );
    await expect(exportVia(session, groupId, path.join(dir, 'appendix'), { format: 'docx' })).rejects.toThrow(
      'export: appendix does not end in .docx',
    );
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'appendix'))).toBe(false);
  });
});

describe('a relative target', () => {
  it('lands in the folder of the last export from the app, never in the process working folder', async () => {
    const { session, dir, file, groupId } = await seededProject();
    session.close();
    const app = trackSession(new Session('http', { coder: 'ana' }));
    await invoke(app, 'project.open', { path: file });
    const chosen = path.join(dir, 'chosen folder');
    fs.mkdirSync(chosen);
    await exportVia(app, groupId, path.join(chosen, 'first.csv'));
    const name = `relative-${path.basename(dir)}.csv`;
    try {
      const result = await exportVia(app, groupId, name);
      expect(result.path).toBe(path.join(chosen, name));
      expect(fs.existsSync(path.join(chosen, name))).toBe(true);
    } finally {
      expect(fs.existsSync(path.resolve(process.cwd(), name))).toBe(false);
      fs.rmSync(path.resolve(process.cwd(), name), { force: true });
    }
  });

  it('lands in the documents folder when no export was made yet', async () => {
    const { session, groupId } = await seededProject();
    const home = tempDir();
    fs.mkdirSync(path.join(home, 'Documents'));
    process.env.HOME = home;
    const name = `fresh-${path.basename(home)}.csv`;
    try {
      const result = await exportVia(session, groupId, name);
      expect(result.path).toBe(path.join(home, 'Documents', name));
    } finally {
      expect(fs.existsSync(path.resolve(process.cwd(), name))).toBe(false);
      fs.rmSync(path.resolve(process.cwd(), name), { force: true });
    }
  });
});

/** A 256 KB tmpfs, or null where mounting is not allowed (not root). */
function smallDisk(): string | null {
  const mount = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount], { stdio: 'ignore' });
    return mount;
  } catch {
    return null;
  }
}

describe('a full disk', () => {
  it('leaves the old file and no temp file behind', async (context) => {
    const disk = smallDisk();
    if (!disk) return context.skip();
    try {
      const { session, groupId } = await seededProject();
      const target = path.join(disk, 'appendix.docx');
      fs.writeFileSync(target, 'previous version');
      // Fill the rest of the disk.
      const filler = fs.openSync(path.join(disk, 'filler'), 'w');
      try {
        for (;;) fs.writeSync(filler, Buffer.alloc(4096, 1));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        fs.closeSync(filler);
      }
      await expect(exportVia(session, groupId, target, { format: 'docx', overwrite: true })).rejects.toThrow(
        'cannot write appendix.docx: the disk is full',
      );
      expect(fs.readdirSync(disk).sort()).toEqual(['appendix.docx', 'filler']);
      expect(fs.readFileSync(target, 'utf8')).toBe('previous version');
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});

// Kept apart so a reader sees the SQLite check does not depend on our own files' names.
describe('content check', () => {
  it('refuses any SQLite database, whatever its name', async () => {
    const { session, dir, groupId } = await seededProject();
    const other = path.join(dir, 'survey.csv');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = fs.readFileSync(other);
    for (const overwrite of [undefined, true])
      await expect(exportVia(session, groupId, other, { overwrite })).rejects.toThrow(
        'export: survey.csv is a database',
      );
    expect(fs.readFileSync(other).equals(before)).toBe(true);
  });
});

describe('the dialog’s extension rule', () => {
  it('keeps the right extension, swaps another format’s, adds it otherwise', () => {
    expect(withFormatExtension('/d/appendix.docx', 'docx')).toBe('/d/appendix.docx');
    expect(withFormatExtension('/d/Appendix.DOCX', 'docx')).toBe('/d/Appendix.DOCX');
    expect(withFormatExtension('/d/appendix.docx', 'csv')).toBe('/d/appendix.csv');
    expect(withFormatExtension('/d/notes.markdown', 'md')).toBe('/d/notes.markdown');
    expect(withFormatExtension('/d/notes', 'md')).toBe('/d/notes.md');
    expect(withFormatExtension('/d/notes.txt', 'csv')).toBe('/d/notes.txt.csv');
    expect(withFormatExtension('/d/study.passage', 'csv')).toBe('/d/study.passage.csv');
    expect(withFormatExtension('C:\\d\\notes.', 'tsv')).toBe('C:\\d\\notes.tsv');
    expect(withFormatExtension('/d/.csv', 'csv')).toBe('/d/.csv.csv');
    expect(withFormatExtension('/d/', 'csv')).toBe('/d/');
  });
});
