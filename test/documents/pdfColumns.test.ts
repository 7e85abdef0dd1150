import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutPdfPage, pdfPageText } from '../../shared/text/pdfColumns';
import { joinPdfLines, linesFromItems, type PdfTextItem } from '../../shared/text/pdfLines';

// Hand-built pages: one item per drawn line, as pdf.js reports text drawn line by line. Widths use
// half the font size per character (close to Helvetica's average).

const item = (str: string, x: number, y: number, size = 10): PdfTextItem => ({
  str,
  x,
  y,
  width: str.length * size * 0.5,
  height: size,
});

/** Greedy wrap to a width, by the same per-character width as item(). */
function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length * size * 0.5 > width && line !== '') {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Paragraphs set in a column from `top` down: 12-unit leading, an extra 8 between paragraphs. */
function column(paragraphs: string[], x: number, width: number, top: number, size = 10): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  let y = top;
  for (const paragraph of paragraphs) {
    for (const line of wrap(paragraph, width, size)) {
      items.push(item(line, x, y, size));
      y -= size * 1.2;
    }
    y -= 8;
  }
  return items;
}

const A =
  'The alliance stated that the protection of civilians remains the first concern of every mission in the region and that commanders report each incident.';
const B =
  'Non-governmental organisations asked for independent monitoring of casualties and for access to the districts where fighting continued through the winter.';
const C =
  'A second statement described the training of local police units and the handover of checkpoints to the national authorities before the elections.';
const D =
  'Observers noted that humanitarian corridors were opened twice during the month, although convoys were delayed by damaged roads and by heavy snow.';
const E =
  'The report closes with recommendations on reporting standards, shared databases of incidents and regular meetings with civil society groups.';
const F =
  'Donors pledged further support for demining, for the reconstruction of schools and clinics, and for the return of displaced families to their homes.';

/** Today's reading (every line across the page, top to bottom): what a multi-column page must not give. */
const lineByLine = (items: PdfTextItem[]): string => joinPdfLines(linesFromItems(items));

