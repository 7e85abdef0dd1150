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
 * parallel runs do not clash), pdftotext gives the text in reading order. Where lines wrap and how table
 * columns line up depend on the installed fonts, so check this text only for the presence and order of
 * phrases (squeezed), and table cells in the document's XML (tableCells).
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
  const { stdout } = await run('pdftotext', [pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
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

/** The text of every cell of every table in a WordprocessingML body: tables → rows → cells. */
export function tableCells(documentXml: string): string[][][] {
  const unescape = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      // A reader sees a no-break space ("(N = 45)" kept on one line) as a space.
      .replace(/\u00a0/g, ' ');
  const cellText = (cell: string) =>
    cell
      .split(/<\/w:p>/)
      .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join(''))
      .filter((p) => p !== '')
      .join(' ');
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1]!.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc(?:\s[^>]*)?>([\s\S]*?)<\/w:tc>/g)].map((cell) => cellText(cell[1]!)),
    ),
  );
}

/** Width and height in points of each PDF page. */
export async function pageSizes(pdf: string): Promise<{ width: number; height: number }[]> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '999', pdf]);
  return [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}
