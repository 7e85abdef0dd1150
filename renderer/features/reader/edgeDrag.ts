import type { PointerEvent as ReactPointerEvent } from 'react';
import { dragSegmentEdge } from '../../../shared/reader/words';
import { clearDomSelection, pointToOffset, selectDomRange } from './domSelection';
import { useReader, type Range } from './useReader';

/** The text position under a point, in the DOM terms pointToOffset reads. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/**
 * Drags the selected segment's start or end handle: while the pointer moves, the browser selection
 * shows where the segment will reach (snapped to words, exact with Alt); on release the segment is
 * resized through the store, so the change is undoable like any other. Listening on the window keeps
 * the drag alive when the rows under the pointer are re-rendered or scrolled away.
 */
export function startEdgeDrag(event: ReactPointerEvent, edge: 'start' | 'end', segmentId: number): void {
  if (event.button !== 0) return;
  // Cancelling pointerdown also stops the mousedown/mouseup that would start a text selection or
  // select the segment under the pointer on release.
  event.preventDefault();
  event.stopPropagation();
  const root = (event.currentTarget as HTMLElement).closest<HTMLElement>('.reader-text-area');
  if (!root) return;
  let draft: Range | null = null;

  const move = (e: PointerEvent) => {
    const caret = caretAt(e.clientX, e.clientY);
    const offset = caret && root.contains(caret.node) ? pointToOffset(caret.node, caret.offset) : null;
    const { text, segments } = useReader.getState();
    const segment = segments.get(segmentId);
    if (offset === null || !segment) return;
    const range = { start: segment.startUtf16, end: segment.endUtf16 };
    draft = dragSegmentEdge(text, range, edge, offset, e.altKey);
    if (draft) selectDomRange(root, draft);
  };
  const end = (e: PointerEvent) => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    clearDomSelection();
    const segment = useReader.getState().segments.get(segmentId);
    if (e.type !== 'pointerup' || !draft || !segment) return;
    if (draft.start === segment.startUtf16 && draft.end === segment.endUtf16) return;
    void useReader.getState().resize(segmentId, draft);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);
}
