import type { PlainTable } from '../reports/tables';
import type { ExportDocument } from './document';

/*
 * The one writer of every CSV and TSV the app produces: the export (csv, tsv), a report's "Save CSV"
 * and "Copy", and `passage report --csv`. Keep it the only one, so no path forgets the formula guard.
 */

/** Excel opens UTF-8 CSV as ANSI unless the file starts with a byte-order mark. */
export const BOM = '\uFEFF';

export type Delimiter = ',' | '\t';

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP's list):
// a quote reading "=HYPERLINK(…)" or "-2+3" would run, or leak other cells, when the file is opened.
const FORMULA_START = /^[=+\-@\t\r]/;
// …except a plain negative number, which nothing can hide a formula in and which must stay a number
// for the spreadsheet to compute with: -2, -0.5, -3,5, -1e6.
const NEGATIVE_NUMBER = /^-(\d+([.,]\d+)?|[.,]\d+)([eE][-+]?\d+)?$/;

/** The cell as text a spreadsheet shows but never evaluates: a leading apostrophe, as OWASP advises. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting after the formula guard: a field with the delimiter, a quote or a line break is quoted. */
export function delimitedField(value: string, delimiter: Delimiter): string {
  const safe = neutraliseFormula(value);
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function delimitedRow(fields: readonly string[], delimiter: Delimiter): string {
  return fields.map((f) => delimitedField(f, delimiter)).join(delimiter);
}

/** A report's tables as CSV (CRLF line ends), separated by a blank line, each with its caption first. */
export function tablesToCsv(tables: readonly PlainTable[]): string {
  return tables
    .map((t) => [[t.caption], t.header, ...t.rows].map((row) => delimitedRow(row, ',')).join('\r\n'))
    .join('\r\n\r\n')
    .concat('\r\n');
}

/**
 * One table as tab-separated text for pasting into a spreadsheet, which evaluates formulas on paste
 * just as on opening a file. Tabs and line breaks inside cells become spaces (a paste has no quoting).
 */
export function tableToTsv(table: PlainTable): string {
  const cell = (v: string) => neutraliseFormula(v).replace(/[\t\r\n]+/g, ' ');
  return [table.header, ...table.rows].map((row) => row.map(cell).join('\t')).join('\n');
}

export const SEGMENT_COLUMNS = [
  'code group',
  'code',
  'code path',
  'document',
  'document kind',
  'date',
  'citation',
  'speaker',
  'page',
  'text',
  'memo',
  'coder',
] as const;

/**
 * The coded segments of the evidence part, one row each, for spreadsheets: BOM, header row, CRLF line
 * ends (what Excel writes), memos only when the user included them.
 */
export function segmentsDelimited(doc: ExportDocument, delimiter: Delimiter): string {
  const columns = SEGMENT_COLUMNS.filter((c) => c !== 'memo' || doc.includeMemos);
  const lines = [delimitedRow(columns, delimiter)];
  for (const block of doc.blocks) {
    if (block.kind !== 'evidence') continue;
    for (const group of block.groups)
      for (const code of group.codes)
        for (const item of code.items) {
          const values: Record<(typeof SEGMENT_COLUMNS)[number], string> = {
            'code group': group.heading,
            code: code.code.name,
            'code path': code.code.path.join(' > '),
            document: item.documentTitle,
            'document kind': item.documentKind,
            date: item.documentDate ?? '',
            citation: item.citationText,
            speaker: item.citation.speaker ?? '',
            page: item.citation.page === null ? '' : String(item.citation.page),
            text: item.text,
            memo: item.memo,
            coder: item.coder,
          };
          lines.push(
            delimitedRow(
              columns.map((c) => values[c]),
              delimiter,
            ),
          );
        }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
