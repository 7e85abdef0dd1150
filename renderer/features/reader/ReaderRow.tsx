import { useMemo, type CSSProperties } from 'react';
import type { RowComponentProps } from 'react-window';
import { useShallow } from 'zustand/react/shallow';
import type { SegmentSpan } from '../../../shared/api/coding';
import { NONE } from '../../../shared/reader/rowIndex';
import { rowSpan } from '../../../shared/reader/rows';
import { cutRuns, type Run, type Span } from '../../../shared/reader/runs';
import { useCodebook } from '../codebook/useCodebook';
import { blendHighlight, stackedUnderlines } from './derive';
import { StripeCell } from './StripeCell';
import { useReader } from './useReader';
import { useReaderSearch } from './useReaderSearch';

export const STRIPE_WIDTH = 18;

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the speaker label the transcript carries in its text ("Interviewer:") ends, to show it as a label. */
function speakerLabelEnd(text: string, rowStart: number, speaker: string): number | null {
  const head = text.slice(rowStart, rowStart + speaker.length + 12);
  const match = new RegExp(
    `^[ \\t]*(?:\\*\\*|\\[)?${escapeRegExp(speaker)}\\.?(?:\\*\\*|\\])?[ \\t]*:(?:\\*\\*)?`,
    'u',
  ).exec(head);
  return match ? rowStart + match[0].length : null;
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

export interface RowActions {
  codeRow(row: number, unit: 'paragraph' | 'turn'): void;
}

/**
 * One paragraph of the reader. It subscribes only to what concerns its own row (its segments, hits,
 * hover and selection), so coding a passage re-renders the rows it touches, not the whole screen.
 */
export function ReaderRow({ index, style, ariaAttributes, codeRow }: RowComponentProps<RowActions>) {
  const row = useReader((s) => s.rows[index]);
  const text = useReader((s) => s.text);
  const rows = useReader((s) => s.rows);
  const ids = useReader((s) => s.rowSegments[index] ?? NONE);
  const segments = useReader(
    useShallow((s) => ids.map((id) => s.segments.get(id)).filter((x): x is SegmentSpan => !!x)),
  );
  const columns = useReader(useShallow((s) => ids.map((id) => s.columns.get(id) ?? 0)));
  const columnCount = useReader((s) => s.columnCount);
  const codes = useCodebook((s) => s.byId);
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

  const labelEnd = useMemo(
    () => (row?.speaker ? speakerLabelEnd(text, row.start, row.speaker) : null),
    [text, row],
  );
  const runs = useMemo(() => {
    if (!row) return [];
    const spans = segments.map((s) => ({ id: s.id, start: s.startUtf16, end: s.endUtf16 }));
    // The flash is drawn like a hit (id -1), ahead of real hits so it wins where they meet.
    const marks = flash ? [{ id: -1, start: flash.start, end: flash.end }, ...hits] : hits;
    return splitAt(cutRuns(row.start, row.end, spans, marks), labelEnd);
  }, [row, segments, hits, flash, labelEnd]);

  if (!row) return null;
  const byId = new Map(segments.map((s) => [s.id, s]));
  const stripeWidth = columnCount * STRIPE_WIDTH;

  return (
    <div {...ariaAttributes} style={style} className="reader-row" data-row={index}>
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
          {runs.map((run) => {
            const colors = run.segmentIds.map((id) => codes[byId.get(id)?.codeId ?? 0]?.color ?? '#888888');
            const runStyle: CSSProperties | undefined =
              colors.length > 0
                ? { backgroundColor: blendHighlight(colors), boxShadow: stackedUnderlines(colors) }
                : undefined;
            const classes = ['reader-run'];
            if (run.segmentIds.length > 0) classes.push('is-coded');
            if (labelEnd !== null && run.end <= labelEnd) classes.push('reader-speaker-label');
            if (hovered !== null && run.segmentIds.includes(hovered)) classes.push('is-hovered');
            if (selected !== null && run.segmentIds.includes(selected)) classes.push('is-selected');
            if (run.hitId === -1) classes.push('is-flash');
            else if (run.hitId !== null)
              classes.push(run.hitId === currentHit ? 'is-hit is-current-hit' : 'is-hit');
            return (
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
          })}
        </div>
      </div>
      <div className="reader-stripes" style={{ width: stripeWidth }}>
        {segments.map((segment, i) => {
          const span = rowSpan(rows, segment.startUtf16, segment.endUtf16);
          return (
            <StripeCell
              key={segment.id}
              segment={segment}
              code={codes[segment.codeId]}
              column={columns[i] ?? 0}
              first={span?.first === index}
              last={span?.last === index}
              active={segment.id === hovered || segment.id === selected}
            />
          );
        })}
      </div>
    </div>
  );
}
