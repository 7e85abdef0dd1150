import type { TableSpec } from '../../../shared/export/document';

/**
 * Where each heading will fall, estimated while the appendix is built, for the page numbers written into
 * the contents' cached field results: LibreOffice shows those as they are and never updates the field on
 * opening. Every main heading starts a page, so a part never shares a page with the one before; an
 * estimate that is off by a page in a long part shifts the parts after it, until Word updates the field.
 * Measured against LibreOffice (test/export/tocPages.test.ts): exact over ~30 pages of quotes of mixed
 * lengths with memos; one page short after ~57 pages. Lines are counted by characters, not word widths. Heights in twentieths of a point,
 * from the styles in styles.ts (Times New Roman 12 pt at 1.15 lines, tables at 10 pt).
 */

/** A4 between docx's default 1-inch margins. */
export const PORTRAIT_PAGE = { width: 9026, height: 13958 };
export const LANDSCAPE_PAGE = { width: 13958, height: 9026 };

const BODY_LINE = 272;
const SMALL_LINE = 240;
const BODY_CHAR = 100;
const SMALL_CHAR = 92;
const QUOTE_INDENT = 1440;

export interface PageSize {
  width: number;
  height: number;
}

export class PageEstimate {
  private page: number;
  private used = 0;
  private size: PageSize;

  constructor(firstPage: number, size: PageSize) {
    this.page = firstPage;
    this.size = size;
  }

  /** The page the next paragraph starts on. */
  get current(): number {
    return this.page;
  }

  newPage(size: PageSize = this.size): void {
    if (this.used > 0 || size !== this.size) this.page += 1;
    this.size = size;
    this.used = 0;
  }

  /** A paragraph of `text` in body (or small) type, with `spacing` above and below, `indent` off its width. */
  paragraph(text: string, spacing: number, small = false, indent = 0): void {
    const perLine = Math.max(1, Math.floor((this.size.width - indent) / (small ? SMALL_CHAR : BODY_CHAR)));
    const lines = text
      .split(/\r?\n/)
      .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
    this.block(lines * (small ? SMALL_LINE : BODY_LINE) + spacing, true);
  }

  quote(text: string): void {
    this.paragraph(text, 180, false, QUOTE_INDENT);
  }

  memo(text: string): void {
    this.paragraph(text, 160, true, QUOTE_INDENT);
  }

  /** A table: a line per row and header line, its caption above and note below. */
  table(table: TableSpec): void {
    const rows = table.rowGroups.reduce((n, g) => n + g.rows.length + (g.caption ? 1 : 0), 0);
    this.block(3 * SMALL_LINE + 360 + (table.note ? SMALL_LINE + 300 : 0), false);
    for (let i = 0; i < rows; i++) this.block(SMALL_LINE + 40, false);
  }

  /** A heading held with the next paragraph. */
  heading(level: 1 | 2): void {
    const height = level === 1 ? 360 + 345 + 120 : 240 + 300 + 120;
    // keepNext: a heading with no room for a line after it moves to the next page.
    if (this.used + height + BODY_LINE > this.size.height) this.newPage();
    this.block(height, false);
  }

  private block(height: number, splittable: boolean): void {
    if (this.used + height <= this.size.height) {
      this.used += height;
      return;
    }
    if (!splittable) {
      this.newPage();
      this.used = Math.min(height, this.size.height);
      return;
    }
    let rest = height - (this.size.height - this.used);
    while (rest > 0) {
      this.page += 1;
      this.used = Math.min(rest, this.size.height);
      rest -= this.size.height;
    }
  }
}
