import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  HeightRule,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { columnHeader, type TableSpec } from '../../../shared/export/document';
import { estimatedWordWidth, minimumColumnWidth } from '../../../shared/export/tables';
import { cleanText } from './xml';

/** Text width of an A4 page with 2.54 cm margins, in twips. */
export const PORTRAIT_WIDTH = 9026;
export const LANDSCAPE_WIDTH = 13958;

/** A rule of 1 pt (eighths of a point), as APA tables print their three horizontal lines. */
const RULE_SIZE = 8;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' };

export function columnWidths(spec: TableSpec, total: number): number[] {
  const n = spec.columns.length;
  if (n === 1) return [total];
  // Each column is at least as wide as its longest word (header in bold, cells), so no word is broken;
  // what is left of the page is shared out by the length of the column's text, as journals set tables.
  // A header set sideways (sidewaysColumns) no longer widens its column: it is as narrow as its numbers.
  const sideways = sidewaysColumns(spec, total);
  const contents = spec.columns.map((c, i) => [
    ...(sideways[i] ? [] : [keepCountTogether(columnHeader(c))]),
    ...cellsOf(spec, i),
  ]);
  const minimum = contents.map((texts, i) =>
    sideways[i] ? Math.max(minimumColumnWidth(texts), SIDEWAYS_HEADER_WIDTH) : minimumColumnWidth(texts),
  );
  const weight = contents.map((texts) => Math.max(...texts.map((t) => t.length), 1));
  const needed = minimum.reduce((a, b) => a + b, 0);
  // Still too wide sideways: every column narrowed in proportion, so nothing runs off the page.
  if (needed >= total) return minimum.map((m) => Math.floor((m * total) / needed));
  const spare = total - needed;
  const weights = weight.reduce((a, b) => a + b, 0);
  return minimum.map((m, i) => m + Math.floor((spare * weight[i]!) / weights));
}

/** A sideways header is one bold line high; its column is at least that wide with the cell's margins. */
const SIDEWAYS_HEADER_WIDTH = 800;

const cellsOf = (spec: TableSpec, i: number) => spec.rowGroups.flatMap((g) => g.rows.map((r) => r[i] ?? ''));

/**
 * Headers are set sideways (reading upwards, as journals print wide count tables) when the columns'
 * longest header words would not fit the page side by side — only over numbers: a column of counts is
 * far narrower than its header, while a text column ("Description") needs its width for its words
 * anyway and keeps its header level, as does the first column, the row labels.
 */
export function sidewaysColumns(spec: TableSpec, total: number): boolean[] {
  const none = spec.columns.map(() => false);
  if (spec.columns.length < 3) return none;
  const needed = spec.columns.reduce(
    (sum, c, i) => sum + minimumColumnWidth([keepCountTogether(columnHeader(c)), ...cellsOf(spec, i)]),
    0,
  );
  if (needed <= total) return none;
  return spec.columns.map((c, i) => i > 0 && c.numeric === true);
}

/**
 * A table too wide for its page even with sideways headers (every code as a column) is cut into blocks
 * of columns, each repeating the row labels, printed one under the other ("Table 1 (continued)"), as
 * journals print wide tables; the note goes under the last block.
 */
export function columnBlocks(spec: TableSpec, total: number): TableSpec[] {
  const n = spec.columns.length;
  if (n < 3) return [spec];
  const labels = minimumColumnWidth([keepCountTogether(columnHeader(spec.columns[0]!)), ...cellsOf(spec, 0)]);
  const blocks: number[][] = [];
  let current: number[] = [];
  let used = labels;
  for (let i = 1; i < n; i++) {
    const column = spec.columns[i]!;
    const width = column.numeric
      ? Math.max(minimumColumnWidth(cellsOf(spec, i)), SIDEWAYS_HEADER_WIDTH)
      : minimumColumnWidth([keepCountTogether(columnHeader(column)), ...cellsOf(spec, i)]);
    if (current.length > 0 && used + width > total) {
      blocks.push(current);
      current = [];
      used = labels;
    }
    current.push(i);
    used += width;
  }
  blocks.push(current);
  if (blocks.length === 1) return [spec];
  return blocks.map((columns, b) => ({
    columns: [spec.columns[0]!, ...columns.map((i) => spec.columns[i]!)],
    rowGroups: spec.rowGroups.map((g) => ({
      ...g,
      rows: g.rows.map((r) => [r[0] ?? '', ...columns.map((i) => r[i] ?? '')]),
    })),
    ...(b === blocks.length - 1 && spec.note !== undefined ? { note: spec.note } : {}),
  }));
}

