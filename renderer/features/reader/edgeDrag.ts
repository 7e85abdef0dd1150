import type { PointerEvent as ReactPointerEvent } from 'react';
import { dragSegmentEdge } from '../../../shared/reader/words';
import { clearDomSelection, pointToOffset, selectDomRange } from './domSelection';
import { useReader, type Range } from './useReader';

/** Within this distance of the list's top or bottom, a drag scrolls the text. */
const EDGE_PX = 24;
const MAX_SCROLL_PX = 40;

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
 * the drag alive when the rows under the pointer are re-rendered or scrolled away; holding the pointer
 * at the list's top or bottom scrolls, so an edge can be dragged to a paragraph not yet on screen.
 */
export function startEdgeDrag(event: ReactPointerEvent, edge: 'start' | 'end', segmentId: number): void {
  if (event.button !== 0) return;
  // Cancelling pointerdown also stops the mousedown/mouseup that would start a text selection or
  // select the segment under the pointer on release.
  event.preventDefault();
  event.stopPropagation();
  const root = (event.currentTarget as HTMLElement).closest<HTMLElement>('.reader-text-area');
  if (!root) return;
  const list = root.querySelector<HTMLElement>('.reader-list');
  let draft: Range | null = null;
  let pointer = { x: event.clientX, y: event.clientY, exact: event.altKey };
  let frame = 0;

  /** Draft the edge at the pointer, held inside the list so a pointer past its edge drafts the edge row. */
  const place = () => {
    const box = list?.getBoundingClientRect();
    const x = box ? Math.min(Math.max(pointer.x, box.left + 2), box.right - 2) : pointer.x;
    const y = box ? Math.min(Math.max(pointer.y, box.top + 2), box.bottom - 2) : pointer.y;
    const caret = caretAt(x, y);
    const offset = caret && root.contains(caret.node) ? pointToOffset(caret.node, caret.offset) : null;
    const { text, segments } = useReader.getState();
    const segment = segments.get(segmentId);
    if (offset === null || !segment) return;
    const range = { start: segment.startUtf16, end: segment.endUtf16 };
    draft = dragSegmentEdge(text, range, edge, offset, pointer.exact);
    if (draft) selectDomRange(root, draft);
  };
  // Near or past the list's top or bottom the text scrolls, faster the further out, as in a text editor.
  const autoScroll = () => {
    frame = 0;
    const box = list?.getBoundingClientRect();
    if (!list || !box) return;
    const top = box.top + EDGE_PX;
    const bottom = box.bottom - EDGE_PX;
    const over = pointer.y < top ? pointer.y - top : pointer.y > bottom ? pointer.y - bottom : 0;
    if (over === 0) return;
    list.scrollTop += Math.max(-MAX_SCROLL_PX, Math.min(MAX_SCROLL_PX, over / 2));
    place();
    frame = requestAnimationFrame(autoScroll);
  };
  const move = (e: PointerEvent) => {
    pointer = { x: e.clientX, y: e.clientY, exact: e.altKey };
    place();
    if (!frame) frame = requestAnimationFrame(autoScroll);
  };
  const end = (e: PointerEvent) => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
    cancelAnimationFrame(frame);
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
