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
const TAB = 9;
const LINE_FEED = 10;
const SPACE = 32;
const NO_BREAK_SPACE = 0xa0;
/** A line may break after a hyphen, a slash, an en or em dash, or a typographic space (the em space that indents a sub-code). */
const breaksAfter = (unit: number) =>
  unit === 0x2d ||
  unit === 0x2f ||
  unit === 0x2010 ||
  unit === 0x2013 ||
  unit === 0x2014 ||
  (unit >= 0x2000 && unit <= 0x200a);

/** Each UTF-16 unit's advance in em, by style, in a flat table: the export measures every quote. */
const TABLE_SIZE = Math.max(...COVERED_RANGES.map(([, to]) => to)) + 1;
const tables = new Map<FontStyle, Float64Array>();

function widthTable(style: FontStyle): Float64Array {
  let table = tables.get(style);
  if (table) return table;
  table = new Float64Array(TABLE_SIZE).fill(FALLBACK_EM);
  let i = 0;
  for (const [from, to] of COVERED_RANGES)
    for (let cp = from; cp <= to; cp++, i++) {
      const units = ADVANCE_WIDTHS[style][i]!;
      table[cp] = units < 0 ? FALLBACK_EM : units / UNITS_PER_EM;
    }
  tables.set(style, table);
  return table;
}

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
  const chars: number[] = []; // its characters' widths, for a word wider than the line
  let length = 0;
  const endWord = () => {
    if (word === 0) return;
    if (line > 0 && line + pendingSpace + word > width) {
      lines += 1;
      line = 0;
      pendingSpace = 0;
    }
    if (line === 0) {
      // A word wider than the line is broken before the character that overflows, and a character
      // wider than the line (a letter in a narrow table column) still takes a line of its own.
      if (word > width) {
        word = 0;
        for (let c = 0; c < length; c++) {
          const em = chars[c]!;
          // A no-break space (stored negative) hangs at the end of a line rather than starting one.
          if (em < 0) {
            if (word - em <= width) word -= em;
            continue;
          }
          if (word > 0 && word + em > width) {
            lines += 1;
            word = 0;
          }
          word += em;
        }
      }
      line = word;
    } else line += pendingSpace + word;
    pendingSpace = 0;
    word = 0;
    length = 0;
  };
  for (const run of runs) {
    const table = widthTable(run.style ?? 'regular');
    const text = run.text;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit === LINE_FEED) {
        endWord();
        lines += 1;
        line = 0;
        pendingSpace = 0;
        continue;
      }
      // A surrogate pair (an emoji) is one character of the fallback width.
      if (unit >= 0xdc00 && unit <= 0xdfff) continue;
      const em = unit < TABLE_SIZE ? table[unit]! : FALLBACK_EM;
      if (unit === SPACE || unit === TAB) {
        endWord();
        pendingSpace += em;
        continue;
      }
      word += em;
      chars[length++] = unit === NO_BREAK_SPACE ? -em : em;
      if (breaksAfter(unit)) endWord();
    }
  }
  endWord();
  return lines;
}