/**
 * The height of a header row set sideways: its longest header on one line with the cell's margins, at
 * most a third of the page (LibreOffice and Word wrap a longer header onto a second sideways line, which
 * the column's width leaves room for).
 */
export function sidewaysHeaderHeight(spec: TableSpec, textWidth: number): number {
  const sideways = sidewaysColumns(spec, textWidth);
  const longest = Math.max(
    0,
    ...spec.columns
      .filter((_, i) => sideways[i])
      .map((c) => estimatedWordWidth(keepCountTogether(columnHeader(c)))),
  );
  const pageHeight = textWidth === LANDSCAPE_WIDTH ? PORTRAIT_WIDTH : LANDSCAPE_WIDTH;
  return Math.min(longest + SIDEWAYS_HEADER_PADDING, Math.round(pageHeight / 3));
}
const SIDEWAYS_HEADER_PADDING = 200;

/** "(N = 396)" never wraps inside: a header breaks only between its words, before the count. */
export function keepCountTogether(header: string): string {
  return header.replace(/\(N = (\d+)\)$/, '(N\u00a0=\u00a0$1)');
}

function cellBorders(edge: { top?: boolean; bottom?: boolean }) {
  const rule = { style: BorderStyle.SINGLE, size: RULE_SIZE, color: '000000' };
  return {
    top: edge.top ? rule : undefined,
    bottom: edge.bottom ? rule : undefined,
  };
}

interface CellOptions {
  bold?: boolean;
  right?: boolean;
  span?: number;
  shade?: boolean;
  ruleAbove?: boolean;
  ruleBelow?: boolean;
  sideways?: boolean;
}

function cell(text: string, options: CellOptions) {
  return new TableCell({
    columnSpan: options.span,
    borders:
      options.ruleAbove || options.ruleBelow
        ? cellBorders({ top: options.ruleAbove, bottom: options.ruleBelow })
        : undefined,
    shading: options.shade ? { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } : undefined,
    ...(options.sideways
      ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT, verticalAlign: VerticalAlign.BOTTOM }
      : {}),
    children: [
      new Paragraph({
        alignment: options.right && !options.sideways ? AlignmentType.RIGHT : undefined,
        // A line break in the text (a codebook description's "When to use:") is a line break in Word.
        children: text
          .split(/\r?\n/)
          .map(
            (line, i) =>
              new TextRun({ text: cleanText(line), bold: options.bold, break: i > 0 ? 1 : undefined }),
          ),
      }),
    ],
  });
}

/**
 * A real Word table in APA style: horizontal rules only (above and below the header row and under the
 * last row), no vertical lines; the header row (with N values) repeats on every page and is never split;
 * row groups start with a caption row spanning the table.
 */
export function wordTable(spec: TableSpec, textWidth: number): Table {
  const width = spec.columns.length;
  const sideways = sidewaysColumns(spec, textWidth);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    ...(sideways.some(Boolean)
      ? { height: { value: sidewaysHeaderHeight(spec, textWidth), rule: HeightRule.ATLEAST } }
      : {}),
    children: spec.columns.map((c, i) =>
      cell(keepCountTogether(columnHeader(c)), {
        bold: true,
        right: c.numeric,
        ruleAbove: true,
        ruleBelow: true,
        sideways: sideways[i],
      }),
    ),
  });
  const rows = [header];
  for (const group of spec.rowGroups) {
    if (group.caption !== null)
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [cell(group.caption, { bold: true, span: width, shade: true })],
        }),
      );
    for (const row of group.rows)
      rows.push(
        new TableRow({
          cantSplit: true,
          children: spec.columns.map((c, i) => cell(row[i] ?? '', { right: c.numeric })),
        }),
      );
  }
  const widths = columnWidths(spec, textWidth);
  return new Table({
    borders: {
      top: { style: BorderStyle.SINGLE, size: RULE_SIZE, color: '000000' },
      bottom: { style: BorderStyle.SINGLE, size: RULE_SIZE, color: '000000' },
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows,
  });
}

export function captionParagraph(caption: string): Paragraph {
  return new Paragraph({ style: 'Caption', children: [new TextRun(cleanText(caption))] });
}

export function tableNote(note: string): Paragraph {
  return new Paragraph({ style: 'TableNote', children: [new TextRun(cleanText(note))] });
}
