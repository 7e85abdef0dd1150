import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { List, useListRef } from 'react-window';
import { snapToWords } from '../../../shared/reader/words';
import { codeRow, registerScroller } from './actions';
import { pointToOffset, readSelection, selectDomRange } from './domSelection';
import { PlainRow } from './PlainRow';
import { RowPremeasure } from './premeasureRows';
import { schedulePlacement } from './stripePlacement';
import { ReaderRow, stripeMarginWidth, type RowActions } from './ReaderRow';
import { useReader } from './useReader';
import { useRowHeights, type RowHeightModel } from './useRowHeights';

export const RANGE_MIME = 'application/x-passage-range';
const ROW_PROPS: RowActions = { codeRow };
/** Rough characters per line and line height, only to size rows before they are measured. */
const CHARS_PER_LINE = 95;
const LINE_PX = 24;
/** Scroll events in a row that each move more than a screen: a fling or a dragged scrollbar, not a jump. */
const FLING_EVENTS = 2;
/** How long the scroll rests before the full rows come back. */
const REST_MS = 120;

/**
 * True while the list is flung or its scrollbar dragged: two or more scroll events in a row each moving
 * it more than its own height. One such event is a jump (a search hit, a segment revealed) and shows full
 * rows at once.
 */
function useFling(containerRef: RefObject<HTMLDivElement | null>, heights: RowHeightModel): boolean {
  const [flinging, setFlinging] = useState(false);
  useEffect(() => {
    const list = containerRef.current?.querySelector<HTMLElement>('.reader-list');
    if (!list) return;
    // Read at the first scroll, not here: reading it now would lay the new list out before its first paint.
    let lastTop: number | null = null;
    let streak = 0;
    let rest: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      // The reader's own moves (keeping the text still while heights change) are no fling.
      const own = heights.shiftedTo === list.scrollTop;
      const moved = lastTop === null || own ? 0 : Math.abs(list.scrollTop - lastTop);
      lastTop = list.scrollTop;
      streak = moved > list.clientHeight ? streak + 1 : 0;
      if (streak >= FLING_EVENTS) setFlinging(true);
      clearTimeout(rest);
      rest = setTimeout(() => {
        streak = 0;
        setFlinging(false);
      }, REST_MS);
    };
    list.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      list.removeEventListener('scroll', onScroll);
      clearTimeout(rest);
    };
  }, [containerRef, heights]);
  return flinging;
}

/** The virtualised text: only the rows on screen (plus a few) exist in the DOM, whatever the document's length. */
export function ReaderText() {
  const rows = useReader((s) => s.rows);
  const listRef = useListRef(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const initialRowHeights = useMemo(
    () => rows.map((r) => Math.ceil((r.end - r.start) / CHARS_PER_LINE) * LINE_PX + 12),
    [rows],
  );
  const [rowHeight, heights] = useRowHeights(initialRowHeights);
  const text = useReader((s) => s.text);
  const stripeWidth = useReader((s) => stripeMarginWidth(s.columnCount));
  const flinging = useFling(containerRef, heights);
  // The margin's width is sure once every span is in; rows measured before would be measured again.
  const complete = useReader((s) => s.complete);

  useEffect(() => {
    const area = containerRef.current;
    // The List hands its element to listRef a render after mounting; the DOM has it already.
    const list = area?.querySelector<HTMLElement>('.reader-list');
    // Without idle callbacks (jsdom in component tests) rows are measured only as they are shown.
    if (!area || !list || typeof requestIdleCallback === 'undefined' || rows.length === 0 || !complete)
      return;
    const premeasure = new RowPremeasure(heights, area, list, { text, rows, stripeWidth });
    return () => premeasure.dispose();
  }, [heights, text, rows, stripeWidth, complete]);

  useLayoutEffect(() => {
    // New heights move rows, and with them the labels of one column towards each other.
    schedulePlacement(null, containerRef.current?.querySelector<HTMLElement>('.reader-list') ?? null);
  }, [rowHeight]);

  useEffect(() => {
    registerScroller((index, align) => listRef.current?.scrollToRow({ index, align }));
    return () => registerScroller(null);
  }, [listRef]);

  const onMouseUp = (e: MouseEvent) => {
    const root = containerRef.current;
    if (!root || e.button !== 0) return;
    const raw = readSelection(root);
    const reader = useReader.getState();
    if (!raw) {
      // A plain click puts the keyboard caret there, so Shift+arrows can select from it.
      const click = window.getSelection();
      const at = click?.anchorNode ? pointToOffset(click.anchorNode, click.anchorOffset) : null;
      if (at !== null) reader.placeCaret(at);
      // A plain click on coded text selects its innermost segment (the shortest one covering the click).
      const target = (e.target as HTMLElement).closest<HTMLElement>('[data-segments]');
      const ids = target?.dataset.segments?.split(' ').map(Number) ?? [];
      const innermost = ids
        .map((id) => reader.segments.get(id))
        .filter((s) => s !== undefined)
        .sort((a, b) => a.endUtf16 - a.startUtf16 - (b.endUtf16 - b.startUtf16))[0];
      if (innermost) reader.selectSegment(innermost.id);
      else if ((e.target as HTMLElement).closest('.reader-text')) reader.setSelection(null);
      return;
    }
    // Alt keeps the exact selection; otherwise it snaps to whole words, like the researchers' other tools.
    const range = e.altKey ? raw : snapToWords(reader.text, raw.start, raw.end);
    reader.setSelection(range);
    if (range.start !== raw.start || range.end !== raw.end) selectDomRange(root, range);
  };

  const onDragStart = (e: DragEvent) => {
    const selection = useReader.getState().selection;
    if (!selection) return;
    e.dataTransfer.setData(RANGE_MIME, JSON.stringify(selection));
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <div
      className="reader-text-area"
      ref={containerRef}
      // Focusable, so the keyboard's caret keys reach the text (caretKeys.ts) after a Tab.
      tabIndex={0}
      onMouseUp={onMouseUp}
      onDragStart={onDragStart}
    >
      <List
        listRef={listRef}
        className="reader-list"
        rowComponent={flinging ? PlainRow : ReaderRow}
        rowCount={rows.length}
        rowHeight={rowHeight}
        rowProps={ROW_PROPS}
        overscanCount={2}
        aria-label="Document text"
      />
    </div>
  );
}
