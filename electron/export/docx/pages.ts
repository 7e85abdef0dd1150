import { columnHeader, type TableSpec } from '../../../shared/export/document';
import { countLines, type Run } from './lineBreaks';
import { columnWidths, keepCountTogether, sidewaysColumns, sidewaysHeaderHeight } from './tables';

/**
 * Where each heading will fall, for the page numbers written into the contents' cached field results:
 * LibreOffice shows those as they are and never updates the field on opening. The appendix is laid out
 * here as LibreOffice lays it out, line by line, as measured on its rendering (pdftotext -bbox; checked
 * by test/export/tocPagesLong.test.ts on ~150 pages and on the example study, rule by rule in
 * pageModel.test.ts):
 * - every line is 13.8 pt high (the styles' "auto 276" spacing: 115 % of 12 pt, whatever the size);
 * - lines break by Times New Roman's widths (lineBreaks.ts), so a line count never depends on the
 *   fonts installed where the appendix is made;
 * - between two paragraphs the larger of the first's space after and the second's space before;
 *   after a page break, the space before the heading stays;
 * - widow and orphan control: a paragraph split over pages leaves at least two lines on each;
 * - a heading (and a caption) keeps with the next paragraph's first lines or the table's first row;
 * - table rows never split; the header row repeats on each page of the table; a cell's paragraph has
 *   6 pt after it; the APA rules add 1 pt each; a table wider than 22 in is narrowed to the page.
 * What it does not know (fields Word updates anyway): fonts other than Times New Roman's metrics,
 * kerning, and LibreOffice's hyphenation (off in these styles).
 * Heights in twentieths of a point (twips).
 */

/** A4 between docx's default 1-inch margins. */
export const PORTRAIT_PAGE = { width: 9026, height: 13958 };
export const LANDSCAPE_PAGE = { width: 13958, height: 9026 };

const LINE = 276;
const QUOTE_INDENT = 1440;
/** Word's widest table, 22 inches. */
const WIDEST_TABLE = 31680;
/** Word's default cell margins (TableNormal), left and right. */
const CELL_MARGINS = 216;
const RULE = 20;
const CELL_AFTER = 120;
/** Widow and orphan control: lines a split paragraph keeps on each page. */
const KEEP_LINES = 2;

export interface PageSize {
  width: number;
  height: number;
}

/** The page a heading lands on; it may still move with the paragraph it is kept with. */
export interface HeadingPlace {
  page: number;
}

/** A paragraph as the flow sees it: its lines and spacing. */
interface Paragraph {
  lines: number;
  before: number;
  after: number;
}

/** A line of the contents: Heading 1 entries at the margin, Heading 2 entries indented. */
export interface ContentsEntry {
  text: string;
  level: 1 | 2;
}

/** The indent of a Heading 2 entry (TOC2), and the room an entry leaves for its dots and page number. */
const TOC2_INDENT = 240;
const PAGE_NUMBER_ROOM = 600;

/**
 * The page the title page's contents end on: the title (18 pt bold, 12 pt after), the method note, the
 * "Contents" heading (12 pt before, 6 pt after) and the entries (5 pt after, from the TOC styles), a
 * long heading's entry on two lines.
 */
export function contentsEndPage(
  title: string,
  methodNote: string,
  entries: readonly ContentsEntry[],
): number {
  const front = new PageEstimate(1, PORTRAIT_PAGE);
  front.title(title);
  if (methodNote.trim()) front.paragraph(methodNote, 120);
  front.paragraph('Contents', 120, false, 0, 240);
  for (const entry of entries)
    front.paragraph(entry.text, 100, false, (entry.level === 2 ? TOC2_INDENT : 0) + PAGE_NUMBER_ROOM);
  return front.current;
}

export class PageEstimate {
  private page: number;
  private size: PageSize;
  /** Height used on the page, to the bottom of its last line. */
  private used = 0;
  /** The space after the page's last paragraph, which the next paragraph's space before may outgrow. */
  private lastAfter = 0;
  /** Nothing on the page yet. */
  private empty = true;
  /** The page a page break (or section break) started: its first paragraph keeps its space before. */
  private breakPage = -1;
  /** Headings (and a caption) waiting for what they are kept with. */
  private kept: { paragraph: Paragraph; place: HeadingPlace | null }[] = [];

