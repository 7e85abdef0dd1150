import { useState } from 'react';
import type { ImportResult } from '../../../shared/api/sample';
import { call } from '../../api/client';
import { useSample } from './useSample';

/** Reads a CSV in the page and sends its text: works alike in Electron and browser mode. */
export function ImportCsv() {
  const changed = useSample((s) => s.changed);
  const [result, setResult] = useState<ImportResult | null>(null);
  const choose = async (file: File | undefined) => {
    if (!file) return;
    const outcome = await call('sample.import', { text: await file.text() });
    setResult(outcome ?? null);
    if (outcome && outcome.errors.length === 0) await changed();
  };
  return (
    <div className="import-csv">
      <label className="file-button">
        Import CSV…
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="Import participants from CSV"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {result && result.errors.length === 0 && (
        <span role="status">
          Imported {result.imported} participant(s) and {result.referrals} referral(s).
        </span>
      )}
      {result && result.errors.length > 0 && (
        <div role="alert" className="form-error">
          Nothing imported — fix these rows and import again:
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>
                row {e.row}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
