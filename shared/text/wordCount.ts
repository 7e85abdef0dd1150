// A word is a run of letters, marks or digits, optionally joined by an apostrophe or hyphen
// ("don't", "non-governmental" are one word each), the way word processors count.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Import counts the words of every document (13 MB for the reference corpus), so ASCII is decided by
// a table and only other characters go to the Unicode-aware regular expression.
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  // Surrogate pairs (letters outside the BMP) are tested as one code point.
  const point = text.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(point));
}

export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const word = c < 128 ? ASCII_WORD[c] === 1 : isWordChar(text, i);
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
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  return words;
}
