// compromise (MIT; its English lexicon and tagger ship inside the npm package, nothing is downloaded
// at run time), called the way that keeps a long transcript fast: only on short windows of words
// around capitalised words (its cost grows with every word it tags), each distinct window once
// (transcripts repeat phrases: "at the Red Cross in Goma"), and many windows per call (a call has a
// fixed cost several times that of tagging a short sentence).
import nlp from 'compromise';
import type { FindingKind } from '../../shared/privacy/types';

/** A span compromise tagged, in UTF-16 units of the window it was found in. */
export interface TaggedSpan {
  start: number;
  end: number;
  kind: Extract<FindingKind, 'person' | 'organisation' | 'place'>;
}

// Windows per call: past a few hundred the call's fixed cost is paid off.
const BATCH = 200;
// compromise splits sentences at a blank line, so one window's words never tag another's.
const SEPARATOR = '\n\n';
// Distinct windows remembered between calls (a review reads many files); forgotten all at once past this.
const CACHE_LIMIT = 50_000;
const cache = new Map<string, TaggedSpan[]>();

interface Term {
  offset: { start: number; length: number };
}

/** What the matches of compromise used here carry: [sentence, first term, end term] per match. */
interface MatchView {
  fullPointer: [number, number, number][];
}

/** The people, organisations and places compromise finds in each window, in the order given. */
export function tagWindows(windows: readonly string[]): TaggedSpan[][] {
  const pending = [...new Set(windows.filter((w) => !cache.has(w)))];
  if (cache.size + pending.length > CACHE_LIMIT) cache.clear();
  for (let i = 0; i < pending.length; i += BATCH) tagBatch(pending.slice(i, i + BATCH));
  return windows.map((w) => cache.get(w) ?? []);
}

function tagBatch(batch: string[]): void {
  const starts: number[] = [];
  let at = 0;
  for (const w of batch) {
    starts.push(at);
    at += w.length + SEPARATOR.length;
  }
  const found: TaggedSpan[][] = batch.map(() => []);
  const doc = nlp(batch.join(SEPARATOR));
  // Offsets of every term computed once, read through each match's pointer: json({ offset }) would
  // recompute them and parse every person's name for each of the three views.
  doc.compute('offset');
  const sentences = (doc as unknown as { document: Term[][] }).document;
  const views: [TaggedSpan['kind'], MatchView][] = [
    ['person', doc.people() as unknown as MatchView],
    ['organisation', doc.organizations() as unknown as MatchView],
    ['place', doc.places() as unknown as MatchView],
  ];
  for (const [kind, view] of views)
    for (const [n, first, end] of view.fullPointer) {
      const from = sentences[n]?.[first]?.offset;
      const to = sentences[n]?.[end - 1]?.offset;
      if (!from || !to) continue;
      const w = windowAt(starts, from.start);
      const start = from.start - starts[w]!;
      found[w]!.push({ start, end: Math.min(to.start + to.length - starts[w]!, batch[w]!.length), kind });
    }
  batch.forEach((w, i) => cache.set(w, found[i]!));
}

/** The index of the window a joined offset falls in (binary search over window starts). */
function windowAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Forgets every window tagged so far (a measurement of the tagger itself starts from nothing). */
export function forgetTaggedWindows(): void {
  cache.clear();
}
