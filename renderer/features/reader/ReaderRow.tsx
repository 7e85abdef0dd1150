import { memo, useLayoutEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { RowComponentProps } from 'react-window';
import { useShallow } from 'zustand/react/shallow';
import type { Code, SegmentSpan } from '../../../shared/api/coding';
import { NONE } from '../../../shared/reader/rowIndex';
import { rowSpan, type DisplayRow } from '../../../shared/reader/rows';
import { cutRuns, type Run, type Span } from '../../../shared/reader/runs';
import { speakerLabelEnd } from '../../../shared/reader/speakerLabel';
import { useCodebook } from '../codebook/useCodebook';
import { blendHighlight, stackedUnderlines } from './derive';
import { startEdgeDrag } from './edgeDrag';
import { StripeCell } from './StripeCell';
import { onRewrap, schedulePlacement } from './stripePlacement';
import { useReader, type Caret } from './useReader';
import { useReaderSearch } from './useReaderSearch';

export const STRIPE_WIDTH = 18;
/**
 * The margin shows at most this many stripe columns: a densely coded transcript can overlap 40 codes
 * somewhere, and a margin that wide squeezes the text to a word per line. Segments laid out beyond the
 * last column share it: the selected or hovered one is drawn there, the rest are counted on a "+N" button.
 */
export const MAX_STRIPE_COLUMNS = 8;
const OVERFLOW_COLUMN = MAX_STRIPE_COLUMNS - 1;

/** The stripe margin's width for a layout of `columnCount` columns (rowSkeletons.ts lays rows out at it too). */
export const stripeMarginWidth = (columnCount: number): number =>
  Math.min(columnCount, MAX_STRIPE_COLUMNS) * STRIPE_WIDTH;

/**
 * The keyboard caret and selection as far as they fall in one row (nulls when not here, or when the
 * mouse made them: the browser draws those).
 */
function keyedCaretInRow(
  caret: Caret | null,
  row: DisplayRow | undefined,
): { caret: number | null; from: number | null; to: number | null } {
  if (!caret?.byKeys || !row) return { caret: null, from: null, to: null };
  const at = caret.focus >= row.start && caret.focus <= row.end ? caret.focus : null;
  const from = Math.max(Math.min(caret.anchor, caret.focus), row.start);
  const to = Math.min(Math.max(caret.anchor, caret.focus), row.end);
  return from < to ? { caret: at, from, to } : { caret: at, from: null, to: null };
}

/** Cuts the run holding `offset` in two, so the speaker label can be styled apart from the words after it. */
function splitAt(runs: Run[], offset: number | null): Run[] {
  if (offset === null) return runs;
  return runs.flatMap((run) =>
    run.start < offset && offset < run.end
      ? [
          { ...run, end: offset },
          { ...run, start: offset },
        ]
      : [run],
  );
}

/** What a row shows of a code: its stripes and highlights need no more. */
export type CodeLook = Pick<Code, 'name' | 'color'>;

/**
 * The name and colour of the codes of a row's segments. Read as strings: the codebook is reloaded after
 * every coding (its counts change) with new objects, and a row whose codes look the same must not render
 * (and have its stripes measured) again.
 */
function useCodeLooks(segments: readonly SegmentSpan[]): Record<number, CodeLook | undefined> {
  const codeIds = useMemo(() => [...new Set(segments.map((s) => s.codeId))], [segments]);
  const flat = useCodebook(useShallow((s) => codeIds.flatMap((id) => [s.byId[id]?.name, s.byId[id]?.color])));
  return useMemo(() => {
    const looks: Record<number, CodeLook | undefined> = {};
    codeIds.forEach((id, i) => {
      const [name, color] = [flat[2 * i], flat[2 * i + 1]];
      looks[id] = name === undefined || color === undefined ? undefined : { name, color };
    });
    return looks;
  }, [codeIds, flat]);
}

export interface RowActions {
  codeRow(row: number, unit: 'paragraph' | 'turn'): void;
}

/**
 * One paragraph of the reader. It subscribes only to what concerns its own row (its segments, hits,
 * hover and selection), so coding a passage re-renders the rows it touches, not the whole screen.
 */
export function ReaderRow({ index, style, ariaAttributes, codeRow }: RowComponentProps<RowActions>) {
  return (
    <div {...ariaAttributes} style={style} className="reader-row" data-row={index}>
      <RowContent index={index} codeRow={codeRow} />
    </div>
  );
}

/**
 * The row's gutter, text and stripes. Memoised apart from the positioned wrapper: when measured heights
 * move rows, the List gives them new styles, and only the wrappers re-render.
 */
const RowContent = memo(function RowContent({ index, codeRow }: { index: number } & RowActions) {
  const row = useReader((s) => s.rows[index]);
  const text = useReader((s) => s.text);
  const rows = useReader((s) => s.rows);
  const ids = useReader((s) => s.rowSegments[index] ?? NONE);
  const segments = useReader(
    useShallow((s) => ids.map((id) => s.segments.get(id)).filter((x): x is SegmentSpan => !!x)),
  );
  const columns = useReader(useShallow((s) => ids.map((id) => s.columns.get(id) ?? 0)));
  const columnCount = useReader((s) => s.columnCount);
  const codes = useCodeLooks(segments);
  // Two or more coders shown: stripes and highlights take the coders' colours (the key says whose).
  const coderKey = useReader((s) => s.coderKey);
  const hovered = useReader((s) =>
    s.hoveredSegmentId !== null && ids.includes(s.hoveredSegmentId) ? s.hoveredSegmentId : null,
  );
  const selected = useReader((s) =>
    s.selectedSegmentId !== null && ids.includes(s.selectedSegmentId) ? s.selectedSegmentId : null,
  );
  const flash = useReader((s) =>
    s.flash && row && s.flash.end > row.start && s.flash.start < row.end ? s.flash : null,
  );
  const hitIds = useReaderSearch((s) => s.rowHits[index] ?? NONE);
  const hits = useReaderSearch(
    useShallow((s) => hitIds.map((id) => s.hits[id]).filter((x): x is Span => !!x)),
  );
  const currentHit = useReaderSearch((s) => (hitIds.includes(s.current) ? s.current : -1));
  const keyed = useReader(useShallow((s) => keyedCaretInRow(s.caret, row)));
  const marginRef = useRef<HTMLDivElement>(null);
  useStripePlacement(marginRef);

  const labelEnd = useMemo(
    () => (row?.speaker ? speakerLabelEnd(text, row.start, row.speaker) : null),
    [text, row],
  );
  const runs = useMemo(() => {
    if (!row) return [];
    const spans = segments.map((s) => ({ id: s.id, start: s.startUtf16, end: s.endUtf16 }));
    // The flash is drawn like a hit (id -1), ahead of real hits so it wins where they meet.
    const marks = flash ? [{ id: -1, start: flash.start, end: flash.end }, ...hits] : hits;
    const cut = splitAt(cutRuns(row.start, row.end, spans, marks), labelEnd);
    // The keyboard's caret and selection cut runs too, so they can be drawn between characters.
    return [keyed.caret, keyed.from, keyed.to].reduce(splitAt, cut);
  }, [row, segments, hits, flash, labelEnd, keyed.caret, keyed.from, keyed.to]);

  if (!row) return null;
  const byId = new Map(segments.map((s) => [s.id, s]));
  const stripeWidth = stripeMarginWidth(columnCount);
  const chosen = selected !== null ? byId.get(selected) : undefined;
  const overflow = segments.filter((_, i) => (columns[i] ?? 0) >= OVERFLOW_COLUMN);
  // A segment just coded and not saved yet (negative id) is shown as the selected one will be once saved.
  const spotlight =
    overflow.length === 1
      ? overflow[0]
      : (overflow.find((s) => s.id === selected) ??
        overflow.find((s) => s.id < 0) ??
        overflow.find((s) => s.id === hovered));

  return (
    <>
      <div className="reader-gutter" aria-hidden="true">
        <span className="reader-paragraph-number">{row.paragraph}</span>
        {row.page !== null && <span className="reader-page">p. {row.page}</span>}
        <button
          type="button"
          className="reader-row-code"
          tabIndex={-1}
          title="Code this paragraph (Ctrl+P)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => codeRow(index, 'paragraph')}
        >
          ¶
        </button>
        {row.speaker !== null && (
          <button
            type="button"
            className="reader-row-code"
            tabIndex={-1}
            title="Code this whole speaker turn (Ctrl+Shift+P)"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => codeRow(index, 'turn')}
          >
            turn
          </button>
        )}
      </div>
      <div className="reader-body">
        {row.speaker !== null && labelEnd === null && <div className="reader-speaker">{row.speaker}</div>}
        <div className="reader-text" data-row-start={row.start} data-row-end={row.end}>
          {runs.flatMap((run) => {
            const colors = run.segmentIds.map((id) => {
              const s = byId.get(id);
              return (coderKey ? coderKey.get(s?.coderId ?? 0) : codes[s?.codeId ?? 0])?.color ?? '#888888';
            });
            const runStyle: CSSProperties | undefined =
              colors.length > 0
                ? { backgroundColor: blendHighlight(colors), boxShadow: stackedUnderlines(colors) }
                : undefined;
            const classes = ['reader-run'];
            if (run.segmentIds.length > 0) classes.push('is-coded');
            if (labelEnd !== null && run.end <= labelEnd) classes.push('reader-speaker-label');
            if (hovered !== null && run.segmentIds.includes(hovered)) classes.push('is-hovered');
            if (selected !== null && run.segmentIds.includes(selected)) classes.push('is-selected');
            if (keyed.from !== null && keyed.to !== null && run.start >= keyed.from && run.end <= keyed.to)
              classes.push('is-key-selected');
            if (run.hitId === -1) classes.push('is-flash');
            else if (run.hitId !== null)
              classes.push(run.hitId === currentHit ? 'is-hit is-current-hit' : 'is-hit');
            const span = (
              <span
                key={run.start}
                data-o={run.start}
                data-segments={run.segmentIds.length > 0 ? run.segmentIds.join(' ') : undefined}
                className={classes.join(' ')}
                style={runStyle}
              >
                {text.slice(run.start, run.end)}
              </span>
            );
            const caret =
              keyed.caret === run.start
                ? [<span key="caret" className="reader-caret" aria-hidden="true" />]
                : [];
            if (!chosen) return [...caret, span];
            return [
              ...caret,
              ...(run.start === chosen.startUtf16
                ? [<EdgeHandle key="start" edge="start" segment={chosen} />]
                : []),
              span,
              ...(run.end === chosen.endUtf16 ? [<EdgeHandle key="end" edge="end" segment={chosen} />] : []),
            ];
          })}
          {keyed.caret === row.end && <span className="reader-caret" aria-hidden="true" />}
        </div>
      </div>
      <div className="reader-stripes" ref={marginRef} style={{ width: stripeWidth }}>
        {segments.map((segment, i) => {
          const column = columns[i] ?? 0;
          if (column >= OVERFLOW_COLUMN && segment !== spotlight) return null;
          const span = rowSpan(rows, segment.startUtf16, segment.endUtf16);
          return (
            <StripeCell
              key={segment.id}
              segment={segment}
              code={codes[segment.codeId]}
              coder={coderKey?.get(segment.coderId)}
              column={Math.min(column, OVERFLOW_COLUMN)}
              first={span?.first === index}
              last={span?.last === index}
              from={Math.max(segment.startUtf16, row.start)}
              to={Math.min(segment.endUtf16, row.end)}
              active={segment.id === hovered || segment.id === selected}
            />
          );
        })}
        {overflow.length > 1 && !spotlight && (
          <MoreStripes segments={overflow} codes={codes} selected={selected} />
        )}
      </div>
    </>
  );
});

