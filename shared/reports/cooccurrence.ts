/**
 * Code co-occurrence, counted in two units (see CooccurrenceUnit in model.ts).
 *
 * Overlap unit, exactly: segment s (code A) counts once in cell (A, B) when the same document has a
 * segment t of code B with t.start < s.end and s.start < t.end — they share at least one UTF-16 unit.
 * "Lies within" is a special case of this. Segments that only touch (t.end === s.start) share nothing
 * and do not overlap. s overlaps itself, so the diagonal (A, A) equals the number of A's segments.
 *
 * Both units are computed by one interval sweep per document (segments sorted by start): O(n log n +
 * overlapping pairs) instead of the quadratic self-join.
 */

/** A coded span as the counting needs it. */
export interface Span {
  segmentId: number;
  documentId: number;
  codeId: number;
  startUtf16: number;
  endUtf16: number;
}

/** Directed counts keyed by code pair: counts.get(rowCodeId)?.get(columnCodeId). */
export type PairCounts = Map<number, Map<number, number>>;

export interface CooccurrenceCounts {
  /** Documents coded with both codes (symmetric); the diagonal is the documents of each code. */
  documents: PairCounts;
  /** Segments of the row code overlapping a segment of the column code (directed); diagonal = segments. */
  segments: PairCounts;
  /** Documents coded with each code. */
  documentsPerCode: Map<number, number>;
  /** Segments of each code. */
  segmentsPerCode: Map<number, number>;
}

export function pairCount(counts: PairCounts, row: number, column: number): number {
  return counts.get(row)?.get(column) ?? 0;
}

/** Groups spans by document, each document's spans sorted by start (then end). */
export function spansByDocument(spans: readonly Span[]): Map<number, Span[]> {
  const byDocument = new Map<number, Span[]>();
  for (const span of spans) {
    const list = byDocument.get(span.documentId);
    if (list) list.push(span);
    else byDocument.set(span.documentId, [span]);
  }
  for (const list of byDocument.values())
    list.sort((a, b) => a.startUtf16 - b.startUtf16 || a.endUtf16 - b.endUtf16 || a.segmentId - b.segmentId);
  return byDocument;
}

/**
 * Calls visit(a, b) once for every unordered pair of spans of one document that overlap (a before b
 * in start order). `sorted` must be sorted by start.
 */
export function forEachOverlappingPair(sorted: readonly Span[], visit: (a: Span, b: Span) => void): void {
  let active: Span[] = [];
  for (const span of sorted) {
    // Spans ending at or before this start cannot overlap it nor anything after it (starts only grow).
    if (active.length > 0) active = active.filter((a) => a.endUtf16 > span.startUtf16);
    for (const a of active) visit(a, span);
    active.push(span);
  }
}

/** Both units of co-occurrence over all codes present in spans. */
export function countCooccurrence(spans: readonly Span[]): CooccurrenceCounts {
  // Dense code indexes and flat typed counters keep the inner loops free of Map look-ups.
  const codeIds: number[] = [];
  const indexOf = new Map<number, number>();
  for (const s of spans)
    if (!indexOf.has(s.codeId)) {
      indexOf.set(s.codeId, codeIds.length);
      codeIds.push(s.codeId);
    }
  const k = codeIds.length;
  const documentPairs = new Int32Array(k * k);
  const segmentPairs = new Int32Array(k * k);
  const documentsOf = new Int32Array(k);
  const segmentsOf = new Int32Array(k);
  // stamp[c] === mark means "code c already counted for the current segment (or document)".
  const stamp = new Int32Array(k).fill(-1);
  let mark = 0;

  for (const sorted of spansByDocument(spans).values()) {
    const n = sorted.length;
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = indexOf.get(sorted[i]!.codeId)!;

    const present: number[] = [];
    mark++;
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      segmentsOf[c]!++;
      if (stamp[c] !== mark) {
        stamp[c] = mark;
        present.push(c);
      }
    }
    for (const a of present) {
      documentsOf[a]!++;
      for (const b of present) documentPairs[a * k + b]!++;
    }

    // For each segment: the codes of segments overlapping it, each counted once. Earlier segments
    // overlap it when they end after its start (kept in `active`); later ones when they start before its end.
    let active: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = sorted[i]!;
      const row = codes[i]! * k;
      mark++;
      stamp[codes[i]!] = mark;
      segmentPairs[row + codes[i]!]!++;
      if (active.length > 0) {
        const still: number[] = [];
        for (const j of active) {
          if (sorted[j]!.endUtf16 <= s.startUtf16) continue;
          still.push(j);
          const c = codes[j]!;
          if (stamp[c] !== mark) {
            stamp[c] = mark;
            segmentPairs[row + c]!++;
          }
        }
        active = still;
      }
      for (let j = i + 1; j < n && sorted[j]!.startUtf16 < s.endUtf16; j++) {
        const c = codes[j]!;
        if (stamp[c] !== mark) {
          stamp[c] = mark;
          segmentPairs[row + c]!++;
        }
      }
      active.push(i);
    }
  }

  const toPairs = (flat: Int32Array): PairCounts => {
    const out: PairCounts = new Map();
    for (let a = 0; a < k; a++) {
      const byColumn = new Map<number, number>();
      for (let b = 0; b < k; b++) {
        const v = flat[a * k + b]!;
        if (v > 0) byColumn.set(codeIds[b]!, v);
      }
      if (byColumn.size > 0) out.set(codeIds[a]!, byColumn);
    }
    return out;
  };
  const perCode = (flat: Int32Array) => new Map(codeIds.map((id, i) => [id, flat[i]!] as const));
  return {
    documents: toPairs(documentPairs),
    segments: toPairs(segmentPairs),
    documentsPerCode: perCode(documentsOf),
    segmentsPerCode: perCode(segmentsOf),
  };
}

