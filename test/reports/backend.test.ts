import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import type { CooccurrenceReport } from '../../shared/reports/model';
import { newProjectSession } from '../helpers/session';
import { buildStudy } from './fixture';

async function study() {
  const { session, file } = await newProjectSession('tester');
  const ids = buildStudy(session.requireProject().db);
  return { session, file, ids };
}

function cell(report: CooccurrenceReport, row: number, column: number) {
  const r = report.rowGroups.flatMap((g) => g.rows).find((x) => x.code.codeId === row)!;
  const i = report.columns.findIndex((c) => c.code.codeId === column);
  return r.cells[i]!;
}

describe('reports against a real project file', () => {
  it('evidence by code: codebook order, counts, paper-style citations, speaker and page, withdrawn excluded', async () => {
    const { session, ids } = await study();
    const report = await invoke(session, 'reports.evidence', {});
    expect(report.codes.map((c) => c.code.path.join(' / '))).toEqual([
      'Legitimacy',
      'Effectiveness',
      'Cooperation',
      'Cooperation / Formal',
    ]);
    // D3 belongs to a withdrawn participant: 1 participant, 1 document, 2 segments left out.
    expect(report.header.excludedWithdrawn).toEqual({ participants: 1, documents: 1, segments: 2 });
    expect(report.header.documentCount).toBe(4);
    expect(report.header.segmentCount).toBe(9);
    expect(report.header.filters).toEqual(['All documents', 'Withdrawn participants excluded']);
    const [legit, effect, coop, formal] = report.codes;
    expect(legit).toMatchObject({
      segmentCount: 3,
      documentCount: 2,
      citations: 'interviews 2, 6',
      description: 'Claims of legitimacy',
    });
    expect(effect).toMatchObject({
      segmentCount: 3,
      documentCount: 3,
      citations: 'interviews 2, 6; Annual report (2018)',
    });
    expect(coop).toMatchObject({ segmentCount: 0, documentCount: 0, citations: '', items: [] });
    expect(formal!.citations).toBe('interviews 2, 26; Annual report (2018)');
    const d1Effect = effect!.items.find((i) => i.documentId === ids.d1)!;
    expect(d1Effect.citation).toEqual({ label: 'Interview 2', speaker: 'Respondent', page: null });
    const d4Effect = effect!.items.find((i) => i.documentId === ids.d4)!;
    expect(d4Effect.citation).toEqual({ label: 'Annual report (2018)', speaker: null, page: 1 });
    expect(d4Effect.citationText).toBe('Annual report (2018), p. 1');
    expect(legit!.items[0]).toMatchObject({
      documentId: ids.d1,
      startUtf16: 0,
      endUtf16: 50,
      memo: 'a memo',
      coder: 'tester',
    });
    // Sorted by document title: "Annual report" before "Transcript A".
    expect(effect!.items.map((i) => i.documentId)).toEqual([ids.d4, ids.d1, ids.d2]);
    const byDate = await invoke(session, 'reports.evidence', { sort: 'date' });
    expect(byDate.codes[1]!.items.map((i) => i.documentId)).toEqual([ids.d1, ids.d2, ids.d4]);
  });

  it('filters: group, kind, coder, years, withdrawn included, codes', async () => {
    const { session, ids } = await study();
    const group = await invoke(session, 'reports.evidence', { filters: { documentGroupIds: [ids.ngos] } });
    expect(group.header.documentCount).toBe(2);
    expect(group.header.filters[0]).toBe('Document group: NGOs');
    expect(group.codes[0]!.segmentCount).toBe(3);
    expect(group.codes[1]!.segmentCount).toBe(2);
    const kind = await invoke(session, 'reports.evidence', { filters: { kind: 'document' } });
    expect(kind.codes.map((c) => c.segmentCount)).toEqual([0, 1, 0, 1]);
    const coder = await invoke(session, 'reports.evidence', { filters: { coder: 'ann' } });
    expect(coder.codes.map((c) => c.segmentCount)).toEqual([1, 0, 0, 1]);
    expect(coder.header.segmentCount).toBe(2);
    const years = await invoke(session, 'reports.evidence', { filters: { yearFrom: 2016, yearTo: 2018 } });
    expect(years.header.documentCount).toBe(3); // D2, D4, D5 (D3 withdrawn)
    expect(years.codes[0]!.segmentCount).toBe(2);
    const all = await invoke(session, 'reports.evidence', { filters: { excludeWithdrawn: false } });
    expect(all.codes[0]!.citations).toBe('interviews 2, 6, 9');
    expect(all.header.excludedWithdrawn).toEqual({ participants: 0, documents: 0, segments: 0 });
    const sub = await invoke(session, 'reports.evidence', { filters: { codeSubtreeId: ids.coop } });
    expect(sub.codes.map((c) => c.code.name)).toEqual(['Cooperation', 'Formal']);
    const wave = await invoke(session, 'reports.frequencies', { filters: { waves: [2] } });
    expect(wave.header.documentCount).toBe(1); // D5: Interview 26 was referred by Interview 6, who was referred by the seed
    await expect(invoke(session, 'reports.evidence', { filters: { coder: 'nobody' } })).rejects.toThrow(
      'reports: coder nobody not found',
    );
    await expect(
      invoke(session, 'reports.evidence', { filters: { documentGroupIds: [999] } }),
    ).rejects.toThrow('reports: document group 999 not found');
    await expect(
      invoke(session, 'reports.evidence', { filters: { yearFrom: 2020, yearTo: 2010 } }),
    ).rejects.toThrow(/yearFrom is after yearTo/);
  });

  it('co-occurrence in both units, with c and row groups', async () => {
    const { session, ids } = await study();
    const docs = await invoke(session, 'reports.cooccurrence', { unit: 'documents', coefficient: true });
    expect(docs.columns.map((c) => [c.code.name, c.n])).toEqual([
      ['Legitimacy', 2],
      ['Effectiveness', 3],
      ['Cooperation', 0],
      ['Formal', 3],
    ]);
    expect(cell(docs, ids.L, ids.E)).toEqual({ columnCodeId: ids.E, count: 2, c: 0.667 }); // D1, D2: 2 / (2 + 3 − 2)
    expect(cell(docs, ids.L, ids.F).count).toBe(1); // D1
    expect(cell(docs, ids.E, ids.F).count).toBe(2); // D1, D4
    expect(cell(docs, ids.coop, ids.L).count).toBe(0);

    const segs = await invoke(session, 'reports.cooccurrence', {
      unit: 'segments',
      columnCodeIds: [ids.L, ids.E],
      rowCodeGroupIds: [ids.level],
    });
    expect(segs.rowGroups.map((g) => [g.caption, g.rows.map((r) => [r.code.name, r.n])])).toEqual([
      [
        'Level of cooperation',
        [
          ['Cooperation', 0],
          ['Formal', 3],
        ],
      ],
    ]);
    expect(segs.columns.map((c) => c.n)).toEqual([3, 3]);
    // Formal contains E in D4; no Formal segment overlaps Legitimacy.
    expect(segs.rowGroups[0]!.rows[1]!.cells.map((c) => c.count)).toEqual([0, 1]);
    // Codes picked by hand that sit in none of the row groups come last, under "Other codes".
    const picked = await invoke(session, 'reports.cooccurrence', {
      unit: 'documents',
      filters: { codeIds: [ids.L, ids.F] },
      rowCodeGroupIds: [ids.level],
    });
    expect(picked.rowGroups.map((g) => [g.caption, g.rows.map((r) => r.code.name)])).toEqual([
      ['Level of cooperation', ['Formal']],
      ['Other codes', ['Legitimacy']],
    ]);
    const le = await invoke(session, 'reports.cooccurrence', {
      unit: 'segments',
      filters: { codeIds: [ids.L, ids.E] },
    });
    // L [0,50) overlaps E [40,60) in D1; in D2 L [20,30) only touches E [30,40).
    expect(cell(le, ids.L, ids.E).count).toBe(1);
    expect(cell(le, ids.E, ids.L).count).toBe(1);
    expect(cell(le, ids.L, ids.L).count).toBe(3);
  });

  it('cell evidence for co-occurrence and matrix cells', async () => {
    const { session, ids } = await study();
    const docs = await invoke(session, 'reports.cellEvidence', {
      cell: { report: 'cooccurrence', rowCodeId: ids.L, columnCodeId: ids.E, unit: 'documents' },
    });
    expect(docs.caption).toBe('Legitimacy × Effectiveness (documents)');
    expect(docs.items.map((i) => [i.documentId, i.startUtf16])).toEqual([
      [ids.d1, 0],
      [ids.d2, 0],
      [ids.d2, 20],
    ]);
    expect(docs.otherItems.map((i) => i.documentId)).toEqual([ids.d1, ids.d2]);
    const segs = await invoke(session, 'reports.cellEvidence', {
      cell: { report: 'cooccurrence', rowCodeId: ids.L, columnCodeId: ids.E, unit: 'segments' },
    });
    expect(segs.items.map((i) => [i.documentId, i.startUtf16])).toEqual([[ids.d1, 0]]);
    expect(segs.otherItems.map((i) => [i.documentId, i.startUtf16])).toEqual([[ids.d1, 40]]);
    const matrixCell = await invoke(session, 'reports.cellEvidence', {
      cell: { report: 'matrix', rowCodeId: ids.L, by: 'groups', columnKey: `group:${ids.ngos}` },
    });
    expect(matrixCell.items).toHaveLength(3);
    expect(matrixCell.caption).toBe('Legitimacy × NGOs');
  });

  it('matrix by groups (an empty group included), categories and documents', async () => {
    const { session, ids } = await study();
    const m = await invoke(session, 'reports.matrix', { by: 'groups', unit: 'segments' });
    expect(m.columns.map((c) => [c.label, c.n])).toEqual([
      ['Empty', 0],
      ['NGOs', 2],
    ]);
    expect(m.rows.map((r) => [r.code.name, r.cells.map((c) => c.count)])).toEqual([
      ['Legitimacy', [0, 3]],
      ['Effectiveness', [0, 2]],
      ['Cooperation', [0, 0]],
      ['Formal', [0, 1]],
    ]);
    const cats = await invoke(session, 'reports.matrix', {
      by: 'categories',
      unit: 'documents',
      percent: 'row',
    });
    // NGO representative: D1, D2; Staff: D5 (D3 withdrawn); no category: D4.
    expect(cats.columns.map((c) => [c.label, c.n])).toEqual([
      ['NGO representative', 2],
      ['Staff', 1],
      ['No category', 1],
    ]);
    const formal = cats.rows.find((r) => r.code.codeId === ids.F)!;
    expect(formal.cells.map((c) => [c.count, c.percent])).toEqual([
      [1, 33.3],
      [1, 33.3],
      [1, 33.3],
    ]);
    const perDoc = await invoke(session, 'reports.matrix', { by: 'documents' });
    expect(perDoc.columns.map((c) => c.label)).toEqual([
      'Annual report',
      'Transcript A',
      'Transcript B',
      'Transcript D',
    ]);
  });

  it('counts over time: documents per year, per code, stacked per code group', async () => {
    const { session, ids } = await study();
    const overall = await invoke(session, 'reports.timeline', {});
    expect(overall.years).toEqual([2015, 2016, 2017, 2018]);
    expect(overall.series[0]!.counts).toEqual([1, 1, 0, 2]);
    const perCode = await invoke(session, 'reports.timeline', {
      by: 'codes',
      filters: { codeIds: [ids.L, ids.F] },
    });
    expect(perCode.series.map((s) => [s.label, s.counts])).toEqual([
      ['Legitimacy', [1, 1, 0, 0]],
      ['Cooperation / Formal', [1, 0, 0, 2]],
    ]);
    expect(perCode.totals).toEqual([1, 1, 0, 2]);
    const stacked = await invoke(session, 'reports.timeline', {
      by: 'codeGroup',
      filters: { codeGroupId: ids.level },
    });
    expect(stacked.stacked).toBe(true);
    expect(stacked.series.map((s) => s.counts)).toEqual([
      [0, 0, 0, 0],
      [1, 0, 0, 2],
    ]);
    const segs = await invoke(session, 'reports.timeline', {
      unit: 'segments',
      filters: { excludeWithdrawn: false },
    });
    expect(segs.series[0]!.counts).toEqual([3, 5, 0, 3]);
  });

  it('frequencies per code and code group', async () => {
    const { session } = await study();
    const f = await invoke(session, 'reports.frequencies', {});
    expect(f.rows.map((r) => [r.code.name, r.segments, r.documents, r.participants])).toEqual([
      ['Legitimacy', 3, 2, 2],
      ['Effectiveness', 3, 3, 2],
      ['Cooperation', 0, 0, 0],
      ['Formal', 3, 3, 2],
    ]);
    expect(f.groups).toEqual([
      {
        codeGroupId: expect.any(Number),
        name: 'Level of cooperation',
        codeCount: 2,
        segments: 3,
        documents: 3,
        participants: 2,
      },
    ]);
    const options = await invoke(session, 'reports.options', {});
    expect(options.waves).toEqual([0, 1, 2]);
    expect(options.years).toEqual({ first: 2015, last: 2018 });
    expect(options.coders).toEqual(['ann', 'tester']);
  });
});
