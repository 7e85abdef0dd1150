// A word is a run of letters, marks or digits, optionally joined by an apostrophe or hyphen
// ("don't", "non-governmental" are one word each), the way word processors count.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}