/**
 * Puts the row's stripes on the lines they code after every render and whenever the row re-wraps,
 * and has the margin's labels fitted again (stripePlacement.ts).
 */
function useStripePlacement(marginRef: { current: HTMLDivElement | null }): void {
  useLayoutEffect(() => {
    const margin = marginRef.current;
    if (margin) schedulePlacement(margin, margin.closest<HTMLElement>('.reader-list'));
  });
  useLayoutEffect(() => {
    const margin = marginRef.current;
    const text = margin?.parentElement?.querySelector('.reader-text');
    if (!margin || !text) return;
    return onRewrap(text, () => schedulePlacement(margin, margin.closest<HTMLElement>('.reader-list')));
  }, [marginRef]);
}

/**
 * A handle on the selected segment's start or end: dragging it moves that edge (edgeDrag.ts). It is
 * positioned out of flow at its place in the text, so showing it never re-wraps the paragraph.
 */
function EdgeHandle({ edge, segment }: { edge: 'start' | 'end'; segment: SegmentSpan }) {
  const keys = edge === 'start' ? 'Ctrl+Alt+←/→' : 'Shift+Alt+←/→';
  return (
    <span
      className={`reader-handle is-${edge}`}
      aria-hidden="true"
      data-edge={edge}
      title={`Drag to move the segment's ${edge} (Alt: exact, not whole words; keyboard: ${keys})`}
      onPointerDown={(e) => startEdgeDrag(e, edge, segment.id)}
    />
  );
}

/** The "+N" in the last stripe column: clicking selects the row's hidden segments one after another. */
function MoreStripes({
  segments,
  codes,
  selected,
}: {
  segments: readonly SegmentSpan[];
  codes: Record<number, { name: string } | undefined>;
  selected: number | null;
}) {
  const selectSegment = useReader((s) => s.selectSegment);
  const names = [...new Set(segments.map((s) => codes[s.codeId]?.name ?? 'Unknown code'))];
  const next = segments[(segments.findIndex((s) => s.id === selected) + 1) % segments.length]!;
  return (
    <button
      type="button"
      className="reader-stripe-more"
      style={{ left: OVERFLOW_COLUMN * STRIPE_WIDTH }}
      tabIndex={-1}
      title={`${segments.length} more segments here: ${names.join(', ')}. Click to select them in turn.`}
      aria-label={`${segments.length} more stripes`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => selectSegment(next.id)}
    >
      +{segments.length}
    </button>
  );
}
