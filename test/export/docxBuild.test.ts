import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../electron/export/docx/build';
import { tempDir } from '../helpers/tmp';
import { sampleDocument } from './helpers/fixtures';
import { docxToText, firstOutOfOrder, pageSizes, squeeze, tableCells, unzipText } from './helpers/reader';

// LibreOffice's first start in a fresh profile takes 10–40 s on a busy two-core machine.
const LIBREOFFICE_TIMEOUT = 120_000;

describe('Word export building blocks', { timeout: LIBREOFFICE_TIMEOUT }, () => {
  it('writes headings, quotes with citations, memos and tables a reader sees in order', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'appendix.docx');
    fs.writeFileSync(file, await buildDocx(sampleDocument()));
    const { text, pdf } = await docxToText(file);

    const flat = squeeze(text);
    expect(
      firstOutOfOrder(flat, [
        'Appendix B: Coded evidence',
        'Quotes were coded by two coders',
        'Contents',
        'Level of cooperation',
        'Legitimacy',
        'Statements on whether the alliance is seen as rightful.',
        '3 segments / 3 documents (interviews 2, 12; NATO 2016b)',
        'The alliance must be seen as legitimate by its members. (Interview 12)',
        'Memo: Key claim about legitimacy.',
        // The emoji and "Ḥ" are checked in the XML below: how pdftotext reads them back depends on
        // the fonts LibreOffice falls back to (with Debian's fonts-liberation beside fonts-liberation2,
        // "🙂 as Ḥasan" came back as "Ḥ as Ḥ asan").
        'Ça dépend — trust matters',
        'said. (Interview 2, Respondent)',
        'Allies shared the burden. (NATO 2016b, p. 4)',
        'Trust',
        'Table 1. Codes co-occurring with Legitimacy',
        'Table 2. Coded segments per year',
      ]),
    ).toBeNull();
    // Cells from the document itself; LibreOffice's rendering of a table (wrapping, order of its text)
    // depends on the installed fonts, so there only their presence is checked.
    const [cooccurrence, timeline] = tableCells((await unzipText(file)).get('word/document.xml')!);
    expect(cooccurrence).toEqual([
      ['Code', 'Legitimacy (N = 45)'],
      ['Level of cooperation'],
      ['Trust (N = 12)', '7'],
      ['Other codes'],
      ['Burden sharing (N = 3)', '2'],
    ]);
    expect(timeline?.[0]?.at(-2)).toBe('2021');
    for (const cell of cooccurrence!.flat()) expect(flat, `LibreOffice shows "${cell}"`).toContain(cell);
    expect(text).toContain('NATO Study');
    // The 10-column table is on a landscape page of its own; the pages before it are portrait.
    const sizes = await pageSizes(pdf);
    const last = sizes[sizes.length - 1]!;
    expect(last.width).toBeGreaterThan(last.height);
    expect(sizes[0]!.width).toBeLessThan(sizes[0]!.height);
    const landscapePage = text.split('\f')[sizes.length - 1]!;
    expect(landscapePage).toContain('Table 2. Coded segments per year');
    const xml = (await unzipText(file)).get('word/document.xml')!;
    const wideTable = xml.indexOf('>2021<');
    const landscape = xml.indexOf('w:orient="landscape"');
    expect(xml.lastIndexOf('w:orient="portrait"', wideTable)).toBeGreaterThan(0);
    expect(landscape).toBeGreaterThan(wideTable);
    // Unicode as typed, in the file itself (the PDF adds direction marks around right-to-left text).
    expect(xml).toContain('محمد said that trust was earned over years.');
    expect(xml).toContain('Ça dépend — trust matters 🙂 as Ḥasan said.');
  });
});
