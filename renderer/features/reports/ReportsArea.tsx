import { useEffect, useMemo } from 'react';
import { citationsFilledIn } from '../../../shared/reports/evidence';
import { reportTables } from '../../../shared/reports/tables';
import { call } from '../../api/client';
import { useRevision } from '../../app/useRevisions';
import { SampleReports } from '../sample/SampleReports';
import { EvidenceList } from './EvidenceList';
import { TableTools } from './exportTools';
import { FiltersBar } from './FiltersBar';
import { ReportSettingsBar } from './ReportSettingsBar';
import { CooccurrenceTable, EvidenceReportView, FrequencyTable, MatrixTable } from './tables';
import { TimelineChart } from './TimelineChart';
import { useReports, type ReportTab, type ShownReport } from './useReports';

const TABS: { tab: ReportTab; label: string }[] = [
  { tab: 'evidence', label: 'Evidence by code' },
  { tab: 'cooccurrence', label: 'Co-occurrence' },
  { tab: 'matrix', label: 'Code matrix' },
  { tab: 'timeline', label: 'Counts over time' },
  { tab: 'frequencies', label: 'Code frequencies' },
  { tab: 'sample', label: 'Sample' },
];

function ReportBody({ report }: { report: ShownReport }) {
  const chart = useReports((s) => s.settings.chart);
  switch (report.kind) {
    case 'evidence':
      return <EvidenceReportView report={report} />;
    case 'cooccurrence':
      return <CooccurrenceTable report={report} />;
    case 'matrix':
      return <MatrixTable report={report} />;
    case 'frequencies':
      return <FrequencyTable report={report} />;
    case 'timeline': {
      const table = reportTables(report)[0]!;
      return (
        <div className="report-chart-and-table">
          <TimelineChart report={report} kind={chart} />
          <table className="report-table" aria-label="Counts per year">
            <thead>
              <tr>
                {table.header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row[0]}>
                  {row.map((v, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {v}
                      </th>
                    ) : (
                      <td key={i}>{v}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
  }
}

function CellPanel() {
  const cell = useReports((s) => s.cell);
  const loading = useReports((s) => s.cellLoading);
  const close = useReports((s) => s.closeCell);
  if (loading)
    return (
      <p role="status" className="spinner">
        Loading the cell's evidence…
      </p>
    );
  if (!cell) return null;
  return (
    <section className="report-cell-evidence" aria-label="Cell evidence">
      <h3>{cell.caption}</h3>
      <button type="button" onClick={close}>
        Close
      </button>
      <EvidenceList items={cell.items} label="Row code evidence" />
      {cell.otherItems.length > 0 && (
        <>
          <h4>Column code</h4>
          <EvidenceList items={cell.otherItems} label="Column code evidence" />
        </>
      )}
    </section>
  );
}

/** The Reports area: pick a report, filter, read it as a table or chart, copy or save it. */
export function ReportsArea() {
  const tab = useReports((s) => s.tab);
  const setTab = useReports((s) => s.setTab);
  const filters = useReports((s) => s.filters);
  const settings = useReports((s) => s.settings);
  const report = useReports((s) => s.report);
  const loading = useReports((s) => s.loading);
  const codes = useRevision('codes');
  const segments = useRevision('segments');
  const documents = useRevision('documents');
  const participants = useRevision('participants');
  const groups = useRevision('groups');

  useEffect(() => {
    void useReports.getState().loadOptions();
  }, [codes, documents, participants, groups]);
  useEffect(() => {
    if (tab !== 'sample') void useReports.getState().run();
  }, [tab, filters, settings, codes, segments, documents, participants, groups]);
  const tables = useMemo(
    () => (report ? reportTables(report.kind === 'evidence' ? citationsFilledIn(report) : report) : []),
    [report],
  );
  // Evidence shows first pages and sends long citation lists apart; its copy and CSV hold them all.
  const paged =
    report?.kind === 'evidence' && report.codes.some((c) => c.nextOffset !== null || c.citations === null);
  const complete = async () => {
    const whole = await call('reports.evidence', { filters, sort: settings.sort });
    return whole ? reportTables(citationsFilledIn(whole)) : tables;
  };

  return (
    <section className="reports-area" aria-label="Reports">
      <h2>Reports</h2>
      <div role="tablist" aria-label="Report" className="report-tabs">
        {TABS.map((t) => (
          <button
            key={t.tab}
            role="tab"
            type="button"
            aria-selected={tab === t.tab}
            onClick={() => setTab(t.tab)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'sample' ? (
        <SampleReports />
      ) : (
        <>
          <FiltersBar />
          <ReportSettingsBar />
          {/* Always in place, one line high: a status line that came and went pushed the report down
              under the pointer while it computed (a click landed on the wrong row). */}
          <p role="status" aria-live="polite" className="report-status">
            {loading ? 'Computing the report…' : ''}
          </p>
          {report && (
            <div className="report" aria-busy={loading}>
              <header className="report-header">
                <h3>{report.header.title}</h3>
                <p>
                  {report.header.filters.join(' · ')} — N = {report.header.documentCount} documents,{' '}
                  {report.header.segmentCount} segments
                  {report.header.excludedWithdrawn.documents > 0 &&
                    ` (${report.header.excludedWithdrawn.participants} withdrawn participants excluded: ${report.header.excludedWithdrawn.documents} documents, ${report.header.excludedWithdrawn.segments} segments)`}
                </p>
              </header>
              <TableTools tables={tables} name={report.kind} {...(paged ? { complete } : {})} />
              <div className="report-body">
                <ReportBody report={report} />
                <CellPanel />
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
