import { moveCaret, type CaretDirection, type CaretUnit } from '../../../shared/reader/caret';
import { rowAt } from '../../../shared/reader/rows';
import { useToasts } from '../../app/useToasts';
import { scrollRowIntoView } from './actions';
import { clearDomSelection } from './domSelection';
import { mod } from './shortcuts';
import { useReader } from './useReader';

// The keyboard path to coding: a caret in the text that arrow keys move and Shift-arrow keys extend
// into a selection, which the code keys, Ctrl/Cmd+K and Ctrl/Cmd+P then code like a mouse selection.

interface CaretStep {
  unit: CaretUnit;
  direction: CaretDirection;
  extend: boolean;
}

/**
 * ←/→ by character, Ctrl/Cmd+←/→ by word, ↑/↓ by sentence, Ctrl/Cmd+↑/↓ by paragraph; Shift extends
 * the selection. Alt+arrows are left to moving a segment's edges and going to the next segment.
 */
export function caretStep(e: KeyboardEvent): CaretStep | null {
  if (e.altKey) return null;
  const ctrl = mod(e);
  const step = (unit: CaretUnit, direction: CaretDirection) => ({ unit, direction, extend: e.shiftKey });
  switch (e.key) {
    case 'ArrowLeft':
      return step(ctrl ? 'word' : 'character', 'back');
    case 'ArrowRight':
      return step(ctrl ? 'word' : 'character', 'forward');
    case 'ArrowUp':
      return step(ctrl ? 'paragraph' : 'sentence', 'back');
    case 'ArrowDown':
      return step(ctrl ? 'paragraph' : 'sentence', 'forward');
    default:
      return null;
  }
}

/** The first row at least partly on screen (the reader's DOM knows; the store does not scroll). */
function firstRowOnScreen(): number {
  const list = document.querySelector('.reader-list');
  if (!list) return 0;
  const top = list.getBoundingClientRect().top;
  for (const row of list.querySelectorAll<HTMLElement>('.reader-row[data-row]')) {
    if (row.getBoundingClientRect().bottom > top + 1) return Number(row.dataset.row);
  }
  return 0;
}

/** Keys belong to the caret only while the text (or nothing in particular) has the focus. */
export function isReaderFocus(target: EventTarget | null): boolean {
  if (!(target instanceof Element) || target === document.body) return true;
  return target.closest('.reader-text-area') !== null;
}

/** Moves or extends the caret for an arrow key; returns true when the key was used. */
export function handleCaretKey(e: KeyboardEvent): boolean {
  const step = caretStep(e);
  if (!step || !isReaderFocus(e.target)) return false;
  const reader = useReader.getState();
  const { rows, text, selection, selectedSegmentId, segments } = reader;
  if (rows.length === 0) return false;
  let caret = reader.caret;
  if (!caret) {
    // Start from what is selected; else the caret first appears at the top of the screen, unmoved.
    const segment = selectedSegmentId !== null ? segments.get(selectedSegmentId) : undefined;
    if (selection) caret = { anchor: selection.start, focus: selection.end, byKeys: false };
    else if (segment) caret = { anchor: segment.endUtf16, focus: segment.endUtf16, byKeys: false };
    else {
      const row = firstRowOnScreen();
      reader.placeCaret(rows[row]!.start);
      useToasts.getState().push({
        kind: 'info',
        message: `Caret placed at the start of paragraph ${rows[row]!.paragraph}: arrows move it, Shift+arrows select.`,
      });
      return true;
    }
    useReader.setState({ caret });
  }
  const focus = moveCaret(text, rows, caret.focus, step.unit, step.direction);
  clearDomSelection();
  useReader.getState().moveCaret(focus, step.extend);
  const row = rowAt(rows, focus) ?? rowAt(rows, Math.max(0, focus - 1));
  if (row !== null) scrollRowIntoView(row);
  return true;
}
