import { useState } from 'react';
import type { AttributeCsvSummary } from '../../../shared/api/documents';
import { callOrError } from '../../api/client';
import { useRevisions } from '../../app/useRevisions';

/** Document attributes from a spreadsheet: one row per document, keyed by file name or title. */
export function AttributesCsvImport() {
  const [summary, setSummary] = useState<AttributeCsvSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const importFile = async (file: File): Promise<void> => {
    const { value, error: failure } = await callOrError('attributes.importCsv', { csv: await file.text() });
    setError(failure ? `${file.name}: ${failure.message}` : null);
    setSummary(value ?? null);
    if (value) useRevisions.getState().bump('documents');
  };

  return (
    <section aria-label="Attributes from CSV" className="attributes-csv">
      <h3>Attributes from a CSV</h3>
      <p className="muted">
        First column: file name or title; one column per attribute. Types are taken from the values.
      </p>
      <label>
        CSV file
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
      </label>
      {summary && (
        <p role="status">
          {summary.matched} documents matched, {summary.valuesSet} values set
          {summary.created.length > 0
            ? `; new attributes: ${summary.created.map((c) => `${c.name} (${c.type})`).join(', ')}`
            : ''}
          {summary.unmatched.length > 0 ? `; no document for: ${summary.unmatched.join(', ')}` : ''}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
