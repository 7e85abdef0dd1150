import type { HitRange } from './hits';

/**
 * A passage around one or more hits, as plain text plus where to highlight: the backend never sends HTML.
 * `startUtf16` is where the snippet begins in the document; `highlights` are relative to `text`.
 * Line breaks are shown as spaces (same length, so every offset still lines up with the document).
 */
export interface Snippet {
  text: string;
  startUtf16: number;
  highlights: HitRange[];
  /** Text was cut before / after the snippet (show an ellipsis). */
  cutStart: boolean;
  cutEnd: boolean;
}

export interface SnippetOptions {
  /** At most this many snippets per document. */
  maxSnippets?: number;
  /** UTF-16 units of context on each side of the hits. */
  context?: number;
}

const WORD_BREAK_SLACK = 20;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

/**
 * Moves a window start to a word start without eating the context before the first hit: forward a
 * little (keeping at least `keep` units before the hit), else back a little; never into the middle of a
 * surrogate pair, never before `floor` (where the previous snippet ends).
 */
function snapStart(text: string, at: number, firstHitStart: number, keep: number, floor: number): number {
  if (at <= 0) return 0;
  if (isSpace(text[at - 1])) return at;
  for (let i = at; i < Math.min(firstHitStart - keep, at + WORD_BREAK_SLACK); i++) {
    if (isSpace(text[i])) return i + 1;
  }
  for (let i = at - 1; i > Math.max(floor, at - WORD_BREAK_SLACK); i--) {
    if (isSpace(text[i - 1])) return i;
  }
  return isHighSurrogate(text.charCodeAt(at - 1)) ? at + 1 : at;
}

/** Moves a window end to a word end likewise: back a little (keeping `keep` after the hit), else on. */
function snapEnd(text: string, at: number, lastHitEnd: number, keep: number, ceiling: number): number {
  if (at >= text.length) return text.length;
  if (isSpace(text[at])) return at;
  for (let i = at; i > Math.max(lastHitEnd + keep, at - WORD_BREAK_SLACK); i--) {
    if (isSpace(text[i - 1])) return i - 1;
  }
  for (let i = at + 1; i < Math.min(ceiling, at + WORD_BREAK_SLACK); i++) {
    if (isSpace(text[i])) return i;
  }
  return isHighSurrogate(text.charCodeAt(at - 1)) ? at - 1 : at;
}

/** Stops at the first non-space: cheap even on long documents. */
function hasTextBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/.test(text[i]!)) return true;
  return false;
}

/** Snippets for the first hits of a document; hits close together share one snippet. */
export function makeSnippets(
  text: string,
  hits: readonly HitRange[],
  options: SnippetOptions = {},
): Snippet[] {
  const maxSnippets = options.maxSnippets ?? 3;
  const context = options.context ?? 60;
  const windows: { start: number; end: number; hits: HitRange[] }[] = [];
  for (const hit of hits) {
    const last = windows[windows.length - 1];
    if (last && hit.start < last.end) {
      // Inside the previous window's text: highlight it there.
      last.hits.push(hit);
      last.end = Math.max(last.end, hit.end);
      continue;
    }
    // Close enough to the previous window, and the window stays short: extend it rather than repeat
    // the text between (dense hits would otherwise grow one snippet over the whole document).
    if (last && hit.start - context <= last.end && hit.end + context - last.start <= 4 * context) {
      last.end = Math.max(last.end, hit.end + context);
      last.hits.push(hit);
      continue;
    }
    if (windows.length === maxSnippets) break;
    // A new window never reaches back into the previous one; when their contexts would overlap, the
    // text between the two hits is shared out, so each snippet keeps context on the side of the other.
    let start = hit.start - context;
    if (last && start < last.end) {
      const lastHitEnd = last.hits[last.hits.length - 1]!.end;
      start = Math.max(lastHitEnd, Math.floor((lastHitEnd + hit.start) / 2));
      last.end = start;
    }
    windows.push({ start: Math.max(0, start), end: hit.end + context, hits: [hit] });
  }
  const keep = Math.ceil(context / 2);
  let previousEnd = 0;
  return windows.map((window, i) => {
    const firstHit = window.hits[0]!;
    const lastHit = window.hits[window.hits.length - 1]!;
    const ceiling = i + 1 < windows.length ? windows[i + 1]!.start : text.length;
    const start = snapStart(
      text,
      window.start,
      firstHit.start,
      Math.min(keep, Math.floor((firstHit.start - window.start) / 2)),
      previousEnd,
    );
    const end = snapEnd(
      text,
      Math.min(text.length, window.end),
      lastHit.end,
      Math.min(keep, Math.floor((window.end - lastHit.end) / 2)),
      ceiling,
    );
    previousEnd = end;
    let slice = text.slice(start, end).replace(/[\n\r\t]/g, ' ');
    // Leading/trailing spaces from snapping carry no meaning; trimming the end keeps offsets valid.
    const lead = slice.length - slice.trimStart().length;
    slice = slice.trimEnd().slice(lead);
    const snippetStart = start + lead;
    return {
      text: slice,
      startUtf16: snippetStart,
      highlights: window.hits.map((h) => ({ start: h.start - snippetStart, end: h.end - snippetStart })),
      cutStart: hasTextBetween(text, 0, snippetStart),
      cutEnd: hasTextBetween(text, snippetStart + slice.length, text.length),
    };
  });
}
