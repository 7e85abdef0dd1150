import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAgreement, documentDisagreements } from '../../shared/team/agreement';
import {
  cohensKappa,
  krippendorffAlpha,
  nominalAlpha,
  percentAgreement,
  tallyRows,
} from '../../shared/team/measures';
import { emptyTallies, tallyDocument, type AgreementDocument, type CoderSpan } from '../../shared/team/tally';
import { codePointCounter, paragraphUnits, sentenceUnits } from '../../shared/team/units';

describe('measures against published worked examples', () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", A: binary data, two observers.
  const observerA = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0] as const;
  const observerB = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0] as const;
  const rows = observerA.map((a, i) => [a, observerB[i]!] as (0 | 1)[]);

  it("Krippendorff's binary example: alpha = 0.095", () => {
    expect(krippendorffAlpha(tallyRows(rows, 2))).toBeCloseTo(0.0952, 4);
    expect(nominalAlpha(rows)).toBeCloseTo(0.0952, 4);
  });

  // The same paper, C: nominal data, four observers, missing values; alpha = 0.743.
  it("Krippendorff's nominal example with missing values: alpha = 0.743", () => {
    const _ = null;
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3];
    const C = [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _];
    const units = A.map((_v, i) => [A[i]!, B[i]!, C[i]!, D[i]!]);
    expect(nominalAlpha(units)).toBeCloseTo(0.743, 3);
  });

  // The textbook kappa example (Wikipedia, "Cohen's kappa"): 50 proposals, yes/yes 20, yes/no 5,
  // no/yes 10, no/no 15 → p_o = 0.7, p_e = 0.5, kappa = 0.4.
  it("Cohen's kappa textbook example: 0.4", () => {
    const table: (0 | 1)[][] = [
      ...Array.from({ length: 20 }, () => [1, 1] as (0 | 1)[]),
      ...Array.from({ length: 5 }, () => [1, 0] as (0 | 1)[]),
      ...Array.from({ length: 10 }, () => [0, 1] as (0 | 1)[]),
      ...Array.from({ length: 15 }, () => [0, 0] as (0 | 1)[]),
    ];
    const t = tallyRows(table, 2);
    expect(percentAgreement(t)).toBeCloseTo(0.7, 10);
    expect(cohensKappa(t)).toBeCloseTo(0.4, 10);
  });

  it('kappa and alpha are null when nobody varies; kappa only for two coders', () => {
    const allAbsent = tallyRows(
      [
        [0, 0],
        [0, 0],
      ],
      2,
    );
    expect(percentAgreement(allAbsent)).toBe(1);
    expect(cohensKappa(allAbsent)).toBeNull();
    expect(krippendorffAlpha(allAbsent)).toBeNull();
    const three = tallyRows(
      [
        [1, 1, 0],
        [0, 0, 0],
      ],
      3,
    );
    expect(cohensKappa(three)).toBeNull();
    // hand count: 6 values, 2 ones, o01 = 1·2/2 = 1 → α = 1 − 5·1/(4·2) = 0.375
    expect(krippendorffAlpha(three)).toBeCloseTo(0.375, 10);
    expect(percentAgreement(three)).toBe(0.5);
  });
});

