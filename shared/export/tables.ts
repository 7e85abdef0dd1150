import type { AppendixRow } from '../api/sample';
import type {
  CooccurrenceReport,
  FrequencyReport,
  MatrixReport,
  ReportCode,
  TimelineReport,
} from '../reports/model';
import type { TableRowGroup, TableSpec } from './document';

/** Report models as tables: the same cells for Word, Markdown and the CLI. */

// An em space per level keeps the hierarchy visible in a single cell without Word list numbering.
const INDENT = '\u2003';

export function indentedName(code: Pick<ReportCode, 'name' | 'depth'>): string {
  return `${INDENT.repeat(code.depth)}${code.name}`;
}

const withN = (label: string, n: number) => `${label} (N = ${n})`;

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

export function cooccurrenceTable(report: CooccurrenceReport): TableSpec {
  const grouped = report.rowGroups.length > 1 || report.rowGroups.some((g) => g.codeGroupId !== null);
  const rowGroups: TableRowGroup[] = report.rowGroups.map((group) => ({
    caption: grouped ? group.caption : null,
    rows: group.rows.map((row) => [
      withN(indentedName(row.code), row.n),
      ...row.cells.map((cell) =>
        report.withCoefficient && cell.c !== undefined
          ? `${cell.count} (${fixed(cell.c, 2)})`
          : String(cell.count),
      ),
    ]),
  }));
  return {
    columns: [
      { label: 'Code' },
      ...report.columns.map((c) => ({ label: c.code.name, n: c.n, numeric: true })),
    ],
    rowGroups,
    note:
      report.unit === 'documents'
        ? 'Cells count documents coded with both codes; N = documents coded with the code.'
        : 'Cells count segments of the row code overlapping a segment of the column code; N = segments of the code.',
  };
}

export function matrixTable(report: MatrixReport): TableSpec {
  const cell = (count: number, percent: number | undefined) =>
    percent === undefined ? String(count) : `${count} (${fixed(percent, 1)}%)`;
  return {
    columns: [
      { label: 'Code' },
      ...report.columns.map((c) => ({ label: c.label, n: c.n, numeric: true })),
      { label: 'Total', numeric: true },
    ],
    rowGroups: [
      {
        caption: null,
        rows: [
          ...report.rows.map((row) => [
            indentedName(row.code),
            ...row.cells.map((c) => cell(c.count, c.percent)),
            String(row.total),
          ]),
          ['Total', ...report.columnTotals.map(String), ''],
        ],
      },
    ],
    note: `Cells count ${report.unit}; N = documents in the column.`,
  };
}

export function timelineTable(report: TimelineReport): TableSpec {
  const rows = report.series.map((s) => [s.label, ...s.counts.map(String), String(s.n)]);
  if (report.series.length > 1)
    rows.push(['All', ...report.totals.map(String), String(report.totals.reduce((a, b) => a + b, 0))]);
  return {
    columns: [
      { label: report.by === 'overall' ? 'Series' : 'Code' },
      ...report.years.map((y) => ({ label: String(y), numeric: true })),
      { label: 'Total', numeric: true },
    ],
    rowGroups: [{ caption: null, rows }],
    ...(report.undated > 0
      ? { note: `${report.undated} filtered documents have no date and are not counted in any year.` }
      : {}),
  };
}

export function frequenciesTable(report: FrequencyReport): TableSpec {
  const rowGroups: TableRowGroup[] = [
    {
      caption: report.groups.length > 0 ? 'Codes' : null,
      rows: report.rows.map((r) => [
        indentedName(r.code),
        r.codeGroups.join(', '),
        String(r.segments),
        String(r.documents),
        String(r.participants),
      ]),
    },
  ];
  if (report.groups.length > 0)
    rowGroups.push({
      caption: 'Code groups',
      rows: report.groups.map((g) => [
        g.name,
        `${g.codeCount} ${g.codeCount === 1 ? 'code' : 'codes'}`,
        String(g.segments),
        String(g.documents),
        String(g.participants),
      ]),
    });
  return {
    columns: [
      { label: 'Code' },
      { label: 'Code groups' },
      { label: 'Segments', numeric: true },
      { label: 'Documents', numeric: true },
      { label: 'Participants', numeric: true },
    ],
    rowGroups,
  };
}

export interface CodebookEntry {
  name: string;
  depth: number;
  description: string;
  segmentCount: number;
  documentCount: number;
}

export function codebookTable(entries: readonly CodebookEntry[]): TableSpec {
  return {
    columns: [
      { label: 'Code' },
      { label: 'Description' },
      { label: 'Segments', numeric: true },
      { label: 'Documents', numeric: true },
    ],
    rowGroups: [
      {
        caption: null,
        rows: entries.map((e) => [
          indentedName(e),
          e.description,
          String(e.segmentCount),
          String(e.documentCount),
        ]),
      },
    ],
  };
}

/** Appendix 1 as papers print it: interviews grouped by category, the group size in its caption. */
export function appendixTable(rows: readonly AppendixRow[]): TableSpec {
  const groups = new Map<string, AppendixRow[]>();
  for (const row of rows) {
    const key = row.category || 'Uncategorised';
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return {
    columns: [{ label: 'Interview' }, { label: 'Date' }, { label: 'Mode' }],
    rowGroups: [...groups].map(([category, members]) => ({
      caption: withN(category, members.length),
      rows: members.map((r) => [r.label, r.date, r.mode]),
    })),
  };
}

/** Cell padding left and right (Word's default 0.19 cm each) plus a little slack, in twips. */
const CELL_PADDING_TWIPS = 260;

/**
 * A word's width in twips at 12 pt (body size), bold, estimated on the wide side (capitals and digits at 0.72 em,
 * other letters at 0.6 em) so a column set to it never breaks the word in any common font.
 */
export function estimatedWordWidth(word: string): number {
  let ems = 0;
  for (const ch of word) ems += /[A-Z0-9MW]/.test(ch) ? 0.72 : ch === ' ' ? 0.28 : 0.6;
  return Math.ceil(ems * 12 * 20);
}

/** The narrowest column that shows each of the texts without breaking a word (a no-break space joins words). */
export function minimumColumnWidth(texts: readonly string[]): number {
  let widest = 0;
  for (const text of texts)
    for (const word of text.split(/[ \t\r\n]+/)) widest = Math.max(widest, estimatedWordWidth(word));
  return widest + CELL_PADDING_TWIPS;
}
