// Tables with many columns in the Word appendix: the example study's co-occurrence of all 34 codes and
// its counts over time. Nothing may run off the page: headers are set sideways when they would not
// fit side by side, and a table still too wide is cut into blocks of columns, each repeating the row
// labels. Checked in the XML and by presence in LibreOffice's rendering (never by layout).
import { beforeAll, describe, expect, it } from 'vitest';
import { docxToText } from './helpers/reader';
import { exportExampleStudy, tablesWithWidths } from './helpers/wordTables';

let target: string;
let xml: string;
let codeNames: string[];

beforeAll(async () => {
  ({ target, xml, codeNames } = await exportExampleStudy('passage-wide-tables-', 'Wide tables', [
    'cooccurrence',
    'timeline',
  ]));
}, 120_000);

describe('wide tables in the Word appendix', () => {
  it('keeps every table within the text width of its page', () => {
    const tables = tablesWithWidths(xml);
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

  it('shows every code and the timeline total in LibreOffice', async () => {
    const text = (await docxToText(target)).text.replace(/\s+/g, ' ');
    for (const name of codeNames) expect(text).toContain(name);
    expect(text).toContain('Total');
  }, 180_000);
});
