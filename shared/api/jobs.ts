import { z } from 'zod';

/**
 * Long work (bulk import, large exports) runs as a job in the backend. The renderer polls its status,
 * which works the same over IPC and HTTP and never blocks the UI.
 */
export const jobsArgs = {
  'jobs.status': z.object({ id: z.string().min(1).max(64) }).strict(),
  'jobs.cancel': z.object({ id: z.string().min(1).max(64) }).strict(),
};

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  id: string;
  kind: string;
  state: JobState;
  /** Units of work done and in all (files, quotes…); total 0 while unknown. */
  done: number;
  total: number;
  /** What is being worked on now, e.g. the file name. */
  current: string;
  /** The job's result once state is 'done' (its shape is given by the call that started it). */
  result?: unknown;
  error?: string;
}

export interface JobStarted {
  jobId: string;
}

export interface JobsResults {
  'jobs.status': JobStatus;
  'jobs.cancel': JobStatus;
}
