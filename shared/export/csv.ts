import type { ExportDocument } from './document';

/** Excel opens UTF-8 CSV as ANSI unless the file starts with a byte-order mark. */
export const BOM = '\uFEFF';

export type Delimiter = ',' | '\t';

// A cell starting with one of these is a formula to Excel and LibreOffice; a leading apostrophe keeps it text.
const FORMULA_START = /^[=+@\t\r]/;

/** RFC 4180 quoting: a field with the delimiter, a quote or a line break is quoted, quotes doubled. */
export function delimitedField(value: string, delimiter: Delimiter): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function delimitedRow(fields: readonly string[], delimiter: Delimiter): string {
  return fields.map((f) => delimitedField(f, delimiter)).join(delimiter);
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