describe('PDF columns: reading order per page', () => {
  it('reads a two-column page column 1 then column 2', () => {
    const items = [...column([A, B], 50, 240, 740), ...column([C, D], 322, 240, 740)];
    expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([2]);
    expect(pdfPageText(items)).toBe([A, B, C, D].join('\n\n'));
    expect(lineByLine(items)).not.toBe([A, B, C, D].join('\n\n'));
  });

  it('reads three columns left to right, with a narrower gutter and a smaller font', () => {
    const items = [
      ...column([A, B], 40, 165, 740, 9),
      ...column([C, D], 223, 165, 740, 9),
      ...column([E, F], 406, 165, 740, 9),
    ];
    expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([3]);
    expect(pdfPageText(items)).toBe([A, B, C, D, E, F].join('\n\n'));
  });

  it('reads a title and a one-column abstract first, then the columns, then a spanning footnote and the page number', () => {
    const title = item('Protection of Civilians: Annual Review', 150, 760, 16);
    const abstract = column([E], 50, 512, 730);
    const body = [...column([A, B], 50, 240, 680), ...column([C, D], 322, 240, 680)];
    const footnote = item(
      '1 Figures are those reported by the mission; independent counts are higher.',
      50,
      90,
      8,
    );
    const pageNumber = item('7', 303, 40);
    const items = [pageNumber, ...body, footnote, title, ...abstract];
    expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([1, 2, 1]);
    expect(pdfPageText(items)).toBe([title.str, E, A, B, C, D, footnote.str, '7'].join('\n\n'));
  });

  it('keeps a header whose words sit left and right of the gutter out of the columns', () => {
    const header = [item('Policy Brief 12', 50, 770, 9), item('June 2019', 480, 770, 9)];
    const items = [...header, ...column([A, B], 50, 240, 730), ...column([C, D], 322, 240, 730)];
    expect(pdfPageText(items)).toBe(['Policy Brief 12 June 2019', A, B, C, D].join('\n\n'));
  });

  it('reads columns that resume for a few lines below a box spanning the page', () => {
    const box = item('Box 1. The mandate was renewed in 2019 for a further two years.', 50, 610);
    const items = [
      ...column([A, B], 50, 240, 740),
      ...column([C, D], 322, 240, 740),
      box,
      ...column([E], 50, 240, 580),
      ...column([F], 322, 240, 580),
    ];
    expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([2, 1, 2]);
    expect(pdfPageText(items)).toBe([A, B, C, D, box.str, E, F].join('\n\n'));
  });

  it('keeps two gutters apart when the white space under a short middle column joins them', () => {
    // Column 1 starts two lines down; column 2 ends two lines before the others.
    const items = [
      ...column([A], 40, 165, 716, 9),
      ...column([C.slice(0, 80)], 223, 165, 740, 9),
      ...column([E], 406, 165, 740, 9),
    ];
    expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([3]);
    expect(pdfPageText(items)).toBe([A, C.slice(0, 80), E].join('\n\n'));
  });

  it('puts a centred page number under three columns after the third column', () => {
    const items = [
      ...column([A, B], 40, 165, 740, 9),
      ...column([C, D], 223, 165, 740, 9),
      ...column([E, F], 406, 165, 740, 9),
      item('12', 300, 40, 9),
    ];
    expect(pdfPageText(items)).toBe([A, B, C, D, E, F, '12'].join('\n\n'));
  });

  it('joins a hyphenated break inside a column and a sentence running on into the next column', () => {
    const left = [
      item('The mission reported on the protec-', 50, 700),
      item('tion of civilians in three districts', 50, 688),
      item('and on the training of the local', 50, 676),
      item('police, which began in the spring', 50, 664),
    ];
    const right = [
      item('and continued through the summer.', 250, 700),
      item('Convoys reached the northern', 250, 688),
      item('valleys twice in the month before', 250, 676),
      item('the roads were closed by snow.', 250, 664),
    ];
    expect(pdfPageText([...left, ...right])).toBe(
      'The mission reported on the protection of civilians in three districts and on the training of the local police, which began in the spring and continued through the summer. Convoys reached the northern valleys twice in the month before the roads were closed by snow.',
    );
  });

  it('reads a first line of column 1 that stands above column 2 as the start of column 1', () => {
    const items = [...column([A, B], 50, 240, 752), ...column([C, D], 322, 240, 740)];
    expect(pdfPageText(items)).toBe([A, B, C, D].join('\n\n'));
  });

  it('reads a last page whose second column is short', () => {
    const items = [...column([A, B, F], 50, 240, 740), ...column([C], 322, 240, 740)];
    expect(pdfPageText(items)).toBe([A, B, F, C].join('\n\n'));
  });

  it('leaves a single-column page exactly as it was read before', () => {
    const items = [
      item('Press release', 50, 760, 14),
      item('12 May 2019', 480, 760, 9),
      ...column([A, B, C], 50, 300, 720),
      item('An indented quotation from the statement', 90, 560),
      item('that ends here.', 90, 548),
      item('3', 303, 40),
    ];
    expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([1]);
    expect(pdfPageText(items)).toBe(lineByLine(items));
    expect(pdfPageText(items)).toBe(
      [
        'Press release 12 May 2019',
        A,
        B,
        C,
        'An indented quotation from the statement that ends here.',
        '3',
      ].join('\n\n'),
    );
  });

  it('does not split a table whose cells are separated by narrow gaps', () => {
    const rows = [
      ['Region', 'Incidents', 'Casualties', 'Convoys'],
      ['North', '12', '31', '4'],
      ['South-East', '7', '9', '2'],
      ['Capital', '21', '40', '0'],
      ['West', '3', '2', '6'],
      ['Islands', '1', '0', '1'],
    ];
    // Each cell starts 6 units (less than the 10-unit text height) after the widest cell before it.
    const starts = [50, 106, 157, 213];
    const items = rows.flatMap((cells, r) => cells.map((cell, c) => item(cell, starts[c]!, 700 - r * 14)));
    expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([1]);
    expect(pdfPageText(items)).toBe(lineByLine(items));
    expect(pdfPageText(items).split('\n\n')[0]).toBe(
      'Region Incidents Casualties Convoys North 12 31 4 South-East 7 9 2 Capital 21 40 0 West 3 2 6 Islands 1 0 1',
    );
  });

  it('does not split a two-column table of phrases that fills a small part of a text page', () => {
    const body = column([A, B, C, D, E, F], 50, 300, 760);
    const table = [
      ['Northern districts', 'Monitoring resumed in March'],
      ['Capital region', 'Convoys delayed by checkpoints'],
      ['Southern valleys', 'Roads closed until the spring'],
      ['Coastal towns', 'No incidents reported'],
    ].flatMap(([label, note], r) => [item(label!, 50, 300 - r * 12), item(note!, 220, 300 - r * 12)]);
    const items = [...body, ...table];
    expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([1]);
    expect(pdfPageText(items)).toBe(lineByLine(items));
  });

  it('reads a table below the columns row by row, even where its cells part at the gutter', () => {
    const table = [
      ['Northern districts', 'Monitoring resumed in March after the ceasefire'],
      ['Capital region', 'Convoys delayed by checkpoints on the ring road'],
      ['Southern valleys', 'Roads closed until the spring by heavy snow'],
      ['Coastal towns', 'No incidents reported by the mission or partners'],
    ].flatMap(([label, note], r) => [item(label!, 50, 560 - r * 14), item(note!, 322, 560 - r * 14)]);
    const items = [...column([A, B], 50, 240, 740), ...column([C, D], 322, 240, 740), ...table];
    expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([2, 1]);
    expect(pdfPageText(items)).toBe(
      [
        A,
        B,
        C,
        D,
        'Northern districts Monitoring resumed in March after the ceasefire Capital region Convoys delayed by checkpoints on the ring road Southern valleys Roads closed until the spring by heavy snow Coastal towns No incidents reported by the mission or partners',
      ].join('\n\n'),
    );
  });

  it('does not split a table of labels and figures, however wide its gaps', () => {
    const labels = [
      'Northern districts',
      'Capital region',
      'Southern valleys',
      'Coastal towns',
      'Islands',
      'Total',
    ];
    for (const gap of [12, 20, 30, 45]) {
      const items = labels.flatMap((label, r) => [
        item(label, 50, 700 - r * 14),
        ...[0, 1, 2, 3].map((c) =>
          item(String(1000 + r * 37 + c * 11), 140 + gap + c * (20 + gap), 700 - r * 14),
        ),
      ]);
      expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([1]);
      expect(pdfPageText(items)).toBe(lineByLine(items));
    }
  });

  it('does not split a table with wide gaps between short cells', () => {
    const rows = [
      ['Year', 'Budget', 'Staff'],
      ['2015', '1.2m', '40'],
      ['2016', '1.4m', '46'],
      ['2017', '1.1m', '38'],
      ['2018', '1.9m', '52'],
      ['2019', '2.3m', '61'],
      ['2020', '2.2m', '60'],
    ];
    const items = rows.flatMap((cells, r) => cells.map((cell, c) => item(cell, 50 + c * 120, 700 - r * 14)));
    expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([1]);
    expect(pdfPageText(items)).toBe(lineByLine(items));
  });

  it('reads any ragged single-column page exactly as before (property)', () => {
    // Lines of one column: each a few runs with word-sized gaps, left-aligned or indented a little,
    // any length up to the column's width, spaced by a line or a paragraph.
    const run = fc.record({
      chars: fc.integer({ min: 1, max: 30 }),
      gap: fc.double({ min: 0, max: 4, noNaN: true }),
    });
    const line = fc.record({
      indent: fc.constantFrom(0, 0, 0, 20),
      runs: fc.array(run, { minLength: 1, maxLength: 6 }),
      spacing: fc.constantFrom(12, 12, 12, 20, 30),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (lines) => {
        const items: PdfTextItem[] = [];
        let y = 760;
        lines.forEach((l, n) => {
          let x = 50 + l.indent;
          l.runs.forEach((r, i) => {
            const str = `${'w'.repeat(r.chars)}${n}.${i}`;
            if (x + str.length * 5 > 560) return;
            items.push(item(str, x, y));
            x += str.length * 5 + r.gap;
          });
          y -= l.spacing;
        });
        expect(layoutPdfPage(items).map((band) => band.columns.length)).toEqual([1]);
        expect(pdfPageText(items)).toBe(lineByLine(items));
      }),
      { numRuns: 300 },
    );
  });

  it('reads any two- or three-column page of ragged paragraphs column by column (property)', () => {
    const word = fc.constantFrom(
      'of',
      'the',
      'mission',
      'civilian',
      'report',
      'aid',
      'casualties',
      'to',
      'peace',
    );
    const paragraph = fc
      .array(word, { minLength: 40, maxLength: 80 })
      .map((words) => `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
    const columnText = fc.record({
      paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }),
      // Columns need not start on the same baseline, nor share a font size (and so a leading).
      drop: fc.constantFrom(0, 0, 12, 24),
      sizeChange: fc.constantFrom(0, 0, 0, 1.5),
    });
    const page = fc.record({
      columns: fc.array(columnText, { minLength: 2, maxLength: 3 }),
      size: fc.constantFrom(9, 10, 11),
      // Optionally a one-column abstract above the columns and a footnote across the page below.
      abstract: fc.option(paragraph, { nil: undefined }),
      footnote: fc.boolean(),
    });
    fc.assert(
      fc.property(page, ({ columns, size, abstract, footnote }) => {
        // 512 points of text width: 2 × 244 with a 24-point gutter, or 3 × 160 with 16-point gutters.
        const gutter = columns.length === 2 ? 24 : 16;
        const width = (512 - gutter * (columns.length - 1)) / columns.length;
        const above = abstract === undefined ? [] : column([abstract], 50, 512, 760, size);
        const top = Math.min(740, ...above.map((i) => i.y - 3 * size));
        const note = '1 Figures are those the mission reported in its quarterly tables for the year.';
        const body = columns.flatMap((c, i) =>
          column(c.paragraphs, 50 + i * (width + gutter), width, top - c.drop, size + c.sizeChange),
        );
        const bottom = Math.min(...body.map((i) => i.y));
        const items = [...above, ...body, ...(footnote ? [item(note, 50, bottom - 30, 8)] : [])];
        const expected = [
          ...(abstract === undefined ? [] : [abstract]),
          ...columns.flatMap((c) => c.paragraphs),
          ...(footnote ? [note] : []),
        ];
        expect(pdfPageText(items)).toBe(expected.join('\n\n'));
      }),
      { numRuns: 200 },
    );
  });
});
