// Case and diacritic folding that agrees with the FTS5 index (tokenizer `unicode61 remove_diacritics 2`),
// checked against fts5vocab: tokens are runs of letters, numbers, private-use characters and combining
// diacritics (U+0300–U+036F); everything else separates tokens (so Devanagari vowel signs split words, as
// in the index). Folding lower-cases; only Latin letters lose their diacritics (é → e, İ → i), letters that
// do not decompose stay (ø, ł, ß), and Greek or Cyrillic accents stay (ά, й) — exactly as the index does.

/** The characters FTS5's unicode61 tokenizer keeps inside a token. */
export const TOKEN_CHAR_CLASS = '\\p{L}\\p{N}\\p{Co}\\u0300-\\u036f';
const TOKEN_CHAR = new RegExp(`[${TOKEN_CHAR_CLASS}]`, 'u');
const TOKEN_RUN = new RegExp(`[${TOKEN_CHAR_CLASS}]+`, 'gu');
const DIACRITICS = /[\u0300-\u036f]/g;
const HAS_DIACRITIC = /[\u0300-\u036f]/;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Latin letters whose diacritics the index removes. */
const LATIN_RANGES: readonly [number, number][] = [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
];

function isLatinLetter(code: number): boolean {
  return LATIN_RANGES.some(([from, to]) => code >= from && code <= to);
}

export function isTokenChar(char: string): boolean {
  return TOKEN_CHAR.test(char);
}

const foldCache = new Map<string, string>();

/** Folds one code point (given as a string of 1–2 UTF-16 units). */
export function foldChar(char: string): string {
  let folded = foldCache.get(char);
  if (folded === undefined) {
    const lower = char.toLowerCase();
    folded = (isLatinLetter(char.codePointAt(0) ?? 0) ? lower.normalize('NFD') : lower).replace(
      DIACRITICS,
      '',
    );
    if (foldCache.size < 10_000) foldCache.set(char, folded);
  }
  return folded;
}

/** Folds a whole string (no offsets kept): for query words. */
export function foldString(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

/** The folded tokens of a piece of text, in order ("Non-Governmental" → ["non", "governmental"]). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(TOKEN_RUN)) {
    const folded = foldString(match[0]);
    if (folded.length > 0) tokens.push(folded);
  }
  return tokens;
}

/**
 * A folded copy of a text with a way back to the original's UTF-16 offsets. `starts[k]`/`ends[k]` are
 * the original range of the character folded unit k came from; null maps mean folding kept every
 * offset (pure ASCII, the common case), so no arrays are allocated.
 */
export interface FoldedText {
  folded: string;
  starts: Int32Array | null;
  ends: Int32Array | null;
}

/** Contiguous ranges scan fast; a class of only the foldable letters would be slow to match. */
const LATIN_LETTER = /[\u00c0-\u024f\u1e00-\u1eff]/g;
const HAS_LATIN_LETTER = /[\u00c0-\u024f\u1e00-\u1eff]/;
const latinFolds = new Map<string, string>();

/** A lower-case Latin letter folded to one unit (é → e), or itself when that is not possible. */
function foldLatinUnit(char: string): string {
  let folded = latinFolds.get(char);
  if (folded === undefined) {
    const full = foldChar(char);
    folded = full.length === 1 ? full : char;
    latinFolds.set(char, folded);
  }
  return folded;
}

export function foldText(text: string): FoldedText {
  if (!NON_ASCII.test(text)) return { folded: text.toLowerCase(), starts: null, ends: null };
  // Fast path for the usual NFC text: lower-casing keeps the length and each accented Latin letter folds
  // to one unit, so offsets are unchanged and no maps are needed. Loose combining diacritics
  // (decomposed text) or letters whose lower case is longer take the exact path below.
  if (!HAS_DIACRITIC.test(text)) {
    const lower = text.toLowerCase();
    if (lower.length === text.length) {
      const folded = HAS_LATIN_LETTER.test(lower) ? lower.replace(LATIN_LETTER, foldLatinUnit) : lower;
      return { folded, starts: null, ends: null };
    }
  }
  return foldTextExactly(text);
}

function foldTextExactly(text: string): FoldedText {
  // Folding never lengthens a character by more than a few units; grow if it ever does.
  let starts = new Int32Array(text.length + 16);
  let ends = new Int32Array(text.length + 16);
  const parts: string[] = [];
  let out = 0;
  let runStart = 0; // start of the current run of ASCII characters, copied in one slice
  const flushAscii = (end: number): void => {
    if (end <= runStart) return;
    parts.push(text.slice(runStart, end).toLowerCase());
    for (let i = runStart; i < end; i++) {
      starts[out] = i;
      ends[out] = i + 1;
      out++;
    }
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      i++;
      continue;
    }
    flushAscii(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const folded = foldChar(text.slice(i, i + width));
    if (out + folded.length > starts.length) {
      const bigger = Math.max(starts.length * 2, out + folded.length + 16);
      starts = growInt32(starts, bigger);
      ends = growInt32(ends, bigger);
    }
    for (let k = 0; k < folded.length; k++) {
      starts[out] = i;
      ends[out] = i + width;
      out++;
    }
    parts.push(folded);
    i += width;
    runStart = i;
  }
  flushAscii(text.length);
  return { folded: parts.join(''), starts: starts.subarray(0, out), ends: ends.subarray(0, out) };
}

function growInt32(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}

/** The original UTF-16 range of the folded range [start, end). */
export function originalRange(text: FoldedText, start: number, end: number): { start: number; end: number } {
  if (!text.starts || !text.ends) return { start, end };
  return { start: text.starts[start] ?? 0, end: text.ends[end - 1] ?? 0 };
}
