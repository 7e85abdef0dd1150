import type { SegmentSpan } from '../../../shared/api/coding';
import type { ColoredCoder } from '../../../shared/team/coderColors';
import { useReader } from './useReader';

const STRIPE = 18;

function quoteOf(segment: SegmentSpan): string {
  const { startUtf16: start, endUtf16: end } = segment;
  const quote = useReader.getState().text.slice(start, Math.min(end, start + 121));
  return quote.length > 120 ? `${quote.slice(0, 120)}…` : quote;
}

/**
 * The piece of one segment's coding stripe inside one row. Pieces in consecutive rows share a column,
 * so together they draw one bar from the line the segment starts on to the line it ends on (placed
 * after layout by stripePlacement.ts, from the text [from, to) it covers in this row); the first piece
 * carries the code's name. With several coders shown it is drawn in its coder's colour and its label
 * names the coder too. It subscribes to nothing (a fast scroll mounts hundreds per frame): hover
 * and click go to the store directly.
 */
export function StripeCell({
  segment,
  code,
  coder,
  column,
  first,
  last,
  from,
  to,
  active,
}: {
  segment: SegmentSpan;
  code: { name: string; color: string } | undefined;
  /** Set when two or more coders' segments are shown. */
  coder?: ColoredCoder | undefined;
  column: number;
  first: boolean;
  last: boolean;
  from: number;
  to: number;
  active: boolean;
}) {
  const codeName = code?.name ?? 'Unknown code';
  const name = coder ? `${codeName} · ${coder.name}` : codeName;
  const classes = ['reader-stripe'];
  if (first) classes.push('is-first');
  if (last) classes.push('is-last');
  if (active) classes.push('is-active');
  return (
    <div
      className={classes.join(' ')}
      style={{ left: column * STRIPE, color: coder?.color ?? code?.color ?? '#888888' }}
      data-segment-id={segment.id}
      data-column={column}
      data-from={from}
      data-to={to}
      data-code={codeName}
      data-coder={coder?.name}
      role={first ? 'button' : undefined}
      aria-label={first ? `Stripe ${name}` : undefined}
      onMouseEnter={(e) => {
        // The tooltip is written on first hover, not rendered into every cell a fast scroll mounts.
        if (!e.currentTarget.title) e.currentTarget.title = `${name}: “${quoteOf(segment)}”`;
        useReader.getState().hover(segment.id);
      }}
      onMouseLeave={() => useReader.getState().hover(null)}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => useReader.getState().selectSegment(segment.id)}
    >
      <span className="reader-stripe-bar" />
      {first && <span className="reader-stripe-label">{name}</span>}
    </div>
  );
}
