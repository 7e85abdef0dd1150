import { EmptyState } from '../../components/EmptyState';

export function CodebookArea() {
  return (
    <EmptyState title="Codebook">
      <p>No codes yet. Create codes or load a codebook template.</p>
    </EmptyState>
  );
}
