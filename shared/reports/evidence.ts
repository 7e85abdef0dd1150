import { formatCitationList, naturalCompare, type CitationSource } from './citations';
import type {
  EvidenceCode,
  EvidenceItem,
  EvidenceReport,
  EvidenceSort,
  ReportCode,
  ReportFilters,
} from './model';

function byStart(a: EvidenceItem, b: EvidenceItem): number {
  return a.documentId - b.documentId || a.startUtf16 - b.startUtf16 || a.segmentId - b.segmentId;
}

/** Sort orders of the evidence report: by document title, by document date (undated last), or by citation label. */
export function sortEvidence(items: readonly EvidenceItem[], sort: EvidenceSort): EvidenceItem[] {
  const copy = [...items];
  switch (sort) {
    case 'document':
      return copy.sort((a, b) => naturalCompare(a.documentTitle, b.documentTitle) || byStart(a, b));
    case 'date':
      return copy.sort((a, b) => {
        if (a.documentDate !== b.documentDate) {
          if (a.documentDate === null) return 1;
          if (b.documentDate === null) return -1;
          return a.documentDate < b.documentDate ? -1 : 1;
        }
        return naturalCompare(a.documentTitle, b.documentTitle) || byStart(a, b);
      });
    case 'label':
      return copy.sort((a, b) => naturalCompare(a.citation.label, b.citation.label) || byStart(a, b));
  }
}

/** The citation sources of some items, one per document. */
export function citationSources(items: readonly EvidenceItem[]): CitationSource[] {
  const byDocument = new Map<number, CitationSource>();
  for (const item of items) {
    if (byDocument.has(item.documentId)) continue;
    byDocument.set(
      item.documentId,
      item.participantLabel !== null
        ? { kind: 'interview', label: item.participantLabel, year: item.year }
        : { kind: 'document', label: item.documentTitle, year: item.year },
    );
  }
  return [...byDocument.values()];
}

/** One code's section of the evidence report. */
export function buildEvidenceCode(
  code: ReportCode,
  description: string,
  items: readonly EvidenceItem[],
  sort: EvidenceSort,
): EvidenceCode {
  return {
    code,
    description,
    segmentCount: items.length,
    documentCount: new Set(items.map((i) => i.documentId)).size,
    citations: formatCitationList(citationSources(items)),
    items: sortEvidence(items, sort),
  };
}

/**
 * A code cited from more documents than this sends its citation list only when asked
 * (reports.evidenceCitations) in the paged report: at 10× sixty codes' lists were 6 MB of the answer.
 */
export const CITATIONS_SENT_UP_TO_DOCUMENTS = 100;

/** Quotes per code one "Show more" adds, and the most a code shows on the report's first paint. */
export const EVIDENCE_PAGE_SIZE = 200;
/** Quotes on the first paint of a report showing many codes; each code shows at least the floor. */
const FIRST_PAINT_QUOTES = 2_000;
const FIRST_PAGE_FLOOR = 20;

/**
 * How many codes the evidence report shows under these filters, as the backend picks them: every code
 * when no code filter is set, else the union of the codes chosen, the code group's and the subtree's.
 */
export function evidenceCodeCount(
  filters: ReportFilters,
  codes: readonly { codeId: number; path: readonly string[] }[],
  groups: readonly { id: number; codeIds: readonly number[] }[],
): number {
  const { codeIds, codeGroupId, codeSubtreeId } = filters;
  if (codeIds === undefined && codeGroupId === undefined && codeSubtreeId === undefined) return codes.length;
  const picked = new Set(codeIds ?? []);
  for (const id of groups.find((g) => g.id === codeGroupId)?.codeIds ?? []) picked.add(id);
  const root = codes.find((c) => c.codeId === codeSubtreeId);
  if (root) for (const c of codes) if (root.path.every((name, i) => c.path[i] === name)) picked.add(c.codeId);
  return picked.size;
}

/**
 * The first page of each code when `codeCount` codes are shown: a whole page for a few codes, fewer
 * quotes each (a round ten) for many, so that every code of a 60-code codebook starts at once instead
 * of 12,000 quotes before the first paint. "Show more" adds EVIDENCE_PAGE_SIZE at a time after it.
 */
export function firstEvidencePageSize(codeCount: number): number {
  const share = Math.floor(FIRST_PAINT_QUOTES / Math.max(codeCount, 1) / 10) * 10;
  return Math.min(EVIDENCE_PAGE_SIZE, Math.max(FIRST_PAGE_FLOOR, share));
}

type EvidenceWithCitationsMaybe = Omit<EvidenceReport, 'codes'> & {
  codes: (Omit<EvidenceCode, 'citations'> & { citations: string | null })[];
};

/**
 * The evidence report as tables and printers take it. Only a paged report (the Reports view) holds
 * citation lists not sent yet (null); they read as none there, and its copy asks for the whole report.
 */
export function citationsFilledIn(report: EvidenceWithCitationsMaybe): EvidenceReport {
  return { ...report, codes: report.codes.map((c) => ({ ...c, citations: c.citations ?? '' })) };
}