  constructor(firstPage: number, size: PageSize) {
    this.page = firstPage;
    this.size = size;
  }

  /** The page the next paragraph starts on. */
  get current(): number {
    return this.page;
  }

  /** A page break (or a new section, which may turn the page). */
  newPage(size: PageSize = this.size): void {
    // An empty page is where the new section starts (the body opening with a landscape table): no turn.
    if (!this.empty) this.page += 1;
    this.breakPage = this.page;
    this.size = size;
    this.used = 0;
    this.lastAfter = 0;
    this.empty = true;
  }

  /** A body paragraph (Normal style) of `text`, `after` twips after it; small is 10 pt. */
  paragraph(text: string, after = 120, small = false, indent = 0, before = 0): void {
    this.flow(this.lines([{ text }], small ? 10 : 12, indent), before, after);
  }

  /** The appendix title: 18 pt bold, 12 pt after. */
  title(text: string): void {
    this.flow(this.lines([{ text, style: 'bold' }], 18), 0, 240);
  }

  /** The code's count line under its heading, in italics. */
  countLine(text: string): void {
    this.flow(this.lines([{ text, style: 'italic' }], 12), 0, 120);
  }

  /** A quote with its citation, in the Quote style (indented both sides). */
  quote(text: string): void {
    this.flow(this.lines([{ text }], 12, QUOTE_INDENT), 60, 120);
  }

  /** A segment memo: "Memo: " in bold, then the memo at 10 pt, indented. */
  memo(text: string): void {
    const body = text.replace(/^Memo: /, '');
    const runs: Run[] = [{ text: 'Memo: ', style: 'bold' }, { text: body }];
    this.flow(this.lines(runs, 10, QUOTE_INDENT), 0, 160);
  }

  /** A heading (Heading 1 or 2), kept with what follows it. */
  heading(level: 1 | 2, text = ''): HeadingPlace {
    const place = { page: this.page };
    // Heading 1 is 15 pt bold, Heading 2 13 pt: a long code name takes two lines.
    const lines = this.lines([{ text, style: 'bold' }], level === 1 ? 15 : 13);
    this.kept.push({ paragraph: { lines, before: level === 1 ? 360 : 240, after: 120 }, place });
    return place;
  }

  /** A table with its caption above (kept with the first row) and its note below. */
  table(table: TableSpec, caption = ''): void {
    this.kept.push({
      paragraph: { lines: this.lines([{ text: caption }], 10), before: 240, after: 120 },
      place: null,
    });
    // Columns wider in all than Word's widest table (22 in; 25 codes) are narrowed in proportion to the
    // text width; a table wider than the text but not that runs off the page, as LibreOffice lays them
    // out (measured: 16,554 and 19,367 twips kept, 47,603 narrowed).
    const wanted = columnWidths(table, this.size.width);
    const sum = wanted.reduce((a, b) => a + b, 0);
    const widths = sum > WIDEST_TABLE ? wanted.map((w) => (w * this.size.width) / sum) : wanted;
    const rowHeight = (cells: readonly string[], style: 'regular' | 'bold', spans = false) => {
      const lines = cells.map((text, i) => {
        const width = (spans ? this.size.width : widths[i]!) - CELL_MARGINS;
        // A line break inside a cell's text is a line break in the table (tables.ts).
        return countLines([{ text: text.replace(/\r\n?/g, '\n'), style }], width, 12);
      });
      return Math.max(1, ...lines) * LINE + CELL_AFTER;
    };
    // Headers set sideways (over numbers): the row is as high as the longest of them (at least), and
    // as the level headers (row labels, text columns) wrapped in their columns.
    const sideways = sidewaysColumns(table, this.size.width);
    const level = rowHeight(
      table.columns.map((c, i) => (sideways[i] ? '' : keepCountTogether(columnHeader(c)))),
      'bold',
    );
    const header = sideways.some(Boolean)
      ? Math.max(sidewaysHeaderHeight(table, this.size.width), level)
      : level;
    const rows: number[] = [];
    for (const group of table.rowGroups) {
      if (group.caption !== null) rows.push(rowHeight([group.caption], 'bold', true));
      for (const row of group.rows) rows.push(rowHeight(row, 'regular'));
    }
    this.placeKept(header + 2 * RULE + (rows[0] ?? 0), 0);
    // The rows, each whole; the header row again on every page the table runs onto.
    this.used += (this.empty ? 0 : this.lastAfter) + header + 2 * RULE;
    for (const [i, height] of rows.entries()) {
      const row = i === rows.length - 1 ? height + RULE : height;
      if (this.used + row > this.size.height) {
        this.turnPage();
        this.used = header + RULE;
      }
      this.used += row;
    }
    this.lastAfter = 0;
    this.empty = false;
    if (table.note) this.flow(this.lines([{ text: table.note, style: 'italic' }], 10), 60, 240);
  }

