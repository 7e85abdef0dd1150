import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { newProjectSession } from '../helpers/session';
import { seedLarge } from './helpers/large';
import { exportedFiles, exportTo, seededProject } from './helpers/project';
import { unzipText } from './helpers/reader';

describe('export job: bad cases and the target file', () => {
  it('refuses an export with no codes selected, and writes nothing', async () => {
    const { session, dir } = await seededProject();
    const target = path.join(dir, 'none.docx');
    await expect(
      invoke(session, 'export.start', { options: { codeIds: [] }, format: 'docx', target }),
    ).rejects.toThrow(/export: no codes selected/);
    const outline = await invoke(session, 'export.outline', { options: {} });
    expect(outline.problems[0]).toMatch(/no codes selected/);
    expect(exportedFiles(dir)).toEqual([]);
  });

  it('refuses an export when nothing matches the filters', async () => {
    const { session, dir, groupId } = await seededProject();
    const target = path.join(dir, 'empty.csv');
    // The seeded documents are from 2016 and 2017.
    const options = { codeGroupIds: [groupId], filters: { yearFrom: 2020 } };
    await expect(invoke(session, 'export.start', { options, format: 'csv', target })).rejects.toThrow(
      /export: nothing matches the filters/,
    );
    const outline = await invoke(session, 'export.outline', { options });
    expect(outline.quotes).toBe(0);
    expect(exportedFiles(dir)).toEqual([]);
  });

  it('names a read-only folder and a read-only target, and leaves both untouched', async () => {
    const { session, dir, groupId } = await seededProject();
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o555);
    const options = { codeGroupIds: [groupId] };
    await expect(
      invoke(session, 'export.start', { options, format: 'docx', target: path.join(locked, 'a.docx') }),
    ).rejects.toThrow(/export: cannot write a\.docx: the folder .*locked is read-only/);
    expect(fs.readdirSync(locked)).toEqual([]);

    const existing = path.join(dir, 'old.docx');
    fs.writeFileSync(existing, 'previous version');
    fs.chmodSync(existing, 0o444);
    await expect(
      invoke(session, 'export.start', { options, format: 'docx', target: existing, overwrite: true }),
    ).rejects.toThrow(/old\.docx: the file is read-only/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('previous version');
  });

  it('keeps the old file when the folder turns read-only mid-export', async () => {
    const { session, dir, groupId } = await seededProject();
    const folder = path.join(dir, 'out');
    fs.mkdirSync(folder);
    const target = path.join(folder, 'appendix.docx');
    fs.writeFileSync(target, 'previous version');
    const { jobId } = await invoke(session, 'export.start', {
      options: { codeGroupIds: [groupId] },
      format: 'docx',
      target,
      overwrite: true,
    });
    fs.chmodSync(folder, 0o555);
    const status = await session.jobs.wait(jobId);
    fs.chmodSync(folder, 0o755);
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/cannot write appendix\.docx: the folder .* is read-only/);
    expect(fs.readdirSync(folder)).toEqual(['appendix.docx']);
    expect(fs.readFileSync(target, 'utf8')).toBe('previous version');
  });

  it('exports 5,000 quotes as a job with progress, answering polls meanwhile', async () => {
    const { session, dir } = await newProjectSession();
    const { codeId } = seedLarge(session.requireProject().db, 5000);
    const target = path.join(dir, 'large.docx');
    const { jobId } = await invoke(session, 'export.start', {
      options: { codeIds: [codeId] },
      format: 'docx',
      target,
    });
    const seen = new Set<number>();
    for (;;) {
      const status = await invoke(session, 'jobs.status', { id: jobId });
      if (status.state !== 'running') {
        expect(status.state).toBe('done');
        break;
      }
      expect([0, 5000]).toContain(status.total);
      seen.add(status.done);
      await new Promise((r) => setTimeout(r, 5));
    }
    // Polls were answered while quotes were being written, not only before and after.
    expect([...seen].filter((d) => d > 0 && d < 5000).length).toBeGreaterThan(1);
    const xml = (await unzipText(target)).get('word/document.xml')!;
    expect(xml.split('<w:pStyle w:val="Quote"/>').length - 1).toBe(5000);
    expect(xml).toContain('Sentence 4999 about legitimacy and trust, ça va 🙂. (Interview 1)');
  });

  it('leaves no file at all when cancelled mid-export', async () => {
    const { session, dir } = await newProjectSession();
    const { codeId } = seedLarge(session.requireProject().db, 5000);
    const target = path.join(dir, 'cancelled.docx');
    const { jobId } = await invoke(session, 'export.start', {
      options: { codeIds: [codeId] },
      format: 'docx',
      target,
    });
    for (;;) {
      const status = await invoke(session, 'jobs.status', { id: jobId });
      if (status.done > 0 || status.state !== 'running') break;
      await new Promise((r) => setImmediate(r));
    }
    await invoke(session, 'jobs.cancel', { id: jobId });
    const status = await session.jobs.wait(jobId);
    expect(status.state).toBe('cancelled');
    expect(exportedFiles(dir)).toEqual([]);
  });

  it('offers the written file for download to the session that wrote it only', async () => {
    const { session, dir, groupId } = await seededProject();
    const target = path.join(dir, 'dl.md');
    const { status } = await exportTo(session, { codeGroupIds: [groupId] }, 'md', target);
    const download = await invoke(session, 'export.download', { jobId: status.id });
    expect(download.fileName).toBe('dl.md');
    expect(download.mimeType).toBe('text/markdown');
    expect(Buffer.from(download.base64, 'base64').toString('utf8')).toBe(fs.readFileSync(target, 'utf8'));
    await expect(invoke(session, 'export.download', { jobId: 'not-a-job' })).rejects.toThrow(
      /no finished export/,
    );
    expect(await invoke(session, 'export.defaultTarget', { format: 'docx' })).toBe(
      path.join(dir, 'study appendix.docx'),
    );
  });
});
