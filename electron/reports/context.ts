import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import { codebookOrder, subtreeIds } from '../../shared/reports/codebook';
import { indexCounts, measure, type CountIndex } from '../../shared/reports/counts';
import { selectDocuments, type DocumentFacts } from '../../shared/reports/documents';
import { describeFilters } from '../../shared/reports/filterText';
import type { ReportCode, ReportFilters, ReportHeader } from '../../shared/reports/model';
import { remember } from './cache';
import {
  findCoderId,
  loadCodeDocumentCounts,
  loadCodeGroups,
  loadCodes,
  loadDocumentFacts,
  loadNamed,
} from './load';

export type OrderedCode = ReportCode & { description: string };

/** Everything a report needs once the filters are resolved against the project. */
export interface ReportContext {
  db: Database.Database;
  filters: ReportFilters;
  /** Every code in codebook order. */
  allCodes: OrderedCode[];
  /** The filter's codes (all when none) in codebook order. */
  codes: OrderedCode[];
  codeGroups: { id: number; name: string; codeIds: number[] }[];
  documentGroups: Map<number, string>;
  categories: Map<number, string>;
  /** Documents the report counts, by id. */
  documents: Map<number, DocumentFacts>;
  excludedDocuments: DocumentFacts[];
  coderId: number | null;
  filterLines: string[];
}

function requireKnown(
  ids: readonly number[] | undefined,
  known: { has(id: number): boolean },
  what: string,
): void {
  for (const id of ids ?? [])
    if (!known.has(id)) throw new PassageError('not_found', `reports: ${what} ${id} not found`);
}

/**
 * The filters resolved against the project, kept until the project changes: each report, each page of
 * evidence and each unit switch starts here, and at 10× reading every document's facts is most of a
 * page's time. Callers never change a context.
 */
export function resolveContext(db: Database.Database, filters: ReportFilters): ReportContext {
  return remember(db, JSON.stringify(['context', filters]), () => resolveContextNow(db, filters));
}

function resolveContextNow(db: Database.Database, filters: ReportFilters): ReportContext {
  const codeRows = loadCodes(db);
  const allCodes = codebookOrder(codeRows);
  const byId = new Map(allCodes.map((c) => [c.codeId, c]));
  const codeGroups = loadCodeGroups(db);
  const documentGroups = loadNamed(db, 'document_groups');
  const categories = loadNamed(db, 'participant_categories');
  requireKnown(filters.codeIds, byId, 'code');
  requireKnown(filters.codeSubtreeId === undefined ? [] : [filters.codeSubtreeId], byId, 'code');
  requireKnown(
    filters.codeGroupId === undefined ? [] : [filters.codeGroupId],
    new Set(codeGroups.map((g) => g.id)),
    'code group',
  );
  requireKnown(filters.documentGroupIds, documentGroups, 'document group');
  requireKnown(filters.participantCategoryIds, categories, 'participant category');

  let coderId: number | null = null;
  if (filters.coder !== undefined) {
    const found = findCoderId(db, filters.coder);
    if (found === undefined) throw new PassageError('not_found', `reports: coder ${filters.coder} not found`);
    coderId = found;
  }

  // Codes picked by hand, by group and by subtree add up; none of them means every code.
  const picked = new Set<number>(filters.codeIds ?? []);
  if (filters.codeGroupId !== undefined)
    for (const id of codeGroups.find((g) => g.id === filters.codeGroupId)?.codeIds ?? []) picked.add(id);
  if (filters.codeSubtreeId !== undefined)
    for (const id of subtreeIds(codeRows, filters.codeSubtreeId)) picked.add(id);
  const anyCodeFilter =
    filters.codeIds !== undefined || filters.codeGroupId !== undefined || filters.codeSubtreeId !== undefined;
  const codes = anyCodeFilter ? allCodes.filter((c) => picked.has(c.codeId)) : allCodes;

  const facts = loadDocumentFacts(db, {
    attributes: (filters.attributes?.length ?? 0) > 0,
    waves: (filters.waves?.length ?? 0) > 0,
  });
  const selection = selectDocuments(facts, filters);
  const filterLines = describeFilters(filters, {
    codes: new Map(allCodes.map((c) => [c.codeId, c.path.join(' / ')])),
    codeGroups: new Map(codeGroups.map((g) => [g.id, g.name])),
    documentGroups,
    categories,
  });
  return {
    db,
    filters,
    allCodes,
    codes,
    codeGroups,
    documentGroups,
    categories,
    documents: new Map(selection.included.map((d) => [d.id, d])),
    excludedDocuments: selection.excludedWithdrawn,
    coderId,
    filterLines,
  };
}

/** Segment counts per (code, document) of some codes, over all documents (the header needs the excluded ones too). */
export function countIndex(context: ReportContext, codeIds: readonly number[]): CountIndex {
  const key = JSON.stringify(['counts', context.coderId, codeIds]);
  return remember(context.db, key, () =>
    indexCounts(loadCodeDocumentCounts(context.db, codeIds, context.coderId)),
  );
}

/** The header from spans already loaded for the included and the withdrawn-excluded documents. */
export function buildHeaderFromSpans(
  context: ReportContext,
  title: string,
  spans: readonly { documentId: number }[],
): ReportHeader {
  let included = 0;
  let excluded = 0;
  for (const s of spans) {
    if (context.documents.has(s.documentId)) included++;
    else excluded++;
  }
  return {
    title,
    filters: context.filterLines,
    documentCount: context.documents.size,
    segmentCount: included,
    excludedWithdrawn: {
      participants: new Set(context.excludedDocuments.map((d) => d.participantId)).size,
      documents: context.excludedDocuments.length,
      segments: excluded,
    },
    generatedAt: new Date().toISOString(),
  };
}

/** The header: filters in words, documents and segments counted, what excluding withdrawn participants left out. */
export function buildHeader(
  context: ReportContext,
  title: string,
  index: CountIndex,
  codeIds: readonly number[],
): ReportHeader {
  const included = new Set(context.documents.keys());
  const excluded = new Set(context.excludedDocuments.map((d) => d.id));
  return {
    title,
    filters: context.filterLines,
    documentCount: included.size,
    segmentCount: measure(index, codeIds, included).segments,
    excludedWithdrawn: {
      participants: new Set(context.excludedDocuments.map((d) => d.participantId)).size,
      documents: excluded.size,
      segments: measure(index, codeIds, excluded).segments,
    },
    generatedAt: new Date().toISOString(),
  };
}