/**
 * The documents unit alone, from segment counts per (code, document) (the table the segments' triggers
 * keep) instead of a sweep over every span: at 10× reading a million spans took 1–2 s, where the
 * documents unit needs only which codes each document holds. `segments` is left empty: the overlap
 * unit needs the spans (countCooccurrence). Counts as countCooccurrence gives them for `documentIds`.
 */
export function countDocumentCooccurrence(
  index: ReadonlyMap<number, ReadonlyMap<number, number>>,
  codeIds: readonly number[],
  documentIds: ReadonlySet<number>,
): CooccurrenceCounts {
  const present = [...new Set(codeIds)];
  const k = present.length;
  // Dense code indexes and a flat counter, as in countCooccurrence: sixty codes in 6,000 documents
  // are twenty million pair increments, too many for Map look-ups.
  const codesOf = new Map<number, number[]>();
  const documentsPerCode = new Map<number, number>();
  const segmentsPerCode = new Map<number, number>();
  present.forEach((codeId, c) => {
    let documents = 0;
    let segments = 0;
    for (const [documentId, n] of index.get(codeId) ?? []) {
      if (n <= 0 || !documentIds.has(documentId)) continue;
      documents++;
      segments += n;
      const codes = codesOf.get(documentId);
      if (codes) codes.push(c);
      else codesOf.set(documentId, [c]);
    }
    if (documents > 0) {
      documentsPerCode.set(codeId, documents);
      segmentsPerCode.set(codeId, segments);
    }
  });
  const pairs = new Int32Array(k * k);
  for (const codes of codesOf.values())
    for (const a of codes) {
      const row = a * k;
      for (const b of codes) pairs[row + b]!++;
    }
  const documents: PairCounts = new Map();
  for (let a = 0; a < k; a++) {
    const byColumn = new Map<number, number>();
    for (let b = 0; b < k; b++) if (pairs[a * k + b]! > 0) byColumn.set(present[b]!, pairs[a * k + b]!);
    if (byColumn.size > 0) documents.set(present[a]!, byColumn);
  }
  return { documents, segments: new Map(), documentsPerCode, segmentsPerCode };
}

/** c = n12 / (n1 + n2 − n12); 0 when the denominator is 0. Rounded to 3 decimals for reports. */
export function cCoefficient(n12: number, n1: number, n2: number): number {
  const denominator = n1 + n2 - n12;
  return denominator <= 0 ? 0 : Math.round((n12 / denominator) * 1000) / 1000;
}

/**
 * The spans behind one overlap-unit cell: row-code segments overlapping a column-code segment, and
 * the column-code segments they overlap.
 */
export function overlappingSpans(
  spans: readonly Span[],
  rowCodeId: number,
  columnCodeId: number,
): { rows: Span[]; columns: Span[] } {
  const rows = new Map<number, Span>();
  const columns = new Map<number, Span>();
  for (const sorted of spansByDocument(spans).values()) {
    for (const s of sorted) {
      if (s.codeId === rowCodeId && rowCodeId === columnCodeId) rows.set(s.segmentId, s);
    }
    forEachOverlappingPair(sorted, (a, b) => {
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        if (x.codeId === rowCodeId && y.codeId === columnCodeId) {
          rows.set(x.segmentId, x);
          columns.set(y.segmentId, y);
        }
      }
    });
  }
  const order = (a: Span, b: Span) => a.documentId - b.documentId || a.startUtf16 - b.startUtf16;
  return { rows: [...rows.values()].sort(order), columns: [...columns.values()].sort(order) };
}
