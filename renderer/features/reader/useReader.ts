import { create } from 'zustand';
import type { Segment, SegmentSpan } from '../../../shared/api/coding';
import type { DocumentSummary, Turn } from '../../../shared/api/documents';
import { firstScreenRange, rangeCoversText } from '../../../shared/reader/firstScreen';
import { IdMap } from '../../../shared/reader/idMap';
import { splitRows, type DisplayRow } from '../../../shared/reader/rows';
import { afterPaint } from '../../api/afterPaint';
import { call, callAfterPaint } from '../../api/client';
import { projectGeneration } from '../../app/projectGeneration';
import { useRevisions } from '../../app/useRevisions';
import type { ColoredCoder } from '../../../shared/team/coderColors';
import {
  addToLayout,
  coderKeyWith,
  foreseeSegment,
  layoutSegments,
  removeFromLayout,
  type SegmentLayout,
} from './derive';
import { bumpSegments, keyOf, shows, spanOf, spansArgs } from './readerSegments';
import { coderFilter, coderKeyOf, useCoderView } from './useCoderView';

export { isForeignSegmentsRevision } from './readerSegments';

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
  /**
   * Whether `segments` holds every span the view shows: false while a long document's first screen is
   * drawn from its own spans and the rest are on their way (shared/reader/firstScreen.ts).
   */
  complete: boolean;
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

  /**
   * Opens a document: the text with the spans of the screen at `around` (its start by default) first,
   * then the rest of the spans laid out around them.
   */
  load(documentId: number | null, around?: number): Promise<void>;
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

let loadToken = 0;
/** Settles once the open document's spans are all in (at once when the first screen had them all). */
let restOfSpans: Promise<void> = Promise.resolve();
let flashNonce = 0;

/** Ids of segments drawn before the backend has saved them: negative, so they never meet a saved one's. */
let lastUnsavedId = 0;

const layoutOf = (s: ReaderState): SegmentLayout => ({
  rowSegments: s.rowSegments,
  columns: s.columns,
  columnCount: s.columnCount,
});

const EMPTY_LAYOUT = { coderKey: null, rowSegments: [], columns: IdMap.empty<number>(), columnCount: 0 };

