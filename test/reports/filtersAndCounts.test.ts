import { describe, expect, it } from 'vitest';
import { codebookOrder, subtreeIds, type CodeRow } from '../../shared/reports/codebook';
import { indexCounts } from '../../shared/reports/counts';
import { selectDocuments, type DocumentFacts } from '../../shared/reports/documents';
import { describeFilters } from '../../shared/reports/filterText';
import { buildFrequencies } from '../../shared/reports/frequencies';
import { buildMatrix } from '../../shared/reports/matrix';
import type { ReportCode } from '../../shared/reports/model';
import { reportTables, tablesToCsv, tableToTsv } from '../../shared/reports/tables';
import { buildTimeline } from '../../shared/reports/timeline';

function doc(id: number, over: Partial<DocumentFacts> = {}): DocumentFacts {
  return {
    id,
    title: `D${id}`,
    kind: 'interview',
    date: null,
    year: null,
    participantId: null,
    participantLabel: null,
    categoryId: null,
    withdrawn: false,
    wave: null,
    groupIds: [],
    attributes: new Map(),
    ...over,
  };
}

describe('document filters', () => {
  const docs = [
    doc(1, {
      year: 2015,
      groupIds: [10],
      categoryId: 5,
      wave: 0,
      attributes: new Map([['document:sector', 'NGO']]),
    }),
    doc(2, {
      year: 2018,
      groupIds: [10, 11],
      kind: 'document',
      attributes: new Map([['document:sector', 'Gov']]),
    }),
    doc(3, { year: null, groupIds: [11], withdrawn: true, participantId: 7, categoryId: 5, wave: 1 }),
    doc(4, { year: 2020, withdrawn: true, participantId: 8 }),
  ];
  const ids = (f: Parameters<typeof selectDocuments>[1]) =>
    selectDocuments(docs, f).included.map((d) => d.id);

  it('excludes withdrawn participants by default and reports them', () => {
    const s = selectDocuments(docs, {});
    expect(s.included.map((d) => d.id)).toEqual([1, 2]);
    expect(s.excludedWithdrawn.map((d) => d.id)).toEqual([3, 4]);
    expect(ids({ excludeWithdrawn: false })).toEqual([1, 2, 3, 4]);
  });

  it('applies group, kind, category, wave, years and attributes', () => {
    expect(ids({ documentGroupIds: [11], excludeWithdrawn: false })).toEqual([2, 3]);
    expect(ids({ documentGroupIds: [] })).toEqual([1, 2]); // an empty list does not filter
    expect(ids({ kind: 'document' })).toEqual([2]);
    expect(ids({ participantCategoryIds: [5], excludeWithdrawn: false })).toEqual([1, 3]);
    expect(ids({ waves: [1], excludeWithdrawn: false })).toEqual([3]);
    expect(ids({ yearFrom: 2016, excludeWithdrawn: false })).toEqual([2, 4]); // undated 3 drops out
    expect(ids({ yearFrom: 2015, yearTo: 2018 })).toEqual([1, 2]);
    expect(ids({ attributes: [{ scope: 'document', name: 'Sector', op: 'eq', value: 'ngo' }] })).toEqual([1]);
    expect(ids({ attributes: [{ scope: 'document', name: 'sector', op: 'ne', value: 'NGO' }] })).toEqual([2]);
  });

  it('describes the filters in words', () => {
    const names = {
      codes: new Map([[1, 'Trust']]),
      codeGroups: new Map([[2, 'Mission']]),
      documentGroups: new Map([
        [10, 'NGOs'],
        [11, 'Agencies'],
      ]),
      categories: new Map([[5, 'NGO representative']]),
    };
    expect(describeFilters({}, names)).toEqual(['All documents', 'Withdrawn participants excluded']);
    expect(
      describeFilters(
        {
          documentGroupIds: [10, 11],
          kind: 'interview',
          yearFrom: 2015,
          yearTo: 2020,
          coder: 'ann',
          excludeWithdrawn: false,
          codeGroupId: 2,
        },
        names,
      ),
    ).toEqual([
      'Code group: Mission',
      'Document groups: Agencies, NGOs',
      'Interviews only',
      'Years: 2015–2020',
      'Coder: ann',
      'Withdrawn participants included',
    ]);
  });
});

describe('codebook order', () => {
  const rows: CodeRow[] = [
    { id: 1, parentId: null, name: 'Zeta', color: '#000000', description: '', position: 1 },
    { id: 2, parentId: null, name: 'Alpha', color: '#000000', description: '', position: 0 },
    { id: 3, parentId: 1, name: 'Child', color: '#000000', description: 'd', position: 0 },
    { id: 4, parentId: 3, name: 'Grandchild', color: '#000000', description: '', position: 0 },
  ];
  it('walks depth first by position with paths', () => {
    expect(codebookOrder(rows).map((c) => [c.codeId, c.path.join('/'), c.depth])).toEqual([
      [2, 'Alpha', 0],
      [1, 'Zeta', 0],
      [3, 'Zeta/Child', 1],
      [4, 'Zeta/Child/Grandchild', 2],
    ]);
    expect([...subtreeIds(rows, 1)].sort()).toEqual([1, 3, 4]);
  });
});

const code = (codeId: number): ReportCode => ({
  codeId,
  name: `C${codeId}`,
  path: [`C${codeId}`],
  color: '#000000',
  depth: 0,
});