  private lines(runs: readonly Run[], sizePt: number, indent = 0): number {
    return countLines(runs, this.size.width - indent, sizePt);
  }

  private gap(before: number): number {
    return this.empty ? 0 : Math.max(this.lastAfter, before);
  }

  /** How many lines fit below `used` after a gap. */
  private room(gap: number): number {
    return Math.max(0, Math.floor((this.size.height - this.used - gap) / LINE));
  }

  private turnPage(): void {
    this.page += 1;
    this.used = 0;
    this.lastAfter = 0;
    this.empty = true;
  }

  /** Fewest lines of a paragraph that may start a page's last part: all of it unless it can split. */
  private static firstPart(p: Paragraph): number {
    return p.lines >= 2 * KEEP_LINES ? KEEP_LINES : p.lines;
  }

  /**
   * Places the kept headings so that `next` more twips (what they are kept with) fit after them on
   * the same page; otherwise they all move to the next page.
   */
  private placeKept(next: number, nextBefore: number): void {
    if (this.kept.length === 0) return;
    let height = 0;
    let after = this.empty ? 0 : this.lastAfter;
    let first = true;
    for (const { paragraph } of this.kept) {
      const gap = first && this.empty ? this.topGap(paragraph.before) : Math.max(after, paragraph.before);
      height += gap + paragraph.lines * LINE;
      after = paragraph.after;
      first = false;
    }
    height += Math.max(after, nextBefore) + next;
    if (!this.empty && this.used + height > this.size.height) this.turnPage();
    for (const { paragraph, place } of this.kept) {
      const gap = this.empty ? this.topGap(paragraph.before) : Math.max(this.lastAfter, paragraph.before);
      if (place) place.page = this.page;
      this.used += gap + paragraph.lines * LINE;
      this.lastAfter = paragraph.after;
      this.empty = false;
    }
    this.kept = [];
  }

  /** A page that starts with a page break keeps the space before; one that the text flowed onto does not. */
  private topGap(before: number): number {
    return this.page === this.breakPage ? before : 0;
  }

  private flow(lines: number, before: number, after: number): void {
    const paragraph = { lines, before, after };
    this.placeKept(PageEstimate.firstPart(paragraph) * LINE, before);
    let left = lines;
    let gap = this.empty ? this.topGap(before) : this.gap(before);
    for (;;) {
      const room = this.room(gap);
      if (left <= room) {
        this.used += gap + left * LINE;
        break;
      }
      // Split only as widow and orphan control allows; else the whole rest moves on.
      const here = Math.min(room, left - KEEP_LINES);
      if (here >= KEEP_LINES) {
        this.used += gap + here * LINE;
        left -= here;
      } else if (this.empty) {
        // A paragraph taller than a page is split wherever it must.
        left -= Math.max(room, 1);
      }
      this.turnPage();
      gap = 0;
    }
    this.lastAfter = after;
    this.empty = false;
  }
}
