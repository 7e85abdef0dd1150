import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { newProjectSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';
import {
  makeDocx,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makePasswordProtectedDocx,
  makeZipBomb,
} from './fixtures';
import { failureReasons, importAndWait, rowCounts, snapshot } from './importHelpers';

describe('import: files that cannot be imported fail with a plain reason and leave nothing', () => {
  it('refuses each broken file with its reason while the good one is imported', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    const dir = tempDir();
    const docx = await makeDocx();
    const files: Record<string, Uint8Array> = {
      'notes.txt': new Uint8Array(),
      'blank.txt': Buffer.from(' \r\n\t\n'),
      'zero.docx': new Uint8Array(),
      'truncated.docx': docx.subarray(0, Math.floor(docx.length / 2)),
      'corrupt.docx': Buffer.from('PK\u0003\u0004 this is not really a zip archive at all'),
      'zipped-text.docx': Buffer.from('just some text renamed to docx'),
      'minutes.docx': makePasswordProtectedDocx(),
      'bomb.docx': makeZipBomb(),
      'program.txt': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]),
      'scan.pdf': await makeImageOnlyPdf(),
      'secret.pdf': await makeEncryptedPdf(dir),
      'broken.pdf': Buffer.from('%PDF-1.7\nnot really'),
      'photo.jpg': Buffer.from([0xff, 0xd8, 0xff]),
      'good.txt': Buffer.from('Respondent: the only good file.'),
    };
    const input = path.join(dir, 'input');
    fs.mkdirSync(input);
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(input, name), bytes);
    const started = Date.now();
    const { summary } = await importAndWait(session, { paths: [input, path.join(dir, 'gone.txt')] });
    expect(Date.now() - started).toBeLessThan(15_000);
    const reasons = failureReasons(summary);
    const inInput = (name: string): string => path.join('input', name);
    expect(reasons[inInput('notes.txt')]).toBe('empty');
    expect(reasons[inInput('blank.txt')]).toBe('empty');
    expect(reasons[inInput('zero.docx')]).toBe('empty');
    expect(reasons[inInput('truncated.docx')]).toMatch(/^damaged zip container/);
    expect(reasons[inInput('corrupt.docx')]).toMatch(/^damaged zip container/);
    expect(reasons[inInput('zipped-text.docx')]).toBe(
      'not a valid .docx file (it is not a zip container) — it may be damaged',
    );
    expect(reasons[inInput('minutes.docx')]).toMatch(/^file is password-protected/);
    expect(reasons[inInput('bomb.docx')]).toMatch(/^refused as a possible zip bomb/);
    expect(reasons[inInput('program.txt')]).toBe('not a text file (binary content)');
    expect(reasons[inInput('scan.pdf')]).toBe('no text layer — run OCR first');
    expect(reasons[inInput('secret.pdf')]).toMatch(/^file is password-protected/);
    expect(reasons[inInput('broken.pdf')]).toMatch(/PDF/);
    expect(reasons[inInput('photo.jpg')]).toMatch(/^\.jpg files are not supported/);
    expect(reasons['gone.txt']).toBe('not found (it was moved or deleted)');
    expect(summary.failed).toHaveLength(14);
    expect(summary.imported.map((i) => i.name)).toEqual([inInput('good.txt')]);
    expect(rowCounts(db)).toMatchObject({ documents: 1, document_pages: 0 });
  });

  it('refuses a 60 MB text file by its size without reading it', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    const dir = tempDir();
    const big = path.join(dir, 'huge transcript.txt');
    // A sparse file: 60 MB on paper, nothing on disk, so the test proves the size is checked first.
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 60 * 1024 * 1024);
    fs.closeSync(fd);
    const before = snapshot(db);
    const { summary } = await importAndWait(session, { paths: [big] });
    expect(summary.failed).toEqual([
      {
        name: 'huge transcript.txt',
        reason: 'file is 60.0 MB — larger than the 50.0 MB limit per file; split it into parts',
      },
    ]);
    expect(snapshot(db)).toBe(before);
  });

  it('a failing file in the middle leaves the project exactly as before it', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Interviewer: first');
    await importAndWait(session, {
      paths: [path.join(dir, 'a.txt')],
      kind: 'interview',
      groupName: 'Wave 1',
    });
    const before = snapshot(db);
    const counts = rowCounts(db);
    fs.writeFileSync(path.join(dir, 'b.docx'), makePasswordProtectedDocx());
    fs.writeFileSync(path.join(dir, 'c.txt'), '');
    const { summary } = await importAndWait(session, {
      paths: [path.join(dir, 'b.docx'), path.join(dir, 'c.txt')],
      groupName: 'New group',
    });
    expect(summary.imported).toEqual([]);
    expect(summary.groupId).toBeNull();
    expect(rowCounts(db)).toEqual(counts);
    expect(snapshot(db)).toBe(before);
  });

  it('reports duplicates by content and skips them unless allowDuplicates', async () => {
    const { session } = await newProjectSession();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'one.txt'), 'Same words.\r\n');
    fs.writeFileSync(
      path.join(dir, 'two.txt'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Same words.\n')]),
    );
    const first = await importAndWait(session, {
      paths: [path.join(dir, 'one.txt'), path.join(dir, 'two.txt')],
    });
    expect(first.summary.imported.map((i) => i.name)).toEqual(['one.txt']);
    const id = first.summary.imported[0]!.documentId;
    expect(first.summary.duplicates).toEqual([
      { name: 'two.txt', existingDocumentId: id, existingTitle: 'one' },
    ]);
    const again = await importAndWait(session, { paths: [path.join(dir, 'two.txt')], allowDuplicates: true });
    expect(again.summary.imported.map((i) => i.name)).toEqual(['two.txt']);
    expect((await invoke(session, 'documents.list', {})).map((d) => d.title)).toEqual(['one', 'two']);
  });

  it('cancelling an import removes what it had imported, including the group it created', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'existing.txt'), 'Already here.');
    await importAndWait(session, { paths: [path.join(dir, 'existing.txt')] });
    const before = snapshot(db);
    const folder = path.join(dir, 'many');
    fs.mkdirSync(folder);
    for (let i = 0; i < 300; i++)
      fs.writeFileSync(
        path.join(folder, `doc ${String(i).padStart(3, '0')}.txt`),
        `Document number ${i}. `.repeat(50),
      );
    const { jobId } = await invoke(session, 'documents.import', {
      paths: [folder],
      groupName: 'Cancelled batch',
    });
    // Wait until a first batch of files is written, then cancel.
    const count = (): number => (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    for (;;) {
      const status = session.jobs.status(jobId);
      if (count() > 1 || status.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect((db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBeGreaterThan(1);
    await invoke(session, 'jobs.cancel', { id: jobId });
    const status = await session.jobs.wait(jobId, 5);
    expect(status.state).toBe('cancelled');
    expect(status.result).toMatchObject({ cancelled: true, imported: [] });
    expect(snapshot(db)).toBe(before);
    expect(
      db.prepare('SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH :q').get({ q: 'number' }),
    ).toEqual({ n: 0 });
  });

  it('imports uploaded files (browser mode) and files with Unicode names and spaces', async () => {
    const { session } = await newProjectSession();
    const dir = tempDir();
    const name = 'Entretien Genève – été 2019.txt';
    fs.writeFileSync(path.join(dir, name), 'Q: Ça va?\nA: Oui.');
    const { summary } = await importAndWait(session, {
      paths: [path.join(dir, name)],
      files: [
        {
          name: 'batch/Interview 2 (2021).md',
          dataBase64: Buffer.from('I: Hi\nR: Hello').toString('base64'),
        },
      ],
      kind: 'interview',
    });
    expect(failureReasons(summary)).toEqual({});
    const docs = await invoke(session, 'documents.list', {});
    expect(docs.map((d) => [d.title, d.fileName, d.date])).toEqual([
      ['Entretien Genève – été 2019', name, '2019'],
      ['Interview 2 (2021)', 'Interview 2 (2021).md', '2021'],
    ]);
    const upload = await invoke(session, 'documents.get', { id: docs[1]!.id });
    expect(upload.turns.map((t) => [t.speaker, t.startUtf16, t.endUtf16])).toEqual([
      ['I', 0, 5],
      ['R', 6, 14],
    ]);
  });
});
