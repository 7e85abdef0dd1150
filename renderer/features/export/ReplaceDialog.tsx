import { fileNameOf } from '../../../shared/export/targetName';
import { useExport } from './useExport';

/** Asks before an export replaces an existing file, naming it; Cancel is the default. */
export function ReplaceDialog() {
  const replacing = useExport((s) => s.replacing);
  const confirmReplace = useExport((s) => s.confirmReplace);
  const cancelReplace = useExport((s) => s.cancelReplace);
  if (replacing === null) return null;
  const name = fileNameOf(replacing);
  return (
    <div
      className="export-replace"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="export-replace-title"
      aria-describedby="export-replace-body"
      onKeyDown={(e) => e.key === 'Escape' && cancelReplace()}
    >
      <h3 id="export-replace-title">Replace {name}?</h3>
      <p id="export-replace-body">
        A file named {name} already exists at {replacing}. Replacing it overwrites what it holds now.
      </p>
      <div className="export-replace-actions">
        <button type="button" onClick={cancelReplace} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => void confirmReplace()}>
          Replace
        </button>
      </div>
    </div>
  );
}
