// Import alone, for profiling (issue 18): our import of a folder of documents against the bare loop,
// interleaved, with nothing else in the process. Usage:
//   PASSAGE_PROBE_DIR=/path/to/files/documents node scripts/benchPart.mjs bench/importProbe.ts
// or PASSAGE_PROBE_SCALE=1 (the bench's generated documents at that scale, written to a temp folder);
// PASSAGE_PROBE_TRIALS, default 2. Prints each trial and the median ratio.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from '../electron/backend/session';
import { call, runJob } from './api';
import { generateStudy, writeStudyFiles } from './generate';
import { bareImportMs } from './importFigures';

async function oursMs(dir: string, scratch: string, trial: number): Promise<number> {
  const session = new Session('cli', { coder: 'bench' });
  try {
    await call(session, 'project.create', { path: path.join(scratch, `probe-${trial}.passage`) });
    const start = performance.now();
    await runJob(session, 'documents.import', { paths: [dir], kind: 'document' });
    return performance.now() - start;
  } finally {
    session.close();
  }
}

async function main(): Promise<void> {
  const trials = Number(process.env.PASSAGE_PROBE_TRIALS ?? 2);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-import-probe-'));
  const scale = process.env.PASSAGE_PROBE_SCALE;
  const dir = scale
    ? writeStudyFiles(generateStudy(undefined, Number(scale)), path.join(scratch, 'files')).documentsDir
    : process.env.PASSAGE_PROBE_DIR;
  if (!dir) throw new Error('set PASSAGE_PROBE_DIR to a folder of documents, or PASSAGE_PROBE_SCALE');
  process.env.PASSAGE_HOME = path.join(scratch, 'home');
  try {
    const ratios: number[] = [];
    for (let trial = 1; trial <= trials; trial++) {
      const cpu0 = process.cpuUsage();
      const bare = bareImportMs(dir, scratch);
      const cpu1 = process.cpuUsage();
      const ours = await oursMs(dir, scratch, trial);
      const cpu2 = process.cpuUsage();
      const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage): number =>
        Math.round((b.user - a.user + b.system - a.system) / 1000);
      console.log(`  cpu (all threads): ours ${cpuMs(cpu1, cpu2)} ms, bare ${cpuMs(cpu0, cpu1)} ms`);
      fs.rmSync(path.join(scratch, `probe-${trial}.passage`), { force: true });
      ratios.push(ours / bare);
      console.log(
        `trial ${trial}: ours ${Math.round(ours)} ms, bare ${Math.round(bare)} ms, ${(ours / bare).toFixed(2)}×`,
      );
    }
    ratios.sort((a, b) => a - b);
    console.log(`median ${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)}×`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
