import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../electron/export/docx/build';
import type { ExportDocument } from '../../shared/export/document';
import { tempDir } from '../helpers/tmp';
import { code, item, sampleDocument } from './helpers/fixtures';
import { docxToText, squeeze, unzipText } from './helpers/reader';

const run = promisify(execFile);

// LibreOffice's first start in a fresh profile takes 10–40 s on a busy two-core machine.
const LIBREOFFICE_TIMEOUT = 120_000;

/** The sample appendix with a second group of quotes of many lengths, some with memos, over many pages. */
function longDocument(): ExportDocument {
  const doc = sampleDocument();
  const evidence = doc.blocks[0]!;
  if (evidence.kind !== 'evidence') throw new Error('fixture: evidence block first');
  const sentence =
    'The liaison officers met the NGO staff every week, and both sides said that the meetings were where trust was built, not in the formal agreements. ';
  // 40 to 540 characters, every third with a memo.
  const quote = (i: number) => `Quote ${i}: ${sentence.repeat(4).slice(0, 40 + ((i * 97) % 500))}`;
  const many = (from: number) =>
    Array.from({ length: 60 }, (_, i) =>
      item(quote(from + i), `Interview ${i + 1}`, { memo: i % 3 === 0 ? sentence : '' }),
    );
  evidence.groups.push({
    heading: 'Coordination in the field',
    codes: [
      code('Liaison', many(1)),
      code('Information sharing', many(61)),
      code('Joint planning', many(121)),
    ],
  });
  return doc;
}

/** The contents' lines as LibreOffice shows them: "Heading ....... 3" → heading and page. */
function tocLines(text: string): { heading: string; page: number }[] {
  const contents = text.slice(text.indexOf('Contents'));
  return [...contents.matchAll(/^(\S[^\n]*?)\s*\.{4,}\s*(\d+)\s*$/gm)].map((m) => ({
    heading: m[1]!.trim(),
    page: Number(m[2]),
  }));
}

async function pageText(pdf: string, page: number): Promise<string> {
  const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']);
  return stdout;
}

describe('The appendix contents in LibreOffice', { timeout: LIBREOFFICE_TIMEOUT }, () => {
  it('shows each heading with the page it is on, and keeps a TOC field Word can update', async () => {
    const doc = longDocument();
    const file = path.join(tempDir(), 'appendix.docx');
    fs.writeFileSync(file, await buildDocx(doc));
    const xml = (await unzipText(file)).get('word/document.xml')!;
    expect(xml.includes('TOC \\o &quot;1-2&quot;'), 'the TOC field').toBe(true);
    expect(/PAGEREF _TocPassage1 \\h/.test(xml), 'page references to the headings').toBe(true);

    const { text, pdf } = await docxToText(file);
    const lines = tocLines(text);
    const expected = [
      'Level of cooperation',
      'Legitimacy',
      'Trust',
      'Coordination in the field',
      'Liaison',
      'Information sharing',
      'Joint planning',
      'Co-occurrence of codes',
      'Coded segments over time',
    ];
    expect(lines.map((l) => l.heading)).toEqual(expected);
    const pages = lines.map((l) => l.page);
    expect(new Set(pages).size, 'the long group spans pages').toBeGreaterThan(4);
    for (const { heading, page } of lines) {
      // The heading stands on its own line of that page (the contents page lists it with dots).
      const onPage = (await pageText(pdf, page)).split('\n').map((l) => squeeze(l).trim());
      expect(onPage, `${heading} on page ${page}`).toContain(heading);
    }
  });
});
