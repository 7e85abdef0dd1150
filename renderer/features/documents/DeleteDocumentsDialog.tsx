import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { call, callOrError } from '../../api/client';
import { useRevisions } from '../../app/useRevisions';
import { useSelection } from '../../app/useSelection';
import { useToasts } from '../../app/useToasts';
import { useDocuments } from './useDocuments';

interface Impact {
  documents: number;
  segments: number;
  memos: number;
}

const plural = (n: number, one: string, many: string): string =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * Confirms deleting the ticked documents, saying what goes with them (their coded segments and memos),
 * and deletes them as one undoable step.
 */
export function DeleteDocumentsDialog({ ids, onClose }: { ids: number[]; onClose(): void }) {
  const [impact, setImpact] = useState<Impact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titles = useDocuments(
    useShallow((s) => ids.slice(0, 3).map((id) => s.byId[id]?.title ?? `document ${id}`)),
  );

  useEffect(() => {
    let live = true;
    void call('documents.deletionImpact', { ids }).then((value) => live && value && setImpact(value));
    return () => {
      live = false;
    };
  }, [ids]);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    const result = await callOrError('documents.delete', { ids });
    setBusy(false);
    if (result.error) return setError(result.error.message);
    const done = result.value!;
    if (ids.includes(useSelection.getState().documentId ?? -1))
      useSelection.setState({ documentId: null, target: null });
    useDocuments.getState().setAllChecked(false);
    useRevisions.getState().bump('documents', 'segments', 'memos', 'groups');
    useToasts.getState().push({
      kind: 'info',
      message: `Deleted ${plural(done.deleted, 'document', 'documents')} with ${plural(done.segments, 'coded segment', 'coded segments')} — Ctrl+Z undoes it`,
    });
    onClose();
  };

  const more = ids.length - titles.length;
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="Delete documents"
      className="import-dialog"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h2>Delete {plural(ids.length, 'document', 'documents')}?</h2>
      <p>
        {titles.join(', ')}
        {more > 0 ? ` and ${more} more` : ''}
      </p>
      {impact ? (
        <p>
          With {ids.length === 1 ? 'it' : 'them'} go{' '}
          {plural(impact.segments, 'coded segment', 'coded segments')} and{' '}
          {plural(impact.memos, 'memo', 'memos')}; reports will no longer count them. Undo (Ctrl+Z) brings
          everything back.
        </p>
      ) : (
        <p className="muted">Counting what is coded in them…</p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" disabled={busy || !impact} onClick={() => void confirm()}>
          Delete {plural(ids.length, 'document', 'documents')}
        </button>
      </div>
    </div>
  );
}
