// How many quotes each code shows on the evidence report's first paint, by how many codes it shows.
import { describe, expect, it } from 'vitest';
import { EVIDENCE_PAGE_SIZE, firstEvidencePageSize } from '../../shared/reports/evidence';

describe('firstEvidencePageSize', () => {
  it('gives a few codes a whole page each', () => {
    for (const codes of [0, 1, 2, 3, 10]) expect(firstEvidencePageSize(codes)).toBe(EVIDENCE_PAGE_SIZE);
  });

  it('shares about 2,000 quotes among many codes, in round tens', () => {
    expect(firstEvidencePageSize(12)).toBe(160);
    expect(firstEvidencePageSize(60)).toBe(30);
    for (let codes = 11; codes <= 100; codes++) {
      const size = firstEvidencePageSize(codes);
      expect(size % 10).toBe(0);
      expect(size * codes).toBeLessThanOrEqual(2_000);
      expect(size).toBeLessThan(EVIDENCE_PAGE_SIZE);
    }
  });

  it('never goes under 20 quotes a code, however large the codebook', () => {
    expect(firstEvidencePageSize(101)).toBe(20);
    expect(firstEvidencePageSize(5_000)).toBe(20);
  });
});
