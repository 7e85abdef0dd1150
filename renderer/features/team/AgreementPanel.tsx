import { useEffect, useState } from 'react';
import type { AgreementMeasuresView, AgreementReport } from '../../../shared/api/team';
import { tablesToCsv } from '../../../shared/export/csv';
import { agreementJson, agreementTable } from '../../../shared/team/agreementTable';
import { coefficientBand, percentBand } from '../../../shared/team/bands';
import { AGREEMENT_UNITS, type AgreementUnit } from '../../../shared/team/units';
import type { DocumentGroup } from '../../../shared/api/search';
import { call } from '../../api/client';
import { useTeam } from './useTeam';

const fixed = (v: number | null, digits: number) => (v === null ? '—' : v.toFixed(digits));

function download(data: string | Uint8Array<ArrayBuffer>, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** The table with its definitions as a .docx, built by the backend (the same file as the CLI's --out). */
async function saveWordAppendix(report: AgreementReport): Promise<void> {
  const groupId = useTeam.getState().choice.documentGroupId;
  const file = await call('team.agreementFile', {
    coders: report.coders,
    unit: report.unit,
    ...(report.codes.length > 0 ? { codeIds: report.codes.map((c) => c.codeId) } : {}),
    ...(groupId !== null ? { documentGroupId: groupId } : {}),
    format: 'docx',
  });
  if (file)
    download(
      Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)),
      file.mimeType,
      file.fileName,
    );
}

function MeasureCells({ m }: { m: AgreementMeasuresView }) {
  return (
    <>
      <td>{m.units}</td>
      <td data-band={percentBand(m.percentAgreement)}>
        {m.percentAgreement === null ? '—' : `${(m.percentAgreement * 100).toFixed(1)} %`}
      </td>
      <td data-band={coefficientBand(m.kappa)}>{fixed(m.kappa, 3)}</td>
      <td data-band={coefficientBand(m.alpha)}>{fixed(m.alpha, 3)}</td>
      {m.applied.map((n, i) => (
        <td key={i}>{n}</td>
      ))}
    </>
  );
}

function AgreementTable({ report }: { report: AgreementReport }) {
  return (
    <>
      <table className="agreement-table" aria-label="Agreement by code">
        <caption>
          {report.coders.join(' · ')} — by {report.unit}, {report.documentCount} documents
        </caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Units</th>
            <th scope="col">Agreement</th>
            <th scope="col">Cohen’s κ</th>
            <th scope="col">Krippendorff’s α</th>
            {report.coders.map((c) => (
              <th key={c} scope="col">
                Applied by {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.codes.map((c) => (
            <tr key={c.codeId}>
              <th scope="row">
                <span className="swatch" style={{ background: c.code.color }} /> {c.code.path}
              </th>
              <MeasureCells m={c} />
            </tr>
          ))}
          <tr className="agreement-overall">
            <th scope="row">Overall (all codes pooled)</th>
            <MeasureCells m={report.overall} />
          </tr>
        </tbody>
      </table>
      <div className="export-tools">
        <button type="button" onClick={() => void saveWordAppendix(report)}>
          Save Word appendix
        </button>{' '}
        <button
          type="button"
          onClick={() => download(tablesToCsv([agreementTable(report)]), 'text/csv', 'agreement.csv')}
        >
          Save CSV
        </button>{' '}
        <button
          type="button"
          onClick={() =>
            download(
              `${JSON.stringify(agreementJson(report), null, 2)}\n`,
              'application/json',
              'agreement.json',
            )
          }
        >
          Save JSON
        </button>
      </div>
      <details>
        <summary>Definitions</summary>
        <ul>
          {report.definitions.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

/** Choose coders, unit and documents; compute the table. */
export function AgreementPanel() {
  const coders = useTeam((s) => s.coders);
  const choice = useTeam((s) => s.choice);
  const choose = useTeam((s) => s.choose);
  const compute = useTeam((s) => s.computeAgreement);
  const running = useTeam((s) => s.running);
  const report = useTeam((s) => s.report);
  const [groups, setGroups] = useState<DocumentGroup[]>([]);
  useEffect(() => {
    void call('documentGroups.list', {}).then((g) => setGroups(g ?? []));
  }, []);
  const toggle = (name: string, on: boolean) =>
    choose({ coders: on ? [...choice.coders, name] : choice.coders.filter((c) => c !== name) });
  return (
    <section aria-label="Agreement">
      <h3>Inter-coder agreement</h3>
      <form
        className="agreement-choice"
        onSubmit={(e) => {
          e.preventDefault();
          void compute();
        }}
      >
        <fieldset>
          <legend>Coders to compare</legend>
          {coders.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={choice.coders.includes(c.name)}
                onChange={(e) => toggle(c.name, e.target.checked)}
              />{' '}
              {c.name}
            </label>
          ))}
        </fieldset>
        <label>
          Unit{' '}
          <select value={choice.unit} onChange={(e) => choose({ unit: e.target.value as AgreementUnit })}>
            {AGREEMENT_UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Documents{' '}
          <select
            value={choice.documentGroupId ?? ''}
            onChange={(e) => choose({ documentGroupId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">coded by every chosen coder</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                group {g.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" disabled={choice.coders.length < 2 || running}>
          Compute agreement
        </button>
      </form>
      {report && <AgreementTable report={report} />}
    </section>
  );
}
