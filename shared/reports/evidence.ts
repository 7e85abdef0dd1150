import { formatCitationList, naturalCompare, type CitationSource } from './citations';
import type { EvidenceCode, EvidenceItem, EvidenceSort, ReportCode } from './model';

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
