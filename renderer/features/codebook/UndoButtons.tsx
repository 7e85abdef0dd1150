import { useEffect, useState } from 'react';
import type { UndoState } from '../../../shared/api/coding';
import { call } from '../../api/client';
import { useRevision } from '../../app/useRevisions';
import { runUndo } from './useUndoShortcuts';

/** Undo/redo buttons naming what they would reverse ("Undo: Delete code Libya"). */
export function UndoButtons() {
  const [state, setState] = useState<UndoState>({ undo: null, redo: null });
  const codes = useRevision('codes');
  const segments = useRevision('segments');
  const memos = useRevision('memos');
  const documents = useRevision('documents');
  useEffect(() => {
    let live = true;
    void call('undo.state', {}).then((value) => live && value && setState(value));
    return () => {
      live = false;
    };
  }, [codes, segments, memos, documents]);
  return (
    <span className="undo-buttons">
      <button
        type="button"
        disabled={!state.undo}
        title={state.undo ? `Undo: ${state.undo} (Ctrl+Z)` : 'Nothing to undo'}
        onClick={() => void runUndo('undo')}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!state.redo}
        title={state.redo ? `Redo: ${state.redo} (Shift+Ctrl+Z)` : 'Nothing to redo'}
        onClick={() => void runUndo('redo')}
      >
        Redo
      </button>
    </span>
  );
}
