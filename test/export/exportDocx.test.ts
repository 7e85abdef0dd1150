import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUOTES } from './helpers/seed';
import { ALL_SECTIONS, exportTo, seededProject } from './helpers/project';
import { docxToText, firstOutOfOrder, squeeze, tableCells, unzipText } from './helpers/reader';

// LibreOffice's first start in a fresh profile takes 10–40 s on a busy two-core machine.
const LIBREOFFICE_TIMEOUT = 120_000;

const METHOD = 'Segments were coded by two coders; quotes are verbatim.';

describe('Word export of a project', { timeout: LIBREOFFICE_TIMEOUT }, () => {
  it('writes the full appendix in the chosen order, as LibreOffice reads it', async () => {
    const { session, dir, codes, groupId } = await seededProject();
    const target = path.join(dir, 'appendix.docx');
    const { result } = await exportTo(
      session,
      {
        title: 'Appendix B: Evidence',
        methodNote: METHOD,
        codeGroupIds: [groupId],
        codeIds: [codes.burden],
        includeMemos: true,
        sections: ['evidence', 'cooccurrence', 'frequencies', 'codebook', 'appendix1', 'timeline'],
      },
      'docx',
      target,
    );
    expect(result).toMatchObject({ path: target, format: 'docx', quotes: 6, tables: 5 });
    const { text, pages } = await docxToText(target);
    const flat = squeeze(text);
    expect(
      firstOutOfOrder(flat, [
        'Appendix B: Evidence',
        METHOD,
        'Contents',
        'Level of cooperation',
        'Legitimacy',
        'Whether the alliance is seen as rightful.',
        // Legitimacy: Interview 2, Interview 12 and the NATO document: 3 segments in 3 documents.
        '3 segments / 3 documents (interviews 2, 12;',
        `${QUOTES.legitimacy2} (Interview 2, Respondent)`,
        'Memo: Strong statement.',
        `${QUOTES.legitimacy12} (Interview 12)`,
        QUOTES.legitimacyNato,
        'p. 2)',
        'Trust',
        '2 segments / 2 documents (interviews 2, 9)',
        QUOTES.trust2,
        'Other codes',
        'Burden sharing',
        '1 segment / 1 document (interview 2)',
        'Table 1. Codes co-occurring with Legitimacy, Trust and Burden sharing',
        'Table 2. Code frequencies',
        'Table 3. Codebook',
        'Table 4. List of interviews',
        'Table 5. Coded segments per year',
      ]),
    ).toBeNull();
    // Table cells from the document itself: how LibreOffice wraps and orders a table's text depends on
    // the installed fonts, so the rendering is only checked for the cells' presence.
    const xml = (await unzipText(target)).get('word/document.xml')!;
    const [cooccurrence, , codebook, interviews, timeline] = tableCells(xml);
    // Column N = documents coded with the code: Legitimacy 3, Trust 2, Burden sharing 1. Co-occurrence row
    // of Legitimacy: with itself in 3 documents, with Trust in 1 (Interview 2), with Burden sharing in 1.
    expect(cooccurrence).toEqual([
      ['Code', 'Legitimacy (N = 3)', 'Trust (N = 2)', 'Burden sharing (N = 1)'],
      ['Level of cooperation'],
      ['Legitimacy (N = 3)', '3', '1', '1'],
      ['Trust (N = 2)', '1', '2', '1'],
    ]);
    expect(codebook).toContainEqual(['Trust', 'Confidence between actors.', '2', '2']);
    expect(interviews).toEqual([
      ['Interview', 'Date', 'Mode'],
      ['NGO (N = 2)'],
      ['Interview 2', '2016-03-01', 'video'],
      ['Interview 9', '2016-05-02', 'video'],
      ['Military (N = 1)'],
      ['Interview 12', '2017-01-20', 'video'],
    ]);
    expect(timeline?.[0]).toEqual(['Code', '2016', '2017', 'Total']);
    for (const cell of [...cooccurrence!, ...interviews!].flat())
      expect(flat, `LibreOffice shows "${cell}"`).toContain(cell);
    // Header (the appendix's title, given in the options) and page numbers on every page; no page
    // without content of its own.
    const pageTexts = text.split('\f').filter((p) => p.trim());
    expect(pages).toBeGreaterThan(1);
    pageTexts.forEach((page, i) => {
      // In reading order the footer may come before a table's last column, so the number is looked for
      // as a line of its own rather than at the page's end.
      const lines = page.split('\n').map((line) => line.trim());
      expect(lines, `page ${i + 1} has the header`).toContain('Appendix B: Evidence');
      expect(lines, `page ${i + 1} has its number`).toContain(String(i + 1));
      const body = lines.filter(
        (line) => line !== '' && line !== 'Appendix B: Evidence' && line !== String(i + 1),
      );
      expect(body.length, `page ${i + 1} is blank`).toBeGreaterThan(0);
    });
  });

  it('uses Word built-in styles, a TOC field, repeated table headers, and keeps Unicode intact', async () => {
    const { session, dir, groupId } = await seededProject();
    const target = path.join(dir, 'styles.docx');
    await exportTo(
      session,
      { codeGroupIds: [groupId], sections: ['evidence', 'cooccurrence', 'appendix1'] },
      'docx',
      target,
    );
    const files = await unzipText(target);
    const xml = files.get('word/document.xml')!;
    const styles = files.get('word/styles.xml')!;
    for (const style of ['Title', 'Heading1', 'Heading2', 'Quote', 'Caption'])
      expect(xml, style).toContain(`<w:pStyle w:val="${style}"/>`);
    expect(xml).toContain('<w:tblBorders>');
    for (const style of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Quote', 'Caption', 'TableGrid'])
      expect(styles, style).toContain(`w:styleId="${style}"`);
    expect(styles).toContain('w:ascii="Times New Roman"');
    // Every table's first row is a header row repeated on each page.
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(2);
    for (const table of tables)
      expect(table.indexOf('<w:tblHeader/>')).toBeLessThan(table.indexOf('</w:tr>'));
    expect(xml).toMatch(/<w:instrText xml:space="preserve"> TOC \\o &quot;1-2&quot;/);
    expect(files.get('word/settings.xml')).toContain('<w:updateFields/>');
    // Unicode as typed: accents, emoji, Arabic and Latin with dot below.
    expect(xml).toContain('ça compte 🙂.');
    expect(xml).toContain('محمد and Ḥasan trusted');
    expect(files.get('word/header1.xml')).toContain('>Study<');
    expect(files.get('word/footer1.xml')).toMatch(/PAGE/);
  });

  it('writes no empty paragraph between quotes', async () => {
    const { session, dir, groupId } = await seededProject();
    const target = path.join(dir, 'quotes.docx');
    await exportTo(session, { codeGroupIds: [groupId], includeMemos: true }, 'docx', target);
    const xml = (await unzipText(target)).get('word/document.xml')!;
    const body = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr', xml.lastIndexOf('</w:p>')));
    const paragraphs = body.match(/<w:p>.*?<\/w:p>|<w:p\/>/g) ?? [];
    const quotes = paragraphs.filter((p) => p.includes('<w:pStyle w:val="Quote"/>'));
    expect(quotes).toHaveLength(5);
    const empty = paragraphs.filter((p) => !p.includes('<w:t') && !p.includes('<w:sectPr'));
    expect(empty).toEqual([]);
  });

  it('gives the same document twice (no clock, no process-wide ids)', async () => {
    const { session, dir, groupId } = await seededProject();
    const options = { codeGroupIds: [groupId], sections: [...ALL_SECTIONS] };
    const a = path.join(dir, 'a.docx');
    const b = path.join(dir, 'b.docx');
    await exportTo(session, options, 'docx', a);
    await new Promise((r) => setTimeout(r, 1100));
    await exportTo(session, options, 'docx', b);
    const [x, y] = [await unzipText(a), await unzipText(b)];
    expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
    for (const [name, content] of x) expect(y.get(name), name).toBe(content);
    expect(x.get('docProps/core.xml')).toContain('2026-10-01T09:00:00.000Z');
    expect(fs.statSync(a).size).toBeGreaterThan(5000);
  });
});
