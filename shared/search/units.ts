import { mergeRanges, type HitRange } from './hits';

// How far an auto-coded hit reaches. The paragraph rule is THE paragraph rule of Passage: the reader
// shows one paragraph per line of the stored text, so a paragraph is a line (text between \n).

export const CODING_UNITS = ['hit', 'sentence', 'paragraph', 'turn', 'document'] as const;
export type CodingUnit = (typeof CODING_UNITS)[number];

export interface TurnRange {
  start: number;
  end: number;
}

/** Lines of the stored text: every paragraph, including empty ones, as UTF-16 ranges without the \n. */
export function paragraphRanges(text: string): HitRange[] {
  const ranges: HitRange[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) {
      ranges.push({ start, end: text.length });
      return ranges;
    }
    ranges.push({ start, end: newline });
    start = newline + 1;
  }
}

/** The paragraph (line) around an offset. */
export function paragraphAt(text: string, offset: number): HitRange {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, end: newline < 0 ? text.length : newline };
}

/** Shrinks a range to drop leading and trailing whitespace (a unit is coded without its blank edges). */
export function trimRange(text: string, range: HitRange): HitRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

let sentenceSegmenter: Intl.Segmenter | null = null;

/**
 * The sentence around an offset, never crossing its paragraph. Sentence breaks are Unicode's (ICU),
 * which know that "e.g. the" or "3.5" do not end a sentence.
 */
export function sentenceAt(text: string, offset: number): HitRange {
  const paragraph = paragraphAt(text, offset);
  sentenceSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
  const body = text.slice(paragraph.start, paragraph.end);
  const found = sentenceSegmenter.segment(body).containing(offset - paragraph.start);
  if (!found) return paragraph;
  const start = paragraph.start + found.index;
  return trimRange(text, { start, end: start + found.segment.length });
}

function unitAt(text: string, offset: number, unit: 'sentence' | 'paragraph'): HitRange {
  return unit === 'sentence' ? sentenceAt(text, offset) : trimRange(text, paragraphAt(text, offset));
}

function turnAt(turns: readonly TurnRange[], offset: number): TurnRange | undefined {
  // Turns are few per document; a linear scan keeps this simple and is fast enough.
  return turns.find((t) => t.start <= offset && offset < t.end);
}

export interface ExpandedHits {
  /** The ranges to code, sorted, overlapping ones united. */
  ranges: HitRange[];
  /** Hits outside every speaker turn, coded by their paragraph instead (only for unit 'turn'). */
  outsideTurns: number;
}

/**
 * Expands each hit to the chosen unit; a range that would cover several units (a phrase across a
 * sentence break) spans from the unit of its start to the unit of its end. Units reached by several
 * hits are coded once.
 */
export function expandHits(
  text: string,
  hits: readonly HitRange[],
  unit: CodingUnit,
  turns: readonly TurnRange[] = [],
): ExpandedHits {
  if (hits.length === 0) return { ranges: [], outsideTurns: 0 };
  if (unit === 'hit') return { ranges: mergeRanges([...hits]), outsideTurns: 0 };
  if (unit === 'document') {
    const whole = trimRange(text, { start: 0, end: text.length });
    return { ranges: whole.start < whole.end ? [whole] : [], outsideTurns: 0 };
  }
  let outsideTurns = 0;
  const ranges: HitRange[] = [];
  for (const hit of hits) {
    const last = Math.max(hit.start, hit.end - 1);
    if (unit === 'turn') {
      const first = turnAt(turns, hit.start);
      const lastTurn = turnAt(turns, last);
      if (first && lastTurn) {
        ranges.push(trimRange(text, { start: first.start, end: lastTurn.end }));
        continue;
      }
      outsideTurns++;
    }
    const unitOfText = unit === 'sentence' ? 'sentence' : 'paragraph';
    ranges.push({
      start: unitAt(text, hit.start, unitOfText).start,
      end: unitAt(text, last, unitOfText).end,
    });
  }
  return { ranges: mergeRanges(ranges.filter((r) => r.start < r.end)), outsideTurns };
}
