// The import's helper thread. Writing to SQLite is synchronous and must stay on the main thread (one
// connection); reading and preparing plain-text files is pure CPU work, so a worker does it for the
// files ahead while the job writes the ones before, and the two overlap on a second core. Anything
// the worker cannot do (other formats, uploads, a worker that failed to start or died) is prepared
// on the main thread exactly as before, so the worker only ever changes when work happens.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentKind } from '../../shared/api/documents';
import { appRoot } from '../store/paths';
import { formatOf, isPlainTextFormat } from './extractText';
import { MAX_FILE_BYTES } from './limits';
import {
  BY_JOB,
  UNCLAIMED,
  type PrepareOutcome,
  type PrepareReply,
  type PrepareRequest,
} from './prepareProtocol';
import type { ImportSource } from './sources';

export interface PreparePool {
  /** Tests (see configurePrepareWorker): the job leaves the worker every file it can prepare. */
  exclusive: boolean;
  /** Resolves at once, or when an exclusive worker has started (or failed). */
  started: Promise<void>;
  /** Asks the worker to prepare `source`; false when it cannot (not a plain-text file, worker gone). */
  request(index: number, source: ImportSource): boolean;
  /** True when the outcome for a requested index has arrived. */
  settled(index: number): boolean;
  /** Takes a requested file away from the worker if it has not started on it; true when taken. */
  claim(index: number): boolean;
  /** The outcome for a requested index (undefined if it was never requested). */
  take(index: number): Promise<PrepareOutcome> | undefined;
  close(): void;
}

/** Files whose preparation the worker has delivered, since the process started (tests check it). */
export const workerStats = { prepared: 0 };

const settings: { script: string | null | undefined; minFiles: number; exclusive: boolean } = {
  script: undefined,
  minFiles: 16,
  exclusive: false,
};

/**
 * Tests point the pool at a worker bundle they built from the sources (or turn it off with null), may
 * lower how many plain-text files an import needs before a worker is worth starting, and may make
 * the worker exclusive: the job waits for it to start and leaves it every file it can prepare (small
 * imports would otherwise be finished by the job alone while the worker boots).
 */
export function configurePrepareWorker(options: {
  script?: string | null;
  minFiles?: number;
  exclusive?: boolean;
}): void {
  if (options.script !== undefined) settings.script = options.script;
  if (options.minFiles !== undefined) settings.minFiles = options.minFiles;
  if (options.exclusive !== undefined) settings.exclusive = options.exclusive;
}

function workerScript(): string | null {
  if (settings.script !== undefined) return settings.script;
  // Only a bundled build (out/<area>/*.mjs) runs the bundled worker: code running from its sources
  // (tests) would otherwise pick up whatever stale build lies in out/.
  if (!import.meta.url.endsWith('.mjs')) return null;
  const file = path.join(appRoot(), 'out', 'import', 'prepareWorker.cjs');
  return fs.existsSync(file) ? file : null;
}

export function canPrepareInWorker(source: ImportSource): boolean {
  return (
    source.path !== undefined &&
    !source.problem &&
    source.size !== null &&
    source.size <= MAX_FILE_BYTES &&
    isPlainTextFormat(formatOf(source.fileName))
  );
}

/** A pool for this import, or null when a worker is unavailable or not worth starting. */
export function startPreparePool(sources: readonly ImportSource[], kind: DocumentKind): PreparePool | null {
  const script = workerScript();
  if (script === null || sources.filter(canPrepareInWorker).length < settings.minFiles) return null;
  const claims = new Int32Array(new SharedArrayBuffer(4 * sources.length));
  let worker: Worker;
  try {
    // The bundle is self-contained and loaded as source text, so it also starts from inside an asar
    // archive (the packaged app), where a worker cannot be given a file path.
    worker = new Worker(fs.readFileSync(script, 'utf8'), { eval: true, workerData: { claims } });
  } catch {
    return null;
  }
  let alive = true;
  let started: () => void = () => {};
  const start = new Promise<void>((resolve) => (started = resolve));
  const pending = new Map<number, (outcome: PrepareOutcome) => void>();
  const outcomes = new Map<number, Promise<PrepareOutcome>>();
  const arrived = new Set<number>();
  const stop = (): void => {
    alive = false;
    started();
    for (const [index, resolve] of pending) {
      arrived.add(index);
      resolve(null);
    }
    pending.clear();
  };
  worker.on('message', (reply: PrepareReply | { started: true }) => {
    if ('started' in reply) return started();
    const resolve = pending.get(reply.id);
    pending.delete(reply.id);
    arrived.add(reply.id);
    if ('prepared' in reply) {
      workerStats.prepared++;
      resolve?.(reply.prepared);
    } else if ('reason' in reply) resolve?.({ reason: reply.reason });
    else resolve?.(null);
  });
  worker.on('error', stop);
  worker.on('exit', stop);
  return {
    exclusive: settings.exclusive,
    started: settings.exclusive ? start : Promise.resolve(),
    request(index, source) {
      if (!alive || !canPrepareInWorker(source)) return false;
      outcomes.set(index, new Promise<PrepareOutcome>((resolve) => pending.set(index, resolve)));
      const message: PrepareRequest = { id: index, path: source.path!, fileName: source.fileName, kind };
      worker.postMessage(message);
      return true;
    },
    settled: (index) => arrived.has(index),
    claim: (index) => Atomics.compareExchange(claims, index, UNCLAIMED, BY_JOB) === UNCLAIMED,
    take(index) {
      const outcome = outcomes.get(index);
      outcomes.delete(index);
      return outcome;
    },
    close() {
      stop();
      void worker.terminate();
    },
  };
}
