import { useEffect, useState } from 'react';
import { callOrError } from '../../api/client';
import { useRevision } from '../../app/useRevisions';
import { useSelection } from '../../app/useSelection';
import type { AnonymisedSpan } from '../../../shared/privacy/types';
import './privacy.css';

const HIGHLIGHT = 'passage-anonymised';
// The reader renders text as <span data-o="documentOffset">; only rows on screen exist.
const RUNS = '.reader-list [data-o]';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

const registry = (): HighlightRegistry | null =>
  typeof CSS !== 'undefined' && 'highlights' in CSS
    ? (CSS as unknown as { highlights: HighlightRegistry }).highlights
    : null;

/** The first span (sorted by start, none overlapping) that ends after `offset`. */
function firstEndingAfter(spans: readonly AnonymisedSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.endUtf16 <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ranges over the reader's visible text runs that fall inside a placeholder (spans sorted by start). */
function rangesOf(spans: readonly AnonymisedSpan[]): Range[] {
  const ranges: Range[] = [];
  for (const run of document.querySelectorAll<HTMLElement>(RUNS)) {
    const text = run.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const start = Number(run.dataset.o);
    const end = start + (text.textContent ?? '').length;
    // A long transcript has thousands of placeholders; only those over this run are looked at.
    for (let i = firstEndingAfter(spans, start); i < spans.length && spans[i]!.startUtf16 < end; i++) {
      const s = spans[i]!;
      const range = document.createRange();
      range.setStart(text, Math.max(0, s.startUtf16 - start));
      range.setEnd(text, Math.min(end, s.endUtf16) - start);
      ranges.push(range);
    }
  }
  return ranges;
}

/**
 * Marks the placeholders of the document open in the reader ([P07], [Person 3]): where anonymisation
 * replaced a real string. Kept in step with the reader's rows as they scroll in and out.
 */
export function AnonymisedMarks() {
  const documentId = useSelection((s) => s.documentId);
  const revision = useRevision('documents');
  const [spans, setSpans] = useState<AnonymisedSpan[]>([]);

  useEffect(() => {
    if (documentId === null) return;
    let live = true;
    void callOrError('privacy.spans', { documentId }).then((answer) => {
      if (live) setSpans(answer.value ?? []);
    });
    return () => {
      live = false;
      setSpans([]);
    };
  }, [documentId, revision]);

  useEffect(() => {
    const highlights = registry();
    if (!highlights || spans.length === 0 || typeof Highlight === 'undefined') return;
    let frame = 0;
    const mark = () => {
      frame = 0;
      highlights.set(HIGHLIGHT, new Highlight(...rangesOf(spans)));
    };
    const observer = new MutationObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(mark);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    mark();
    return () => {
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
      highlights.delete(HIGHLIGHT);
    };
  }, [spans]);

  return null;
}
