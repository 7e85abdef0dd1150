// Sideways headers in the Word appendix turn only over columns of numbers: the codebook's text column
// "Description" keeps a level header and the width its words need, while the co-occurrence counts
// still turn. Checked in the XML of the example study's appendix and by LibreOffice's text of it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxToText } from './helpers/reader';
import { exportExampleStudy, tablesWithWidths } from './helpers/wordTables';

let target: string;
let xml: string;

beforeAll(async () => {
  ({ target, xml } = await exportExampleStudy('passage-sideways-numbers-', 'Sideways', [
    'codebook',
    'cooccurrence',
  ]));
}, 120_000);

/** Every header cell (in a row repeated on each page) with its text and whether it turns. */
function headerCells(): { text: string; sideways: boolean }[] {
  const rows = [...xml.matchAll(/<w:tr>(?:(?!<\/w:tr>)[\s\S])*?<w:tblHeader\/>[\s\S]*?<\/w:tr>/g)];
  return rows.flatMap((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => ({
      text: [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      sideways: tc[0].includes('w:textDirection w:val="btLr"'),
    })),
  );
}

describe('sideways headers only over numbers', () => {
  it('keeps the codebook Description header level while its count headers turn', () => {
    const cells = headerCells();
    const description = cells.filter((c) => c.text === 'Description');
    expect(description.length).toBeGreaterThan(0);
    for (const c of description) expect(c.sideways).toBe(false);
    // The example codebook is tight enough that its counts turn (the case the text header turned in).
    expect(cells.some((c) => c.text === 'Segments' && c.sideways)).toBe(true);
  });

  it('still turns the co-occurrence count headers and keeps every table within its page', () => {
    const cells = headerCells();
    expect(cells.filter((c) => c.sideways).length).toBeGreaterThan(10);
    expect(cells.some((c) => c.text === 'Code' && !c.sideways)).toBe(true);
    for (const t of tablesWithWidths(xml)) expect(t.grid).toBeLessThanOrEqual(t.width);
  });

  it('prints the Description header whole on one line in LibreOffice', async () => {
    const { pdf } = await docxToText(target);
    // A sideways header comes out of pdftotext letter by letter or not at all; a level one as a word.
    const lines = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().split('\n');
    expect(lines.some((l) => /\bCode\s+Description\b/.test(l))).toBe(true);
    if (process.env.PASSAGE_SHOTS_DIR)
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        pdf,
        path.join(process.env.PASSAGE_SHOTS_DIR, 'sideways'),
      ]);
  }, 180_000);
});
