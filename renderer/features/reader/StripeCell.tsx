import type { Code, Segment } from '../../../shared/api/coding';
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
  segment: Segment;
  code: Code | undefined;
  column: number;
  first: boolean;
  last: boolean;
  active: boolean;
}) {
  const hover = useReader((s) => s.hover);
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
      title={`${name}: “${segment.text.length > 120 ? `${segment.text.slice(0, 120)}…` : segment.text}”`}
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
