import { documentCitationLabel, formatItemCitation } from '../../shared/reports/citations';
import type { EvidenceItem } from '../../shared/reports/model';
import type { ReportContext } from './context';
import { loadCoderNames, loadEvidenceRows, type EvidenceRow } from './load';

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
    const doc = context.documents.get(row.documentId)!;
    const label = doc.participantLabel ?? documentCitationLabel(doc.title, doc.year);
    items.push({
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
    });
  }
  return items;
}
