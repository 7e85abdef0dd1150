// Comparing names the way a reader would: case, accents and apostrophe forms do not matter, and a
// name of five letters or more still matches with one letter wrong, missing, extra or swapped.

const NEEDS_FOLDING = /[^\t\n\r\x20-\x5f\x61-\x7e]/;

/** Lower case, accents removed (é → e, ø stays ø), curly apostrophes made straight. */
export function fold(text: string): string {
  // Most words are printable ASCII, which only needs lower-casing (the backtick aside).
  if (!NEEDS_FOLDING.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

/** A word of a text: letters (any script), with inner apostrophes, hyphens and dots of initials. */
export interface Token {
  start: number;
  end: number;
  text: string;
  folded: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = offset + match.index;
    tokens.push({ start, end: start + match[0].length, text: match[0], folded: fold(match[0]) });
  }
  return tokens;
}

/** "Whitfield's", "Whitfield’s", "Ramos'" → the name without its possessive ending, and its length. */
export function withoutPossessive(word: string): string {
  return word.replace(/['’](?:s|S)?$/u, '');
}

/**
 * True when a and b differ by at most one insertion, deletion, substitution or swap of neighbours
 * (optimal string alignment distance ≤ 1), without building a matrix.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Every string one deletion away, and the string itself: the index of the symmetric-delete lookup. */
export function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Letters of a script written without spaces between words, where names are found as substrings. */
export const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

export const startsUpperCase = (word: string): boolean => {
  const first = word[0] ?? '';
  return first !== first.toLowerCase() || first === first.toUpperCase();
};
