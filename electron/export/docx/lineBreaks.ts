import { ADVANCE_WIDTHS, COVERED_RANGES, UNITS_PER_EM, type FontStyle } from './fontWidths';

/**
 * How many lines a paragraph takes, broken as LibreOffice breaks it: greedily, at spaces and after
 * hyphens and dashes, a word longer than the line broken where it overflows. Widths are Times New
 * Roman's (fontWidths.ts); a character the tables do not cover (Arabic, emoji) counts half an em.
 */

export interface Run {
  text: string;
  style?: FontStyle;
}

const FALLBACK_EM = 0.5;

/** Index of each covered code point in the width arrays. */
const INDEX = new Map<number, number>();
{
  let i = 0;
  for (const [from, to] of COVERED_RANGES) for (let cp = from; cp <= to; cp++) INDEX.set(cp, i++);
}

/** A character's advance in em. */
function advanceEm(cp: number, style: FontStyle): number {
  const at = INDEX.get(cp);
  const units = at === undefined ? -1 : ADVANCE_WIDTHS[style][at]!;
  return units < 0 ? FALLBACK_EM : units / UNITS_PER_EM;
}

const isSpace = (ch: string) => ch === ' ' || ch === '\t';
/** A line may break after these (a hyphen between letters, en and em dashes, a slash). */
const BREAK_AFTER = new Set(['-', '\u2010', '\u2013', '\u2014', '/']);

/**
 * The lines `runs` take in a column `widthTwips` wide at `sizePt`; an empty paragraph is one line,
 * and a line break in the text ("\n") starts a new line.
 */
export function countLines(runs: readonly Run[], widthTwips: number, sizePt: number): number {
  const width = widthTwips / (sizePt * 20); // in em
  let lines = 1;
  let line = 0; // width of the line so far, without trailing spaces
  let pendingSpace = 0; // spaces after the line's last word
  let word = 0; // the word being read
  const endWord = () => {
    if (word === 0) return;
    if (line > 0 && line + pendingSpace + word > width) {
      lines += 1;
      line = 0;
      pendingSpace = 0;
    }
    if (line === 0) {
      // A word wider than the line is broken where it overflows.
      while (word > width) {
        lines += 1;
        word -= width;
      }
      line = word;
    } else line += pendingSpace + word;
    pendingSpace = 0;
    word = 0;
  };
  for (const run of runs) {
    const style = run.style ?? 'regular';
    for (const ch of run.text) {
      if (ch === '\n') {
        endWord();
        lines += 1;
        line = 0;
        pendingSpace = 0;
        continue;
      }
      const em = advanceEm(ch.codePointAt(0)!, style);
      if (isSpace(ch)) {
        endWord();
        pendingSpace += em;
        continue;
      }
      word += em;
      if (BREAK_AFTER.has(ch)) endWord();
    }
  }
  endWord();
  return lines;
}
