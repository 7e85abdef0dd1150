// buildTimeline counts in one pass; this reference is the straightforward per-series × per-year walk it
// replaced (kept here verbatim in meaning), so any change that alters a count fails on random data.
import { describe, expect, it } from 'vitest';
import { indexCounts, measure, type CountIndex } from '../../shared/reports/counts';
import type { TimelineUnit } from '../../shared/reports/model';
import { buildTimeline, type DatedDocument, type TimelineSeriesInput } from '../../shared/reports/timeline';
import { seededRandom } from '../../shared/seededRandom';

function referenceTimeline(
  docs: readonly DatedDocument[],
  inputs: readonly TimelineSeriesInput[],
  index: CountIndex,
  unit: TimelineUnit,
) {
  const byYear = new Map<number, Set<number>>();
  let undated = 0;
  for (const doc of docs) {
    if (doc.year === null) {
      undated++;
      continue;
    }
    const set = byYear.get(doc.year) ?? new Set<number>();
    set.add(doc.id);
    byYear.set(doc.year, set);
  }
  const present = [...byYear.keys()];
  const years: number[] = [];
  if (present.length > 0) for (let y = Math.min(...present); y <= Math.max(...present); y++) years.push(y);
  const inYear = (year: number, limit: ReadonlySet<number> | null) =>
    new Set([...(byYear.get(year) ?? [])].filter((id) => !limit || limit.has(id)));
  const count = (year: number, codeIds: readonly number[] | null, limit: ReadonlySet<number> | null) => {
    const docsOfYear = inYear(year, limit);
    if (codeIds === null) return { n: unit === 'documents' ? docsOfYear.size : 0, documents: docsOfYear };
    const m = measure(index, codeIds, docsOfYear);
    return { n: unit === 'documents' ? m.documents.size : m.segments, documents: m.documents };
  };
  const series = inputs.map((input) => {
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

function randomCase(seed: number) {
  const next = seededRandom(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const documentCount = pick(60);
  const codeCount = 1 + pick(8);
  const docs: DatedDocument[] = [];
  for (let i = 0; i < documentCount; i++)
    // Years with gaps, some undated documents, and ids that are not 1..n.
    docs.push({ id: 3 * i + 5, year: next() < 0.15 ? null : 1998 + pick(12) * (next() < 0.2 ? 2 : 1) });
  const counts = [];
  for (let i = 0; i < pick(200); i++)
    counts.push({
      codeId: 1 + pick(codeCount + 1),
      // Now and then a document that is filtered out (not in docs) has segments too.
      documentId: next() < 0.1 ? 1000 + pick(5) : (docs[pick(Math.max(docs.length, 1))]?.id ?? 7),
      segments: 1 + pick(4),
    });
  const index = indexCounts(counts);
  const someDocuments = () => new Set(docs.filter(() => next() < 0.5).map((d) => d.id));
  const inputs: TimelineSeriesInput[] = [];
  for (let s = 0; s < pick(6); s++) {
    const codeIds =
      next() < 0.2 ? null : [...new Set(Array.from({ length: 1 + pick(3) }, () => 1 + pick(codeCount)))];
    inputs.push({
      key: `s${s}`,
      label: `Series ${s}`,
      color: null,
      codeIds,
      documentIds: next() < 0.5 ? null : someDocuments(),
    });
  }
  return { docs, inputs, index };
}

describe('counts over time in one pass', () => {
  it('equal the per-series, per-year reference on 500 random projects, both units', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { docs, inputs, index } = randomCase(seed);
      for (const unit of ['documents', 'segments'] as const)
        expect(buildTimeline(docs, inputs, index, unit), `seed ${seed}, ${unit}`).toEqual(
          referenceTimeline(docs, inputs, index, unit),
        );
    }
  });

  it('the random cases reach what they are meant to test', () => {
    let nonZeroTotals = 0;
    let limited = 0;
    let uncoded = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const { docs, inputs, index } = randomCase(seed);
      const r = referenceTimeline(docs, inputs, index, 'segments');
      if (r.totals.some((t) => t > 0)) nonZeroTotals++;
      if (inputs.some((i) => i.documentIds !== null)) limited++;
      if (inputs.some((i) => i.codeIds === null)) uncoded++;
    }
    expect(nonZeroTotals).toBeGreaterThan(100);
    expect(limited).toBeGreaterThan(100);
    expect(uncoded).toBeGreaterThan(50);
  });
});
