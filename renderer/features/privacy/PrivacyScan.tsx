import { usePrivacyScan } from './usePrivacyScan';

/** Looks for every real name and contact of the identity key in the project, and says where each hit is. */
export function PrivacyScan() {
  const { running, result, error, scan } = usePrivacyScan();
  return (
    <section className="privacy-scan" aria-label="Privacy scan">
      <button type="button" disabled={running} onClick={() => void scan()}>
        {running ? 'Scanning…' : 'Scan'}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {result &&
        (result.hits.length === 0 ? (
          <p role="status">
            No real name or contact found ({result.searched.values} values in {result.searched.tables} tables,{' '}
            {result.searched.files.length} files).
          </p>
        ) : (
          <>
            <p role="alert">
              {result.hits.length} real name{result.hits.length === 1 ? '' : 's'} or contact
              {result.hits.length === 1 ? '' : 's'} found:
            </p>
            <ul aria-label="Privacy scan hits">
              {result.hits.map((hit, i) => (
                <li key={`${hit.where}-${i}`}>
                  {hit.where}: “{hit.found}” ({hit.participant ?? 'deleted participant'})
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
