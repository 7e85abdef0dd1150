// The reader's segments as the rest of the app sees them: which coders' the view shows, the span kept
// of a saved segment, the coder key, and the 'segments' revision the reader bumps for other views.
import type { Segment, SegmentSpan } from '../../../shared/api/coding';
import { useRevisions } from '../../app/useRevisions';
import { coderKeyOf, useCoderView } from './useCoderView';

/**
 * The span of a full segment, so the map holds one shape whatever call produced the entry; undefined when
 * its coder is not among the coders known (a coder made meanwhile): then the spans are read again.
 */
export function spanOf(
  { id, codeId, startUtf16, endUtf16, coder }: Segment,
  known?: SegmentSpan,
): SegmentSpan | undefined {
  const coderId = known?.coderId ?? useCoderView.getState().coders.find((c) => c.name === coder)?.id;
  return coderId === undefined ? undefined : { id, codeId, coderId, startUtf16, endUtf16 };
}

export const spansArgs = (documentId: number, coderIds: number[] | undefined) =>
  coderIds === undefined ? { documentId } : { documentId, coderIds };

export const keyOf = (segments: ReadonlyMap<number, SegmentSpan>) =>
  coderKeyOf(
    [...segments.values()].map((s) => s.coderId),
    useCoderView.getState().coders,
  );

/** The 'segments' revision this store produced itself: the reader already shows that change. */
let ownSegmentsRevision = -1;

/** True when a 'segments' revision came from elsewhere (undo, auto-coding, a merge) and must be reloaded. */
export function isForeignSegmentsRevision(revision: number): boolean {
  return revision !== ownSegmentsRevision;
}

export function bumpSegments(): void {
  useRevisions.getState().bump('segments');
  ownSegmentsRevision = useRevisions.getState().revisions.segments;
}

/** Whether the coder view shows this coder's segments. */
export function shows(coderId: number): boolean {
  const { view, coders } = useCoderView.getState();
  if (view.kind === 'everyone') return true;
  if (view.kind === 'chosen') return view.coderIds.includes(coderId);
  return coders.find((c) => c.current)?.id === coderId;
}
