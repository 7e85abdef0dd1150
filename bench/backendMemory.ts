// Runs a piece of backend work in a child Node process (bench/backendChild.ts, bundled here like the
// bench itself) and returns its time and peak RSS: the backend's memory, not the bench's generator's.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { appRoot } from '../electron/store/paths';
import { reason } from './api';
import type { ChildResult, ChildTask } from './backendChild';
import { notMeasured, underLimit, type Figure } from './figures';

let bundled: Promise<string> | null = null;

/** Bundled once per bench run, two folders below the root so the migrations resolve as in the app. */
function childScript(): Promise<string> {
  bundled ??= build({
    absWorkingDir: appRoot(),
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    format: 'esm',
    entryPoints: { 'bench/backendChild': 'bench/backendChild.ts' },
    outdir: 'out',
    outExtension: { '.js': '.mjs' },
  }).then(() => path.join(appRoot(), 'out', 'bench', 'backendChild.mjs'));
  return bundled;
}

export async function runInChild(task: ChildTask, home: string): Promise<ChildResult> {
  const script = await childScript();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(task)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PASSAGE_HOME: home },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as ChildResult);
      else
        reject(
          new Error(`the ${task.task} child process failed: ${err.trim().slice(0, 400) || `exit ${code}`}`),
        );
    });
  });
}

/**
 * The reports and the Word appendix of the biggest code, run once each in a child process on the
 * study's file (the bench's own connection stays open; WAL lets both read): the backend's peak RSS.
 */
export async function measureBackendReports(
  file: string,
  scratch: string,
  study: { bigCodeId: number; codeIds: readonly number[]; scale: number },
): Promise<Figure> {
  const name = 'backend peak RSS: the reports and the Word appendix of the biggest code (a child process)';
  try {
    const result = await runInChild(
      {
        task: 'reports',
        project: file,
        bigCodeId: study.bigCodeId,
        codeIds: [...study.codeIds],
        exportTarget: path.join(scratch, 'backend-child-appendix.docx'),
      },
      path.join(scratch, 'home'),
    );
    return underLimit(name, result.peakRssMb, 'MB', 1024, null, `once each, cold: ${result.note}`);
  } catch (error) {
    return notMeasured(name, 'MB', '< 1024 MB', reason(error));
  }
}
