/**
 * Which unit a source's selections were counted in. The standard says code points; NVivo writes UTF-16
 * code units. They differ only after a character above U+FFFF (most emoji), so the choice is made per
 * source from its own selections: a unit under which some selection falls outside the text or cuts an
 * emoji in half is impossible; among the possible ones, the one whose selections start and end on more
 * word boundaries wins (a shifted offset cuts words); a tie goes to the writing tool's known habit,
 * else to the standard. Files Passage wrote are read in code points without guessing.
 */
import { codePointStarts, hasSurrogates, withoutBom, type OffsetUnit } from './offsetMap';

export type OffsetChoice = 'auto' | OffsetUnit;

export interface RawSpan {
  start: number;
  end: number;
}

export interface UnitDecision {
  unit: OffsetUnit;
  /** Plain words for the import report. */
  reason: string;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** True when position `i` (UTF-16) of `text` is not inside a word. */
function onBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const before = text[i - 1]!;
  const after = text[i]!;
  return !WORD.test(before) || !WORD.test(after);
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

interface Fit {
  possible: boolean;
  boundaries: number;
}

function fitUtf16(text: string, spans: readonly RawSpan[]): Fit {
  let boundaries = 0;
  for (const { start, end } of spans) {
    if (start < 0 || end > text.length || start > end) return { possible: false, boundaries };
    for (const at of [start, end]) {
      if (at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)))
        return { possible: false, boundaries };
      if (onBoundary(text, at)) boundaries++;
    }
  }
  return { possible: true, boundaries };
}

function fitCodePoints(text: string, starts: Int32Array, spans: readonly RawSpan[]): Fit {
  let boundaries = 0;
  const length = starts.length - 1;
  for (const { start, end } of spans) {
    if (start < 0 || end > length || start > end) return { possible: false, boundaries };
    if (onBoundary(text, starts[start]!)) boundaries++;
    if (onBoundary(text, starts[end]!)) boundaries++;
  }
  return { possible: true, boundaries };
}

/** The tool's known unit when the text cannot tell (NVivo for Windows and Mac counts UTF-16). */
export function habitOf(origin: string): OffsetUnit {
  return /nvivo/i.test(origin) ? 'utf16' : 'codepoints';
}

export function chooseUnit(
  raw: string,
  spans: readonly RawSpan[],
  choice: OffsetChoice,
  origin: string,
): UnitDecision {
  if (choice !== 'auto') return { unit: choice, reason: `${unitName(choice)} (as asked)` };
  // Passage writes code points (tested); guessing from word boundaries could only get its files wrong
  // (a selection ending inside a word after an emoji fits UTF-16 better).
  if (/^passage\b/i.test(origin)) return { unit: 'codepoints', reason: 'code points (written by Passage)' };
  const text = withoutBom(raw);
  if (!hasSurrogates(text)) {
    return { unit: 'codepoints', reason: 'code points (the same as UTF-16 units for this text)' };
  }
  const starts = codePointStarts(text);
  const utf16 = fitUtf16(text, spans);
  const points = fitCodePoints(text, starts, spans);
  if (utf16.possible && !points.possible)
    return { unit: 'utf16', reason: 'UTF-16 units (code points would fall outside the text)' };
  if (points.possible && !utf16.possible)
    return { unit: 'codepoints', reason: 'code points (UTF-16 units would cut characters in half)' };
  if (!points.possible && !utf16.possible) {
    const unit = habitOf(origin);
    return { unit, reason: `${unitName(unit)} (neither unit fits every selection; the tool's habit)` };
  }
  if (utf16.boundaries !== points.boundaries) {
    const unit: OffsetUnit = utf16.boundaries > points.boundaries ? 'utf16' : 'codepoints';
    return { unit, reason: `${unitName(unit)} (more selections start and end between words)` };
  }
  const unit = habitOf(origin);
  return { unit, reason: `${unitName(unit)} (both fit equally; the tool's habit)` };
}

export function unitName(unit: OffsetUnit): string {
  return unit === 'utf16' ? 'UTF-16 units' : 'code points';
}
