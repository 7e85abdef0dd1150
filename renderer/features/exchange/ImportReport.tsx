import { useRefiImport } from './useRefiImport';

/** What a REFI-QDA import kept, read offsets in, and left out; also kept as a project memo. */
export function ImportReport() {
  const summary = useRefiImport((s) => s.summary);
  const dismiss = useRefiImport((s) => s.dismiss);
  if (!summary) return null;
  return (
    <section role="dialog" aria-label="REFI-QDA import report" className="import-report">
      <h2>REFI-QDA import report</h2>
      <p>
        {summary.origin ? `From ${summary.origin}: ` : ''}
        {summary.documents} documents, {summary.codes} codes, {summary.segments} coded segments,{' '}
        {summary.memos} memos, {summary.coders} coders. This report is kept as the memo “REFI-QDA import
        report”.
      </p>
      {summary.units.length > 0 && (
        <>
          <h3>Offsets read as</h3>
          <ul>
            {summary.units.map((u, i) => (
              <li key={i}>
                {u.document}: {u.unit}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{summary.report.length ? 'Not kept or changed' : 'Everything in the file was kept'}</h3>
      {summary.report.length > 0 && (
        <ul className="import-report-lines">
          {summary.report.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={dismiss}>
        Close report
      </button>
    </section>
  );
}
