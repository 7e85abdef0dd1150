import { measure, type CountIndex } from './counts';
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
 */
export function buildTimeline(
  docs: readonly DatedDocument[],
  inputs: readonly TimelineSeriesInput[],
  index: CountIndex,
  unit: TimelineUnit,
): { years: number[]; series: TimelineSeries[]; totals: number[]; undated: number } {
  const byYear = new Map<number, Set<number>>();
  let undated = 0;
  for (const doc of docs) {
    if (doc.year === null) {
      undated++;
      continue;
    }
    const set = byYear.get(doc.year);
    if (set) set.add(doc.id);
    else byYear.set(doc.year, new Set([doc.id]));
  }
  const present = [...byYear.keys()];
  const years: number[] = [];
  if (present.length > 0) {
    const first = Math.min(...present);
    const last = Math.max(...present);
    for (let y = first; y <= last; y++) years.push(y);
  }

  const inYear = (year: number, limit: ReadonlySet<number> | null): Set<number> => {
    const ids = byYear.get(year) ?? new Set<number>();
    if (!limit) return new Set(ids);
    return new Set([...ids].filter((id) => limit.has(id)));
  };
  const count = (year: number, codeIds: readonly number[] | null, limit: ReadonlySet<number> | null) => {
    const docsOfYear = inYear(year, limit);
    if (codeIds === null) return { n: unit === 'documents' ? docsOfYear.size : 0, documents: docsOfYear };
    const m = measure(index, codeIds, docsOfYear);
    return { n: unit === 'documents' ? m.documents.size : m.segments, documents: m.documents };
  };

  const series: TimelineSeries[] = inputs.map((input) => {
    const counts = years.map((y) => count(y, input.codeIds, input.documentIds).n);
    return {
      key: input.key,
      label: input.label,
      color: input.color,
      n: counts.reduce((a, b) => a + b, 0),
      counts,
    };
  });

  const totals = years.map((y) => {
    if (unit === 'segments') {
      // Each segment has one code: the union of the series' codes within the union of their documents.
      const codes = new Set<number>();
      let limit: Set<number> | null = new Set();
      for (const input of inputs) {
        for (const c of input.codeIds ?? []) codes.add(c);
        if (input.documentIds === null) limit = null;
        else if (limit) for (const id of input.documentIds) limit.add(id);
      }
      return measure(index, codes, inYear(y, limit)).segments;
    }
    const union = new Set<number>();
    for (const input of inputs)
      for (const id of count(y, input.codeIds, input.documentIds).documents) union.add(id);
    return union.size;
  });
  return { years, series, totals, undated };
}
