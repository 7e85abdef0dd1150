// Prepares an import's files in order for the job, sharing the work with the worker thread when one
// is available: plain-text files ahead of the one being written are requested from the worker (at
// most AHEAD_FILES files or AHEAD_BYTES bytes ahead, so memory stays bounded). Whenever the job would
// otherwise wait, it does a file itself: the one it needs if the worker has not started on it (as
// while the worker boots), or else the furthest one requested that the worker has not reached. So the
// job is never idle and a slow or starved worker only means the job does more of the work itself.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { prepareFile, type ImportOptions, type PreparedFile } from './importFile';
import { startPreparePool } from './preparePool';
import type { ImportSource } from './sources';

const AHEAD_FILES = 128;
const AHEAD_BYTES = 32 * 1024 * 1024;

type Prepared = PreparedFile | { reason: string };

export interface Preparer {
  /** The prepared file (or why it cannot be imported) for sources[index]; call in index order. */
  prepare(index: number): Promise<Prepared>;
  close(): void;
}

export function createPreparer(
  sources: readonly ImportSource[],
  options: ImportOptions,
  signal: AbortSignal,
): Preparer {
  const pool = startPreparePool(sources, options.kind);
  const here = (index: number): Promise<Prepared> => prepareFile(sources[index]!, options, signal);
  if (!pool) return { prepare: here, close() {} };

  let requested = 0;
  let aheadBytes = 0;
  /** Files the job prepared ahead of time, while waiting for the worker. */
  const early = new Map<number, Promise<Prepared>>();
  const requestAhead = (index: number): void => {
    requested = Math.max(requested, index + 1);
    while (requested < sources.length && requested - index <= AHEAD_FILES && aheadBytes < AHEAD_BYTES) {
      const source = sources[requested]!;
      if (pool.request(requested, source)) aheadBytes += source.size ?? 0;
      requested++;
    }
  };
  /** Takes the furthest requested file the worker has not started on; false when there is none. */
  const prepareOneFromTheBack = (index: number): boolean => {
    if (pool.exclusive) return false;
    for (let j = requested - 1; j > index; j--) {
      if (early.has(j)) continue;
      if (!pool.settled(j) && pool.claim(j)) {
        early.set(j, here(j));
        return true;
      }
      // The worker has started on j, so on everything before j too.
      return false;
    }
    return false;
  };

  return {
    async prepare(index) {
      if (index === 0) await pool.started;
      requestAhead(index);
      const fromWorker = pool.take(index);
      const source = sources[index]!;
      if (fromWorker) aheadBytes -= source.size ?? 0;
      const ready = early.get(index);
      if (ready) {
        early.delete(index);
        return ready;
      }
      if (!fromWorker) return here(index);
      while (!pool.settled(index)) {
        if (!pool.exclusive && pool.claim(index)) return here(index);
        // The worker is preparing this file: do another meanwhile, then let its answer arrive.
        if (!prepareOneFromTheBack(index)) break;
        await nextTurn();
      }
      const outcome = await fromWorker;
      // null: the worker stopped before answering; the file is prepared here instead.
      if (!outcome) return here(index);
      return 'reason' in outcome ? outcome : { source, ...outcome };
    },
    close: () => pool.close(),
  };
}
