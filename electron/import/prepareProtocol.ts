// What the import job and its worker thread say to each other (see preparePool.ts, prepareWorker.ts).
import type { DocumentKind } from '../../shared/api/documents';
import type { PreparedText } from './prepareText';

export interface PrepareRequest {
  id: number;
  path: string;
  fileName: string;
  kind: DocumentKind;
}

export type PrepareReply =
  | { id: number; prepared: PreparedText }
  | { id: number; reason: string }
  /** The job prepared this file itself before the worker got to it, or must (a legacy code page). */
  | { id: number; skipped: true };

/** What the worker made of one file; null when it did not (the job prepares the file itself). */
export type PrepareOutcome = PreparedText | { reason: string } | null;

// Who prepares each file, decided once by compare-and-swap on memory both threads share: the worker
// claims a file when it starts on it, the job when it would otherwise wait (see runImport).
export const UNCLAIMED = 0;
const BY_WORKER = 1;
export const BY_JOB = 2;

/** In the worker: true when the worker may prepare this file (the job has not taken it). */
export function claimForWorker(claims: Int32Array, index: number): boolean {
  return Atomics.compareExchange(claims, index, UNCLAIMED, BY_WORKER) === UNCLAIMED;
}
