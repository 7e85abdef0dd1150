import { ScanResultView } from './ScanResultView';
import { usePrivacyScan } from './usePrivacyScan';

/** Looks for every real name and contact of the identity key in the project, and says where each hit is. */
export function PrivacyScan() {
  const { running, progress, files, result, error, scan, cancel } = usePrivacyScan();
  // A scan of export files is shown where the export was made.
  const ours = files.length === 0;
  return (
    <section className="privacy-scan" aria-label="Privacy scan">
      <button type="button" disabled={running} onClick={() => void scan()}>
        {running ? 'Scanning…' : 'Scan'}
      </button>
      {ours && <ScanResultView result={result} progress={progress} error={error} onCancel={cancel} />}
    </section>
  );
}
