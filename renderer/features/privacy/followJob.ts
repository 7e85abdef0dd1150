import { callOrError } from '../../api/client';
import type { JobStatus } from '../../../shared/api/jobs';

const POLL_MS = 150;

export interface JobProgressView {
  jobId: string;
  done: number;
  total: number;
  current: string;
}

export type JobOutcome<T> = { value: T } | { error: string } | { cancelled: true };

/**
 * Follows a started backend job to its end, reporting progress as it goes (a review or scan of a big
 * corpus takes a while; the UI shows how far it is and can cancel it with jobs.cancel).
 */
export async function followJob<T>(
  started: { value?: { jobId: string }; error?: { message: string } },
  onProgress: (progress: JobProgressView) => void,
): Promise<JobOutcome<T>> {
  if (!started.value) return { error: started.error?.message ?? 'the job did not start' };
  const jobId = started.value.jobId;
  onProgress({ jobId, done: 0, total: 0, current: '' });
  for (;;) {
    const answer = await callOrError('jobs.status', { id: jobId });
    if (!answer.value) return { error: answer.error?.message ?? 'the job was lost' };
    const status: JobStatus = answer.value;
    if (status.state === 'done') return { value: status.result as T };
    if (status.state === 'cancelled') return { cancelled: true };
    if (status.state === 'failed') return { error: status.error ?? 'the job failed' };
    onProgress({ jobId, done: status.done, total: status.total, current: status.current });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export function cancelJob(jobId: string): void {
  void callOrError('jobs.cancel', { id: jobId });
}
