import { describe, expect, it } from 'vitest';
import { exportOptions } from '../../shared/api/export';
import { listNames, planExport, type PlanCatalog } from '../../shared/export/plan';

const catalog: PlanCatalog = {
  codes: [
    { id: 1, name: 'Cooperation', depth: 0 },
    { id: 2, name: 'Formal', depth: 1 },
    { id: 3, name: 'Legitimacy', depth: 0 },
    { id: 4, name: 'Trust', depth: 0 },
  ],
  codeGroups: [{ id: 10, name: 'Level of cooperation', codeIds: [4, 2] }],
};

describe('export plan', () => {
  it('orders groups then loose codes, codes in codebook order, tables numbered in the user order', () => {
    const options = exportOptions.parse({
      title: 'Appendix',
      codeGroupIds: [10],
      codeIds: [3, 4],
      sections: ['frequencies', 'evidence', 'cooccurrence'],
    });
    const plan = planExport(options, {
      ...catalog,
      segmentsByCode: new Map([
        [2, 5],
        [3, 1],
        [4, 2],
      ]),
    });
    expect(plan.outline.items.map((i) => [i.level, i.text])).toEqual([
      [0, 'Appendix'],
      [1, 'Code frequencies'],
      [3, 'Table 1. Code frequencies: segments, documents and participants per code'],
      [1, 'Level of cooperation'],
      // Formal comes before Trust in the codebook, whatever the group's member order.
      [2, 'Formal'],
      [2, 'Trust'],
      // Trust is already in the group: only Legitimacy is left over.
      [1, 'Other codes'],
      [2, 'Legitimacy'],
      [1, 'Co-occurrence of codes'],
      [3, 'Table 2. Codes co-occurring with Formal, Trust and Legitimacy (documents)'],
    ]);
    expect(plan.outline.quotes).toBe(5 + 2 + 1);
    expect(plan.outline.problems).toEqual([]);
  });

  it('names the problems: no codes, nothing matching', () => {
    const none = planExport(exportOptions.parse({}), catalog);
    expect(none.outline.problems).toEqual([
      'no codes selected: choose codes or a code group for the coded-evidence part',
    ]);
    const empty = planExport(exportOptions.parse({ codeIds: [1] }), {
      ...catalog,
      segmentsByCode: new Map(),
    });
    expect(empty.outline.problems[0]).toMatch(/^nothing matches the filters/);
    // Tables alone need no codes.
    expect(planExport(exportOptions.parse({ sections: ['codebook'] }), catalog).outline.problems).toEqual([]);
  });

  it('refuses a section listed twice', () => {
    expect(exportOptions.safeParse({ sections: ['evidence', 'evidence'] }).success).toBe(false);
  });

  it('lists names for captions', () => {
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
  });
});
