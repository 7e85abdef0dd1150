import { EmptyState } from '../../components/EmptyState';

export function SampleArea() {
  return (
    <EmptyState title="Sample">
      <p>No participants yet. Add the seeds of your snowball sample and record who referred whom.</p>
    </EmptyState>
  );
}
