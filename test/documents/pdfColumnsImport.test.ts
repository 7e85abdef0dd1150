import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { newProjectSession } from '../helpers/session';
import { tempDir } from '../helpers/tmp';
import { failureReasons, importAndWait } from './importHelpers';

// A real two-column policy paper written by pdf-lib, read back through documents.import.

const SIZE = 10;
const LEADING = 13;

/** Words wrapped greedily to a width, measured with the font that draws them. */
function wrap(text: string, font: PDFFont, width: number, size = SIZE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Draws paragraphs from `top` down in one column, a blank half-line between paragraphs. */
function drawColumn(
  page: PDFPage,
  font: PDFFont,
  paragraphs: string[],
  x: number,
  width: number,
  top: number,
) {
  let y = top;
  for (const paragraph of paragraphs) {
    for (const line of wrap(paragraph, font, width)) {
      page.drawText(line, { x, y, size: SIZE, font });
      y -= LEADING;
    }
    y -= LEADING / 2;
  }
  return y;
}

const TITLE = 'Protection of Civilians in Peace Operations';
const ABSTRACT =
  'This brief reviews how the alliance reports on civilian casualties and how non-governmental organisations use those reports in their own advocacy work.';
const COLUMN_1 = [
  'Reporting on civilian harm began as an internal exercise. Commanders sent monthly summaries to headquarters, and only aggregate figures reached the public.',
  'Since 2016 the mission has published quarterly tables. Observers welcomed the change but noted that the categories changed twice in the first year alone.',
];
const COLUMN_2 = [
  'Non-governmental organisations keep their own counts. Their figures are usually higher, because they include deaths reported by families and local clinics.',
  'The brief recommends a shared register of incidents, open to both sides, with a review every quarter and a public summary of every disputed case.',
];
const FOOTNOTE =
  '1 All figures are taken from the published quarterly tables and from the registers of partner organisations.';
const PAGE_TWO = [
  'Annex. The register would be kept by an independent secretariat with its own budget, its own staff and a board on which the mission, the host government and the organisations that report incidents each hold one seat.',
  'Each entry records the date, the district, the source and the status of the review, and every change to an entry is kept with the name of the reviewer and the reason given, so that a disputed figure can be traced.',
];

async function makeTwoColumnPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([612, 792]);
  page.drawText(TITLE, { x: (612 - bold.widthOfTextAtSize(TITLE, 16)) / 2, y: 730, size: 16, font: bold });
  const belowAbstract = drawColumn(page, font, [ABSTRACT], 54, 504, 700);
  // Two 240-point columns with a 24-point gutter.
  const top = belowAbstract - 14;
  drawColumn(page, font, COLUMN_1, 54, 240, top);
  drawColumn(page, font, COLUMN_2, 318, 240, top);
  page.drawText(FOOTNOTE, { x: 54, y: 90, size: 8, font });
  page.drawText('1', { x: 303, y: 40, size: 9, font });
  const two = doc.addPage([612, 792]);
  drawColumn(two, font, PAGE_TWO, 54, 300, 730);
  two.drawText('2', { x: 303, y: 40, size: 9, font });
  return doc.save();
}

/**
 * Paragraphs flowed through columns the way a layout program sets a press release: a column full,
 * the text runs on at the top of the next. Returns the first line of each column.
 */
function flowColumns(
  page: PDFPage,
  font: PDFFont,
  paragraphs: string[],
  xs: number[],
  width: number,
  top: number,
): string[] {
  const lines = paragraphs.flatMap((paragraph, i) =>
    wrap(paragraph, font, width).map((text, n) => ({ text, gapBefore: i > 0 && n === 0 })),
  );
  const linesPerColumn = Math.ceil(lines.length / xs.length);
  const starts: string[] = [];
  let column = -1;
  let used = linesPerColumn;
  let y = top;
  for (const line of lines) {
    if (used === linesPerColumn) {
      column++;
      used = 0;
      y = top;
      starts.push(line.text);
    } else if (line.gapBefore) y -= LEADING / 2;
    page.drawText(line.text, { x: xs[column]!, y, size: SIZE, font });
    y -= LEADING;
    used++;
  }
  expect(column).toBe(xs.length - 1);
  return starts;
}

const FLOWING = [
  'The mission was asked to report every incident in which civilians were harmed, whether by its own forces, by the forces of the host government or by armed groups operating in the districts where it was deployed.',
  'Reports were gathered by liaison officers, checked against hospital records where these existed, and sent to headquarters within a week, where a small team compiled the figures for the quarterly tables.',
  'Critics argued that the process relied too heavily on the mission itself, and that families who had lost relatives were rarely asked what had happened or invited to comment on the conclusions that were drawn.',
];

