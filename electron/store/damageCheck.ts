import fs from 'node:fs';
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

/**
 * The whole-file damage check (`PRAGMA quick_check`) of a project, run off the main thread for large
 * files: on the 796 MB 10× study it reads every page for 3–4 s, which made opening wait that long for
 * its first list. Reads go on meanwhile; the guard holds any write until the verdict (see
 * ProjectGuard), so a damaged file is still never written to.
 */

/** quick_check stops listing after this many problems: enough to show, cheap on a badly damaged file. */
export const MAX_PROBLEMS = 20;
/**
 * Below this size (file and WAL) the check runs at open as before: quick_check reads about 200 MB/s,
 * so it takes under ~80 ms, less than starting a thread with SQLite in it.
 */
export const BACKGROUND_FROM_BYTES = 16 * 1024 * 1024;
/** A write waits this long for the thread's verdict before checking on the main thread itself. */
const WAIT_FOR_VERDICT_MS = 120_000;

const PENDING = 0;
const SOUND = 1;
const DAMAGED = 2;
const FAILED = 3;

/**
 * `PRAGMA quick_check`: the b-tree structure of every table and index, without cross-checking index
 * contents against tables (integrity_check's slow half). Returns the problems, empty when sound.
 */
export function findDamage(db: Database.Database): string[] {
  try {
    const rows = db.pragma(`quick_check(${MAX_PROBLEMS})`) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check);
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  } catch (error) {
    return [(error as Error).message];
  }
}

export interface DamageCheck {
  /** The problems found (empty when sound), or null while the check runs. Never blocks. */
  poll(): string[] | null;
  /** The problems, waiting for the verdict if need be: a write must not go ahead before it. */
  wait(): string[];
  /** Resolves with the problems once the verdict is in; the process stays alive for it meanwhile. */
  settled(): Promise<string[]>;
  stop(): void;
}

/** A verdict already known (a small file checked at open, a new file, a damaged header). */
export function knownDamage(problems: string[]): DamageCheck {
  return { poll: () => problems, wait: () => problems, settled: () => Promise.resolve(problems), stop() {} };
}

/** Checks at once on the open connection, as every open did before the check could run in the background. */
export function checkNow(db: Database.Database): DamageCheck {
  return knownDamage(findDamage(db));
}

/**
 * The check on the main thread through a connection of its own: the fallback may be needed from inside
 * the guard's trigger, while the project's connection is busy with the write it is holding.
 */
function checkOwnConnection(file: string, nativeBinding: string | undefined): string[] {
  let db: Database.Database;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    return [(error as Error).message];
  }
  try {
    return findDamage(db);
  } finally {
    db.close();
  }
}

// Plain CommonJS run as source text (eval), so nothing needs bundling and it also starts from inside
// the packaged app. It reads through a connection of its own, read-only; it never writes. Whatever it
// cannot do (load SQLite, open the file, a busy file) ends in FAILED, and the main thread checks itself.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { file, sqliteModule, nativeBinding, status, port, maxProblems } = workerData;
let verdict = ${FAILED};
let detail = null;
try {
  const Database = require(sqliteModule);
  const db = new Database(file, nativeBinding ? { readonly: true, fileMustExist: true, nativeBinding } : { readonly: true, fileMustExist: true });
  try {
    const problems = db.pragma('quick_check(' + maxProblems + ')').map((r) => r.quick_check);
    verdict = problems.length === 1 && problems[0] === 'ok' ? ${SOUND} : ${DAMAGED};
    detail = problems;
  } catch (error) {
    const code = String((error && error.code) || '');
    verdict = code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') ? ${DAMAGED} : ${FAILED};
    detail = [String((error && error.message) || error)];
  } finally {
    db.close();
  }
} catch (error) {
  detail = [String((error && error.message) || error)];
}
port.postMessage(detail);
Atomics.store(status, 0, verdict);
Atomics.notify(status, 0);
`;

/**
 * Starts the check in a worker thread reading `file`; falls back to checking on the main thread
 * (blocking) when the thread cannot start, fails, or gives no verdict in time.
 */
export function checkInBackground(file: string, nativeBinding: string | undefined): DamageCheck {
  const status = new Int32Array(new SharedArrayBuffer(4));
  const channel = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        sqliteModule: createRequire(import.meta.url).resolve('better-sqlite3'),
        nativeBinding,
        status,
        port: channel.port2,
        maxProblems: MAX_PROBLEMS,
      },
      transferList: [channel.port2],
    });
  } catch {
    channel.port1.close();
    return knownDamage(checkOwnConnection(file, nativeBinding));
  }
  // Neither a CLI run nor a test process waits for a check nobody asked about.
  worker.unref();
  channel.port1.unref();

  let verdict: string[] | null = null;
  let exited = false;
  let stopped = false;
  const decide = (problems: string[]): string[] => {
    verdict = problems;
    channel.port1.close();
    return problems;
  };
  const poll = (): string[] | null => {
    if (verdict !== null) return verdict;
    const state = Atomics.load(status, 0);
    if (state === PENDING) return exited ? decide(checkOwnConnection(file, nativeBinding)) : null;
    const detail = (receiveMessageOnPort(channel.port1)?.message ?? null) as string[] | null;
    if (state === SOUND) return decide([]);
    if (state === DAMAGED) return decide(detail ?? ['the file failed its integrity check']);
    return decide(checkOwnConnection(file, nativeBinding));
  };
  const settled = new Promise<string[]>((resolve) => {
    worker.once('exit', () => {
      exited = true;
      // Stopped with the project closing: there is no connection left to check on, nor anyone to tell.
      if (stopped && verdict === null) resolve(decide([]));
      else resolve(poll() ?? decide(checkOwnConnection(file, nativeBinding)));
    });
  });
  return {
    poll,
    wait() {
      const known = poll();
      if (known !== null) return known;
      Atomics.wait(status, 0, PENDING, WAIT_FOR_VERDICT_MS);
      return poll() ?? decide(checkOwnConnection(file, nativeBinding));
    },
    settled() {
      // Someone waits for the verdict (a CLI check, the health call): the thread must keep the process up.
      if (!exited) worker.ref();
      return settled;
    },
    stop() {
      stopped = true;
      void worker.terminate();
    },
  };
}

/** The size SQLite will read: the file and what waits in its WAL. */
export function projectBytes(file: string): number {
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += fs.statSync(file + suffix).size;
    } catch {
      // no WAL
    }
  }
  return bytes;
}
