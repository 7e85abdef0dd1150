import type { CountIndex } from './counts';
import type { TimelineSeries, TimelineUnit } from './model';

export interface TimelineSeriesInput {
  key: string;
  label: string;
  color: string | null;
  /** Codes whose documents/segments the series counts; null = every document (documents unit only). */
  codeIds: readonly number[] | null;
  /** Documents the series is limited to; null = all filtered documents. */
  documentIds: ReadonlySet<number> | null;
}

export interface DatedDocument {
  id: number;
  year: number | null;
}

/**
 * Counts per year. Documents unit: documents of the year coded with any of the series' codes (or all
 * documents when codeIds is null). Segments unit: those codes' segments in documents of the year.
 * Years run from the first to the last year with a document, gaps filled with zeros. Totals count
 * each document (or segment) once over all series.
 *
 * One pass over each series' (code, document) counts: a document lies in one year, so looking its
 * year up replaces walking every code for every year (which grew with series × years × documents).
 * Document ids are unique.
 */
export function buildTimeline(
  docs: readonly DatedDocument[],
  inputs: readonly TimelineSeriesInput[],
  index: CountIndex,
  unit: TimelineUnit,
): { years: number[]; series: TimelineSeries[]; totals: number[]; undated: number } {
  let undated = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const doc of docs) {
    if (doc.year === null) undated++;
    else {
      first = Math.min(first, doc.year);
      last = Math.max(last, doc.year);
    }
  }
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  const yearOf = new Map<number, number>();
  for (const doc of docs) if (doc.year !== null) yearOf.set(doc.id, doc.year - first);

  const totals = years.map(() => 0);
  const countedInTotals = new Set<number>();
  const addToTotals = (documentId: number, y: number) => {
    if (unit === 'segments' || countedInTotals.has(documentId)) return;
    countedInTotals.add(documentId);
    totals[y]!++;
  };

  const series: TimelineSeries[] = inputs.map((input) => {
    const counts = years.map(() => 0);
    const limit = input.documentIds;
    if (input.codeIds === null) {
      for (const [documentId, y] of yearOf) {
        if (limit && !limit.has(documentId)) continue;
        if (unit === 'documents') counts[y]!++;
        addToTotals(documentId, y);
      }
    } else {
      const counted = new Set<number>();
      for (const codeId of input.codeIds)
        for (const [documentId, n] of index.get(codeId) ?? []) {
          const y = yearOf.get(documentId);
          if (y === undefined || (limit && !limit.has(documentId))) continue;
          if (unit === 'segments') counts[y]! += n;
          else if (!counted.has(documentId)) {
            counted.add(documentId);
            counts[y]!++;
          }
          addToTotals(documentId, y);
        }
    }
    return {
      key: input.key,
      label: input.label,
      color: input.color,
      n: counts.reduce((a, b) => a + b, 0),
      counts,
    };
  });

  if (unit === 'segments') {
    // Each segment has one code: the union of the series' codes within the union of their documents.
    const codes = new Set<number>();
    let limit: Set<number> | null = new Set();
    for (const input of inputs) {
      for (const c of input.codeIds ?? []) codes.add(c);
      if (input.documentIds === null) limit = null;
      else if (limit) for (const id of input.documentIds) limit.add(id);
    }
    for (const codeId of codes)
      for (const [documentId, n] of index.get(codeId) ?? []) {
        const y = yearOf.get(documentId);
        if (y !== undefined && (!limit || limit.has(documentId))) totals[y]! += n;
      }
  }
  return { years, series, totals, undated };
}
