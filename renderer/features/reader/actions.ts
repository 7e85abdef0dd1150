import type { Code } from '../../../shared/api/coding';
import { documentToRowOffset, paragraphOrTurnRange } from '../../../shared/reader/rows';
import { inVivoName, stepWordEdge } from '../../../shared/reader/words';
import { call } from '../../api/client';
import { useSelection } from '../../app/useSelection';
import { useToasts } from '../../app/useToasts';
import { useCodebook } from '../codebook/useCodebook';
import { usePalette } from '../palette/usePalette';
import { clearDomSelection } from './domSelection';
import { useReader, type Range } from './useReader';

// Coding actions shared by keyboard shortcuts, buttons, the sidebar and drag-and-drop.

const info = (message: string) => useToasts.getState().push({ kind: 'info', message });

type RowScroller = (index: number, align: 'center' | 'smart') => void;

/** The list's scroll-to-row, registered by ReaderText while it is mounted. */
let scrollToRow: RowScroller | null = null;
export function registerScroller(fn: RowScroller | null): void {
  scrollToRow = fn;
}

/** Scrolls only as far as needed to show a row (the caret's), not to the middle as navigation does. */
export function scrollRowIntoView(row: number): void {
  scrollToRow?.(row, 'smart');
}

/** Scrolls the reader to a passage and flashes it. */
export function revealRange(range: Range): void {
  const { rows, flashRange } = useReader.getState();
  const at = documentToRowOffset(rows, range.start, 'start');
  if (!at) return;
  scrollToRow?.(at.row, 'center');
  flashRange(range);
}

/** What a code action applies to: the text selection, else the selected segment's span. */
export function codingTarget(): Range | null {
  const { selection, selectedSegmentId, segments } = useReader.getState();
  if (selection) return selection;
  const segment = selectedSegmentId !== null ? segments.get(selectedSegmentId) : undefined;
  return segment ? { start: segment.startUtf16, end: segment.endUtf16 } : null;
}

export async function applyCode(codeId: number, range?: Range): Promise<void> {
  const target = range ?? codingTarget();
  if (!target) {
    info('Select some text first, then choose a code.');
    return;
  }
  // The browser's selection would otherwise be left in text React has just re-cut into new runs,
  // where it shows as a stray highlight from the paragraph's start; the coded segment is shown selected.
  clearDomSelection();
  await useReader.getState().apply(codeId, target);
}

export async function createCode(name: string): Promise<Code | undefined> {
  const codebook = useCodebook.getState();
  const code = await codebook.create({ name });
  // Reload before applying, so the new stripe is drawn with the code's name and colour at once.
  if (code) await codebook.load();
  return code;
}

export function openPalette(range: Range | null = codingTarget(), title = 'Code the selection'): void {
  if (!range) {
    info('Select some text first, then press Ctrl/Cmd+K to code it.');
    return;
  }
  usePalette.getState().show(title, (codeId) => void applyCode(codeId, range));
}

/** In-vivo coding: a code named by the selected words (reused if a top-level code has that name), applied to them. */
export async function inVivo(): Promise<void> {
  const { selection, text } = useReader.getState();
  if (!selection) {
    info('Select the words to use as the code name first.');
    return;
  }
  if (!inVivoName(text.slice(selection.start, selection.end))) return;
  // One call, so creating the code and coding the words are one undo step.
  const done = await useReader.getState().applyInVivo(selection);
  if (done?.codeCreated) await useCodebook.getState().load();
}

/** Selects a whole paragraph or speaker turn and opens the palette for it. */
export function codeRow(row: number, unit: 'paragraph' | 'turn'): void {
  const { rows, turns, setSelection } = useReader.getState();
  const range = paragraphOrTurnRange(rows, turns, row, unit);
  if (!range) return;
  setSelection(range);
  openPalette(range, unit === 'turn' ? 'Code the speaker turn' : 'Code the paragraph');
}

/** The row of the selection, the selected segment or the caret, for Ctrl+P. */
export function currentRow(): number | null {
  const { rows, caret } = useReader.getState();
  const at = codingTarget()?.start ?? caret?.focus;
  if (at === undefined) return null;
  return documentToRowOffset(rows, at, 'start')?.row ?? null;
}

/** Moves the selected segment's start or end by one word. */
export async function moveEdge(edge: 'start' | 'end', direction: 'back' | 'forward'): Promise<void> {
  const { selectedSegmentId, segments, text, resize } = useReader.getState();
  const segment = selectedSegmentId !== null ? segments.get(selectedSegmentId) : undefined;
  if (!segment) return;
  const from = edge === 'start' ? segment.startUtf16 : segment.endUtf16;
  const to = stepWordEdge(text, from, direction, edge);
  const range =
    edge === 'start' ? { start: to, end: segment.endUtf16 } : { start: segment.startUtf16, end: to };
  if (to === from || range.end <= range.start) return;
  await resize(segment.id, range);
}

export async function removeSelectedSegment(): Promise<void> {
  const { selectedSegmentId, remove } = useReader.getState();
  if (selectedSegmentId !== null) await remove(selectedSegmentId);
}

/** Next/previous segment of the selected segment's code, in this document or the next one. */
export async function gotoNeighbor(direction: 'next' | 'previous'): Promise<void> {
  const { selectedSegmentId, segments, documentId } = useReader.getState();
  const segment = selectedSegmentId !== null ? segments.get(selectedSegmentId) : undefined;
  if (!segment || documentId === null) {
    info('Select a segment first (click its stripe) to move to the next one of its code.');
    return;
  }
  const neighbor = await call('segments.neighbor', {
    codeId: segment.codeId,
    fromDocumentId: documentId,
    fromStartUtf16: segment.startUtf16,
    direction,
  });
  if (neighbor === undefined) return;
  if (neighbor === null || neighbor.id === segment.id) {
    info('This is the only segment of this code.');
    return;
  }
  const range = { start: neighbor.startUtf16, end: neighbor.endUtf16 };
  if (neighbor.documentId === documentId) {
    useReader.getState().selectSegment(neighbor.id);
    revealRange(range);
    return;
  }
  selectWhenLoaded(neighbor.documentId, neighbor.id);
  useSelection.getState().openDocument(neighbor.documentId, { startUtf16: range.start, endUtf16: range.end });
}

function selectWhenLoaded(documentId: number, segmentId: number): void {
  const unsubscribe = useReader.subscribe((s) => {
    if (s.documentId !== documentId || s.status === 'loading') return;
    unsubscribe();
    if (s.status === 'ready') s.selectSegment(segmentId);
  });
}