const LO_PARAGRAPHS = [
  'Reporting on civilian harm began as an internal exercise. Commanders sent monthly summaries to headquarters, and only aggregate figures reached the public, usually months after the events they described.',
  'Since 2016 the mission has published quarterly tables. Observers welcomed the change but noted that the categories changed twice in the first year alone, which made comparisons across years difficult.',
  'Non-governmental organisations keep their own counts. Their figures are usually higher, because they include deaths reported by families and local clinics that never reach the liaison officers.',
  'The brief recommends a shared register of incidents, open to both sides, with a review every quarter and a public summary of every disputed case, published in the languages of the districts concerned.',
  'Donors pledged further support for demining, for the reconstruction of schools and clinics, and for the return of displaced families to their homes before the winter, when roads become impassable.',
  'Critics argued that the process relied too heavily on the mission itself, and that families who had lost relatives were rarely asked what had happened or invited to comment on the conclusions.',
  'Local councils asked to be consulted before each quarterly table is published, so that names of villages are spelled correctly and incidents are not counted twice under different names.',
  'The secretariat would publish its methods in full, including how sources are weighed when they disagree, and would invite comments from researchers and from the families concerned.',
];
const LO_TABLE = [
  ['Northern districts', 'Monitoring resumed in March after the ceasefire was agreed by all parties'],
  ['Capital region', 'Convoys were delayed by checkpoints on the ring road for most of the month'],
  ['Southern valleys', 'Roads closed until the spring because of heavy snow and damaged bridges'],
];

/**
 * What a word processor writes: a flat ODT with a centred title, a justified two-column section and a
 * one-column table under it, turned into a PDF by LibreOffice (a private profile, so runs do not clash).
 */
function makeLibreOfficePdf(dir: string): string {
  const p = (text: string) => `<text:p text:style-name="Body">${text}</text:p>`;
  const cell = (text: string) => `<table:table-cell>${p(text)}</table:table-cell>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:style style:name="Columns" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="16pt"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="Title">${TITLE}</text:p>
<text:section text:style-name="Columns" text:name="Body">${LO_PARAGRAPHS.map(p).join('')}</text:section>
<table:table table:name="Districts"><table:table-column table:number-columns-repeated="2"/>${LO_TABLE.map(
    ([label, note]) => `<table:table-row>${cell(label!)}${cell(note!)}</table:table-row>`,
  ).join('')}</table:table>
</office:text></office:body></office:document>`;
  const source = path.join(dir, 'brief.fodt');
  fs.writeFileSync(source, xml);
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, source],
    {
      timeout: 90_000,
      stdio: 'ignore',
    },
  );
  fs.rmSync(source);
  return path.join(dir, 'brief.pdf');
}

describe('PDF import: two-column pages in reading order', () => {
  it('stores a two-column page as title, abstract, column 1, column 2, footnote, page number', async () => {
    const { session } = await newProjectSession();
    const dir = tempDir();
    const file = path.join(dir, 'civilians_brief.pdf');
    fs.writeFileSync(file, await makeTwoColumnPdf());
    const { summary } = await importAndWait(session, { paths: [file] });
    expect(failureReasons(summary)).toEqual({});
    const content = await invoke(session, 'documents.get', { id: summary.imported[0]!.documentId });

    const page1 = [TITLE, ABSTRACT, ...COLUMN_1, ...COLUMN_2, FOOTNOTE, '1'].join('\n\n');
    const page2 = [...PAGE_TWO, '2'].join('\n\n');
    expect(content.text).toBe(`${page1}\n\n${page2}`);
    expect(content.pages).toEqual([
      { page: 1, startUtf16: 0, endUtf16: page1.length },
      { page: 2, startUtf16: page1.length + 2, endUtf16: page1.length + 2 + page2.length },
    ]);
    // The last words of column 1 come straight before the first words of column 2.
    const end1 = content.text.indexOf('first year alone.');
    const start2 = content.text.indexOf('Non-governmental organisations keep');
    expect(end1).toBeGreaterThan(content.text.indexOf('Reporting on civilian harm'));
    expect(start2).toBe(end1 + 'first year alone.'.length + 2);
    expect(content.document.pageCount).toBe(2);
  });

  it('reads a LibreOffice two-column section column by column and the table under it row by row', async () => {
    const dir = tempDir();
    const file = makeLibreOfficePdf(dir);
    const { session } = await newProjectSession();
    const { summary } = await importAndWait(session, { paths: [file] });
    expect(failureReasons(summary)).toEqual({});
    const content = await invoke(session, 'documents.get', { id: summary.imported[0]!.documentId });
    const rows = LO_TABLE.map(([label, note]) => `${label} ${note}`);
    expect(content.text).toBe([TITLE, ...LO_PARAGRAPHS, ...rows].join('\n\n'));
  });

  it('reads text flowed through three columns as the paragraphs that were set, joined where they run on', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    // Three 160-point columns with 18-point gutters, filled evenly.
    const starts = flowColumns(page, font, FLOWING, [54, 232, 410], 160, 720);
    const { session } = await newProjectSession();
    const dir = tempDir();
    const file = path.join(dir, 'flowing.pdf');
    fs.writeFileSync(file, await doc.save());
    const { summary } = await importAndWait(session, { paths: [file] });
    expect(failureReasons(summary)).toEqual({});
    const content = await invoke(session, 'documents.get', { id: summary.imported[0]!.documentId });
    // Column 2 starts a paragraph; column 3 starts inside a sentence, which must run on.
    expect(starts).toEqual([
      'The mission was asked to report',
      'Reports were gathered by liaison',
      'relied too heavily on the mission',
    ]);
    expect(content.text).toBe(FLOWING.join('\n\n'));
  });
});
