import { useShallow } from 'zustand/react/shallow';
import { KeyGate } from './KeyGate';
import { ScanResultView } from './ScanResultView';
import { usePrivacyScan } from './usePrivacyScan';

/**
 * Offered after an export is written: scan the written files (and the project) for every real name and
 * contact of the identity key before the export leaves the researcher's machine.
 */
export function ScanExportOffer({ files }: { files: string[] }) {
  const scan = usePrivacyScan(
    useShallow((s) => ({
      running: s.running,
      progress: s.progress,
      result: s.result,
      error: s.error,
      mine: s.files.length === files.length && s.files.every((f, i) => f === files[i]),
    })),
  );
  return (
    <div className="scan-export-offer" role="group" aria-label="Scan the export">
      <KeyGate purpose="Scanning the export for names">
        <button
          type="button"
          disabled={scan.running}
          onClick={() => void usePrivacyScan.getState().scan(files)}
        >
          Scan the export for names
        </button>
        {scan.mine && (
          <ScanResultView
            result={scan.result}
            progress={scan.progress}
            error={scan.error}
            onCancel={() => usePrivacyScan.getState().cancel()}
          />
        )}
      </KeyGate>
    </div>
  );
}
