import { useEffect } from 'react';
import { call } from '../../api/client';
import { useRevisions } from '../../app/useRevisions';
import { useToasts } from '../../app/useToasts';

/** Where the browser's own text undo belongs: typing in a field must not undo coding. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'color', 'range'].includes(target.type)
  );
}

/** Undo or redo the last coding action (persisted in the project) and tell every view to reload. */
export async function runUndo(direction: 'undo' | 'redo'): Promise<string | null> {
  const result = await call(direction === 'undo' ? 'undo.undo' : 'undo.redo', {});
  // A refused step (its rows changed since) was shown as an error and left the history: either way
  // the views reload, and an undone deletion brings documents and their group memberships back.
  useRevisions.getState().bump('codes', 'segments', 'memos', 'documents', 'groups');
  if (!result) return null;
  if (result.label) {
    useToasts
      .getState()
      .push({ kind: 'info', message: `${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.label}` });
  } else {
    useToasts.getState().push({ kind: 'info', message: `Nothing to ${direction}` });
  }
  return result.label;
}

let busy = false;

function onKeyDown(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return;
  const key = event.key.toLowerCase();
  const direction =
    key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' && !event.shiftKey ? 'redo' : null;
  if (!direction) return;
  event.preventDefault();
  // One at a time: a held key must not race two undos against each other.
  if (busy) return;
  busy = true;
  void runUndo(direction).finally(() => {
    busy = false;
  });
}

let mounted = 0;

/**
 * Global Ctrl/Cmd+Z (undo) and Shift+Ctrl/Cmd+Z or Ctrl+Y (redo) for coding actions, across documents.
 * Any number of views may mount it (the reader, the codebook): one listener serves them all, so a key
 * press never undoes twice. Ignored while typing in a text field.
 */
export function useUndoShortcuts(): void {
  useEffect(() => {
    if (mounted++ === 0) window.addEventListener('keydown', onKeyDown);
    return () => {
      if (--mounted === 0) window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
