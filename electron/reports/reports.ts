import type Database from 'better-sqlite3';
import type { EvidenceCitations, EvidencePage, PagedEvidenceReport } from '../../shared/api/reports';
import { PassageError } from '../../shared/api/result';
import {
  countCooccurrence,
  countDocumentCooccurrence,
  overlappingSpans,
  type CooccurrenceCounts,
} from '../../shared/reports/cooccurrence';
import { buildCooccurrenceTable, type RowGroupInput } from '../../shared/reports/cooccurrenceReport';
import { buildFrequencies } from '../../shared/reports/frequencies';
import { buildMatrix } from '../../shared/reports/matrix';
import type {
  CellEvidence,
  CooccurrenceReport,
  CooccurrenceUnit,
  EvidenceReport,
  EvidenceSort,
  FrequencyReport,
  MatrixBy,
  MatrixPercent,
  MatrixReport,
  MatrixUnit,
  ReportFilters,
  ReportHeader,
  TimelineBy,
  TimelineReport,
  TimelineUnit,
} from '../../shared/reports/model';
import { buildTimeline, type TimelineSeriesInput } from '../../shared/reports/timeline';
import {
  buildHeader,
  buildHeaderFromSpans,
  countIndex,
  resolveContext,
  type OrderedCode,
  type ReportContext,
} from './context';
import type { CountIndex } from '../../shared/reports/counts';
import { remember } from './cache';
import {
  evidenceCitationsOf,
  evidenceItems,
  evidencePageOf,
  firstEvidencePage,
  wholeEvidenceSection,
} from './evidence';
import { loadCoderNames, loadSpans } from './load';
import { matrixColumns } from './matrixColumns';

function strip(code: OrderedCode) {
  return { codeId: code.codeId, name: code.name, path: code.path, color: code.color, depth: code.depth };
}

/** The evidence report's header and one section per code of the filters, built by `section`. */
function evidenceSections<T>(
  db: Database.Database,
  filters: ReportFilters,
  section: (context: ReportContext, code: OrderedCode, index: CountIndex, coders: Map<number, string>) => T,
): { header: ReportHeader; codes: T[] } {
  const context = resolveContext(db, filters);
  const codeIds = context.codes.map((c) => c.codeId);
  const index = countIndex(context, codeIds);
  const coders = loadCoderNames(db);
  return {
    header: buildHeader(context, 'Evidence by code', index, codeIds),
    codes: context.codes.map((code) => section(context, code, index, coders)),
  };
}

/** Evidence by code with every quote (the CLI and the Word export). */
export function evidenceReport(
  db: Database.Database,
  filters: ReportFilters,
  sort: EvidenceSort,
): EvidenceReport {
  const { header, codes } = evidenceSections(db, filters, (context, code, _index, coders) =>
    wholeEvidenceSection(context, strip(code), code.description, sort, coders),
  );
  return { kind: 'evidence', header, sort, codes };
}

/** Evidence by code: each code's first pageSize quotes with where the next page starts, or all quotes. */
export function pagedEvidenceReport(
  db: Database.Database,
  filters: ReportFilters,
  sort: EvidenceSort,
  pageSize?: number,
): PagedEvidenceReport {
  if (pageSize === undefined) {
    const whole = evidenceReport(db, filters, sort);
    return { ...whole, codes: whole.codes.map((code) => ({ ...code, nextOffset: null })) };
  }
  const { header, codes } = evidenceSections(db, filters, (context, code, index, coders) =>
    firstEvidencePage(context, strip(code), code.description, sort, pageSize, index, coders),
  );
  return { kind: 'evidence', header, sort, codes };
}

/** One code's citation list under the report's filters (the paged report leaves long ones out). */
export function evidenceCitations(
  db: Database.Database,
  args: { filters: ReportFilters; codeId: number },
): EvidenceCitations {
  const context = resolveContext(db, args.filters);
  return evidenceCitationsOf(context, codeById(context, args.codeId).codeId);
}

/** The next quotes of one code of the evidence report (the same filters and sort). */
export function evidencePage(
  db: Database.Database,
  args: { filters: ReportFilters; sort: EvidenceSort; codeId: number; offset: number; pageSize: number },
): EvidencePage {
  const context = resolveContext(db, args.filters);
  const code = codeById(context, args.codeId);
  return evidencePageOf(context, code.codeId, args.sort, args.offset, args.pageSize);
}

function codeById(context: ReportContext, id: number): OrderedCode {
  const code = context.allCodes.find((c) => c.codeId === id);
  if (!code) throw new PassageError('not_found', `reports: code ${id} not found`);
  return code;
}

