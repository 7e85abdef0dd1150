// Snapping a selection to whole words, in UTF-16 offsets, never splitting a surrogate pair.

/** How far around a boundary we look for the word containing it: words are never this long. */
const WINDOW = 200;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Moves a boundary off the middle of a surrogate pair: backwards for starts, forwards for ends. */
export function alignToCodePoint(text: string, offset: number, direction: 'back' | 'forward'): number {
  const o = Math.max(0, Math.min(offset, text.length));
  if (o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o))) {
    return direction === 'back' ? o - 1 : o + 1;
  }
  return o;
}

interface WordSpan {
  start: number;
  end: number;
}

type WordFinder = (text: string, from: number, to: number) => WordSpan[];

const WORD_CHAR = /[\p{L}\p{N}\p{M}\p{Pc}'’-]/u;

/** Fallback where Intl.Segmenter is missing: runs of letters, digits, marks, apostrophes and hyphens. */
export const regexWords: WordFinder = (text, from, to) => {
  const words: WordSpan[] = [];
  let start = -1;
  let i = from;
  while (i < to) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const inWord = WORD_CHAR.test(String.fromCodePoint(cp));
    if (inWord && start < 0) start = i;
    if (!inWord && start >= 0) {
      words.push({ start, end: i });
      start = -1;
    }
    i += width;
  }
  if (start >= 0) words.push({ start, end: to });
  return words;
};

let segmenter: Intl.Segmenter | null | undefined;

const segmenterWords: WordFinder = (text, from, to) => {
  const words: WordSpan[] = [];
  for (const s of segmenter!.segment(text.slice(from, to))) {
    if (s.isWordLike) words.push({ start: from + s.index, end: from + s.index + s.segment.length });
  }
  return words;
};

function defaultFinder(): WordFinder {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== 'undefined' && 'Segmenter' in Intl
        ? new Intl.Segmenter(undefined, { granularity: 'word' })
        : null;
  }
  return segmenter ? segmenterWords : regexWords;
}

/**
 * Widens [start, end) to whole words and drops spaces and punctuation at its edges, as researchers
 * expect when they drag across part of a word. A selection holding no word is returned unchanged
 * (apart from surrogate alignment). Only a window around each edge is segmented, so this stays fast
 * on a book-length text.
 */
export function snapToWords(
  text: string,
  start: number,
  end: number,
  findWords: WordFinder = defaultFinder(),
): { start: number; end: number } {
  const s = alignToCodePoint(text, Math.min(start, end), 'back');
  const e = alignToCodePoint(text, Math.max(start, end), 'forward');
  if (e <= s) return { start: s, end: e };
  // The first word reaching past the start: the word the start is inside, or the next one after a gap.
  const startWords = findWords(text, Math.max(0, s - WINDOW), Math.min(text.length, s + WINDOW));
  const first = startWords.find((w) => w.end > s);
  // The last word beginning before the end: the word the end is inside, or the previous one before a gap.
  const endWords = findWords(text, Math.max(0, e - WINDOW), Math.min(text.length, e + WINDOW));
  const last = endWords.findLast((w) => w.start < e);
  if (!first || !last || last.end <= first.start) return { start: s, end: e };
  return { start: first.start, end: last.end };
}

/** A code name from in-vivo words: whitespace collapsed, quotes trimmed, at most 60 characters on a word boundary. */
export function inVivoName(selected: string): string {
  const words = selected
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/gu, '')
    .trim();
  if (words.length <= 60) return words;
  const cut = words.lastIndexOf(' ', 60);
  const short = cut > 20 ? words.slice(0, cut) : alignSlice(words, 60);
  return `${short}…`;
}

function alignSlice(text: string, length: number): string {
  return text.slice(0, alignToCodePoint(text, length, 'back'));
}

/**
 * Moves one edge of a segment by one word, for keyboard boundary adjustment: an end moves to the end
 * of the next/previous word, a start to the start of the next/previous word. Returns the offset
 * unchanged when there is no word that way.
 */
export function stepWordEdge(
  text: string,
  offset: number,
  direction: 'back' | 'forward',
  edge: 'start' | 'end',
  findWords: WordFinder = defaultFinder(),
): number {
  const words = findWords(text, Math.max(0, offset - WINDOW), Math.min(text.length, offset + WINDOW));
  const key = (w: WordSpan) => (edge === 'start' ? w.start : w.end);
  if (direction === 'forward') {
    const after = words.find((w) => key(w) > offset);
    return after ? key(after) : offset;
  }
  const before = words.findLast((w) => key(w) < offset);
  return before ? key(before) : offset;
}

/**
 * Where a segment's edge lands when its handle is dragged to `offset`: the start of the word under or
 * after the pointer for a start, the end of the word under or before it for an end — or `offset`
 * itself when `exact` (Alt held). Null when the segment would be empty or turned inside out.
 */
export function dragSegmentEdge(
  text: string,
  range: { start: number; end: number },
  edge: 'start' | 'end',
  offset: number,
  exact = false,
  findWords: WordFinder = defaultFinder(),
): { start: number; end: number } | null {
  const o = alignToCodePoint(text, offset, edge === 'start' ? 'back' : 'forward');
  let at = o;
  if (!exact) {
    const words = findWords(text, Math.max(0, o - WINDOW), Math.min(text.length, o + WINDOW));
    const word = edge === 'start' ? words.find((w) => w.end > o) : words.findLast((w) => w.start < o);
    if (word) at = edge === 'start' ? word.start : word.end;
  }
  const next = edge === 'start' ? { start: at, end: range.end } : { start: range.start, end: at };
  return next.start < next.end ? next : null;
}
