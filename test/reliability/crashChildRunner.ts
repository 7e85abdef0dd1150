// Builds and drives crashChild.ts, the child process of the crash and two-process tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHILD = path.join(ROOT, 'out', 'reliability', 'crashChild.mjs');

/** Bundled two levels below the root, like the app's bundles, so it finds migrations/ the same way. */
export async function buildCrashChild(): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['test/reliability/crashChild.ts'],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    define: { __PASSAGE_VERSION__: '"test"' },
  });
}

/** Runs the child with `args` and kills it with SIGKILL after `delayMs`; what it reported as committed. */
export function runAndKill(
  args: string[],
  delayMs: number,
): Promise<{ docs: number[]; segs: number[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', () => {
      clearTimeout(timer);
      // Only complete lines were committed and reported; a torn last line is ignored.
      const lines = out.split('\n').slice(0, -1);
      const ids = (kind: string): number[] =>
        lines.filter((l) => l.startsWith(`${kind} `)).map((l) => Number(l.split(' ')[1]));
      resolve({ docs: ids('doc'), segs: ids('seg'), stderr });
    });
  });
}

export interface ChildStudy {
  /** The project file the children work on. */
  file: string;
  /** Where the children write the files they import. */
  filesDir: string;
  codeIds: number[];
  /** Still open on the project, for what a test reads before the children start; close it then. */
  session: Session;
}

/** A new project in `dir` with these codes, made through the backend as the app would. */
export async function createChildStudy(dir: string, codeNames: string[]): Promise<ChildStudy> {
  const file = path.join(dir, 'study.passage');
  const filesDir = path.join(dir, 'files');
  fs.mkdirSync(filesDir);
  process.env.PASSAGE_HOME = path.join(dir, 'home');
  const session = new Session('cli', { coder: 'setup' });
  await invoke(session, 'project.create', { path: file });
  const codeIds: number[] = [];
  for (const name of codeNames) codeIds.push((await invoke(session, 'codes.create', { name })).id);
  return { file, filesDir, codeIds, session };
}
