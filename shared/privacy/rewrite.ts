// Puts the placeholders into a text and says where they ended up, so offsets computed on the
// original (pages, turns) can follow.
import type { AnonymisedSpan, FindingKind } from './types';

export interface Replacement {
  startUtf16: number;
  endUtf16: number;
  kind: FindingKind;
  placeholder: string;
}

export interface Rewritten {
  text: string;
  spans: AnonymisedSpan[];
  /** An offset in the original text → the same place in the rewritten one (inside a span: its start). */
  mapOffset(offset: number): number;
}

/** `replacements` must not overlap (resolveOverlaps gives such a list). */
export function rewriteText(text: string, replacements: readonly Replacement[]): Rewritten {
  const sorted = [...replacements].sort((a, b) => a.startUtf16 - b.startUtf16);
  const parts: string[] = [];
  const spans: AnonymisedSpan[] = [];
  let at = 0;
  let shift = 0;
  for (const r of sorted) {
    if (r.startUtf16 < at) throw new Error('rewriteText: replacements overlap');
    parts.push(text.slice(at, r.startUtf16), r.placeholder);
    const start = r.startUtf16 + shift;
    spans.push({
      startUtf16: start,
      endUtf16: start + r.placeholder.length,
      kind: r.kind,
      placeholder: r.placeholder,
    });
    shift += r.placeholder.length - (r.endUtf16 - r.startUtf16);
    at = r.endUtf16;
  }
  parts.push(text.slice(at));
  const mapOffset = (offset: number): number => {
    let delta = 0;
    for (const r of sorted) {
      if (offset < r.startUtf16) break;
      if (offset < r.endUtf16) return r.startUtf16 + delta;
      delta += r.placeholder.length - (r.endUtf16 - r.startUtf16);
    }
    return offset + delta;
  };
  return { text: parts.join(''), spans, mapOffset };
}
