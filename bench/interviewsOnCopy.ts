// The 10× merge and REFI-QDA figures alone, on a copy of a kept study (PASSAGE_BENCH_KEEP=1): builds
// the study's interviews as a project of their own as run.ts does and times each part, so merge and
// REFI can be profiled (node --cpu-prof) without the whole bench. Usage:
//   STUDY_DIR=/tmp/passage-bench-10x-XXXX node scripts/benchPart.mjs bench/interviewsOnCopy.ts
// PARTS=merge,refi picks the parts (both by default).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatTable, type Figure } from './figures';
import { buildInterviewSubset } from './interviewSubset';
import { measureRefi } from './refiFigures';
import { measureTeam } from './teamFigures';

async function main(): Promise<void> {
  const studyDir = process.env.STUDY_DIR;
  if (!studyDir) throw new Error('STUDY_DIR: the folder of a kept study is needed');
  const parts = (process.env.PARTS ?? 'merge,refi').split(',');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-interviews-'));
  process.env.PASSAGE_HOME = path.join(scratch, 'home');
  const started = performance.now();
  const stamp = (what: string) =>
    process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${what}\n`);
  try {
    const copy = path.join(scratch, 'study.passage');
    fs.copyFileSync(path.join(studyDir, 'study.passage'), copy, fs.constants.COPYFILE_FICLONE);
    stamp('copied the study');
    const subset = await buildInterviewSubset(
      copy,
      path.join(studyDir, 'files', 'interviews'),
      path.join(scratch, 'interviews.passage'),
    );
    stamp(`subset: ${subset.documents} transcripts, ${subset.segments} segments`);
    const figures: Figure[] = [];
    const what = "the study's interviews";
    try {
      if (parts.includes('merge')) {
        figures.push(
          ...(await measureTeam(subset.session, { scratch, what, runs: 1, scale: 10, mergeOnly: true })),
        );
        stamp('merge');
      }
      if (parts.includes('refi')) {
        figures.push(
          ...(await measureRefi(subset.session, { scratch, what, runs: 1, processMemory: false })),
        );
        stamp('REFI');
      }
    } finally {
      subset.session.close();
    }
    console.log(formatTable(figures));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
