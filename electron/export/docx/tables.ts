import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { columnHeader, type TableSpec } from '../../../shared/export/document';
import { cleanText } from './xml';

/** Text width of an A4 page with 2.54 cm margins, in twips. */
export const PORTRAIT_WIDTH = 9026;
export const LANDSCAPE_WIDTH = 13958;

function columnWidths(spec: TableSpec, total: number): number[] {
  const n = spec.columns.length;
  if (n === 1) return [total];
  // The label column (code names) and a description column get fixed shares; the rest share what is left
  // equally, so headers such as "Participants" or "Trust (N = 12)" are not broken mid-word.
  const fixed: number[] = spec.columns.map((c, i) => (i === 0 ? 0.3 : c.label === 'Description' ? 0.4 : 0));
  const rest = (1 - fixed.reduce((a, b) => a + b, 0)) / fixed.filter((f) => f === 0).length;
  return fixed.map((f) => Math.floor(total * (f || rest)));
}

function cell(text: string, options: { bold?: boolean; right?: boolean; span?: number; shade?: boolean }) {
  return new TableCell({
    columnSpan: options.span,
    shading: options.shade ? { type: ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : undefined,
        children: [new TextRun({ text: cleanText(text), bold: options.bold })],
      }),
    ],
  });
}

/**
 * A real Word table in the Table Grid style: the header row (with N values) repeats on every page and
 * is never split; row groups start with a caption row spanning the table.
 */
export function wordTable(spec: TableSpec, textWidth: number): Table {
  const width = spec.columns.length;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.columns.map((c) => cell(columnHeader(c), { bold: true, right: c.numeric })),
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
    style: 'TableGrid',
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
