import { describe, expect, it } from 'vitest';
import {
  FIRST_CODER_SEGMENTS,
  SECOND_CODER_DERIVATION,
  SECOND_CODER_SEGMENTS,
} from '../../electron/demo/coding';
import { deriveSecondCoder, shorterQuote, type SecondCoderPlan } from '../../electron/demo/secondCoder';

const PLAN: SecondCoderPlan = {
  documents: ['Interview P01', 'Interview P03'],
  seed: 17,
  missed: 1,
  shorter: 2,
  recoded: 1,
};

const parent = (codePath: string) => codePath.split(' > ').slice(0, -1).join(' > ');

describe("Researcher B's coding in the example study", () => {
  it("is derived from A's: every one of A's segments in B's transcripts once, with the planned differences", () => {
    for (const document of PLAN.documents) {
      const derived = SECOND_CODER_DERIVATION.filter((d) => d.segment.document === document);
      expect(derived.map((d) => d.from)).toEqual(FIRST_CODER_SEGMENTS.filter((s) => s.document === document));
      const count = (kind: string) => derived.filter((d) => d.difference === kind).length;
      expect([count('missed'), count('shorter'), count('recoded')]).toEqual([1, 2, 1]);
    }
    expect(SECOND_CODER_SEGMENTS).toHaveLength(SECOND_CODER_DERIVATION.length - 2);
    expect(SECOND_CODER_SEGMENTS.every((s) => PLAN.documents.includes(s.document))).toBe(true);
  });

  it('codes a shorter span inside A’s, and recodes to a sibling code A did not use in that transcript', () => {
    for (const { segment, from, difference } of SECOND_CODER_DERIVATION) {
      if (difference === 'shorter') {
        expect(from.quote.startsWith(segment.quote)).toBe(true);
        expect(segment.quote.length).toBeLessThan(from.quote.length);
        expect(segment.within).toBe(from.quote);
      } else expect(segment.quote).toBe(from.quote);
      if (difference === 'recoded') {
        expect(segment.code).not.toBe(from.code);
        expect(parent(segment.code)).toBe(parent(from.code));
        const usedByA = FIRST_CODER_SEGMENTS.filter((s) => s.document === segment.document).map(
          (s) => s.code,
        );
        expect(usedByA).not.toContain(segment.code);
        expect(segment.memo).toMatch(/^I read this as .+ rather than .+\.$/);
      } else expect(segment.code).toBe(from.code);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    const differences = (seed: number) =>
      deriveSecondCoder(FIRST_CODER_SEGMENTS, { ...PLAN, seed }).map(
        (d) => `${d.difference}:${d.segment.code}`,
      );
    expect(differences(17)).toEqual(differences(17));
    expect(differences(17)).toEqual(SECOND_CODER_DERIVATION.map((d) => `${d.difference}:${d.segment.code}`));
    const others = [1, 2, 3, 4, 5].map((seed) => differences(seed).join());
    expect(others.some((o) => o !== differences(17).join())).toBe(true);
  });

  it('shortens to the first sentence, else to a clause of four words or more, else not at all', () => {
    expect(shorterQuote('Mostly talk. Then a map.')).toBe('Mostly talk.');
    expect(shorterQuote('So we went to them, not the other way round.')).toBe('So we went to them');
    expect(shorterQuote('Legitimacy, mainly.')).toBeNull();
    expect(shorterQuote('Our neutrality is our security.')).toBeNull();
  });
});
