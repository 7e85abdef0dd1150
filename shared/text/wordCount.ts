// A word is a run of letters, marks or digits, optionally joined by an apostrophe or hyphen
// ("don't", "non-governmental" are one word each), the way word processors count.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Import counts the words of every document (13 MB for the reference corpus), so each UTF-16 code
// unit's class is looked up in a table: filled eagerly for Latin-1 (most text), and lazily, once per
// code unit, for the rest of the Basic Multilingual Plane (the Unicode-aware regular expression is
// slow per character). Surrogate pairs (letters outside the BMP) are tested as one code point.
const UNKNOWN = 0;
const WORD = 1;
const OTHER = 2;
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 0x100; c++) BMP[c] = WORD_CHAR.test(String.fromCharCode(c)) ? WORD : OTHER;

function classOf(c: number): number {
  let cls = BMP[c]!;
  if (cls === UNKNOWN) {
    // Surrogate halves are never word characters on their own (a pair is tested as a code point).
    cls = c < 0xd800 || c > 0xdfff ? (WORD_CHAR.test(String.fromCharCode(c)) ? WORD : OTHER) : OTHER;
    BMP[c] = cls;
  }
  return cls;
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return classOf(c) === WORD;
  const point = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(point));
}

export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 0xd800 || c > 0xdbff) word = (BMP[c] || classOf(c)) === WORD;
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
