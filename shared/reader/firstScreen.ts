// The reader draws a dense transcript in two steps: first the spans of the screen it opens on (asked
// for by range), then the whole document's, laid out around them. Fifty thousand spans are 3.7 MB of
// JSON and a few hundred milliseconds of layout; a screen's are a few hundred.

/**
 * Text before and after the opening offset, in UTF-16 code units. A tall screen of short lines shows
 * about 7,000 characters; a passage opened from a report or a hit is centred, so half a screen is above.
 */
export const FIRST_SCREEN_BEFORE = 8_000;
export const FIRST_SCREEN_AFTER = 16_000;

export interface TextRange {
  startUtf16: number;
  endUtf16: number;
}

/** The range whose spans the first screen needs, opening at `around` (the document's start when null). */
export function firstScreenRange(around: number | null | undefined): TextRange {
  const at = Math.max(0, Math.floor(around ?? 0));
  const startUtf16 = Math.max(0, at - FIRST_SCREEN_BEFORE);
  return { startUtf16, endUtf16: at + FIRST_SCREEN_AFTER };
}

/** Whether the range's spans are all the document's: it reaches over the whole text. */
export function rangeCoversText(range: TextRange, textLength: number): boolean {
  return range.startUtf16 === 0 && range.endUtf16 >= textLength;
}
