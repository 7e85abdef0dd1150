import { rowAt } from '../../../shared/reader/rows';
import { useReader } from './useReader';

/** One line saying what the keyboard can do now: where the caret is, what is selected, what codes it. */
export function CaretStatus() {
  const message = useReader((s) => {
    if (s.selection) {
      const length = s.selection.end - s.selection.start;
      return `${length} ${length === 1 ? 'character' : 'characters'} selected: a code’s key or Ctrl/Cmd+K codes them`;
    }
    if (s.selectedSegmentId !== null)
      return 'Segment selected: Delete un-codes it, a code’s key codes its text again';
    if (s.caret) {
      const row = rowAt(s.rows, s.caret.focus) ?? rowAt(s.rows, s.caret.focus - 1);
      const where = row !== null ? `paragraph ${s.rows[row]!.paragraph}` : 'the text';
      return `Caret in ${where}: Shift+arrows select, Ctrl/Cmd+P codes the paragraph`;
    }
    return 'Select text, or click in it and use the arrow keys';
  });
  return (
    <span className="reader-caret-status muted" role="status" title={message}>
      {message}
    </span>
  );
}
