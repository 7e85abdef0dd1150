// What a long-running service (import, export) needs from the job that runs it: progress reports,
// cancellation and a way to let the event loop breathe. Below the services, so they need not import
// backend/ (the JobRegistry there implements it).

export interface JobProgress {
  /** Report progress; also the place where a cancelled job stops (throws 'cancelled'). */
  update(done: number, total: number, current: string): void;
  readonly signal: AbortSignal;
}

/** Starts work as a background job and returns its id (backend/jobs.ts's JobRegistry). */
export interface JobStarter {
  start<T>(kind: string, work: (progress: JobProgress) => Promise<T>): string;
}

/** Lets the event loop answer other requests (status polls) between units of synchronous work. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
