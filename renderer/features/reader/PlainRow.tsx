import { useLayoutEffect, useRef } from 'react';
import type { RowComponentProps } from 'react-window';
import type { RowActions } from './ReaderRow';
import { stripeMarginWidth } from './ReaderRow';
import { rowSkeleton } from './rowSkeletons';
import { useReader } from './useReader';

/**
 * A paragraph as plain text, drawn instead of ReaderRow while the reader is flung or its scrollbar dragged
 * (more than a screen per frame, ReaderText.tsx): no highlights, stripes or handles, which nobody can read
 * at that speed and which made those frames 100–600 ms on a densely coded transcript. It is the very
 * skeleton the row was measured with (rowSkeletons.ts), so it has the row's height and nothing moves when
 * the full rows come back.
 */
export function PlainRow({ index, style, ariaAttributes }: RowComponentProps<RowActions>) {
  const ref = useRef<HTMLDivElement>(null);
  const row = useReader((s) => s.rows[index]);
  const text = useReader((s) => s.text);
  const stripeWidth = useReader((s) => stripeMarginWidth(s.columnCount));
  useLayoutEffect(() => {
    if (!ref.current || !row) return;
    // Only for the moment of the fling: its buttons are the skeleton's, with nothing behind them.
    ref.current.inert = true;
    ref.current.replaceChildren(...rowSkeleton(text, row, stripeWidth).children);
  }, [row, text, stripeWidth]);
  return <div {...ariaAttributes} ref={ref} style={style} className="reader-row is-plain" data-row={index} />;
}
