import { useEffect } from 'react';
import { useToasts } from '../../app/useToasts';
import { useCodebook } from '../codebook/useCodebook';
import { usePalette } from '../palette/usePalette';
import {
  applyCode,
  codeRow,
  codingTarget,
  currentRow,
  gotoNeighbor,
  inVivo,
  moveEdge,
  openPalette,
  removeSelectedSegment,
  revealRange,
} from './actions';
import { handleCaretKey } from './caretKeys';
import { clearDomSelection } from './domSelection';
import { isTypingTarget, matchesShortcut, mod } from './shortcuts';
import { useReader } from './useReader';
import { useReaderSearch } from './useReaderSearch';

const info = (message: string) => useToasts.getState().push({ kind: 'info', message });

/** Handles one key press in the reader; returns true when the key was used. */
function handleKey(e: KeyboardEvent, toggleHelp: () => void): boolean {
  const reader = useReader.getState();
  if (e.key === 'F3') {
    const hit = useReaderSearch.getState().step(e.shiftKey ? -1 : 1);
    if (hit) revealRange(hit);
    return true;
  }
  if (mod(e) && !e.altKey && e.key.toLowerCase() === 'k') {
    openPalette();
    return true;
  }
  if (mod(e) && !e.altKey && e.key.toLowerCase() === 'i') {
    void inVivo();
    return true;
  }
  if (mod(e) && !e.altKey && e.key.toLowerCase() === 'p') {
    const row = currentRow();
    if (row !== null) codeRow(row, e.shiftKey ? 'turn' : 'paragraph');
    else
      info(
        `Ctrl/Cmd+${e.shiftKey ? 'Shift+P codes the speaker turn' : 'P codes the paragraph'} at the caret: click in the text or press an arrow key first.`,
      );
    return true; // never the browser's print dialog while reading
  }
  if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
    const direction = e.key === 'ArrowLeft' ? 'back' : 'forward';
    if (e.shiftKey && e.altKey && !mod(e)) {
      void moveEdge('end', direction);
      return reader.selectedSegmentId !== null;
    }
    if (e.ctrlKey && e.altKey && !e.shiftKey) {
      void moveEdge('start', direction);
      return reader.selectedSegmentId !== null;
    }
  }
  if (
    e.altKey &&
    !mod(e) &&
    (e.key === 'ArrowDown' || e.key === 'ArrowUp') &&
    reader.selectedSegmentId !== null
  ) {
    void gotoNeighbor(e.key === 'ArrowDown' ? 'next' : 'previous');
    return true;
  }
  if (handleCaretKey(e)) return true;
  if (
    (e.key === 'Delete' || e.key === 'Backspace') &&
    reader.selectedSegmentId !== null &&
    !reader.selection
  ) {
    void removeSelectedSegment();
    return true;
  }
  if (e.key === 'Escape') {
    reader.setSelection(null);
    reader.selectSegment(null);
    reader.placeCaret(null);
    clearDomSelection();
    return true;
  }
  if (e.key === '?' && !mod(e)) {
    toggleHelp();
    return true;
  }
  // A code's own shortcut key codes what is selected; with nothing selected it says how to select.
  for (const code of Object.values(useCodebook.getState().byId)) {
    if (!code.shortcut || !matchesShortcut(code.shortcut, e)) continue;
    if (code.codable === false)
      info(`${code.shortcut} is the key of “${code.name}”, a heading: apply one of its sub-codes.`);
    else if (codingTarget()) void applyCode(code.id);
    else
      info(
        `${code.shortcut} codes the selection as “${code.name}”: select text first (drag, or Shift+arrows from the caret).`,
      );
    return true;
  }
  return false;
}

/** The reader's keyboard: listens on the window while the reader is shown, ignoring keys typed into fields. */
export function useReaderKeys(toggleHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target) || usePalette.getState().open) return;
      if (useReader.getState().status !== 'ready') return;
      if (handleKey(e, toggleHelp)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggleHelp]);
}
