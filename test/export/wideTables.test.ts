// Tables with many columns in the Word appendix: the example study's co-occurrence of all 34 codes and
// its counts over time. Nothing may run off the page: headers are set sideways when they would not
// fit side by side, and a table still too wide is cut into blocks of columns, each repeating the row
// labels. Checked in the XML and by presence in LibreOffice's rendering (never by layout).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { buildDemo } from '../../electron/demo/buildDemo';
import { LANDSCAPE_WIDTH, PORTRAIT_WIDTH } from '../../electron/export/docx/tables';
import { trackSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';
import { exportTo } from './helpers/project';
import { unzipText } from './helpers/reader';

let dir: string;
let target: string;
let xml: string;
let codeNames: string[];

beforeAll(async () => {
  dir = tempDir('passage-wide-tables-');
  process.env.PASSAGE_HOME = path.join(dir, 'home');
  const file = path.join(dir, 'example.passage');
  await buildDemo(file);
  const session = trackSession(new Session('cli', { coder: 'reader' }));
  await invoke(session, 'project.open', { path: file });
  codeNames = (await invoke(session, 'codes.list', {})).map((c) => c.name);
  target = path.join(dir, 'wide.docx');
  await exportTo(session, { title: 'Wide tables', sections: ['cooccurrence', 'timeline'] }, 'docx', target);
  xml = (await unzipText(target)).get('word/document.xml')!;
  session.close();
}, 120_000);

/** Each table's grid and the text width of the section it stands in (a section's properties close it). */
function tablesWithWidths(): { grid: number; width: number }[] {
  const found: { grid: number; width: number }[] = [];
  let pending: number[] = [];
  const parts = xml.split(/(<w:tblGrid>[\s\S]*?<\/w:tblGrid>|<w:sectPr[\s\S]*?<\/w:sectPr>)/);
  for (const part of parts) {
    if (part.startsWith('<w:tblGrid>')) {
      pending.push([...part.matchAll(/<w:gridCol w:w="(\d+)"/g)].reduce((sum, m) => sum + Number(m[1]), 0));
    } else if (part.startsWith('<w:sectPr')) {
      const landscape = /w:orient="landscape"/.test(part);
      for (const grid of pending) found.push({ grid, width: landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH });
      pending = [];
    }
  }
  return found;
}

describe('wide tables in the Word appendix', () => {
  it('keeps every table within the text width of its page', () => {
    const tables = tablesWithWidths();
    // The co-occurrence of 34 codes in blocks, and the timeline.
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) expect(t.grid).toBeLessThanOrEqual(t.width);
  });

  it('sets crowded headers sideways and cuts a table of 34 code columns into continued blocks', () => {
    expect(xml).toContain('w:textDirection w:val="btLr"');
    expect(xml).toMatch(/Table 1\. [^<]*\(continued\)/);
    // Every code is a column header in some block.
    for (const name of codeNames) expect(xml).toContain(name);
  });

  it('shows every code and the timeline total in LibreOffice', () => {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, target], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const pdf = path.join(dir, 'wide.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
    for (const name of codeNames) expect(text).toContain(name);
    expect(text).toContain('Total');
  }, 180_000);
});
