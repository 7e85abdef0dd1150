import { useEffect, useState } from 'react';
import type { JobStatus } from '../../shared/api/jobs';
import { call } from '../api/client';

const POLL_MS = 150;

/** Polls a backend job until it finishes; null while no job is given. */
export function useJob(jobId: string | null): JobStatus | null {
  const [status, setStatus] = useState<JobStatus | null>(null);
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const poll = async (): Promise<void> => {
      const next = await call('jobs.status', { id: jobId });
      if (stopped || !next) return;
      setStatus(next);
      if (next.state === 'running') setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [jobId]);
  // A status left over from an earlier job is never shown for a new one.
  return status && status.id === jobId ? status : null;
}
