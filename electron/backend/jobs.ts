import crypto from 'node:crypto';
import type { JobStatus } from '../../shared/api/jobs';
import { PassageError } from '../../shared/api/result';
import type { JobProgress, JobStarter } from '../jobs/progress';

// Defined below the services (they must not import backend/); re-exported for the backend's callers.
export { yieldToEventLoop, type JobProgress } from '../jobs/progress';

interface Job {
  status: JobStatus;
  controller: AbortController;
  finishedAt?: number;
}

const KEEP_FINISHED_MS = 10 * 60 * 1000;

/** Background jobs of one session. Work yields between units so status polls are answered meanwhile. */
export class JobRegistry implements JobStarter {
  private jobs = new Map<string, Job>();

  start<T>(kind: string, work: (progress: JobProgress) => Promise<T>): string {
    this.prune();
    const id = crypto.randomUUID();
    const controller = new AbortController();
    const job: Job = { status: { id, kind, state: 'running', done: 0, total: 0, current: '' }, controller };
    this.jobs.set(id, job);
    const progress: JobProgress = {
      signal: controller.signal,
      update(done, total, current) {
        if (controller.signal.aborted) throw new PassageError('cancelled', `${kind}: cancelled`);
        job.status = { ...job.status, done, total, current };
      },
    };
    // Started on the next tick so the caller gets the id before any work (or failure) happens.
    setImmediate(() => {
      work(progress).then(
        (result) => {
          job.status = {
            ...job.status,
            state: controller.signal.aborted ? 'cancelled' : 'done',
            result,
            current: '',
          };
          job.finishedAt = Date.now();
        },
        (error: unknown) => {
          const cancelled =
            controller.signal.aborted || (error instanceof PassageError && error.code === 'cancelled');
          job.status = {
            ...job.status,
            state: cancelled ? 'cancelled' : 'failed',
            error: (error as Error).message,
            current: '',
          };
          job.finishedAt = Date.now();
        },
      );
    });
    return id;
  }

  status(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job)
      throw new PassageError('not_found', `job ${id} not found (finished jobs are kept for 10 minutes)`);
    return job.status;
  }

  cancel(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new PassageError('not_found', `job ${id} not found`);
    if (job.status.state === 'running') job.controller.abort();
    return job.status;
  }

  /** Resolves when the job has finished (CLI and tests; the UI polls instead). */
  async wait(id: string, pollMs = 20): Promise<JobStatus> {
    for (;;) {
      const status = this.status(id);
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status.state === 'running') job.controller.abort();
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs)
      if (job.finishedAt && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
