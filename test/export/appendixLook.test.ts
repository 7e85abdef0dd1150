import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../electron/export/docx/build';
import type { ExportDocument } from '../../shared/export/document';
import { estimatedWordWidth, minimumColumnWidth } from '../../shared/export/tables';
import { tempDir } from '../helpers/tmp';
import { item, sampleDocument } from './helpers/fixtures';
import { exportTo, seededProject } from './helpers/project';
import { docxToText, squeeze, unzipText } from './helpers/reader';

// LibreOffice's first start in a fresh profile takes 10–40 s on a busy two-core machine.
const LIBREOFFICE_TIMEOUT = 120_000;

const HEADERS = ['Legitimacy and effectiveness', 'Implementation', 'Burden sharing', 'Accountability'];

/** The sample appendix with a turn-coded quote and a six-column table whose headers have long words. */
function journalDocument(): ExportDocument {
  const doc = sampleDocument();
  doc.projectName = 'civil_military study';
  const evidence = doc.blocks[0]!;
  if (evidence.kind !== 'evidence') throw new Error('fixture: evidence block first');
  evidence.groups[0]!.codes[0]!.items.push(
    item('Respondent: We never asked them for permission, and they knew it.', 'Interview 2', {
      citation: { label: 'Interview 2', speaker: 'Respondent', page: null },
      citationText: 'Interview 2, Respondent',
    }),
  );
  doc.blocks.push({
    kind: 'table',
    section: 'cooccurrence',
    heading: 'Codes in document group NGOs',
    caption: 'Table 3. Codes co-occurring with legitimacy and effectiveness in document group NGOs (N = 396)',
    table: {
      columns: [{ label: 'Code' }, ...HEADERS.map((label, i) => ({ label, n: 396 - i, numeric: true }))],
      rowGroups: [{ caption: null, rows: [['Trust', '12', '9', '4', '3']] }],
    },
  });
  return doc;
}

function tables(xml: string): string[] {
  return xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
}

describe('The Word appendix as a journal takes it', { timeout: LIBREOFFICE_TIMEOUT }, () => {
  it('carries the study title, horizontal rules only, columns wide enough and quotes verbatim', async () => {
    const file = path.join(tempDir(), 'appendix.docx');
    fs.writeFileSync(file, await buildDocx(journalDocument()));
    const parts = await unzipText(file);
    const xml = parts.get('word/document.xml')!;

    const header = [...parts.entries()].find(([name]) => /^word\/header\d*\.xml$/.test(name))![1];
    expect(header).toContain('>Civil Military Study<');
    expect(header).not.toContain('civil_military');

    for (const table of tables(xml)) {
      // No vertical lines: the table's left, right and inside vertical borders are none, and no cell adds one.
      const tblBorders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(table)![1]!;
      for (const side of ['left', 'right', 'insideV', 'insideH'])
        expect(tblBorders, side).toMatch(new RegExp(`<w:${side} w:val="(nil|none)"`));
      expect(tblBorders).toMatch(/<w:top w:val="single"/);
      expect(tblBorders).toMatch(/<w:bottom w:val="single"/);
      expect(table).not.toContain('w:val="TableGrid"');
      for (const cellBorders of table.match(/<w:tcBorders>[\s\S]*?<\/w:tcBorders>/g) ?? [])
        expect(cellBorders).not.toMatch(/<w:(left|right|start|end|insideV) w:val="(?!nil|none)/);
      // The header row has a rule above and below in each of its cells.
      const headerRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(table)![0];
      const headerCells = headerRow.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
      for (const cell of headerCells) {
        expect(cell).toMatch(/<w:tcBorders>[\s\S]*<w:top w:val="single"[\s\S]*<w:bottom w:val="single"/);
      }
    }

    // Every column is at least as wide as the longest word of its header, unless the headers are set
    // sideways (too many to sit side by side): then no header word is broken either way.
    const wide = tables(xml).at(-1)!;
    const grid = [...wide.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const labels = ['Code', ...HEADERS.map((h, i) => `${h} (N = ${396 - i})`)];
    expect(grid).toHaveLength(labels.length);
    const headerRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(wide)![0];
    const sideways = headerRow
      .match(/<w:tc>[\s\S]*?<\/w:tc>/g)!
      .map((c) => c.includes('w:textDirection w:val="btLr"'));
    labels.forEach((label, i) => {
      if (sideways[i]) return;
      // The count "(N = 396)" is kept on one line, so it is one word.
      const words = label.replace(/ \(N = (\d+)\)$/, '|(N\u00a0=\u00a0$1)').split(/[ |]/);
      const longest = Math.max(...words.map(estimatedWordWidth));
      expect(grid[i], label).toBeGreaterThanOrEqual(longest);
      expect(grid[i], label).toBeGreaterThanOrEqual(minimumColumnWidth([words.join(' ')]));
    });

    // Quotes verbatim with their final punctuation; the speaker is in the citation, not before the quote.
    expect(xml).toContain('We never asked them for permission, and they knew it. (Interview 2, Respondent)');
    expect(xml).not.toContain('Respondent: We never');
    expect(xml).toContain('The alliance must be seen as legitimate by its members. (Interview 12)');

    // What LibreOffice shows: the header words whole, the title in the running header.
    const { text } = await docxToText(file);
    const flat = squeeze(text);
    expect(flat).toContain('Civil Military Study');
    expect(flat).toContain('effectiveness');
    expect(flat).toContain('Implementation');
    expect(flat).not.toMatch(/effectivenes s|Implementa tion|Accountabilit y/);
    expect(text, 'a count is never split over two lines').not.toMatch(/\(N[\s\u00a0]*=?[\s\u00a0]*\n/);
    expect(flat).not.toContain('Respondent: We never');
  });

  it('heads every page with the title the export was given, else with the file name title-cased', async () => {
    const { session, dir, codes } = await seededProject();
    const header = async (target: string) => (await unzipText(target)).get('word/header1.xml')!;

    const titled = path.join(dir, 'titled.docx');
    await exportTo(session, { title: 'Cooperation Without Command', codeIds: [codes.trust] }, 'docx', titled);
    expect(await header(titled)).toContain('>Cooperation Without Command<');

    // The default title is no study title: the header falls back to the project's file name (study.passage).
    const untitled = path.join(dir, 'untitled.docx');
    await exportTo(session, { codeIds: [codes.trust] }, 'docx', untitled);
    expect(await header(untitled)).toContain('>Study<');
    expect(await header(untitled)).not.toContain('Appendix: coded evidence');
  });
});
