import { foldText, originalRange, TOKEN_CHAR_CLASS, type FoldedText } from './fold';
import type { QueryTerm } from './query';

/** A hit: UTF-16 offsets into the stored document text, end exclusive. */
export interface HitRange {
  start: number;
  end: number;
}

const NOT_TOKEN = `[^${TOKEN_CHAR_CLASS}]`;
const TOKEN = `[${TOKEN_CHAR_CLASS}]`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patternCache = new Map<string, RegExp>();

/**
 * The pattern of a term over folded text: its tokens in order with separators between them, on token
 * boundaries; a prefix term's last token runs to the end of the word, so the whole word is highlighted.
 */
function termPattern(term: QueryTerm): RegExp {
  const key = `${term.prefix ? '*' : ''}${term.tokens.join('\u0000')}`;
  let pattern = patternCache.get(key);
  if (!pattern) {
    const body = term.tokens.map(escapeRegExp).join(`${NOT_TOKEN}+`);
    const tail = term.prefix ? `${TOKEN}*` : `(?!${TOKEN})`;
    pattern = new RegExp(`(?<!${TOKEN})${body}${tail}`, 'gu');
    if (patternCache.size > 500) patternCache.clear();
    patternCache.set(key, pattern);
  }
  return pattern;
}

function rangesOf(folded: FoldedText, term: QueryTerm, out: HitRange[]): void {
  const pattern = termPattern(term);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(folded.folded); match; match = pattern.exec(folded.folded)) {
    out.push(originalRange(folded, match.index, match.index + match[0].length));
  }
}

/** Sorts and unions overlapping ranges (a phrase and one of its words hit the same place once). */
export function mergeRanges(ranges: HitRange[]): HitRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HitRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/** Where the terms occur in a text, case- and diacritic-insensitively, as the FTS5 index sees it. */
export function findHits(
  text: string,
  terms: readonly QueryTerm[],
  folded: FoldedText = foldText(text),
): HitRange[] {
  const ranges: HitRange[] = [];
  for (const term of terms) rangesOf(folded, term, ranges);
  return mergeRanges(ranges);
}
