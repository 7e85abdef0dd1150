import { describe, expect, it } from 'vitest';
import {
  cCoefficient,
  countCooccurrence,
  overlappingSpans,
  pairCount,
  type Span,
} from '../../shared/reports/cooccurrence';
import { buildCooccurrenceTable } from '../../shared/reports/cooccurrenceReport';
import type { ReportCode } from '../../shared/reports/model';

const A = 1;
const B = 2;
const C = 3;
const D = 4; // a code with no segments

let nextId = 1;
function span(documentId: number, codeId: number, startUtf16: number, endUtf16: number): Span {
  return { segmentId: nextId++, documentId, codeId, startUtf16, endUtf16 };
}

// Document 1: B1 nested in A1; C1 touches A1 end-to-start; chain A2 ~ B2 ~ C2 (A2 and C2 apart); B3 alone.
// Document 2: the same code twice, overlapping itself.
const spans: Span[] = [
  span(1, C, 100, 150), // C1 — listed out of order on purpose
  span(1, A, 0, 100), // A1
  span(1, B, 10, 20), // B1 inside A1
  span(1, A, 200, 300), // A2
  span(1, B, 250, 350), // B2 overlaps A2 and C2
  span(1, C, 340, 400), // C2
  span(1, B, 500, 510), // B3
  span(2, A, 0, 10), // A3
  span(2, A, 5, 15), // A4 overlaps A3
];

describe('countCooccurrence', () => {
  const counts = countCooccurrence(spans);

  it('documents unit: documents coded with both codes', () => {
    // A is in documents 1 and 2; B and C only in document 1.
    expect(counts.documentsPerCode.get(A)).toBe(2);
    expect(counts.documentsPerCode.get(B)).toBe(1);
    expect(counts.documentsPerCode.get(D)).toBeUndefined();
    expect(pairCount(counts.documents, A, B)).toBe(1);
    expect(pairCount(counts.documents, B, A)).toBe(1);
    expect(pairCount(counts.documents, A, C)).toBe(1);
    expect(pairCount(counts.documents, A, A)).toBe(2); // the same code twice in document 2 still counts once
    expect(pairCount(counts.documents, A, D)).toBe(0);
  });

  it('segments unit: nested and chained overlaps, touching spans do not overlap', () => {
    expect(counts.segmentsPerCode.get(A)).toBe(4);
    expect(counts.segmentsPerCode.get(B)).toBe(3);
    expect(counts.segmentsPerCode.get(C)).toBe(2);
    // A1 contains B1, A2 overlaps B2; A3/A4 have no B.
    expect(pairCount(counts.segments, A, B)).toBe(2);
    // B1 lies within A1, B2 overlaps A2, B3 is alone.
    expect(pairCount(counts.segments, B, A)).toBe(2);
    // A1 ends where C1 starts (touching), and A2 ends before C2 starts: chain is not transitive.
    expect(pairCount(counts.segments, A, C)).toBe(0);
    expect(pairCount(counts.segments, C, A)).toBe(0);
    expect(pairCount(counts.segments, B, C)).toBe(1); // B2 ~ C2
    expect(pairCount(counts.segments, C, B)).toBe(1); // C2 ~ B2
    // Diagonal = segments of the code (A3 and A4 overlapping each other do not count twice).
    expect(pairCount(counts.segments, A, A)).toBe(4);
  });

  it('counts a segment once per column code however many segments of it overlap', () => {
    // One long X segment over two short Y segments.
    const c = countCooccurrence([span(9, 7, 0, 100), span(9, 8, 10, 20), span(9, 8, 30, 40)]);
    expect(pairCount(c.segments, 7, 8)).toBe(1);
    expect(pairCount(c.segments, 8, 7)).toBe(2);
  });

  it('an empty input counts nothing', () => {
    const c = countCooccurrence([]);
    expect(c.documents.size).toBe(0);
    expect(c.segmentsPerCode.size).toBe(0);
  });
});

describe('c-coefficient and the table', () => {
  const code = (codeId: number, name: string): ReportCode => ({
    codeId,
    name,
    path: [name],
    color: '#000000',
    depth: 0,
  });

  it('c = n12 / (n1 + n2 − n12)', () => {
    expect(cCoefficient(1, 2, 1)).toBe(0.5);
    expect(cCoefficient(2, 4, 3)).toBe(0.4);
    expect(cCoefficient(0, 0, 0)).toBe(0);
  });

  it('builds rows per group with N, cells in column order and c in both units', () => {
    const counts = countCooccurrence(spans);
    const rows = [{ caption: 'Group', codeGroupId: 5, codes: [code(A, 'A'), code(D, 'D')] }];
    const columns = [code(B, 'B'), code(C, 'C')];
    const docs = buildCooccurrenceTable(rows, columns, counts, 'documents', true);
    expect(docs.columns.map((c) => c.n)).toEqual([1, 1]);
    const rowA = docs.rowGroups[0]!.rows[0]!;
    expect(rowA.n).toBe(2);
    // A×B: n12 = 1, n1 = 2, n2 = 1 → 1 / 2.
    expect(rowA.cells[0]).toEqual({ columnCodeId: B, count: 1, c: 0.5 });
    const rowD = docs.rowGroups[0]!.rows[1]!;
    expect(rowD).toMatchObject({
      n: 0,
      cells: [
        { count: 0, c: 0 },
        { count: 0, c: 0 },
      ],
    });

    const segs = buildCooccurrenceTable(rows, columns, counts, 'segments', true);
    // A×B: 2 and 2 directed → n12 = 2, n1 = 4, n2 = 3 → 2 / 5.
    expect(segs.rowGroups[0]!.rows[0]!.cells[0]).toEqual({ columnCodeId: B, count: 2, c: 0.4 });
    expect(
      buildCooccurrenceTable(rows, columns, counts, 'segments', false).rowGroups[0]!.rows[0]!.cells[0],
    ).toEqual({
      columnCodeId: B,
      count: 2,
    });
  });

  it('keeps c within 0..1 when many short segments lie in one long one', () => {
    const c = countCooccurrence([span(9, 7, 0, 5), span(9, 7, 10, 15), span(9, 8, 0, 20)]);
    const t = buildCooccurrenceTable(
      [{ caption: '', codeGroupId: null, codes: [code(7, 'X')] }],
      [code(8, 'Y')],
      c,
      'segments',
      true,
    );
    // X→Y = 2, Y→X = 1 → n12 = 1; n1 = 2, n2 = 1 → 1 / 2.
    expect(t.rowGroups[0]!.rows[0]!.cells[0]).toEqual({ columnCodeId: 8, count: 2, c: 0.5 });
  });
});

describe('overlappingSpans', () => {
  it('lists the row segments behind a cell and the column segments they overlap', () => {
    const { rows, columns } = overlappingSpans(spans, B, C);
    expect(rows.map((s) => [s.startUtf16, s.endUtf16])).toEqual([[250, 350]]);
    expect(columns.map((s) => [s.startUtf16, s.endUtf16])).toEqual([[340, 400]]);
    expect(overlappingSpans(spans, A, C).rows).toEqual([]);
  });
});
