import type { PagedEvidenceReport } from '../../../shared/api/reports';
import type { CooccurrenceReport, FrequencyReport, MatrixReport } from '../../../shared/reports/model';
import { useReports } from './useReports';
import { EvidenceList } from './EvidenceList';
import { useEffect, useState } from 'react';

/** Cell background: white at 0 to a full accent at the largest value. */
function shade(value: number, max: number): string {
  const alpha = max <= 0 ? 0 : Math.round((value / max) * 60) / 100;
  return `rgba(37, 99, 235, ${alpha})`;
}

export function CooccurrenceTable({ report }: { report: CooccurrenceReport }) {
  const openCell = useReports((s) => s.openCell);
  const max = Math.max(
    0,
    ...report.rowGroups.flatMap((g) =>
      g.rows.flatMap((r) => r.cells.filter((c) => c.columnCodeId !== r.code.codeId).map((c) => c.count)),
    ),
  );
  return (
    <table className="report-table" aria-label="Code co-occurrence">
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">N</th>
          {report.columns.map((c) => (
            <th scope="col" key={c.code.codeId}>
              {c.code.name} (N = {c.n})
            </th>
          ))}
        </tr>
      </thead>
      {report.rowGroups.map((group) => (
        <tbody key={`${group.codeGroupId ?? 'none'}:${group.caption}`}>
          <tr className="report-group">
            <th colSpan={report.columns.length + 2} scope="rowgroup">
              {group.caption}
            </th>
          </tr>
          {group.rows.map((row) => (
            <tr key={row.code.codeId}>
              <th scope="row" style={{ paddingLeft: `${0.5 + row.code.depth}em` }}>
                {row.code.name}
              </th>
              <td>{row.n}</td>
              {row.cells.map((cell) => (
                <td key={cell.columnCodeId} style={{ background: shade(cell.count, max) }}>
                  <button
                    type="button"
                    className="report-cell"
                    aria-label={`${row.code.name} × ${report.columns.find((c) => c.code.codeId === cell.columnCodeId)?.code.name}: ${cell.count}`}
                    onClick={() =>
                      void openCell({
                        report: 'cooccurrence',
                        rowCodeId: row.code.codeId,
                        columnCodeId: cell.columnCodeId,
                        unit: report.unit,
                      })
                    }
                  >
                    {cell.count}
                    {cell.c !== undefined && <span className="report-c"> c={cell.c}</span>}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

export function MatrixTable({ report }: { report: MatrixReport }) {
  const openCell = useReports((s) => s.openCell);
  return (
    <table className="report-table" aria-label="Code matrix">
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Total</th>
          {report.columns.map((c) => (
            <th scope="col" key={c.key}>
              {c.label} (N = {c.n})
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => (
          <tr key={row.code.codeId}>
            <th scope="row" style={{ paddingLeft: `${0.5 + row.code.depth}em` }}>
              {row.code.name}
            </th>
            <td>{row.total}</td>
            {row.cells.map((cell) => (
              <td key={cell.columnKey} style={{ background: shade(cell.count, report.max) }}>
                <button
                  type="button"
                  className="report-cell"
                  onClick={() =>
                    void openCell({
                      report: 'matrix',
                      rowCodeId: row.code.codeId,
                      by: report.by,
                      columnKey: cell.columnKey,
                    })
                  }
                >
                  {cell.count}
                  {cell.percent !== undefined && ` (${cell.percent}%)`}
                </button>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type FrequencyKey = 'name' | 'segments' | 'documents' | 'participants';

export function FrequencyTable({ report }: { report: FrequencyReport }) {
  const [sortBy, setSortBy] = useState<FrequencyKey>('name');
  const rows =
    sortBy === 'name'
      ? report.rows
      : [...report.rows].sort((a, b) => b[sortBy] - a[sortBy] || a.code.name.localeCompare(b.code.name));
  const header = (key: FrequencyKey, label: string) => (
    <th scope="col" aria-sort={sortBy === key ? (key === 'name' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => setSortBy(key)}>
        {label}
      </button>
    </th>
  );
  return (
    <>
      <table className="report-table" aria-label="Code frequencies">
        <thead>
          <tr>
            {header('name', 'Code')}
            <th scope="col">Code groups</th>
            {header('segments', 'Segments')}
            {header('documents', 'Documents')}
            {header('participants', 'Participants')}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code.codeId}>
              <th scope="row">{r.code.path.join(' / ')}</th>
              <td>{r.codeGroups.join(', ')}</td>
              <td>{r.segments}</td>
              <td>{r.documents}</td>
              <td>{r.participants}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.groups.length > 0 && (
        <table className="report-table" aria-label="Code group frequencies">
          <thead>
            <tr>
              <th scope="col">Code group</th>
              <th scope="col">Codes</th>
              <th scope="col">Segments</th>
              <th scope="col">Documents</th>
              <th scope="col">Participants</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g) => (
              <tr key={g.codeGroupId}>
                <th scope="row">{g.name}</th>
                <td>{g.codeCount}</td>
                <td>{g.segments}</td>
                <td>{g.documents}</td>
                <td>{g.participants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** "Show more" under a code's quotes while the backend holds more of them. */
function ShowMoreEvidence({ codeId, shown, total }: { codeId: number; shown: number; total: number }) {
  const busy = useReports((s) => s.loadingMore.includes(codeId));
  return (
    <p className="evidence-more">
      <button
        type="button"
        disabled={busy}
        onClick={() => void useReports.getState().loadMoreEvidence(codeId)}
      >
        {busy ? 'Loading…' : 'Show more'}
      </button>{' '}
      <span className="muted">
        {shown.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')} shown
      </span>
    </p>
  );
}

/**
 * Quotes rendered before the first paint, and added per frame after it: with no code chosen the report
 * holds every code's first page (sixty codes: 12,000 quotes), which took seconds to lay out at once.
 */
const QUOTES_PER_FRAME = 200;
/** A citation list longer than this (thousands of documents at 10×) is folded until asked for. */
const CITATIONS_SHOWN_UP_TO = 600;

/** The index after the sections that fit one frame's quotes from `from` on (always at least one). */
function sectionsFitting(report: PagedEvidenceReport, from: number): number {
  let quotes = 0;
  let end = from;
  while (end < report.codes.length) {
    quotes += report.codes[end]!.items.length;
    if (end > from && quotes > QUOTES_PER_FRAME) break;
    end++;
  }
  return end;
}

/**
 * How many of the report's code sections are rendered: the first frame's, then more after each paint
 * until all are. A new report (its header is new; "Show more" keeps it) starts again; the growth stops
 * when the report is replaced or the view leaves.
 */
function useSectionsRendered(report: PagedEvidenceReport): number {
  const [shown, setShown] = useState(() => ({ header: report.header, count: sectionsFitting(report, 0) }));
  let current = shown;
  if (shown.header !== report.header) {
    current = { header: report.header, count: sectionsFitting(report, 0) };
    setShown(current);
  }
  const done = current.count >= report.codes.length;
  useEffect(() => {
    if (done) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame is painted, not before it: a timer alone could run ahead of the paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() =>
        setShown((s) => (s.header === report.header ? { ...s, count: sectionsFitting(report, s.count) } : s)),
      );
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [report, current.count, done]);
  return current.count;
}

/**
 * The documents a code's quotes come from; thousands of them fold into a line that opens on a click.
 * The longest lists are not in the report (null) and are asked for when the line is opened.
 */
function EvidenceCitations({
  codeId,
  citations,
  documentCount,
}: {
  codeId: number;
  citations: string | null;
  documentCount: number;
}) {
  const [open, setOpen] = useState(false);
  if (citations === '') return null;
  if (citations !== null && citations.length <= CITATIONS_SHOWN_UP_TO)
    return <p className="evidence-citations">({citations})</p>;
  const toggle = (opened: boolean) => {
    setOpen(opened);
    if (opened && citations === null) void useReports.getState().loadCitations(codeId);
  };
  return (
    <details className="evidence-citations" onToggle={(e) => toggle(e.currentTarget.open)}>
      <summary>Cited from {documentCount.toLocaleString('en-GB')} documents</summary>
      {open && (citations === null ? <p className="muted">Loading…</p> : <p>({citations})</p>)}
    </details>
  );
}

export function EvidenceReportView({ report }: { report: PagedEvidenceReport }) {
  const rendered = useSectionsRendered(report);
  return (
    <div className="evidence-report">
      {report.codes.slice(0, rendered).map((c) => (
        <section key={c.code.codeId} aria-label={c.code.path.join(' / ')}>
          <h3>
            {c.code.path.join(' / ')}{' '}
            <span className="muted">
              ({c.segmentCount} segments, {c.documentCount} documents)
            </span>
          </h3>
          {c.description && <p>{c.description}</p>}
          <EvidenceCitations codeId={c.code.codeId} citations={c.citations} documentCount={c.documentCount} />
          <EvidenceList items={c.items} label={`Evidence for ${c.code.name}`} />
          {c.nextOffset !== null && (
            <ShowMoreEvidence codeId={c.code.codeId} shown={c.items.length} total={c.segmentCount} />
          )}
        </section>
      ))}
      {/* Below the sections, so the quotes being read never move when it goes. */}
      {rendered < report.codes.length && (
        <p role="status" className="muted">
          Showing the quotes of {rendered} of {report.codes.length} codes…
        </p>
      )}
    </div>
  );
}
