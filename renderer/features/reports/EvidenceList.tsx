import type { EvidenceItem } from '../../../shared/reports/model';
import { useNavigation } from '../../app/useNavigation';
import { useSelection } from '../../app/useSelection';

function openAt(item: EvidenceItem): void {
  useSelection
    .getState()
    .openDocument(item.documentId, { startUtf16: item.startUtf16, endUtf16: item.endUtf16 });
  useNavigation.getState().go('documents');
}

/** Quotes with their citations; clicking one opens the document at the passage. */
export function EvidenceList({ items, label }: { items: EvidenceItem[]; label: string }) {
  if (items.length === 0) return <p className="muted">No segments.</p>;
  return (
    <ul className="evidence-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.segmentId}>
          <button type="button" className="evidence-quote" onClick={() => openAt(item)}>
            “{item.text}”
          </button>
          <span className="evidence-citation"> ({item.citationText})</span>
          {item.memo && <p className="evidence-memo">Memo: {item.memo}</p>}
        </li>
      ))}
    </ul>
  );
}
