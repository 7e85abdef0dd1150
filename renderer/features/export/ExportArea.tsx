import { EmptyState } from '../../components/EmptyState';

export function ExportArea() {
  return (
    <EmptyState title="Export">
      <p>Export coded-evidence appendices and tables to Word once passages are coded.</p>
    </EmptyState>
  );
}