export function cooccurrenceReport(
  db: Database.Database,
  args: {
    filters: ReportFilters;
    columnCodeIds?: number[];
    rowCodeGroupIds?: number[];
    unit: CooccurrenceUnit;
    coefficient: boolean;
  },
): CooccurrenceReport {
  const context = resolveContext(db, args.filters);
  const columns = args.columnCodeIds ? args.columnCodeIds.map((id) => codeById(context, id)) : context.codes;
  let rowGroups: RowGroupInput[];
  if (args.rowCodeGroupIds && args.rowCodeGroupIds.length > 0) {
    const selected = new Set(context.codes.map((c) => c.codeId));
    rowGroups = args.rowCodeGroupIds.map((groupId) => {
      const group = context.codeGroups.find((g) => g.id === groupId);
      if (!group) throw new PassageError('not_found', `reports: code group ${groupId} not found`);
      const members = new Set(group.codeIds);
      return {
        caption: group.name,
        codeGroupId: group.id,
        codes: context.codes.filter((c) => members.has(c.codeId) && selected.has(c.codeId)).map(strip),
      };
    });
    // Codes the researcher picked by hand must not vanish because they sit in none of the row groups;
    // without such a pick, rows are exactly the chosen groups (the paper's table).
    const picked = Boolean(
      args.filters.codeIds?.length || args.filters.codeGroupId || args.filters.codeSubtreeId,
    );
    const grouped = new Set(rowGroups.flatMap((g) => g.codes.map((c) => c.codeId)));
    const others = context.codes.filter((c) => !grouped.has(c.codeId));
    if (picked && others.length > 0)
      rowGroups.push({ caption: 'Other codes', codeGroupId: null, codes: others.map(strip) });
  } else {
    rowGroups = [{ caption: 'Codes', codeGroupId: null, codes: context.codes.map(strip) }];
  }
  const involved = [...new Set([...rowGroups.flatMap((g) => g.codes), ...columns].map((c) => c.codeId))];
  const { header, counts } =
    // The documents unit (the tab's first view) from the kept counts, without reading a span; a coder
    // filter or the overlap unit needs the spans.
    args.unit === 'documents' && context.coderId === null
      ? documentCountsOnly(db, context, args.filters, involved)
      : sweptSpans(db, context, args.filters, involved);
  return {
    kind: 'cooccurrence',
    header,
    unit: args.unit,
    withCoefficient: args.coefficient,
    ...buildCooccurrenceTable(rowGroups, columns.map(strip), counts, args.unit, args.coefficient),
  };
}

type CooccurrenceCountsWithHeader = { header: ReportHeader; counts: CooccurrenceCounts };

function documentCountsOnly(
  db: Database.Database,
  context: ReportContext,
  filters: ReportFilters,
  involved: number[],
): CooccurrenceCountsWithHeader {
  const index = countIndex(context, involved);
  const documentIds = new Set(context.documents.keys());
  const counts = remember(db, JSON.stringify(['cooccurrenceDocuments', filters, involved]), () =>
    countDocumentCooccurrence(index, involved, documentIds),
  );
  return { header: buildHeader(context, 'Code co-occurrence', index, involved), counts };
}

function sweptSpans(
  db: Database.Database,
  context: ReportContext,
  filters: ReportFilters,
  involved: number[],
): CooccurrenceCountsWithHeader {
  // Spans of the withdrawn-excluded documents are read too, only to say in the header what was left out.
  const wanted = new Set([...context.documents.keys(), ...context.excludedDocuments.map((d) => d.id)]);
  // Both units come out of one sweep; switching the unit or c reuses it while the project is unchanged.
  const { spans, counts } = remember(db, JSON.stringify(['cooccurrence', filters, involved]), () => {
    const spans = loadSpans(db, involved, wanted, context.coderId);
    return { spans, counts: countCooccurrence(spans.filter((s) => context.documents.has(s.documentId))) };
  });
  return { header: buildHeaderFromSpans(context, 'Code co-occurrence', spans), counts };
}

export function matrixReport(
  db: Database.Database,
  args: { filters: ReportFilters; by: MatrixBy; unit: MatrixUnit; percent: MatrixPercent },
): MatrixReport {
  const context = resolveContext(db, args.filters);
  const codeIds = context.codes.map((c) => c.codeId);
  const index = countIndex(context, codeIds);
  const columns = matrixColumns(context, args.by);
  return {
    kind: 'matrix',
    header: buildHeader(context, 'Code matrix', index, codeIds),
    by: args.by,
    unit: args.unit,
    percent: args.percent,
    ...buildMatrix(context.codes.map(strip), columns, index, args.unit, args.percent),
  };
}