describe('units', () => {
  it('paragraphs are non-empty lines; sentences stay inside them', () => {
    const text = 'One. Two here.\n\n  \nThree';
    expect(paragraphUnits(text).map((r) => text.slice(r.start, r.end))).toEqual(['One. Two here.', 'Three']);
    expect(sentenceUnits(text).map((r) => text.slice(r.start, r.end))).toEqual([
      'One.',
      'Two here.',
      'Three',
    ]);
  });

  it('counts code points, not UTF-16 units', () => {
    const count = codePointCounter('a😀b😀c');
    expect([0, 1, 3, 4, 6, 7].map(count)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

const doc = (text: string, spans: CoderSpan[], turns: { start: number; end: number }[] = []) =>
  ({ id: 1, text, turns, spans }) satisfies AgreementDocument;
const span = (coder: number, startUtf16: number, endUtf16: number, codeId = 7): CoderSpan => ({
  codeId,
  coder,
  startUtf16,
  endUtf16,
});

describe('tallies from segments (hand-counted)', () => {
  it('characters: a 10-character text, coder 0 on [0,6), coder 1 on [3,8)', () => {
    const r = computeAgreement({
      unit: 'characters',
      coders: 2,
      codeIds: [7],
      documents: [doc('abcdefghij', [span(0, 0, 6), span(1, 3, 8)])],
    });
    // both on 3..6 (3), only one on 0..3 and 6..8 (5), none on 8..10 (2)
    expect(r.codes[0]).toMatchObject({ units: 10, percentAgreement: 0.5, applied: [6, 5] });
    // p_e = 0.6·0.5 + 0.4·0.5 = 0.5 → kappa 0
    expect(r.codes[0]!.kappa).toBeCloseTo(0, 10);
  });

  it('characters: an emoji is one unit, overlapping segments of one coder count once', () => {
    const text = '😀😀ab'; // 6 UTF-16 units, 4 code points
    const r = computeAgreement({
      unit: 'characters',
      coders: 2,
      codeIds: [7],
      documents: [doc(text, [span(0, 0, 4), span(0, 2, 5), span(1, 0, 2)])],
    });
    expect(r.codes[0]).toMatchObject({ units: 4, applied: [3, 1], percentAgreement: 0.5 });
  });

  it('paragraphs: one shared character is enough', () => {
    const text = 'first line\nsecond line\n\nthird';
    const r = computeAgreement({
      unit: 'paragraphs',
      coders: 2,
      codeIds: [7, 8],
      documents: [doc(text, [span(0, 0, 1), span(1, 9, 12), span(1, 24, 29, 8)])],
    });
    // code 7: coder 0 → line 1; coder 1 → lines 1 and 2 ([9,12) reaches "s" of line 2)
    expect(r.codes[0]).toMatchObject({ units: 3, applied: [1, 2] });
    expect(r.codes[0]!.percentAgreement).toBeCloseTo(2 / 3, 10);
    expect(r.codes[1]).toMatchObject({ units: 3, applied: [0, 1] });
    expect(r.overall).toMatchObject({ units: 6, applied: [1, 3] });
    expect(r.overall.percentAgreement).toBeCloseTo(4 / 6, 10);
  });

  it('turns and documents', () => {
    const text = 'Q: hello there\nA: fine thanks';
    const turns = [
      { start: 0, end: 14 },
      { start: 15, end: 29 },
    ];
    const d = doc(text, [span(0, 20, 22), span(1, 16, 17)], turns);
    const byTurns = computeAgreement({ unit: 'turns', coders: 2, codeIds: [7], documents: [d] });
    expect(byTurns.codes[0]).toMatchObject({ units: 2, applied: [1, 1], percentAgreement: 1 });
    const byDocs = computeAgreement({
      unit: 'documents',
      coders: 2,
      codeIds: [7],
      documents: [d, { ...d, id: 2, spans: [] }],
    });
    expect(byDocs).toMatchObject({
      documentCount: 2,
      codes: [{ units: 2, applied: [1, 1], percentAgreement: 1 }],
    });
  });

  it('lists disagreements: character runs and units, with who applied', () => {
    const text = 'abcdefghij';
    const d = doc(text, [span(0, 0, 6), span(1, 3, 8)]);
    expect(documentDisagreements(d, 'characters', 2, [7])).toEqual([
      { codeId: 7, startUtf16: 0, endUtf16: 3, appliedMask: 1 },
      { codeId: 7, startUtf16: 6, endUtf16: 8, appliedMask: 2 },
    ]);
    expect(documentDisagreements(d, 'documents', 2, [7])).toEqual([]);
  });
});

// A reference tally one array entry per code point, to check the sweep against.
function naiveCharacterRows(text: string, spans: readonly CoderSpan[], coders: number): (0 | 1)[][] {
  const points = [...text];
  const starts: number[] = [];
  let at = 0;
  for (const p of points) {
    starts.push(at);
    at += p.length;
  }
  return starts.map((start, i) => {
    const end = start + points[i]!.length;
    return Array.from({ length: coders }, (_v, c) =>
      spans.some((s) => s.coder === c && s.startUtf16 < end && s.endUtf16 > start) ? 1 : 0,
    );
  });
}

const textArb = fc
  .array(fc.constantFrom('a', 'b', ' ', '.', '\n', '😀', 'é'), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.join(''));

const caseArb = fc.tuple(textArb, fc.integer({ min: 2, max: 4 })).chain(([text, coders]) => {
  // boundaries never split a surrogate pair, as stored segments never do
  const cuts = [0];
  for (const p of text) cuts.push(cuts[cuts.length - 1]! + p.length);
  const cut = fc.constantFrom(...cuts);
  const spanArb = fc
    .tuple(fc.integer({ min: 0, max: coders - 1 }), cut, cut)
    .filter(([, a, b]) => a !== b)
    .map(([coder, a, b]) => span(coder, Math.min(a, b), Math.max(a, b)));
  return fc.tuple(fc.constant(text), fc.constant(coders), fc.array(spanArb, { maxLength: 8 }));
});

describe('properties', () => {
  it('the character sweep equals a per-character count', () => {
    fc.assert(
      fc.property(caseArb, ([text, coders, spans]) => {
        const tallies = emptyTallies([7], coders);
        tallyDocument(doc(text, spans), 'characters', coders, tallies);
        const expected = tallyRows(naiveCharacterRows(text, spans, coders), coders);
        expect(tallies.get(7)).toEqual(expected);
      }),
    );
  });

  it('binary alpha equals the general coincidence-matrix alpha', () => {
    fc.assert(
      fc.property(caseArb, ([text, coders, spans]) => {
        const rows = naiveCharacterRows(text, spans, coders);
        const fast = krippendorffAlpha(tallyRows(rows, coders));
        const general = nominalAlpha(rows);
        if (general === null) expect(fast).toBeNull();
        else expect(fast).toBeCloseTo(general, 9);
      }),
    );
  });

  it('identical coders agree fully: percent 1, alpha 1 or null, kappa 1 or null', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom('characters', 'sentences', 'paragraphs', 'documents' as const),
        ([text, , spans], unit) => {
          const mine = spans.map((s) => ({ ...s, coder: 0 }));
          const copied = [...mine, ...mine.map((s) => ({ ...s, coder: 1 }))];
          const r = computeAgreement({ unit, coders: 2, codeIds: [7], documents: [doc(text, copied)] });
          const c = r.codes[0]!;
          if (c.units > 0) expect(c.percentAgreement).toBe(1);
          expect([1, null]).toContain(c.alpha === null ? null : Math.round(c.alpha * 1e9) / 1e9);
          expect([1, null]).toContain(c.kappa === null ? null : Math.round(c.kappa * 1e9) / 1e9);
        },
      ),
    );
  });

  it('is symmetric in coder order', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom('characters', 'sentences', 'paragraphs' as const),
        ([text, coders, spans], unit) => {
          const reversed = spans.map((s) => ({ ...s, coder: coders - 1 - s.coder }));
          const a = computeAgreement({ unit, coders, codeIds: [7], documents: [doc(text, spans)] });
          const b = computeAgreement({ unit, coders, codeIds: [7], documents: [doc(text, reversed)] });
          for (const key of ['percentAgreement', 'kappa', 'alpha'] as const) {
            const x = a.codes[0]![key];
            const y = b.codes[0]![key];
            if (x === null) expect(y).toBeNull();
            else expect(y).toBeCloseTo(x, 9);
          }
          expect(b.codes[0]!.applied).toEqual([...a.codes[0]!.applied].reverse());
        },
      ),
    );
  });
});
