import { foldText, isTokenChar, originalRange, type FoldedText } from './fold';
import type { QueryTerm } from './query';

/** A hit: UTF-16 offsets into the stored document text, end exclusive. */
export interface HitRange {
  start: number;
  end: number;
}

function isAsciiTokenUnit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** Whether the code point starting at i is a token character. */
function tokenCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 0x80) return isAsciiTokenUnit(code);
  if (code >= 0xdc00 && code <= 0xdfff) return false; // a lone low surrogate
  return isTokenChar(String.fromCodePoint(text.codePointAt(i) ?? code));
}

/** Whether the code point ending just before i is a token character. */
function tokenCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const code = text.charCodeAt(i - 1);
  if (code < 0x80) return isAsciiTokenUnit(code);
  const isLow = code >= 0xdc00 && code <= 0xdfff && i >= 2;
  return tokenCharAt(text, isLow ? i - 2 : i - 1);
}

function unitsAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1;
}

/** Whether `token` (folded) is found in `text` at `at`, as the text is searched. */
type StartsAt = (text: string, token: string, at: number) => boolean;

const startsExactly: StartsAt = (text, token, at) => text.startsWith(token, at);

/** Pure-ASCII text against folded tokens: the index folds such text by lower-casing it, and only that. */
const startsIgnoringCase: StartsAt = (text, token, at) => {
  if (at + token.length > text.length) return false;
  for (let i = 0; i < token.length; i++) {
    let code = text.charCodeAt(at + i);
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if (code !== token.charCodeAt(i)) return false;
  }
  return true;
};

/**
 * The end of the term matched at `start` (its first token found there), or -1: its tokens in order with
 * separators between them, on token boundaries; a prefix term's last token runs to the end of the
 * word, so the whole word is highlighted.
 */
function matchEnd(text: string, start: number, term: QueryTerm, startsAt: StartsAt): number {
  const { tokens } = term;
  let end = start + tokens[0]!.length;
  for (let k = 1; k < tokens.length; k++) {
    let next = end;
    while (next < text.length && !tokenCharAt(text, next)) next += unitsAt(text, next);
    if (next === end || !startsAt(text, tokens[k]!, next)) return -1;
    end = next + tokens[k]!.length;
  }
  if (term.prefix) {
    while (tokenCharAt(text, end)) end += unitsAt(text, end);
    return end;
  }
  return tokenCharAt(text, end) ? -1 : end;
}

/**
 * Terms grouped by a first-token prefix they share: the forms of a word ("protection", "protections")
 * and the combinations of a phrase's forms start alike, and scanning a long transcript once per term
 * was most of the cost of a page of snippets. Shortest first tokens become the anchors.
 */
function anchorGroups(terms: readonly QueryTerm[]): Map<string, QueryTerm[]> {
  const groups = new Map<string, QueryTerm[]>();
  const byLength = [...terms].sort((a, b) => a.tokens[0]!.length - b.tokens[0]!.length);
  for (const term of byLength) {
    const first = term.tokens[0]!;
    let anchor = first;
    for (const known of groups.keys()) {
      if (first.startsWith(known)) {
        anchor = known;
        break;
      }
    }
    const group = groups.get(anchor);
    if (group) group.push(term);
    else groups.set(anchor, [term]);
  }
  return groups;
}

/**
 * Checks each term of an anchor's group where the anchor was found at `at` (its first token there, then
 * word boundaries) and reports the end of each that matches.
 */
function groupEndsAt(
  text: string,
  at: number,
  anchor: string,
  terms: readonly QueryTerm[],
  startsAt: StartsAt,
  found: (start: number, end: number) => void,
): void {
  if (tokenCharBefore(text, at)) return;
  for (const term of terms) {
    const first = term.tokens[0]!;
    if (first.length > anchor.length && !startsAt(text, first, at)) continue;
    const end = matchEnd(text, at, term, startsAt);
    if (end >= 0) found(at, end);
  }
}

// indexOf finds candidates natively, once per anchor; only they are checked for the group's terms.
function rangesOf(folded: FoldedText, anchor: string, terms: readonly QueryTerm[], out: HitRange[]): void {
  const text = folded.folded;
  const found = (start: number, end: number) => out.push(originalRange(folded, start, end));
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1))
    groupEndsAt(text, at, anchor, terms, startsExactly, found);
}

const REGEXP_SYNTAX = /[.*+?^${}()|[\]\\]/g;

/**
 * Where the terms occur in a pure-ASCII text — which the index folds by lower-casing only — found in
 * the text itself: a case-insensitive regular expression finds each anchor's candidates natively, so a
 * long transcript is not copied to lower case first (the copy and its scan cost about twice the
 * search). The same hits as findHits over the lower-cased text.
 */
export function findHitsInAscii(text: string, terms: readonly QueryTerm[]): HitRange[] {
  const ranges: HitRange[] = [];
  const found = (start: number, end: number) => ranges.push({ start, end });
  for (const [anchor, group] of anchorGroups(terms)) {
    const candidates = new RegExp(anchor.replace(REGEXP_SYNTAX, '\\$&'), 'gi');
    for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
      // Overlapping candidates too, as indexOf from the next unit finds them.
      candidates.lastIndex = match.index + 1;
      groupEndsAt(text, match.index, anchor, group, startsIgnoringCase, found);
    }
  }
  return mergeRanges(ranges);
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
  for (const [anchor, group] of anchorGroups(terms)) rangesOf(folded, anchor, group, ranges);
  return mergeRanges(ranges);
}
