import { useEffect, useState } from 'react';
import type { AppendixRow, ExcludedDocuments } from '../../../shared/api/sample';
import type { SaturationCurve } from '../../../shared/sample/saturation';
import type { SampleStatistics } from '../../../shared/sample/statistics';
import { STATUS_LABELS, type ParticipantStatus } from '../../../shared/sample/types';
import { call } from '../../api/client';
import { useRevision } from '../../app/useRevisions';
import { SaturationChart } from './SaturationChart';
import './sample.css';

interface Reports {
  statistics: SampleStatistics;
  saturation: SaturationCurve;
  appendix: AppendixRow[];
  excluded: ExcludedDocuments;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** Sample statistics, saturation curve and Appendix-1 table, shown in the Reports area. */
export function SampleReports() {
  const participants = useRevision('participants');
  const segments = useRevision('segments');
  const documents = useRevision('documents');
  const [reports, setReports] = useState<Reports | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([
      call('sample.statistics', {}),
      call('sample.saturation', {}),
      call('sample.appendix', {}),
      call('sample.excluded', {}),
    ]).then(([statistics, saturation, appendix, excluded]) => {
      if (live && statistics && saturation && appendix && excluded)
        setReports({ statistics, saturation, appendix, excluded });
    });
    return () => {
      live = false;
    };
  }, [participants, segments, documents]);
  if (!reports) return null;
  const { statistics: s, saturation, appendix, excluded } = reports;
  if (s.total === 0) return <p className="muted">Sample reports appear once participants are recorded.</p>;
  return (
    <div className="sample-reports">
      {excluded.participants.length > 0 && (
        <p className="sample-warning" role="note">
          Excluded: transcripts of withdrawn participants (
          {excluded.participants.map((p) => p.label).join(', ')}; {excluded.documentIds.length} transcript(s))
          are left out of these reports and of exports.
        </p>
      )}
      <section aria-label="Sample statistics">
        <h3>Sample (N = {s.total})</h3>
        <div className="sample-stats-grid">
          <CountTable
            caption="By category"
            keyHeader="Category"
            rows={s.perCategory.map((r) => [r.key, r.count])}
          />
          <CountTable
            caption="By status"
            keyHeader="Status"
            rows={s.perStatus
              .filter((r) => r.count > 0)
              .map((r) => [STATUS_LABELS[r.key as ParticipantStatus], r.count])}
          />
          <table className="sample-table" aria-label="By wave">
            <caption>By wave (0 = seeds)</caption>
            <thead>
              <tr>
                <th>Wave</th>
                <th>Participants</th>
                <th>Interviewed</th>
              </tr>
            </thead>
            <tbody>
              {s.perWave.map((w) => (
                <tr key={String(w.wave)}>
                  <td>{w.wave ?? '—'}</td>
                  <td>{w.participants}</td>
                  <td>{w.interviewed}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="sample-table" aria-label="Yield per seed">
            <caption>Yield per seed</caption>
            <thead>
              <tr>
                <th>Seed</th>
                <th>Reached</th>
                <th>Interviews</th>
              </tr>
            </thead>
            <tbody>
              {s.yieldPerSeed.map((y) => (
                <tr key={y.seedId}>
                  <td>{y.seed}</td>
                  <td>{y.reached}</td>
                  <td>{y.interviews}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          Response rate {percent(s.responseRate)} ({s.replied} of {s.contacted} contacted replied); acceptance{' '}
          {percent(s.acceptanceRate)} ({s.accepted} of {s.contacted}). Median days from identified to
          interviewed: {s.medianDaysToInterview ?? '—'} (N = {s.daysToInterviewN}).
        </p>
      </section>
      <section aria-label="Saturation">
        <h3>Saturation</h3>
        <SaturationChart curve={saturation} />
      </section>
      <section aria-label="Appendix 1">
        <h3>Appendix 1: interviews</h3>
        {appendix.length === 0 ? (
          <p className="muted">No interviews recorded yet.</p>
        ) : (
          <table className="sample-table" aria-label="Appendix 1 table">
            <thead>
              <tr>
                <th>Interview</th>
                <th>Category</th>
                <th>Date</th>
                <th>Mode</th>
              </tr>
            </thead>
            <tbody>
              {appendix.map((row) => (
                <tr key={row.label}>
                  <td>{row.label}</td>
                  <td>{row.category}</td>
                  <td>{row.date}</td>
                  <td>{row.mode}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function CountTable({
  caption,
  keyHeader,
  rows,
}: {
  caption: string;
  keyHeader: string;
  rows: [string, number][];
}) {
  return (
    <table className="sample-table" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          <th scope="col">Participants</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, count]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
