import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

/** Runs the built CLI (`bin/passage.mjs`) as a user would, in a separate process. */
export function runPassage(args: string[], env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'passage.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    json<T>() {
      return JSON.parse(run.stdout) as T;
    },
  };
}
