import { splitsSurrogatePair } from '../offsets';

/**
 * Why a span cannot lie in a text of `length` UTF-16 code units, naming the field, or null when it can:
 * whole numbers, non-empty, inside the text.
 */
export function spanBoundsProblem(length: number, startUtf16: number, endUtf16: number): string | null {
  if (!Number.isInteger(startUtf16) || startUtf16 < 0) return 'startUtf16: must be a whole number ≥ 0';
  if (!Number.isInteger(endUtf16)) return 'endUtf16: must be a whole number';
  if (startUtf16 >= endUtf16) return `startUtf16: ${startUtf16} is not before endUtf16 ${endUtf16}`;
  if (endUtf16 > length) return `endUtf16: ${endUtf16} is past the end of the text (${length})`;
  return null;
}

/**
 * Why a span cannot be a segment of `text`, naming the field, or null when it can.
 * A segment lies inside the text, is non-empty and never cuts a surrogate pair in half.
 */
export function segmentBoundsProblem(text: string, startUtf16: number, endUtf16: number): string | null {
  const problem = spanBoundsProblem(text.length, startUtf16, endUtf16);
  if (problem) return problem;
  if (splitsSurrogatePair(text, startUtf16)) return `startUtf16: ${startUtf16} splits a surrogate pair`;
  if (splitsSurrogatePair(text, endUtf16)) return `endUtf16: ${endUtf16} splits a surrogate pair`;
  return null;
}
