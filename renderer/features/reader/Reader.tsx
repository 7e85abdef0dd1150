import { useSelection } from '../../app/useSelection';

/** The document reader: shows the document chosen in useSelection. */
export function Reader() {
  const documentId = useSelection((s) => s.documentId);
  if (documentId === null)
    return <p className="muted reader-empty">Choose a document to read and code it.</p>;
  return <p className="muted">Document {documentId}</p>;
}
