import type { EvidencePage, PagedEvidenceCode } from '../../shared/api/reports';
import {
  documentCitationLabel,
  formatCitationList,
  formatItemCitation,
  type CitationSource,
} from '../../shared/reports/citations';
import { orderEvidence, rankDocuments, type EvidenceKey } from '../../shared/reports/evidenceOrder';
import type { EvidenceItem, EvidenceSort, ReportCode } from '../../shared/reports/model';
import { statement } from '../store/statements';
import { remember } from './cache';
import type { ReportContext } from './context';
import { loadCoderNames, loadEvidenceRows, loadEvidenceRowsById, SPANS_SQL, type EvidenceRow } from './load';

function citationLabel(doc: { participantLabel: string | null; title: string; year: number | null }): string {
  return doc.participantLabel ?? documentCitationLabel(doc.title, doc.year);
}

function toItem(
  context: ReportContext,
  codeId: number,
  row: EvidenceRow,
  coders: Map<number, string>,
): EvidenceItem {
  const doc = context.documents.get(row.documentId)!;
  const label = citationLabel(doc);
  return {
    segmentId: row.segmentId,
    codeId,
    documentId: row.documentId,
    documentTitle: doc.title,
    documentKind: doc.kind,
    participantLabel: doc.participantLabel,
    documentDate: doc.date,
    year: doc.year,
    startUtf16: row.startUtf16,
    endUtf16: row.endUtf16,
    text: row.text,
    memo: row.memo,
    coder: coders.get(row.coderId) ?? '',
    citation: { label, speaker: row.speaker, page: row.page },
    citationText: formatItemCitation(label, row.speaker, row.page),
  };
}

/** Evidence items of one code in the context's documents, optionally only some segments. */
export function evidenceItems(
  context: ReportContext,
  codeId: number,
  keep?: (row: EvidenceRow) => boolean,
  coders = loadCoderNames(context.db),
): EvidenceItem[] {
  const docIds = new Set(context.documents.keys());
  const items: EvidenceItem[] = [];
  for (const row of loadEvidenceRows(context.db, codeId, docIds, context.coderId)) {
    if (keep && !keep(row)) continue;
    items.push(toItem(context, codeId, row, coders));
  }
  return items;
}

/** Each counted document's rank in the sort order: the same for every code of the report. */
function documentRanks(context: ReportContext, sort: EvidenceSort): Map<number, number> {
  return remember(context.db, JSON.stringify(['evidenceRanks', context.filters, sort]), () =>
    rankDocuments(
      [...context.documents.values()].map((d) => ({
        id: d.id,
        title: d.title,
        date: d.date,
        label: citationLabel(d),
      })),
      sort,
    ),
  );
}

/** A code's quotes in report order as keys, read from the covering segments_code_span (no quote text). */
function evidenceKeys(context: ReportContext, codeId: number, sort: EvidenceSort): EvidenceKey[] {
  const keys: EvidenceKey[] = [];
  for (const row of statement(context.db, SPANS_SQL).raw().all(codeId) as [
    number,
    number,
    number,
    number,
    number,
  ][]) {
    if (!context.documents.has(row[1])) continue;
    if (context.coderId !== null && row[4] !== context.coderId) continue;
    keys.push({ segmentId: row[0], documentId: row[1], startUtf16: row[2] });
  }
  return orderEvidence(keys, documentRanks(context, sort));
}

/**
 * Documents counted and their citations, taken in document id order: the order the whole list was
 * read in before paging, so "Interview 2" / "interview 3" keep the spelling they had.
 */
function citationsOf(
  context: ReportContext,
  keys: readonly { documentId: number }[],
): { documentCount: number; citations: string } {
  const ids = [...new Set(keys.map((k) => k.documentId))].sort((a, b) => a - b);
  const sources = ids.map((id): CitationSource => {
    const doc = context.documents.get(id)!;
    return doc.participantLabel !== null
      ? { kind: 'interview', label: doc.participantLabel, year: doc.year }
      : { kind: 'document', label: doc.title, year: doc.year };
  });
  return { documentCount: ids.length, citations: formatCitationList(sources) };
}

function pageOf(
  context: ReportContext,
  codeId: number,
  keys: readonly EvidenceKey[],
  offset: number,
  pageSize: number,
  coders: Map<number, string>,
): EvidencePage {
  const slice = keys.slice(offset, offset + pageSize);
  const rows = loadEvidenceRowsById(
    context.db,
    slice.map((k) => k.segmentId),
  );
  const end = offset + slice.length;
  return {
    codeId,
    offset,
    items: rows.map((row) => toItem(context, codeId, row, coders)),
    segmentCount: keys.length,
    nextOffset: end < keys.length ? end : null,
  };
}

/**
 * One code's section of the evidence report: its first pageSize quotes, or all of them when pageSize
 * is absent (the CLI and exports). Counts and citations are always over the whole list.
 */
export function evidenceSection(
  context: ReportContext,
  code: ReportCode,
  description: string,
  sort: EvidenceSort,
  pageSize: number | undefined,
  coders: Map<number, string>,
): PagedEvidenceCode {
  if (pageSize === undefined) {
    // One scan reads every row; ordering by document rank is sortEvidence's order (evidenceOrder.ts).
    const items = orderEvidence(
      evidenceItems(context, code.codeId, undefined, coders),
      documentRanks(context, sort),
    );
    return {
      code,
      description,
      segmentCount: items.length,
      ...citationsOf(context, items),
      items,
      nextOffset: null,
    };
  }
  const keys = evidenceKeys(context, code.codeId, sort);
  const page = pageOf(context, code.codeId, keys, 0, pageSize, coders);
  return {
    code,
    description,
    segmentCount: keys.length,
    ...citationsOf(context, keys),
    items: page.items,
    nextOffset: page.nextOffset,
  };
}

/** Quotes offset … offset + pageSize − 1 of one code, in the order of evidenceSection. */
export function evidencePageOf(
  context: ReportContext,
  codeId: number,
  sort: EvidenceSort,
  offset: number,
  pageSize: number,
): EvidencePage {
  // Kept while the project is unchanged, so scrolling on through a long list reads no index again.
  const keys = remember(context.db, JSON.stringify(['evidenceKeys', context.filters, codeId, sort]), () =>
    evidenceKeys(context, codeId, sort),
  );
  return pageOf(context, codeId, keys, offset, pageSize, loadCoderNames(context.db));
}
