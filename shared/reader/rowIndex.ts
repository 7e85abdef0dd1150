import { rowSpan, type DisplayRow } from './rows';
import type { Span } from './runs';

/**
 * For every row, the ids of the spans (segments or hits) touching it, in the order given. Built once
 * per change so a row finds its highlights without scanning every segment while scrolling.
 * Rows touched by nothing share one frozen empty array, so their selectors stay referentially stable.
 */
export function indexByRow(rows: readonly DisplayRow[], spans: readonly Span[]): (readonly number[])[] {
  const byRow: number[][] = new Array<number[]>(rows.length);
  for (const span of spans) {
    const range = rowSpan(rows, span.start, span.end);
    if (!range) continue;
    for (let r = range.first; r <= range.last; r++) (byRow[r] ??= []).push(span.id);
  }
  const result: (readonly number[])[] = new Array<readonly number[]>(rows.length);
  for (let r = 0; r < rows.length; r++) result[r] = byRow[r] ?? NONE;
  return result;
}

export const NONE: readonly number[] = Object.freeze([]);
