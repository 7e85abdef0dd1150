import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { columnHeader, type TableSpec } from '../../../shared/export/document';
import { minimumColumnWidth } from '../../../shared/export/tables';
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
  const contents = spec.columns.map((c, i) => [
    keepCountTogether(columnHeader(c)),
    ...spec.rowGroups.flatMap((g) => g.rows.map((r) => r[i] ?? '')),
  ]);
  const minimum = contents.map((texts) => minimumColumnWidth(texts));
  const weight = contents.map((texts) => Math.max(...texts.map((t) => t.length), 1));
  const spare = total - minimum.reduce((a, b) => a + b, 0);
  if (spare <= 0) return minimum;
  const weights = weight.reduce((a, b) => a + b, 0);
  return minimum.map((m, i) => m + Math.floor((spare * weight[i]!) / weights));
}

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
}

function cell(text: string, options: CellOptions) {
  return new TableCell({
    columnSpan: options.span,
    borders:
      options.ruleAbove || options.ruleBelow
        ? cellBorders({ top: options.ruleAbove, bottom: options.ruleBelow })
        : undefined,
    shading: options.shade ? { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : undefined,
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
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.columns.map((c) =>
      cell(keepCountTogether(columnHeader(c)), {
        bold: true,
        right: c.numeric,
        ruleAbove: true,
        ruleBelow: true,
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