export const useReader = create<ReaderState>((set, get) => {
  /** Installs a new segment map and the row index and stripes derived from it; `kept` columns stay put. */
  const setSegments = (
    segments: IdMap<SegmentSpan>,
    extra: Partial<ReaderState> = {},
    kept?: ReadonlyMap<number, number>,
  ) => {
    const s = get();
    set({
      segments,
      coderKey: keyOf(segments),
      ...layoutSegments(s.rows, segments, layoutOf(s), kept),
      ...extra,
    });
  };
  /**
   * Every span the view shows, read from the backend; undefined when the call failed or another
   * document (or project) was opened meanwhile.
   */
  const readAllSpans = async (documentId: number): Promise<IdMap<SegmentSpan> | undefined> => {
    const token = loadToken;
    const generation = projectGeneration();
    const coderIds = await coderFilter();
    const spans = await call('segments.spansByDocument', spansArgs(documentId, coderIds));
    if (!spans || token !== loadToken || generation !== projectGeneration()) return undefined;
    return IdMap.from(spans.map((x) => [x.id, x] as const));
  };
  /**
   * Shows one more segment (in place of `replacing`, drawn ahead of it): only the rows they touch get
   * new state, and render again.
   */
  const addSpan = (span: SegmentSpan, extra: Partial<ReaderState> = {}, replacing?: SegmentSpan) => {
    const s = get();
    let before = s.segments;
    let layout = layoutOf(s);
    if (replacing && before.has(replacing.id)) {
      before = before.without(replacing.id);
      layout = removeFromLayout(s.rows, layout, replacing);
    }
    const segments = before.with(span.id, span);
    const coderKey = coderKeyWith(s.coderKey, before, span, (ids) =>
      coderKeyOf(ids, useCoderView.getState().coders),
    );
    set({ segments, coderKey, ...addToLayout(s.rows, segments, layout, span), ...extra });
  };
  /** The segment applying a code will make, drawn before the backend answers when that is sure. */
  const foreseen = (codeId: number, target: Range): SegmentSpan | undefined => {
    const me = useCoderView.getState().coders.find((c) => c.current);
    if (!me || !shows(me.id)) return undefined;
    const span = foreseeSegment(get(), { codeId, coderId: me.id, ...target });
    return span && { ...span, id: --lastUnsavedId };
  };
  /**
   * The rest of a long document's spans, laid out around the first screen's (whose stripes keep their
   * columns), once that screen is painted: their parse and layout must not hold it back.
   */
  const loadRest = async (token: number, generation: number, documentId: number) => {
    await new Promise<void>((resolve) => afterPaint(resolve));
    if (token !== loadToken || generation !== projectGeneration()) return;
    const segments = await readAllSpans(documentId);
    if (segments) setSegments(segments, { complete: true }, get().columns);
  };
  /** Changes to segments wait for the whole set: a change is checked against the spans around it. */
  const untilComplete = async () => {
    if (!get().complete) await restOfSpans;
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
    complete: true,
    ...EMPTY_LAYOUT,
    selection: null,
    selectedSegmentId: null,
    hoveredSegmentId: null,
    flash: null,
    caret: null,

    async load(documentId, around) {
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
          complete: true,
          ...EMPTY_LAYOUT,
          ...reset,
        });
        return;
      }
      set({ documentId, status: 'loading', complete: false, ...reset });
      const generation = projectGeneration();
      const range = firstScreenRange(around);
      const firstSpans = (coderIds: number[] | undefined) =>
        call('segments.spansByDocument', { ...spansArgs(documentId, coderIds), range });
      const text = call('documents.get', { id: documentId });
      const filter = coderFilter();
      const [content, segments] = await Promise.all([
        text,
        filter instanceof Promise ? filter.then(firstSpans) : firstSpans(filter),
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
          complete: true,
          ...EMPTY_LAYOUT,
        });
        return;
      }
      const rows = splitRows(content.text, content.turns, content.pages);
      const map = IdMap.from((segments ?? []).map((s) => [s.id, s] as const));
      // A failed first answer (shown as a toast) leaves the whole set to the second call.
      const complete = segments !== undefined && rangeCoversText(range, content.text.length);
      set({ document: content.document, text: content.text, rows, turns: content.turns, ...EMPTY_LAYOUT });
      setSegments(map, { status: 'ready', complete });
      restOfSpans = complete ? Promise.resolve() : loadRest(token, generation, documentId);
      await restOfSpans;
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
      await untilComplete();
      const { documentId } = get();
      if (documentId === null || get().status !== 'ready') return;
      const map = await readAllSpans(documentId);
      if (!map) return;
      const selected = get().selectedSegmentId;
      setSegments(map, {
        complete: true,
        selectedSegmentId: selected !== null && map.has(selected) ? selected : null,
      });
    },

    async apply(codeId, range) {
      await untilComplete();
      const { documentId, selection, segments } = get();
      const target = range ?? selection;
      if (documentId === null || !target || target.end <= target.start) return undefined;
      // Drawn at once when the outcome is sure, so the stripe does not wait for the round trip.
      const drawn = foreseen(codeId, target);
      if (drawn) addSpan(drawn);
      const args = { documentId, codeId, startUtf16: target.start, endUtf16: target.end };
      // Drawn ahead, the stripe's frame is what the researcher waits for: the write goes out after it.
      const segment = await (drawn ? callAfterPaint('segments.apply', args) : call('segments.apply', args));
      if (get().documentId !== documentId) return segment;
      const stillDrawn = drawn !== undefined && get().segments.has(drawn.id);
      if (!segment) {
        // Refused (the reason is shown as a toast): the stripe drawn ahead goes.
        if (stillDrawn) setSegments(get().segments.without(drawn.id));
        return segment;
      }
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
      if (!fresh || !span || get().segments.has(segment.id)) {
        // The coder's own segment of this code grew over the span, and may have swallowed others of
        // theirs that it now touches (or a reload meanwhile has it): re-read the spans rather than
        // guess which went. The reload drops any stripe drawn ahead.
        await get().reloadSegments();
        if (get().documentId === documentId) set(done);
        return segment;
      }
      // A new segment: lay out just it (in place of the one drawn ahead), so the stripe appears without
      // re-laying out the document.
      addSpan(span, done, stillDrawn ? drawn : undefined);
      afterPaint(bumpSegments);
      return segment;
    },

    async applyInVivo(range) {
      await untilComplete();
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
      await untilComplete();
      const done = await call('segments.remove', { id: segmentId });
      if (done === undefined) return false;
      const s = get();
      const removed = s.segments.get(segmentId);
      const extra = {
        selectedSegmentId: s.selectedSegmentId === segmentId ? null : s.selectedSegmentId,
        hoveredSegmentId: null,
      };
      if (removed) {
        // Only the rows it touched change; the key only when it was its coder's last segment shown.
        const segments = s.segments.without(segmentId);
        const coderStays = segments.find((x) => x.coderId === removed.coderId) !== undefined;
        const coderKey = coderStays ? s.coderKey : keyOf(segments);
        set({ segments, coderKey, ...removeFromLayout(s.rows, layoutOf(s), removed), ...extra });
      } else set(extra);
      afterPaint(bumpSegments);
      return true;
    },

    async resize(segmentId, range) {
      await untilComplete();
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
      await untilComplete();
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
      // A segment drawn ahead of the backend's answer has no details to show yet.
      if (selectedSegmentId !== null && selectedSegmentId < 0) return;
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
