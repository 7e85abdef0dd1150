// A word is a run of letters, marks or digits, optionally joined by an apostrophe or hyphen
// ("don't", "non-governmental" are one word each), the way word processors count.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const ANY_SURROGATE = /[\ud800-\udfff]/;

// Import counts the words of every document (13 MB for the reference corpus), so each UTF-16 code
// unit's class is looked up in a table of flags: filled eagerly for Latin-1 (most text), and lazily,
// once per code unit, for the rest of the Basic Multilingual Plane (the Unicode-aware regular
// expression is slow per character). Surrogate pairs (letters outside the BMP) are tested as one
// code point, by the exact loop.
const WORD = 1;
const JOINER = 2;
const KNOWN = 4;
const FLAGS = new Uint8Array(0x10000);

function classify(c: number): number {
  // Surrogate halves are never word characters on their own (a pair is tested as a code point).
  const word = (c < 0xd800 || c > 0xdfff) && WORD_CHAR.test(String.fromCharCode(c));
  const joiner = c === 0x27 || c === 0x2d || c === 0x2019;
  const flags = KNOWN | (word ? WORD : 0) | (joiner ? JOINER : 0);
  FLAGS[c] = flags;
  return flags;
}
for (let c = 0; c < 0x100; c++) classify(c);
classify(0x2019);

function flagsOf(c: number): number {
  const flags = FLAGS[c]!;
  return flags & KNOWN ? flags : classify(c);
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return (flagsOf(c) & WORD) !== 0;
  const point = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(point));
}

export function countWords(text: string): number {
  return ANY_SURROGATE.test(text) ? countWordsExactly(text) : countWordsInBmp(text);
}

/**
 * Text without surrogates (every character one code unit): a word starts at a word character whose
 * predecessor is not one, unless the predecessor is a joiner that itself follows a word character
 * ("non-governmental"). Counted without branches on the text, which is several times faster.
 */
function countWordsInBmp(text: string): number {
  let words = 0;
  let state = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let flags = FLAGS[c]!;
    if ((flags & KNOWN) === 0) flags = classify(c);
    state = step(state, flags);
    words += state >> 3;
    state &= 7;
  }
  return words;
}

/**
 * The word rule over a stream of character classes, shared by the string and the byte walks. `state`
 * remembers the characters before: bit 0, i-1 is a word character; bit 1, i-2 is; bit 2, i-1 is a
 * joiner. Returns the next state, plus 8 when a word starts at this character.
 */
function step(state: number, flags: number): number {
  const word = flags & WORD;
  const starts = word & ~state & ~((state >> 2) & (state >> 1)) & 1;
  return (starts << 3) | ((flags & JOINER) << 1) | ((state & 1) << 1) | word;
}

const ASTRAL = new Map<number, number>();

function astralFlags(point: number): number {
  let flags = ASTRAL.get(point);
  if (flags === undefined) {
    flags = KNOWN | (WORD_CHAR.test(String.fromCodePoint(point)) ? WORD : 0);
    ASTRAL.set(point, flags);
  }
  return flags;
}

/**
 * countWords of the text whose valid UTF-8 encoding `bytes` is (the importer has a file's bytes at
 * hand), without decoding it to a string first: the same rule, code point by code point, and the
 * same result. Bytes are much faster to walk than a string's characters.
 */
export function countWordsUtf8(bytes: Uint8Array): number {
  let words = 0;
  let state = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    let flags: number;
    if (b < 0x80) flags = FLAGS[b]!;
    else if (b < 0xe0) {
      flags = flagsOf(((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f));
      i += 1;
    } else if (b < 0xf0) {
      flags = flagsOf(((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f));
      i += 2;
    } else {
      const point =
        ((b & 0x07) << 18) |
        ((bytes[i + 1]! & 0x3f) << 12) |
        ((bytes[i + 2]! & 0x3f) << 6) |
        (bytes[i + 3]! & 0x3f);
      flags = astralFlags(point);
      i += 3;
    }
    state = step(state, flags);
    words += state >> 3;
    state &= 7;
  }
  return words;
}

/** Any text, character by character, with surrogate pairs taken as one code point. */
function countWordsExactly(text: string): number {
  let words = 0;
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 0xd800 || c > 0xdbff) word = (flagsOf(c) & WORD) !== 0;
    else {
      word = isWordChar(text, i);
      // The low half of a pair is part of the same character (skipped as the code point was tested).
      i++;
    }
    if (word) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(
      inWord &&
      (c === 0x27 || c === 0x2d || c === 0x2019) &&
      i + 1 < n &&
      isWordChar(text, i + 1)
    )) {
      // A joiner between two word characters keeps the word going; anything else ends it.
      inWord = false;
    }
  }
  return words;
}
