import { create } from 'zustand';
import type { Segment, SegmentSpan } from '../../../shared/api/coding';
import type { DocumentSummary, Turn } from '../../../shared/api/documents';
import { IdMap } from '../../../shared/reader/idMap';
import { splitRows, type DisplayRow } from '../../../shared/reader/rows';
import { call } from '../../api/client';
import { projectGeneration } from '../../app/projectGeneration';
import { useRevisions } from '../../app/useRevisions';
import type { ColoredCoder } from '../../../shared/team/coderColors';
import { addToLayout, layoutSegments, type SegmentLayout } from './derive';
import { coderFilter, coderKeyOf, useCoderView } from './useCoderView';

export interface Range {
  start: number;
  end: number;
}

/**
 * The keyboard caret: `focus` is where it stands, `anchor` where Shift-extending began (equal when
 * nothing is selected). `byKeys` when the keyboard placed or moved it: then the reader draws the caret
 * and the selection itself; a mouse selection is drawn by the browser.
 */
export interface Caret {
  anchor: number;
  focus: number;
  byKeys: boolean;
}

interface ReaderState {
  documentId: number | null;
  status: 'idle' | 'loading' | 'ready' | 'missing';
  document: DocumentSummary | null;
  text: string;
  rows: DisplayRow[];
  turns: Turn[];
  /**
   * Where the open document's segments lie, by id; replaced (not mutated) on every change, sharing what
   * did not change with the map before (IdMap). Spans only: a dense transcript has tens of thousands,
   * and quote, memo and coder are fetched for the selected one.
   */
  segments: IdMap<SegmentSpan>;
  /** The coders of the shown segments with their colours when there are two or more, else null. */
  coderKey: Map<number, ColoredCoder> | null;
  rowSegments: (readonly number[])[];
  columns: IdMap<number>;
  columnCount: number;
  /** The text the researcher has selected, in document offsets, after snapping. */
  selection: Range | null;
  selectedSegmentId: number | null;
  hoveredSegmentId: number | null;
  /** A passage briefly flashed after navigating to it. */
  flash: (Range & { nonce: number }) | null;
  caret: Caret | null;

  load(documentId: number | null): Promise<void>;
  /** After a change to documents elsewhere: new title or metadata in place; new text or turns reload. */
  refreshDocument(): Promise<void>;
  reloadSegments(): Promise<void>;
  /** After the coders' names or colours changed: the key and stripes follow. */
  refreshCoderKey(): void;
  apply(codeId: number, range?: Range): Promise<Segment | undefined>;
  /** In-vivo coding of the range as one undo step; the caller reloads the codebook when a code was made. */
  applyInVivo(range: Range): Promise<{ segment: Segment; codeCreated: boolean } | undefined>;
  remove(segmentId: number): Promise<boolean>;
  resize(segmentId: number, range: Range): Promise<void>;
  recode(segmentId: number, codeId: number): Promise<void>;
  setMemo(segmentId: number, memo: string): Promise<Segment | undefined>;
  setSelection(range: Range | null): void;
  selectSegment(segmentId: number | null): void;
  hover(segmentId: number | null): void;
  flashRange(range: Range): void;
  /** Moves the caret to `focus`; with `extend` the selection runs from the anchor to it. */
  moveCaret(focus: number, extend: boolean): void;
  /** Puts a collapsed caret at an offset (a click in the text), or removes it. */
  placeCaret(offset: number | null): void;
}

/** The caret after a change that leaves nothing selected: collapsed where it stood. */
const collapsed = (caret: Caret | null): Caret | null =>
  caret ? { anchor: caret.focus, focus: caret.focus, byKeys: caret.byKeys } : null;

/**
 * The span of a full segment, so the map holds one shape whatever call produced the entry; undefined when
 * its coder is not among the coders known (a coder made meanwhile): then the spans are read again.
 */
function spanOf(
  { id, codeId, startUtf16, endUtf16, coder }: Segment,
  known?: SegmentSpan,
): SegmentSpan | undefined {
  const coderId = known?.coderId ?? useCoderView.getState().coders.find((c) => c.name === coder)?.id;
  return coderId === undefined ? undefined : { id, codeId, coderId, startUtf16, endUtf16 };
}

const spansArgs = (documentId: number, coderIds: number[] | undefined) =>
  coderIds === undefined ? { documentId } : { documentId, coderIds };

const keyOf = (segments: ReadonlyMap<number, SegmentSpan>) =>
  coderKeyOf(
    [...segments.values()].map((s) => s.coderId),
    useCoderView.getState().coders,
  );

/**
 * The coder key once `added` joins `before`: the very same object when its coder is already shown (a new
 * key would re-render every row on screen), else the key read again.
 */
function keyWith(
  key: Map<number, ColoredCoder> | null,
  before: IdMap<SegmentSpan>,
  added: SegmentSpan,
): Map<number, ColoredCoder> | null {
  if (key?.has(added.coderId)) return key;
  // No key: one coder shown at most; it stays so when the added segment is theirs.
  const any = before.values().next();
  if (!key && (any.done === true || any.value.coderId === added.coderId)) return null;
  return keyOf(before.with(added.id, added));
}

