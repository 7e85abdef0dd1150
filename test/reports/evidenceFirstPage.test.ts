// How many quotes each code shows on the evidence report's first paint, by how many codes it shows.
import { describe, expect, it } from 'vitest';
import { EVIDENCE_PAGE_SIZE, evidenceCodeCount, firstEvidencePageSize } from '../../shared/reports/evidence';

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

describe('evidenceCodeCount', () => {
  const codes = [
    { codeId: 1, path: ['Push'] },
    { codeId: 2, path: ['Push', 'Legitimacy'] },
    { codeId: 3, path: ['Push', 'Legitimacy', 'Public'] },
    { codeId: 4, path: ['Pull'] },
    { codeId: 5, path: ['Pushback'] },
  ];
  const groups = [{ id: 9, codeIds: [4, 5] }];

  it('counts every code when no code filter is set', () => {
    expect(evidenceCodeCount({}, codes, groups)).toBe(5);
    expect(evidenceCodeCount({ kind: 'interview', yearFrom: 2010 }, codes, groups)).toBe(5);
  });

  it('counts the union of the codes chosen, the group and the subtree, each code once', () => {
    expect(evidenceCodeCount({ codeIds: [4] }, codes, groups)).toBe(1);
    expect(evidenceCodeCount({ codeGroupId: 9 }, codes, groups)).toBe(2);
    // "Pushback" shares the first letters of "Push", not its path.
    expect(evidenceCodeCount({ codeSubtreeId: 1 }, codes, groups)).toBe(3);
    expect(evidenceCodeCount({ codeIds: [4, 2], codeGroupId: 9, codeSubtreeId: 2 }, codes, groups)).toBe(4);
    expect(evidenceCodeCount({ codeGroupId: 77 }, codes, groups)).toBe(0);
  });
});
