import type { JobStatus } from '../../shared/api/jobs';
import { call } from '../api/client';

/** Progress bar, count, current item and Cancel for a backend job. */
export function JobProgress({ status, label }: { status: JobStatus; label: string }) {
  const percent = status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;
  return (
    <div className="job-progress" role="group" aria-label={label}>
      <progress max={status.total || 1} value={status.done} aria-label={`${label} progress`} />
      <div className="job-progress-line">
        <span>
          {status.done} of {status.total || '…'} ({percent}%)
        </span>
        <span className="muted job-progress-current" title={status.current}>
          {status.current}
        </span>
        {status.state === 'running' && (
          <button type="button" onClick={() => void call('jobs.cancel', { id: status.id })}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}
