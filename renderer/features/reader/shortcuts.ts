/** The key a shortcut names, read from the physical key so Alt+1 still means "1" on a Mac keyboard. */
function eventKey(e: KeyboardEvent): string {
  if (/^Digit\d$/.test(e.code)) return e.code.slice(5);
  if (/^Key[A-Z]$/.test(e.code)) return e.code.slice(3).toLowerCase();
  return e.key.toLowerCase();
}

/**
 * Whether a key event is a code's shortcut ("1", "q", "Alt+1", "Ctrl+Shift+F"). Ctrl and Cmd count as
 * the same modifier; Shift must match only when the shortcut names it.
 */
export function matchesShortcut(shortcut: string, e: KeyboardEvent): boolean {
  const parts = shortcut.split('+').map((p) => p.trim().toLowerCase());
  const key = parts.pop();
  if (!key) return false;
  const wantCtrl = parts.some((p) => p === 'ctrl' || p === 'cmd' || p === 'mod' || p === 'meta');
  const wantAlt = parts.includes('alt') || parts.includes('option');
  const wantShift = parts.includes('shift');
  if (wantCtrl !== (e.ctrlKey || e.metaKey) || wantAlt !== e.altKey) return false;
  if (wantShift && !e.shiftKey) return false;
  return eventKey(e) === key || e.key.toLowerCase() === key;
}

/** Keys typed into a field belong to the field, never to the reader. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Ctrl on Windows/Linux, Cmd on macOS. */
export const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

export const SHORTCUT_HELP: [string, string][] = [
  ['Select text', 'snaps to whole words; hold Alt while releasing to keep the exact selection'],
  ['← / →, Ctrl/Cmd+← / →', 'move the caret by a character, by a word (click in the text to place it)'],
  ['↑ / ↓, Ctrl/Cmd+↑ / ↓', 'move the caret by a sentence, by a paragraph'],
  ['Shift + any of these', 'select from the caret: by character, word, sentence or paragraph'],
  ['Code key (e.g. 1, q)', 'apply that code to the selection'],
  ['Ctrl/Cmd+K', 'code palette: type a code, Enter applies, or create a new code'],
  ['Ctrl/Cmd+I', 'in-vivo: create a code named by the selected words and apply it'],
  ['Ctrl/Cmd+P', 'code the whole paragraph at the caret'],
  ['Ctrl/Cmd+Shift+P', 'code the whole speaker turn'],
  ['Drag the selection onto a code', 'apply that code'],
  ['Click a stripe or coded text', 'select the segment'],
  ['Delete', 'un-code the selected segment'],
  ['Shift+Alt+← / →', 'move the selected segment’s end by a word'],
  ['Ctrl+Alt+← / →', 'move the selected segment’s start by a word'],
  ['Alt+↓ / Alt+↑', 'next / previous segment of the same code (across documents)'],
  ['F3 / Shift+F3', 'next / previous search hit'],
  ['Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z', 'undo, redo'],
  ['Escape', 'clear the selection and the caret, close a panel'],
  ['?', 'show this help'],
];
