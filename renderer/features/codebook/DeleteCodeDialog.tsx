import { useEffect, useState } from 'react';
import type { CodeUsage } from '../../../shared/api/coding';
import { call } from '../../api/client';
import { useCodebook } from './useCodebook';

/** Asks before deleting, saying exactly what goes (the code, its sub-codes, their segments); undoable. */
export function DeleteCodeDialog({ codeId, onClose }: { codeId: number; onClose(deleted: boolean): void }) {
  const code = useCodebook((s) => s.byId[codeId]);
  const [usage, setUsage] = useState<CodeUsage | null>(null);
  useEffect(() => {
    let live = true;
    void call('codes.usage', { id: codeId }).then((value) => live && setUsage(value ?? null));
    return () => {
      live = false;
    };
  }, [codeId]);
  if (!code) return null;
  const subCodes = usage ? usage.codes - 1 : 0;
  return (
    <div
      className="codebook-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="delete-code-title"
      aria-describedby="delete-code-body"
    >
      <h3 id="delete-code-title">Delete “{code.name}”?</h3>
      <p id="delete-code-body">
        {usage
          ? `This deletes ${usage.segments} segment${usage.segments === 1 ? '' : 's'} in ${usage.documents} document${usage.documents === 1 ? '' : 's'}` +
            (subCodes > 0 ? `, ${subCodes} sub-code${subCodes === 1 ? '' : 's'}` : '') +
            (usage.memos > 0 ? ` and ${usage.memos} memo${usage.memos === 1 ? '' : 's'}` : '') +
            '. You can undo it (Ctrl+Z).'
          : 'Counting segments…'}
      </p>
      <div className="codebook-dialog-actions">
        <button type="button" onClick={() => onClose(false)} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          disabled={!usage}
          onClick={() =>
            void useCodebook
              .getState()
              .remove(codeId)
              .then((done) => onClose(done))
          }
        >
          Delete
        </button>
      </div>
    </div>
  );
}
