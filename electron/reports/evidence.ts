import type { EvidenceCitations, EvidencePage, PagedEvidenceCode } from '../../shared/api/reports';
import {
  citationOrder,
  documentCitationLabel,
  formatCitationList,
  formatItemCitation,
  type CitationSource,
} from '../../shared/reports/citations';
import type { CountIndex } from '../../shared/reports/counts';
import { orderEvidence, planEvidencePage, rankDocuments } from '../../shared/reports/evidenceOrder';
import { CITATIONS_SENT_UP_TO_DOCUMENTS } from '../../shared/reports/evidence';
import type { EvidenceCode, EvidenceItem, EvidenceSort, ReportCode } from '../../shared/reports/model';
import { statement } from '../store/statements';
import { remember } from './cache';
import { countIndex, type ReportContext } from './context';
import {
  DOCUMENT_QUOTE_KEYS_SQL,
  loadCoderNames,
  loadEvidenceRows,
  loadEvidenceRowsById,
  type EvidenceRow,
} from './load';

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

/** A code's quotes per counted document (the counts the header reads too, kept per project version). */
function quotesPerDocument(context: ReportContext, codeId: number, index: CountIndex): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [documentId, n] of index.get(codeId) ?? [])
    if (context.documents.has(documentId)) counts.set(documentId, n);
  return counts;
}

function citationSource(context: ReportContext, id: number): CitationSource {
  const doc = context.documents.get(id)!;
  return doc.participantLabel !== null
    ? { kind: 'interview', label: doc.participantLabel, year: doc.year }
    : { kind: 'document', label: doc.title, year: doc.year };
}

/** The citation order of every counted document's label, sorted once for all codes of the report. */
function citationCompare(context: ReportContext): (a: string, b: string) => number {
  return remember(context.db, JSON.stringify(['citationOrder', context.filters]), () =>
    citationOrder([...context.documents.keys()].map((id) => citationSource(context, id))),
  );
}

/**
 * Documents counted and their citations, taken in document id order: the order the whole list was
 * read in before paging, so "Interview 2" / "interview 3" keep the spelling they had.
 */
function citationsOf(
  context: ReportContext,
  documentIds: Iterable<number>,
): { documentCount: number; citations: string } {
  const ids = [...new Set(documentIds)].sort((a, b) => a - b);
  const sources = ids.map((id) => citationSource(context, id));
  return { documentCount: ids.length, citations: formatCitationList(sources, citationCompare(context)) };
}

/** The page's quotes: only the documents it lies in are read, each in start order from the covering index. */
function pageOf(
  context: ReportContext,
  codeId: number,
  sort: EvidenceSort,
  counts: ReadonlyMap<number, number>,
  offset: number,
  pageSize: number,
  coders: Map<number, string>,
): EvidencePage {
  const segmentIds: number[] = [];
  const query = statement(context.db, DOCUMENT_QUOTE_KEYS_SQL).raw();
  for (const slice of planEvidencePage(counts, documentRanks(context, sort), offset, pageSize)) {
    const rows = query.all(codeId, slice.documentId) as [number, number, number][];
    const kept = context.coderId === null ? rows : rows.filter((r) => r[2] === context.coderId);
    kept.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    for (const row of kept.slice(slice.skip, slice.skip + slice.take)) segmentIds.push(row[0]);
  }
  let segmentCount = 0;
  for (const n of counts.values()) segmentCount += n;
  const end = offset + segmentIds.length;
  return {
    codeId,
    offset,
    items: loadEvidenceRowsById(context.db, segmentIds).map((row) => toItem(context, codeId, row, coders)),
    segmentCount,
    nextOffset: end < segmentCount ? end : null,
  };
}

/** One code's section of the evidence report with every quote (the CLI and exports). */
export function wholeEvidenceSection(
  context: ReportContext,
  code: ReportCode,
  description: string,
  sort: EvidenceSort,
  coders: Map<number, string>,
): EvidenceCode {
  // One scan reads every row; ordering by document rank is sortEvidence's order (evidenceOrder.ts).
  const items = orderEvidence(
    evidenceItems(context, code.codeId, undefined, coders),
    documentRanks(context, sort),
  );
  return {
    code,
    description,
    segmentCount: items.length,
    ...citationsOf(
      context,
      items.map((i) => i.documentId),
    ),
    items,
  };
}

/**
 * One code's section as the Reports view first shows it: its first pageSize quotes. Counts are over
 * the whole list; so are the citations, unless they are too long to send before they are asked for.
 */
export function firstEvidencePage(
  context: ReportContext,
  code: ReportCode,
  description: string,
  sort: EvidenceSort,
  pageSize: number,
  index: CountIndex,
  coders: Map<number, string>,
): PagedEvidenceCode {
  const counts = quotesPerDocument(context, code.codeId, index);
  const page = pageOf(context, code.codeId, sort, counts, 0, pageSize, coders);
  return {
    code,
    description,
    segmentCount: page.segmentCount,
    ...(counts.size > CITATIONS_SENT_UP_TO_DOCUMENTS
      ? { documentCount: counts.size, citations: null }
      : citationsOf(context, counts.keys())),
    items: page.items,
    nextOffset: page.nextOffset,
  };
}

/** The citation list of one code, as firstEvidencePage would have sent it. */
export function evidenceCitationsOf(context: ReportContext, codeId: number): EvidenceCitations {
  const counts = quotesPerDocument(context, codeId, countIndex(context, [codeId]));
  return { codeId, ...citationsOf(context, counts.keys()) };
}

/** Quotes offset … offset + pageSize − 1 of one code, in the order of firstEvidencePage and wholeEvidenceSection. */
export function evidencePageOf(
  context: ReportContext,
  codeId: number,
  sort: EvidenceSort,
  offset: number,
  pageSize: number,
): EvidencePage {
  const counts = quotesPerDocument(context, codeId, countIndex(context, [codeId]));
  return pageOf(context, codeId, sort, counts, offset, pageSize, loadCoderNames(context.db));
}
