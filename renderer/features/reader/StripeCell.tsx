import type { Code, SegmentSpan } from '../../../shared/api/coding';
import { useReader } from './useReader';

const STRIPE = 18;

/**
 * The piece of one segment's coding stripe inside one row. Pieces in consecutive rows share a column,
 * so together they draw one bar from the segment's first row to its last; the first piece carries
 * the code's name.
 */
export function StripeCell({
  segment,
  code,
  column,
  first,
  last,
  active,
}: {
  segment: SegmentSpan;
  code: Code | undefined;
  column: number;
  first: boolean;
  last: boolean;
  active: boolean;
}) {
  const hover = useReader((s) => s.hover);
  // Only this segment's words (the first 120 characters), so the cell re-renders only when they change.
  const quote = useReader((s) =>
    s.text.slice(segment.startUtf16, Math.min(segment.endUtf16, segment.startUtf16 + 121)),
  );
  const selectSegment = useReader((s) => s.selectSegment);
  const name = code?.name ?? 'Unknown code';
  const classes = ['reader-stripe'];
  if (first) classes.push('is-first');
  if (last) classes.push('is-last');
  if (active) classes.push('is-active');
  return (
    <div
      className={classes.join(' ')}
      style={{ left: column * STRIPE, color: code?.color ?? '#888888' }}
      data-segment-id={segment.id}
      data-code={name}
      title={`${name}: “${quote.length > 120 ? `${quote.slice(0, 120)}…` : quote}”`}
      role={first ? 'button' : undefined}
      aria-label={first ? `Stripe ${name}` : undefined}
      onMouseEnter={() => hover(segment.id)}
      onMouseLeave={() => hover(null)}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => selectSegment(segment.id)}
    >
      <span className="reader-stripe-bar" />
      {first && <span className="reader-stripe-label">{name}</span>}
    </div>
  );
}
