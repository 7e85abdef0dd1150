import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { tempDir } from '../../helpers/tmp';

const run = promisify(execFile);

/** Every file of a zip (a .docx) as text, by path. */
export async function unzipText(file: string): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z))),
  );
  const out = new Map<string, string>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

/**
 * Opens the .docx as a reader would: LibreOffice converts it to PDF (a private profile per run, so
 * parallel runs do not clash), pdftotext gives the text as laid out on the pages.
 */
export async function docxToText(file: string): Promise<{ text: string; pages: number; pdf: string }> {
  const dir = tempDir('passage-lo-');
  const profile = path.join(dir, 'profile');
  await run(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
    { timeout: 90_000 },
  );
  const pdf = path.join(dir, `${path.basename(file, path.extname(file))}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${path.basename(file)}`);
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return { text: stdout, pages: stdout.split('\f').filter((p) => p.trim()).length, pdf };
}

/** Asserts the needles appear in this order; returns the first one missing or out of order. */
export function firstOutOfOrder(text: string, needles: readonly string[]): string | null {
  let at = 0;
  for (const needle of needles) {
    const found = text.indexOf(needle, at);
    if (found < 0) return needle;
    at = found + needle.length;
  }
  return null;
}

/** Text squeezed of the layout's runs of spaces and line breaks, for phrases that wrap. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Width and height in points of each PDF page. */
export async function pageSizes(pdf: string): Promise<{ width: number; height: number }[]> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '999', pdf]);
  return [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}
