// One bulk import of a corpus of bad files (generated here): each gets a clear per-file outcome, the
// zip bomb is refused by a limit quickly and without inflating, and failures leave no trace in the project.
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/api/documents';
import { invoke } from '../../electron/backend/dispatch';
import { makeZip } from '../documents/fixtures';
import { newProjectSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';

async function writeCorpus(dir: string): Promise<{ good: string[]; bad: Record<string, RegExp> }> {
  const put = (name: string, data: string | Buffer): void => fs.writeFileSync(path.join(dir, name), data);
  put('empty.txt', '');
  put('blank.txt', '   \n\n  \t\n');
  put('zero bytes.docx', Buffer.alloc(0));
  const docx = await Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph('A real memo.')] }] }),
  );
  put('truncated.docx', docx.subarray(0, Math.floor(docx.length / 2)));
  // 300 MB of zeros deflate to ~300 KB: far beyond the ratio and total-size limits.
  put('bomb.docx', makeZip([{ name: 'word/document.xml', data: Buffer.alloc(300 * 1024 * 1024) }]));
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 131 + 7) % 256;
  put('binary.txt', binary);
  put('big 60 MB.txt', Buffer.alloc(60 * 1024 * 1024, 'lorem ipsum '));
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  put('scan without text.pdf', Buffer.from(await pdf.save()));
  // Good files: must be imported next to the bad ones.
  put(
    'invalid utf8.txt',
    Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9, 0x20, 0xc3, 0x28]), Buffer.from(' ok')]),
  );
  put('naïve interview – ü 1.txt', 'Interviewer: Über die Legitimität?\n\nP01: Ja, naïvement.');
  put(
    'nested.html',
    `<html><body>${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}</body></html>`,
  );
  return {
    good: ['invalid utf8.txt', 'naïve interview – ü 1.txt', 'nested.html'],
    bad: {
      'empty.txt': /empty|no text/i,
      'blank.txt': /empty|no text|blank/i,
      'zero bytes.docx': /empty|not a|damaged|corrupt|0 bytes/i,
      'truncated.docx': /damaged|corrupt|truncated|not a|invalid/i,
      'bomb.docx': /zip bomb|limit|larger|ratio|inflate/i,
      'binary.txt': /binary|not text|not a text/i,
      'big 60 MB.txt': /50(\.0)? MB limit/,
      'scan without text.pdf': /text/i,
    },
  };
}

describe('bulk import of a bad-input corpus', () => {
  it('gives every file a clear outcome and leaves the project unchanged by the failures', async () => {
    const { session } = await newProjectSession();
    const dir = tempDir('passage-bad-');
    const { good, bad } = await writeCorpus(dir);
    const missing = path.join(dir, 'moved away.txt');
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const { jobId } = await invoke(session, 'documents.import', { paths: [dir, missing] });
    const status = await session.jobs.wait(jobId);
    const seconds = (performance.now() - started) / 1000;
    expect(status.state).toBe('done');
    const summary = status.result as ImportSummary;
    const reasons = new Map(summary.failed.map((f) => [path.basename(f.name), f.reason]));

    const unclear = Object.entries(bad)
      .filter(([name, pattern]) => !pattern.test(reasons.get(name) ?? ''))
      .map(([name]) => `${name}: ${reasons.get(name) ?? 'no failure reported'}`);
    expect(unclear).toEqual([]);
    expect(reasons.get('moved away.txt')).toMatch(/not exist|not found|no such|missing/i);
    expect(summary.imported.map((i) => path.basename(i.name)).sort()).toEqual([...good].sort());
    // The bomb was refused from its directory, not by inflating 300 MB.
    expect(seconds).toBeLessThan(30);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(250 * 1024 * 1024);

    const { db } = session.requireProject();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT id, file_name AS fileName, text FROM documents ORDER BY id').all() as {
      id: number;
      fileName: string;
      text: string;
    }[];
    expect(rows.map((r) => r.fileName).sort()).toEqual([...good].sort());
    expect(rows.find((r) => r.fileName === 'nested.html')!.text).toContain('deep text');
    const fts = db.prepare('SELECT count(*) AS n FROM documents_fts').get() as { n: number };
    expect(fts.n).toBe(good.length);
    const orphans = db
      .prepare('SELECT count(*) AS n FROM turns WHERE document_id NOT IN (SELECT id FROM documents)')
      .get() as { n: number };
    expect(orphans.n).toBe(0);
  });
});
