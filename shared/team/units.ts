/**
 * The units agreement is counted in. Ranges are UTF-16 offsets into the stored text, end exclusive,
 * sorted and disjoint; `characters` is not listed here: a run of code points is tallied by length
 * (see tally.ts), never one array entry per character.
 */
import { paragraphRanges, trimRange } from '../search/units';

export const AGREEMENT_UNITS = ['characters', 'sentences', 'paragraphs', 'turns', 'documents'] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

export interface UnitRange {
  start: number;
  end: number;
}

/** Paragraphs are the non-empty lines of the stored text, without their blank edges. */
export function paragraphUnits(text: string): UnitRange[] {
  return paragraphRanges(text)
    .map((r) => trimRange(text, r))
    .filter((r) => r.start < r.end);
}

let sentenceSegmenter: Intl.Segmenter | null = null;

/** Sentences (Unicode sentence breaks) inside each paragraph: a sentence never crosses a line. */
export function sentenceUnits(text: string): UnitRange[] {
  sentenceSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
  const out: UnitRange[] = [];
  for (const paragraph of paragraphUnits(text)) {
    const body = text.slice(paragraph.start, paragraph.end);
    for (const s of sentenceSegmenter.segment(body)) {
      const start = paragraph.start + s.index;
      const range = trimRange(text, { start, end: start + s.segment.length });
      if (range.start < range.end) out.push(range);
    }
  }
  return out;
}

/** Speaker turns as stored (a document without detected turns has no turn units). */
export function turnUnits(turns: readonly UnitRange[]): UnitRange[] {
  return [...turns].filter((t) => t.start < t.end).sort((a, b) => a.start - b.start);
}

/** The whole document is one unit (when it has any text). */
export function documentUnits(text: string): UnitRange[] {
  return text.length > 0 ? [{ start: 0, end: text.length }] : [];
}

export function unitRanges(
  unit: Exclude<AgreementUnit, 'characters'>,
  text: string,
  turns: readonly UnitRange[],
): UnitRange[] {
  switch (unit) {
    case 'sentences':
      return sentenceUnits(text);
    case 'paragraphs':
      return paragraphUnits(text);
    case 'turns':
      return turnUnits(turns);
    case 'documents':
      return documentUnits(text);
  }
}

/**
 * Code points before each UTF-16 offset, without walking the text per query: the positions of the
 * low halves of surrogate pairs, sorted, and a binary search. Most texts have none.
 */
export function codePointCounter(text: string): (offsetUtf16: number) => number {
  const lows: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) lows.push(i);
    }
  }
  if (lows.length === 0) return (offset) => offset;
  return (offset) => {
    let lo = 0;
    let hi = lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lows[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
}
