import { useEffect } from 'react';
import { KeyGate } from './KeyGate';
import { ReviewFindings } from './ReviewFindings';
import { useAnonymiseReview } from './useAnonymiseReview';

/** Starts the review once the key is open: the dialog's findings are those of these documents. */
function DocumentsReview({ documentIds }: { documentIds?: number[] }) {
  useEffect(() => {
    void useAnonymiseReview.getState().reviewDocuments(documentIds);
    return () => useAnonymiseReview.getState().cancel();
  }, [documentIds]);
  return <ReviewFindings />;
}

/**
 * Documents → Anonymise documents…: the review of documents already imported that have no segments
 * yet (the ticked ones, or all), applied by rewriting their text in one step.
 */
export function AnonymiseDocumentsDialog({
  documentIds,
  onClose,
}: {
  documentIds?: number[];
  onClose(): void;
}) {
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label="Anonymise documents"
      className="import-dialog anonymise-documents"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h2>Anonymise {documentIds ? `${documentIds.length} ticked` : 'uncoded'} documents</h2>
      <p className="muted">
        Only documents with no coded segments can be rewritten. Real names go into the identity key, never
        into the project. Undo is offered here rather than by Ctrl+Z: the originals wait in the identity key,
        not in the project's undo history.
      </p>
      <KeyGate purpose="Anonymising documents">
        <DocumentsReview documentIds={documentIds} />
      </KeyGate>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