// Code 1: doc 1 ×2 segments, doc 2 ×1; code 2: doc 2 ×3; code 3: none.
const index = indexCounts([
  { codeId: 1, documentId: 1, segments: 2 },
  { codeId: 1, documentId: 2, segments: 1 },
  { codeId: 2, documentId: 2, segments: 3 },
]);

describe('matrix', () => {
  // Group G1 = {1, 2}, G2 = {2}, G3 = {} (an empty document group).
  const columns = [
    { key: 'group:1', label: 'G1', documentIds: new Set([1, 2]) },
    { key: 'group:2', label: 'G2', documentIds: new Set([2]) },
    { key: 'group:3', label: 'G3', documentIds: new Set<number>() },
  ];
  it('counts segments per column; totals count a document in two groups once', () => {
    const m = buildMatrix([code(1), code(2), code(3)], columns, index, 'segments', 'row');
    expect(m.columns.map((c) => c.n)).toEqual([2, 1, 0]);
    expect(m.rows[0]!.cells.map((c) => c.count)).toEqual([3, 1, 0]);
    expect(m.rows[0]!.total).toBe(3);
    expect(m.rows[0]!.cells.map((c) => c.percent)).toEqual([100, 33.3, 0]);
    expect(m.rows[2]!.cells.map((c) => c.count)).toEqual([0, 0, 0]);
    expect(m.columnTotals).toEqual([6, 4, 0]);
    expect(m.max).toBe(3);
  });
  it('counts documents and column percentages', () => {
    const m = buildMatrix([code(1), code(2)], columns, index, 'documents', 'column');
    expect(m.rows.map((r) => r.cells.map((c) => c.count))).toEqual([
      [2, 1, 0],
      [1, 1, 0],
    ]);
    // Column G1: documents with any code = {1, 2} = 2 → code 2 has 1 of 2 = 50 %.
    expect(m.columnTotals).toEqual([2, 1, 0]);
    expect(m.rows[1]!.cells.map((c) => c.percent)).toEqual([50, 100, 0]);
  });
});

describe('timeline', () => {
  // Doc 1 in 2015, doc 2 in 2017, doc 3 in 2017 (uncoded), doc 4 undated.
  const docs = [
    { id: 1, year: 2015 },
    { id: 2, year: 2017 },
    { id: 3, year: 2017 },
    { id: 4, year: null },
  ];
  it('counts all documents per year with gaps filled', () => {
    const t = buildTimeline(
      docs,
      [{ key: 'all', label: 'All', color: null, codeIds: null, documentIds: null }],
      index,
      'documents',
    );
    expect(t.years).toEqual([2015, 2016, 2017]);
    expect(t.series[0]!.counts).toEqual([1, 0, 2]);
    expect(t.series[0]!.n).toBe(3);
    expect(t.undated).toBe(1);
  });
  it('counts per code, documents or segments, with totals counted once', () => {
    const inputs = [1, 2].map((c) => ({
      key: `code:${c}`,
      label: `C${c}`,
      color: null,
      codeIds: [c],
      documentIds: null,
    }));
    const d = buildTimeline(docs, inputs, index, 'documents');
    expect(d.series.map((s) => s.counts)).toEqual([
      [1, 0, 1],
      [0, 0, 1],
    ]);
    expect(d.totals).toEqual([1, 0, 1]); // doc 2 has both codes: once
    const s = buildTimeline(docs, inputs, index, 'segments');
    expect(s.series.map((x) => x.counts)).toEqual([
      [2, 0, 1],
      [0, 0, 3],
    ]);
    expect(s.totals).toEqual([2, 0, 4]);
  });
  it('no documents: no years', () => {
    expect(buildTimeline([], [], index, 'documents')).toEqual({
      years: [],
      series: [],
      totals: [],
      undated: 0,
    });
  });
});

describe('frequencies and tables', () => {
  it('counts segments, documents and participants per code and group', () => {
    const participantOf = new Map<number, number | null>([
      [1, 7],
      [2, 7],
    ]);
    const f = buildFrequencies(
      [code(1), code(2), code(3)],
      [{ id: 9, name: 'G', codeIds: [1, 2] }],
      index,
      participantOf,
    );
    expect(f.rows.map((r) => [r.segments, r.documents, r.participants, r.codeGroups])).toEqual([
      [3, 2, 1, ['G']],
      [3, 1, 1, ['G']],
      [0, 0, 0, []],
    ]);
    expect(f.groups[0]).toMatchObject({ codeCount: 2, segments: 6, documents: 2, participants: 1 });
  });
  it('writes CSV with quoting and TSV without tabs in cells', () => {
    const table = { caption: 'T', header: ['a', 'b'], rows: [['x,y', 'say "hi"\nthere']] };
    expect(tablesToCsv([table])).toBe('T\r\na,b\r\n"x,y","say ""hi""\nthere"\r\n');
    expect(tableToTsv({ ...table, rows: [['x\ty', 'z']] })).toBe('a\tb\nx y\tz');
    const header = {
      title: 'F',
      filters: [],
      documentCount: 0,
      segmentCount: 0,
      excludedWithdrawn: { participants: 0, documents: 0, segments: 0 },
      generatedAt: '',
    };
    const tables = reportTables({ kind: 'frequencies', header, rows: [], groups: [] });
    expect(tables.map((t) => t.caption)).toEqual(['F', 'Code groups']);
  });
});
