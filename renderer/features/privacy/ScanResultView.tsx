import type { ScanResult } from '../../../shared/api/privacy';
import type { JobProgressView } from './followJob';

/** A scan's progress (with Cancel) while it runs, then where each real name or contact was found. */
export function ScanResultView({
  result,
  progress,
  error,
  onCancel,
}: {
  result: ScanResult | null;
  progress: JobProgressView | null;
  error: string | null;
  onCancel(): void;
}) {
  return (
    <>
      {progress && (
        <p role="status" className="scan-progress">
          <progress aria-label="Scan progress" max={progress.total || 1} value={progress.done} /> Scanning{' '}
          {progress.current || '…'}{' '}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </p>
      )}
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
    </>
  );
}
