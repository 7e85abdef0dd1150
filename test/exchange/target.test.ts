/**
 * Where a REFI-QDA export may go: the shared export target safety, and an atomic write.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCodebook, exportRefiProject } from '../../electron/exchange/exportProject';
import { closeProject, openProject } from '../../electron/store/openProject';
import { tempDir } from '../helpers/tmp';
import { buildProject, snapshot, type ProjectSpec } from './fixture';

const SPEC: ProjectSpec = {
  coders: ['anna'],
  participants: [],
  documents: [{ title: 'Interview 1', raw: 'We talked about the funding gap.\n' }],
  codes: [{ name: 'Funding', parent: -1, color: '#cc3333', description: '' }],
  segments: [{ document: 0, code: 0, coder: 0, a: 20, b: 31, memo: '' }],
  memos: [],
  codeGroups: [],
  documentGroups: [],
  attributes: [],
};

// The project's own -wal/-shm companions may stay after reading it; only other files count.
const filesIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => !/-(wal|shm)$/.test(f))
    .sort();

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function withProject<T>(file: string, fn: (db: Awaited<ReturnType<typeof openProject>>) => Promise<T>) {
  const project = await openProject(file);
  try {
    return await fn(project);
  } finally {
    closeProject(project);
  }
}

describe('REFI-QDA export target', () => {
  it('refuses to write over the open project, even with --force, and leaves the project intact', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.passage');
    await buildProject(file, SPEC);
    const before = snapshot(file);
    await withProject(file, async (project) => {
      const bytes = digest(file);
      await expect(exportRefiProject(project.db, file, file, true)).rejects.toThrow(
        /study\.passage is the open project/,
      );
      await expect(exportCodebook(project.db, file, file, true)).rejects.toThrow(
        /study\.passage is the open project/,
      );
      // Through another name for the same file (a hard link named like an export).
      fs.linkSync(file, path.join(dir, 'linked.qdpx'));
      await expect(exportRefiProject(project.db, file, path.join(dir, 'linked.qdpx'), true)).rejects.toThrow(
        /linked\.qdpx is the open project/,
      );
      expect(digest(file)).toBe(bytes);
    });
    expect(snapshot(file)).toEqual(before);
    expect(filesIn(dir)).toEqual(['linked.qdpx', 'study.passage']);
  });

  it('writes only files named .qdpx / .qdc, replaces one only with --force, and never over a database', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'study.passage');
    await buildProject(file, SPEC);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    fs.copyFileSync(file, path.join(dir, 'backup.qdpx'));
    await withProject(file, async (project) => {
      await expect(exportRefiProject(project.db, file, path.join(dir, 'notes.txt'), true)).rejects.toThrow(
        /notes\.txt does not end in \.qdpx/,
      );
      await expect(exportRefiProject(project.db, file, path.join(dir, 'backup.qdpx'), true)).rejects.toThrow(
        /backup\.qdpx is a database/,
      );
      const out = path.join(dir, 'out.qdpx');
      const first = await exportRefiProject(project.db, file, out, false);
      expect(first.file).toBe(out);
      await expect(exportRefiProject(project.db, file, out, false)).rejects.toThrow(
        /out\.qdpx already exists/,
      );
      expect((await exportRefiProject(project.db, file, out, true)).bytes).toBe(fs.statSync(out).size);
      await expect(exportCodebook(project.db, file, path.join(dir, 'codes.qdpx'), false)).rejects.toThrow(
        /codes\.qdpx does not end in \.qdc/,
      );
    });
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    // No temp file is left beside the target.
    expect(filesIn(dir)).toEqual(['backup.qdpx', 'notes.txt', 'out.qdpx', 'study.passage']);
  });
});