/**
 * Runs `work` once the next frame is painted: the reloads other views make after a change (document and
 * code counts, the undo buttons) must not hold back the frame that shows the change.
 */
function afterPaint(work: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') setTimeout(work, 0);
  else requestAnimationFrame(() => setTimeout(work, 0));
}

let loadToken = 0;
let flashNonce = 0;
/** The 'segments' revision this store produced itself: the reader already shows that change. */
let ownSegmentsRevision = -1;

/** True when a 'segments' revision came from elsewhere (undo, auto-coding, a merge) and must be reloaded. */
export function isForeignSegmentsRevision(revision: number): boolean {
  return revision !== ownSegmentsRevision;
}

function bumpSegments(): void {
  useRevisions.getState().bump('segments');
  ownSegmentsRevision = useRevisions.getState().revisions.segments;
}

/** Whether the coder view shows this coder's segments. */
function shows(coderId: number): boolean {
  const { view, coders } = useCoderView.getState();
  if (view.kind === 'everyone') return true;
  if (view.kind === 'chosen') return view.coderIds.includes(coderId);
  return coders.find((c) => c.current)?.id === coderId;
}

const EMPTY_LAYOUT = { coderKey: null, rowSegments: [], columns: IdMap.empty<number>(), columnCount: 0 };

export const useReader = create<ReaderState>((set, get) => {
  /** Installs a new segment map and the row index and stripes derived from it. */
  const setSegments = (segments: IdMap<SegmentSpan>, extra: Partial<ReaderState> = {}) => {
    const s = get();
    const previous: SegmentLayout = {
      rowSegments: s.rowSegments,
      columns: s.columns,
      columnCount: s.columnCount,
    };
    set({ segments, coderKey: keyOf(segments), ...layoutSegments(s.rows, segments, previous), ...extra });
  };
  const replaceSegment = async (segment: Segment) => {
    const span = spanOf(segment, get().segments.get(segment.id));
    if (!span) return get().reloadSegments();
    setSegments(get().segments.with(segment.id, span));
  };

  return {
    documentId: null,
    status: 'idle',
    document: null,
    text: '',
    rows: [],
    turns: [],
    segments: IdMap.empty(),
    ...EMPTY_LAYOUT,
    selection: null,
    selectedSegmentId: null,
    hoveredSegmentId: null,
    flash: null,
    caret: null,

    async load(documentId) {
      const token = ++loadToken;
      const reset = {
        selection: null,
        selectedSegmentId: null,
        hoveredSegmentId: null,
        flash: null,
        caret: null,
      };
      if (documentId === null) {
        set({
          documentId,
          status: 'idle',
          document: null,
          text: '',
          rows: [],
          turns: [],
          segments: IdMap.empty(),
          ...EMPTY_LAYOUT,
          ...reset,
        });
        return;
      }
      set({ documentId, status: 'loading', ...reset });
      const generation = projectGeneration();
      const [content, segments] = await Promise.all([
        call('documents.get', { id: documentId }),
        coderFilter().then((coderIds) => call('segments.spansByDocument', spansArgs(documentId, coderIds))),
      ]);
      // Another document was asked for meanwhile, or the project closed (the store was reset).
      if (token !== loadToken || generation !== projectGeneration()) return;
      if (!content) {
        set({
          status: 'missing',
          document: null,
          text: '',
          rows: [],
          segments: IdMap.empty(),
          ...EMPTY_LAYOUT,
        });
        return;
      }
      const rows = splitRows(content.text, content.turns, content.pages);
      const map = IdMap.from((segments ?? []).map((s) => [s.id, s] as const));
      set({ document: content.document, text: content.text, rows, turns: content.turns, ...EMPTY_LAYOUT });
      setSegments(map, { status: 'ready' });
    },

    async refreshDocument() {
      const { documentId, status } = get();
      if (documentId === null || status !== 'ready') return;
      const token = loadToken;
      const generation = projectGeneration();
      const content = await call('documents.get', { id: documentId });
      if (token !== loadToken || generation !== projectGeneration()) return;
      // Reloading resets the caret and selection: only when what is shown really changed.
      const same =
        content &&
        content.text === get().text &&
        JSON.stringify(splitRows(content.text, content.turns, content.pages)) === JSON.stringify(get().rows);
      if (same) set({ document: content.document, turns: content.turns });
      else await get().load(documentId);
    },

    async reloadSegments() {
      const { documentId } = get();
      if (documentId === null || get().status !== 'ready') return;
      const token = loadToken;
      const generation = projectGeneration();
      const coderIds = await coderFilter();
      const segments = await call('segments.spansByDocument', spansArgs(documentId, coderIds));
      if (!segments || token !== loadToken || generation !== projectGeneration()) return;
      const map = IdMap.from(segments.map((s) => [s.id, s] as const));
      const selected = get().selectedSegmentId;
      setSegments(map, { selectedSegmentId: selected !== null && map.has(selected) ? selected : null });
    },

    async apply(codeId, range) {
      const { documentId, selection, segments } = get();
      const target = range ?? selection;
      if (documentId === null || !target || target.end <= target.start) return undefined;
      const segment = await call('segments.apply', {
        documentId,
        codeId,
        startUtf16: target.start,
        endUtf16: target.end,
      });
      if (!segment || get().documentId !== documentId) return segment;
      const span = spanOf(segment, segments.get(segment.id));
      // A segment the view does not show (the coder is not among those chosen) is not drawn.
      const fresh = span !== undefined && !segments.has(segment.id) && shows(span.coderId);
      // The coded span stays shown: selected, with the caret after it, ready for the next passage.
      const caret = {
        anchor: segment.endUtf16,
        focus: segment.endUtf16,
        byKeys: get().caret?.byKeys ?? false,
      };
      const done = { selection: null, selectedSegmentId: segment.id, caret };
      if (!fresh || !span) {
        // The coder's own segment of this code grew over the span, and may have swallowed others of
        // theirs that it now touches: re-read the spans rather than guess which went.
        await get().reloadSegments();
        if (get().documentId === documentId) set(done);
        return segment;
      }
      // A new segment: lay out just it, so the stripe appears without re-laying out the document, and
      // only the rows it touches get new state (and render again).
      const s = get();
      const next = s.segments.with(segment.id, span);
      const layout = { rowSegments: s.rowSegments, columns: s.columns, columnCount: s.columnCount };
      set({
        segments: next,
        coderKey: keyWith(s.coderKey, s.segments, span),
        ...addToLayout(s.rows, next, layout, span),
        ...done,
      });
      afterPaint(bumpSegments);
      return segment;
    },

    async applyInVivo(range) {
      const { documentId } = get();
      if (documentId === null || range.end <= range.start) return undefined;
      const done = await call('segments.applyInVivo', {
        documentId,
        startUtf16: range.start,
        endUtf16: range.end,
      });
      if (!done || get().documentId !== documentId) return done;
      await get().reloadSegments();
      if (get().documentId === documentId) set({ selection: null, selectedSegmentId: done.segment.id });
      return done;
    },

    async remove(segmentId) {
      const done = await call('segments.remove', { id: segmentId });
      if (done === undefined) return false;
      const next = get().segments.without(segmentId);
      const selected = get().selectedSegmentId;
      setSegments(next, {
        selectedSegmentId: selected === segmentId ? null : selected,
        hoveredSegmentId: null,
      });
      bumpSegments();
      return true;
    },

    async resize(segmentId, range) {
      const segment = await call('segments.resize', {
        id: segmentId,
        startUtf16: range.start,
        endUtf16: range.end,
      });
      if (segment) {
        await replaceSegment(segment);
        bumpSegments();
      }
    },

    async recode(segmentId, codeId) {
      const segment = await call('segments.recode', { id: segmentId, codeId });
      if (segment) {
        // Recoding may collapse into an existing identical segment: reload to drop the duplicate.
        const before = get().segments.get(segmentId);
        if (segment.id !== segmentId || !before) await get().reloadSegments();
        else await replaceSegment(segment);
        set({ selectedSegmentId: segment.id });
        bumpSegments();
      }
    },

    async setMemo(segmentId, memo) {
      // The memo is not part of the span map: the segment panel keeps the returned segment.
      const segment = await call('segments.setMemo', { id: segmentId, memo });
      if (segment) useRevisions.getState().bump('memos');
      return segment;
    },

    refreshCoderKey() {
      const coderKey = keyOf(get().segments);
      if (JSON.stringify([...(coderKey ?? [])]) !== JSON.stringify([...(get().coderKey ?? [])]))
        set({ coderKey });
    },

    setSelection(selection) {
      set(
        selection
          ? {
              selection,
              selectedSegmentId: null,
              caret: { anchor: selection.start, focus: selection.end, byKeys: false },
            }
          : { selection: null, caret: collapsed(get().caret) },
      );
    },
    selectSegment(selectedSegmentId) {
      set({ selectedSegmentId, selection: null, caret: collapsed(get().caret) });
    },
    moveCaret(focus, extend) {
      const anchor = extend ? (get().caret?.anchor ?? focus) : focus;
      const selection =
        anchor === focus ? null : { start: Math.min(anchor, focus), end: Math.max(anchor, focus) };
      set({ caret: { anchor, focus, byKeys: true }, selection, selectedSegmentId: null });
    },
    placeCaret(offset) {
      set({ caret: offset === null ? null : { anchor: offset, focus: offset, byKeys: true } });
    },
    hover(hoveredSegmentId) {
      if (get().hoveredSegmentId !== hoveredSegmentId) set({ hoveredSegmentId });
    },
    flashRange(range) {
      const nonce = ++flashNonce;
      set({ flash: { ...range, nonce } });
      setTimeout(() => {
        if (get().flash?.nonce === nonce) set({ flash: null });
      }, 1600);
    },
  };
});