export function timelineReport(
  db: Database.Database,
  args: { filters: ReportFilters; unit: TimelineUnit; by: TimelineBy },
): TimelineReport {
  const context = resolveContext(db, args.filters);
  const codeIds = context.codes.map((c) => c.codeId);
  const index = countIndex(context, codeIds);
  const anyCodeFilter = codeIds.length !== context.allCodes.length;
  // Without a code filter, documents count whether coded or not (the paper's documents per year).
  const baseCodes = args.unit === 'segments' || anyCodeFilter ? codeIds : null;
  let inputs: TimelineSeriesInput[];
  switch (args.by) {
    case 'overall':
      inputs = [
        {
          key: 'all',
          label: baseCodes ? 'Coded documents' : 'All documents',
          color: null,
          codeIds: baseCodes,
          documentIds: null,
        },
      ];
      if (args.unit === 'segments') inputs[0]!.label = 'Segments';
      break;
    case 'codes':
      inputs = context.codes.map((c) => ({
        key: `code:${c.codeId}`,
        label: c.path.join(' / '),
        color: c.color,
        codeIds: [c.codeId],
        documentIds: null,
      }));
      break;
    case 'documentGroups': {
      const groupIds = args.filters.documentGroupIds?.length
        ? args.filters.documentGroupIds
        : [...context.documentGroups.keys()];
      inputs = groupIds.map((g) => ({
        key: `group:${g}`,
        label: context.documentGroups.get(g) ?? `#${g}`,
        color: null,
        codeIds: baseCodes,
        documentIds: new Set(
          [...context.documents.values()].filter((d) => d.groupIds.includes(g)).map((d) => d.id),
        ),
      }));
      break;
    }
    case 'codeGroup': {
      const group = context.codeGroups.find((g) => g.id === args.filters.codeGroupId);
      if (!group)
        throw new PassageError(
          'invalid_argument',
          'timeline by code group: choose a code group (filters.codeGroupId)',
        );
      const members = new Set(group.codeIds);
      inputs = context.codes
        .filter((c) => members.has(c.codeId))
        .map((c) => ({
          key: `code:${c.codeId}`,
          label: c.name,
          color: c.color,
          codeIds: [c.codeId],
          documentIds: null,
        }));
      break;
    }
  }
  const docs = [...context.documents.values()].map((d) => ({ id: d.id, year: d.year }));
  return {
    kind: 'timeline',
    header: buildHeader(context, 'Counts over time', index, codeIds),
    unit: args.unit,
    by: args.by,
    stacked: args.by === 'codeGroup',
    ...buildTimeline(docs, inputs, index, args.unit),
  };
}

export function frequencyReport(db: Database.Database, filters: ReportFilters): FrequencyReport {
  const context = resolveContext(db, filters);
  const codeIds = context.codes.map((c) => c.codeId);
  const full = countIndex(context, codeIds);
  const included = new Set(context.documents.keys());
  // The frequencies count only the filtered documents.
  const index = new Map(
    [...full].map(([code, byDoc]) => [code, new Map([...byDoc].filter(([d]) => included.has(d)))] as const),
  );
  const participantOf = new Map([...context.documents.values()].map((d) => [d.id, d.participantId]));
  const { rows, groups } = buildFrequencies(
    context.codes.map(strip),
    context.codeGroups,
    index,
    participantOf,
  );
  return {
    kind: 'frequencies',
    header: buildHeader(context, 'Code frequencies', full, codeIds),
    rows,
    groups: groups.filter((g) => g.codeCount > 0),
  };
}

type CellArgs =
  | { report: 'cooccurrence'; rowCodeId: number; columnCodeId: number; unit: CooccurrenceUnit }
  | { report: 'matrix'; rowCodeId: number; by: MatrixBy; columnKey: string };

export function cellEvidence(db: Database.Database, filters: ReportFilters, cell: CellArgs): CellEvidence {
  const context = resolveContext(db, filters);
  const row = codeById(context, cell.rowCodeId);
  const coders = loadCoderNames(db);
  if (cell.report === 'matrix') {
    const column = matrixColumns(context, cell.by).find((c) => c.key === cell.columnKey);
    if (!column) throw new PassageError('not_found', `matrix column ${cell.columnKey} does not exist`);
    const items = evidenceItems(context, row.codeId, (r) => column.documentIds.has(r.documentId), coders);
    const index = countIndex(context, [row.codeId]);
    return {
      header: buildHeader(context, 'Cell evidence', index, [row.codeId]),
      caption: `${row.path.join(' / ')} × ${column.label}`,
      items,
      otherItems: [],
    };
  }
  const column = codeById(context, cell.columnCodeId);
  const codeIds = [...new Set([row.codeId, column.codeId])];
  const index = countIndex(context, codeIds);
  const header = buildHeader(context, 'Cell evidence', index, codeIds);
  const caption = `${row.path.join(' / ')} × ${column.path.join(' / ')} (${cell.unit})`;
  if (cell.unit === 'documents') {
    const both = new Set(
      [...context.documents.keys()].filter(
        (d) => (index.get(row.codeId)?.has(d) ?? false) && (index.get(column.codeId)?.has(d) ?? false),
      ),
    );
    return {
      header,
      caption,
      items: evidenceItems(context, row.codeId, (r) => both.has(r.documentId), coders),
      otherItems:
        row.codeId === column.codeId
          ? []
          : evidenceItems(context, column.codeId, (r) => both.has(r.documentId), coders),
    };
  }
  const spans = loadSpans(db, codeIds, new Set(context.documents.keys()), context.coderId);
  const behind = overlappingSpans(spans, row.codeId, column.codeId);
  const rowIds = new Set(behind.rows.map((s) => s.segmentId));
  const columnIds = new Set(behind.columns.map((s) => s.segmentId));
  return {
    header,
    caption,
    items: evidenceItems(context, row.codeId, (r) => rowIds.has(r.segmentId), coders),
    otherItems:
      row.codeId === column.codeId
        ? []
        : evidenceItems(context, column.codeId, (r) => columnIds.has(r.segmentId), coders),
  };
}
