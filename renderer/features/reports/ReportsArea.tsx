import { EmptyState } from '../../components/EmptyState';

export function ReportsArea() {
  return (
    <EmptyState title="Reports">
      <p>
        Reports appear once passages are coded: evidence by code, co-occurrence, matrices and counts over
        time.
      </p>
    </EmptyState>
  );
}
