// Where the study's 100,000 coded segments fall: spans of realistic length on word boundaries, denser in
// transcripts, often overlapping (the same passage coded several ways), one code with exactly 5,000.
import type { Rng } from './rng';

export const SEGMENT_COUNT = 100_000;
export const BIG_CODE_SEGMENTS = 5_000;

export interface PlannedSegment {
  documentId: number;
  codeId: number;
  startUtf16: number;
  endUtf16: number;
}

export interface CodableDocument {
  id: number;
  text: string;
  kind: 'interview' | 'document';
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10;
}

/** Moves `at` back to the start of the word it is in, so a span never starts mid-word. */
function wordStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

function wordEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Codes other than the big one get Zipf-like shares: a few codes carry most coding, as in real studies. */
function codeSampler(rng: Rng, codeIds: readonly number[]): () => number {
  const weights = codeIds.map((_, i) => 1 / (i + 2));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  return () => {
    const r = rng.next();
    let i = 0;
    while (i < cumulative.length - 1 && cumulative[i]! < r) i++;
    return codeIds[i]!;
  };
}

function documentSampler(rng: Rng, documents: readonly CodableDocument[]): () => CodableDocument {
  const cumulative: number[] = [];
  let sum = 0;
  for (const d of documents) cumulative.push((sum += d.text.length * (d.kind === 'interview' ? 3 : 1)));
  return () => {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return documents[lo]!;
  };
}

export function planSegments(
  rng: Rng,
  documents: readonly CodableDocument[],
  codeIds: readonly number[],
  bigCodeId: number,
  total = SEGMENT_COUNT,
  bigCount = BIG_CODE_SEGMENTS,
  /** A document that gets exactly this many segments (issue 4's 200,000-word transcript has 5,000). */
  capped?: { documentId: number; count: number },
): PlannedSegment[] {
  const otherCode = codeSampler(
    rng,
    codeIds.filter((id) => id !== bigCodeId),
  );
  const pickDocument = documentSampler(rng, documents);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const segments: PlannedSegment[] = [];
  const seen = new Set<string>();
  let onCapped = 0;
  while (segments.length < total) {
    const doc = pickDocument();
    const previous = segments.at(-1);
    // A third of the time the same passage gets another code: overlaps as researchers make them.
    const overlap = previous !== undefined && previous.documentId === doc.id ? false : rng.chance(0.3);
    const anchor = overlap && segments.length > 0 ? segments[rng.int(0, segments.length - 1)]! : undefined;
    const target = anchor ? byId.get(anchor.documentId)! : doc;
    const length = rng.skewed(260, 0.7, 25, 2_500);
    const around = anchor ? anchor.startUtf16 + rng.int(-200, 200) : rng.int(0, target.text.length - 1);
    const startUtf16 = wordStart(target.text, Math.max(0, Math.min(target.text.length - 1, around)));
    const endUtf16 = wordEnd(target.text, Math.min(target.text.length, startUtf16 + length));
    if (endUtf16 <= startUtf16) continue;
    const codeId = segments.length < bigCount ? bigCodeId : otherCode();
    const key = `${target.id}:${codeId}:${startUtf16}:${endUtf16}`;
    if (seen.has(key)) continue;
    if (target.id === capped?.documentId && onCapped++ >= capped.count) continue;
    seen.add(key);
    segments.push({ documentId: target.id, codeId, startUtf16, endUtf16 });
  }
  return segments;
}

/** The dense transcript's segments at scale 1 (issue 4); ten times that at scale 10 (issue 18). */
export const DENSE_TRANSCRIPT_SEGMENTS = 5_000;

/**
 * The study's segments at a scale: SEGMENT_COUNT × scale in all, BIG_CODE_SEGMENTS × scale on the big code,
 * and exactly DENSE_TRANSCRIPT_SEGMENTS × scale on the long transcript. Scale 1 plans as issue 4's bench did
 * (the same segments as before); larger scales plan the long transcript on its own first, since its share of
 * a corpus drawn by length would fall short of its count.
 */
export function planStudySegments(
  rng: Rng,
  documents: readonly CodableDocument[],
  codeIds: readonly number[],
  bigCodeId: number,
  longId: number,
  scale: number,
): PlannedSegment[] {
  const dense = Math.round(DENSE_TRANSCRIPT_SEGMENTS * scale);
  const total = Math.round(SEGMENT_COUNT * scale);
  const big = Math.round(BIG_CODE_SEGMENTS * scale);
  if (scale === 1)
    return planSegments(rng, documents, codeIds, bigCodeId, total, big, { documentId: longId, count: dense });
  const long = documents.filter((d) => d.id === longId);
  const others = documents.filter((d) => d.id !== longId);
  const onLong = planSegments(rng, long, codeIds, bigCodeId, dense, 0);
  return [...onLong, ...planSegments(rng, others, codeIds, bigCodeId, total - dense, big)];
}
