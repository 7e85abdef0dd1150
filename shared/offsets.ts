/**
 * Offsets: Passage stores UTF-16 code units (what JavaScript strings index); REFI-QDA counts Unicode
 * code points. A code point above U+FFFF (most emoji, some CJK) is two UTF-16 units (a surrogate pair)
 * but one code point. Grapheme clusters (ZWJ emoji, flags, combining marks) are several code points
 * in both units; neither unit groups them, so conversions never need to know about them.
 */

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (an invalid place to cut). */
export function splitsSurrogatePair(text: string, offsetUtf16: number): boolean {
  if (offsetUtf16 <= 0 || offsetUtf16 >= text.length) return false;
  return isHigh(text.charCodeAt(offsetUtf16 - 1)) && isLow(text.charCodeAt(offsetUtf16));
}

/** Code points in text[0, offsetUtf16). A lone surrogate counts as one code point, as in String iteration. */
export function utf16ToCodePoint(text: string, offsetUtf16: number): number {
  if (offsetUtf16 < 0 || offsetUtf16 > text.length) {
    throw new RangeError(`offset ${offsetUtf16} is outside the text (0..${text.length})`);
  }
  if (splitsSurrogatePair(text, offsetUtf16)) {
    throw new RangeError(`offset ${offsetUtf16} splits a surrogate pair`);
  }
  let points = 0;
  for (let i = 0; i < offsetUtf16; i++) {
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) i++;
    points++;
  }
  return points;
}

/** The UTF-16 offset of the `codePoint`-th code point (codePointLength(text) gives the end). */
export function codePointToUtf16(text: string, codePoint: number): number {
  if (!Number.isInteger(codePoint) || codePoint < 0)
    throw new RangeError(`code point ${codePoint} is negative`);
  let i = 0;
  for (let points = 0; points < codePoint; points++) {
    if (i >= text.length) {
      throw new RangeError(`code point ${codePoint} is outside the text (0..${codePointLength(text)})`);
    }
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

export function codePointLength(text: string): number {
  return utf16ToCodePoint(text, text.length);
}

/**
 * Converts many offsets of one text in a single pass (exports of thousands of segments).
 * Returns the code-point offset for each UTF-16 offset, in the input order.
 */
export function utf16ToCodePoints(text: string, offsetsUtf16: readonly number[]): number[] {
  const order = offsetsUtf16.map((_, i) => i).sort((a, b) => offsetsUtf16[a]! - offsetsUtf16[b]!);
  const out = new Array<number>(offsetsUtf16.length);
  let i = 0;
  let points = 0;
  for (const k of order) {
    const target = offsetsUtf16[k]!;
    if (target < 0 || target > text.length) throw new RangeError(`offset ${target} is outside the text`);
    if (splitsSurrogatePair(text, target)) throw new RangeError(`offset ${target} splits a surrogate pair`);
    while (i < target) {
      i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
      points++;
    }
    out[k] = points;
  }
  return out;
}
