import type { Report, ReportCode } from './model';

/** A report flattened to rows of cells: what "Copy", "Save CSV" and `--csv` write. */
export interface PlainTable {
  caption: string;
  header: string[];
  rows: string[][];
}

function codeName(code: ReportCode): string {
  return code.path.join(' / ');
}

/** The tables of a report, in the order the UI shows them. */
export function reportTables(report: Report): PlainTable[] {
  switch (report.kind) {
    case 'evidence':
      return [
        {
          caption: report.header.title,
          header: [
            'Code',
            'Segments',
            'Documents',
            'Citations',
            'Quote',
            'Citation',
            'Memo',
            'Document ID',
            'Start',
            'End',
          ],
          rows: report.codes.flatMap((c) =>
            c.items.length === 0
              ? [[codeName(c.code), '0', '0', '', '', '', '', '', '', '']]
              : c.items.map((i) => [
                  codeName(c.code),
                  String(c.segmentCount),
                  String(c.documentCount),
                  c.citations,
                  i.text,
                  i.citationText,
                  i.memo,
                  String(i.documentId),
                  String(i.startUtf16),
                  String(i.endUtf16),
                ]),
          ),
        },
      ];
    case 'cooccurrence':
      return [
        {
          caption: `${report.header.title} (${report.unit})`,
          header: ['Group', 'Code', 'N', ...report.columns.map((c) => `${codeName(c.code)} (N = ${c.n})`)],
          rows: report.rowGroups.flatMap((g) =>
            g.rows.map((r) => [
              g.caption,
              codeName(r.code),
              String(r.n),
              ...r.cells.map((cell) =>
                cell.c === undefined ? String(cell.count) : `${cell.count} (c = ${cell.c})`,
              ),
            ]),
          ),
        },
      ];
    case 'matrix':
      return [
        {
          caption: `${report.header.title} (${report.unit})`,
          header: ['Code', 'Total', ...report.columns.map((c) => `${c.label} (N = ${c.n})`)],
          rows: [
            ...report.rows.map((r) => [
              codeName(r.code),
              String(r.total),
              ...r.cells.map((cell) =>
                cell.percent === undefined ? String(cell.count) : `${cell.count} (${cell.percent}%)`,
              ),
            ]),
            ['Total', '', ...report.columnTotals.map(String)],
          ],
        },
      ];
    case 'timeline':
      return [
        {
          caption: `${report.header.title} (${report.unit})`,
          header: ['Year', ...report.series.map((s) => `${s.label} (N = ${s.n})`), 'Total'],
          rows: report.years.map((y, i) => [
            String(y),
            ...report.series.map((s) => String(s.counts[i] ?? 0)),
            String(report.totals[i] ?? 0),
          ]),
        },
      ];
    case 'frequencies':
      return [
        {
          caption: report.header.title,
          header: ['Code', 'Code groups', 'Segments', 'Documents', 'Participants'],
          rows: report.rows.map((r) => [
            codeName(r.code),
            r.codeGroups.join(', '),
            String(r.segments),
            String(r.documents),
            String(r.participants),
          ]),
        },
        {
          caption: 'Code groups',
          header: ['Code group', 'Codes', 'Segments', 'Documents', 'Participants'],
          rows: report.groups.map((g) => [
            g.name,
            String(g.codeCount),
            String(g.segments),
            String(g.documents),
            String(g.participants),
          ]),
        },
      ];
  }
}

// Written by the app's one CSV/TSV writer (formula guard included); kept here for the reports' callers.
export { tablesToCsv, tableToTsv } from '../export/csv';
