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

function bump(counts: PairCounts, row: number, column: number): void {
  let byColumn = counts.get(row);
  if (!byColumn) {
    byColumn = new Map();
    counts.set(row, byColumn);
  }
  byColumn.set(column, (byColumn.get(column) ?? 0) + 1);
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
  const documents: PairCounts = new Map();
  const segments: PairCounts = new Map();
  const documentsPerCode = new Map<number, number>();
  const segmentsPerCode = new Map<number, number>();

  for (const sorted of spansByDocument(spans).values()) {
    const codes = new Set<number>();
    for (const s of sorted) {
      codes.add(s.codeId);
      segmentsPerCode.set(s.codeId, (segmentsPerCode.get(s.codeId) ?? 0) + 1);
    }
    const present = [...codes];
    for (const a of present) {
      documentsPerCode.set(a, (documentsPerCode.get(a) ?? 0) + 1);
      for (const b of present) bump(documents, a, b);
    }

    // Each segment counts once per column code, however many of that code's segments it overlaps.
    const counted = new Map<number, Set<number>>();
    const countOnce = (s: Span, column: number) => {
      if (column === s.codeId) return; // the diagonal is counted below, once per segment
      let seen = counted.get(s.segmentId);
      if (!seen) {
        seen = new Set();
        counted.set(s.segmentId, seen);
      }
      if (seen.has(column)) return;
      seen.add(column);
      bump(segments, s.codeId, column);
    };
    for (const s of sorted) bump(segments, s.codeId, s.codeId);
    forEachOverlappingPair(sorted, (a, b) => {
      countOnce(a, b.codeId);
      countOnce(b, a.codeId);
    });
  }
  return { documents, segments, documentsPerCode, segmentsPerCode };
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
