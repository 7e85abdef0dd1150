import { EmptyState } from '../../components/EmptyState';

export function DocumentList() {
  return (
    <EmptyState title="Documents">
      <p>
        No documents yet. Import interview transcripts and documents (txt, docx, pdf, html, md) to start
        coding.
      </p>
    </EmptyState>
  );
}
