// `npm run bench`: builds the seeded study at 1× and at 10× (issue 18), measures every figure at each and
// writes bench/results.json and bench/README.md with the growth from 1× to 10×. PASSAGE_BENCH_SCALE=1, 10,
// both (the default) or a list such as 1,3 (a reduced 10× while developing) picks the studies. Figures of
// parts not built yet say so instead of a number.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from './api';
import { Session } from '../electron/backend/session';
import { appRoot } from '../electron/store/paths';
import { measureBrowser } from './browserFigures';
import { fillCodebook, fillSample, fillSegments, fillYears } from './fill';
import { measureBackendReports } from './backendMemory';
import { formatMarkdown, formatTable, informational, type Figure } from './figures';
import { generateStudy, writeStudyFiles } from './generate';
import { formatGrowthMarkdown, growthRows, type ScaledFigures } from './growth';
import { measureImport } from './importFigures';
import { buildInterviewSubset } from './interviewSubset';
import { measurePrivacy, projectScanFigure } from './privacyFigures';
import { measureRefi } from './refiFigures';
import { measureStudyAgreement, measureTeam } from './teamFigures';
import { codersAt, scalesFrom } from './scales';
import { measureReports } from './reportFigures';
import { createRng } from './rng';
import { measureSearch } from './searchFigures';
import { BIG_CODE_SEGMENTS, planStudySegments, type CodableDocument } from './segments';
import { measureExport } from './exportFigures';

const MB = 1024 * 1024;
const benchStarted = performance.now();

/** Seconds since the bench started, on every log line: where the wall time goes shows in the log. */
function log(message: string): void {
  const elapsed = ((performance.now() - benchStarted) / 1000).toFixed(1);
  process.stderr.write(`bench [${elapsed} s]: ${message}\n`);
}

/** Wall seconds of each part of one study's run, in the order they ran (issue 18: the 6-minute budget). */
type TimeBudget = [part: string, seconds: number][];

/** Runs one part of a study's measurement, adding its wall time to `budget` and logging it. */
async function timed<T>(budget: TimeBudget, part: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    const seconds = (performance.now() - started) / 1000;
    budget.push([part, seconds]);
    log(`${part}: ${seconds.toFixed(1)} s`);
  }
}

function formatBudget(scale: number, budget: TimeBudget): string {
  const total = budget.reduce((n, [, s]) => n + s, 0);
  const parts = budget.map(([part, s]) => `${part} ${s.toFixed(0)} s`).join(', ');
  return `${scale}× time budget (${total.toFixed(0)} s): ${parts}`;
}

/**
 * Merge and REFI-QDA export/import on the study's interviews as a project of their own
 * (bench/interviewSubset.ts), one timed run each at both scales (at 10× the only merge and REFI run); the privacy scan of that project too with
 * PASSAGE_BENCH_ALL_AT_10X=1 (a report figure, not an issue-18 target, and minutes of CPU).
 */
async function measureOnInterviews(
  studyFile: string,
  interviewsDir: string,
  scratch: string,
  scale: number,
  budget: TimeBudget,
): Promise<Figure[]> {
  const subset = await timed(budget, 'interviews project', () =>
    buildInterviewSubset(studyFile, interviewsDir, path.join(scratch, 'interviews.passage')),
  );
  try {
    log(`the study's interviews as a project: ${subset.documents} transcripts, ${subset.segments} segments`);
    const what = "the study's interviews";
    const figures: Figure[] = [];
    figures.push(
      ...(await timed(budget, 'merge', () =>
        measureTeam(subset.session, { scratch, what, runs: 1, scale, mergeOnly: true }),
      )),
    );
    figures.push(
      ...(await timed(budget, 'REFI', () =>
        measureRefi(subset.session, { scratch, what, runs: 1, processMemory: false }),
      )),
    );
    if (process.env.PASSAGE_BENCH_ALL_AT_10X === '1')
      figures.push(await timed(budget, 'privacy', () => projectScanFigure(subset.session, what)));
    return figures;
  } finally {
    subset.session.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(subset.file + suffix, { force: true });
  }
}

/** Builds the study at `scale` in its own scratch folder and measures every figure on it. */
async function measureStudy(scale: number, budget: TimeBudget): Promise<Figure[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `passage-bench-${scale}x-`));
  process.env.PASSAGE_HOME = path.join(scratch, 'home');
  const figures: Figure[] = [];
  const session = new Session('cli', { coder: 'bench' });
  const rssBefore = process.resourceUsage().maxRSS / 1024;
  try {
    const study = await timed(budget, 'generate', () => generateStudy(undefined, scale));
    const dirs = await timed(budget, 'write files', () =>
      writeStudyFiles(study, path.join(scratch, 'files')),
    );
    const chars = study.documents.reduce((n, d) => n + d.text.length, 0);
    log(
      `${scale}× study generated: ${study.documents.length} documents (${(chars / 1e6).toFixed(1)} M chars), ${study.transcripts.length} transcripts`,
    );
    const file = path.join(scratch, 'study.passage');
    await call(session, 'project.create', { path: file });

    const imported = await timed(budget, 'import + baseline', () =>
      measureImport(session, study, dirs, scratch, scale),
    );
    figures.push(...imported.figures);
    log(`documents in the project via ${imported.via}`);

    const { db } = session.requireProject();
    let documents = db.prepare('SELECT id, text, kind FROM documents ORDER BY id').all() as CodableDocument[];
    const codeIds = fillCodebook(db, study);
    fillSample(db, study);
    fillYears(db, study);
    const bigCodeId = codeIds[1]!;
    const longTranscript = study.transcripts[0]!;
    const longTitle = longTranscript.fileName.replace(/\.txt$/, '');
    const longId = (db.prepare('SELECT id FROM documents WHERE title = ?').get(longTitle) as { id: number })
      .id;
    const segments = planStudySegments(createRng(7), documents, codeIds, bigCodeId, longId, scale);
    const denseSegments = segments.filter((s) => s.documentId === longId).length;
    const coders = codersAt(scale);
    const filling = performance.now();
    await timed(budget, 'fill', () =>
      fillSegments(db, segments, new Map(documents.map((d) => [d.id, d.text])), coders),
    );
    documents = [];
    log(
      `filled ${codeIds.length} codes, ${segments.length} segments by ${coders.length} coders (${denseSegments} on the long transcript), ${study.participants.length} participants (bulk SQL, ${Math.round(performance.now() - filling)} ms)`,
    );
    segments.length = 0;

    figures.push(...(await timed(budget, 'search', () => measureSearch(session))));
    const bigCodeSegments = Math.round(BIG_CODE_SEGMENTS * scale);
    figures.push(
      ...(await timed(budget, 'reports', () =>
        measureReports(session, { bigCodeId, codeIds, bigCodeSegments, scale }),
      )),
    );
    figures.push(...(await timed(budget, 'Word export', () => measureExport(scale))));
    if (scale === 1) {
      figures.push(...(await timed(budget, 'team', () => measureTeam(session, { scratch }))));
      // One run of each side, each beside its own baseline run (not best of two): the second pair cost
      // about 21 s of the default run at 1× and is what lets merge and REFI run at 10× within its
      // 6 minutes. The ratio still compares runs made in the same minute at the same scale.
      figures.push(...(await timed(budget, 'REFI', () => measureRefi(session, { scratch, runs: 1 }))));
      figures.push(
        ...(await timed(budget, 'privacy', () => measurePrivacy(session, { text: longTranscript.text }))),
      );
      // The same interviews project as at 10×, so merge and REFI-QDA have a growth ratio of their own.
      figures.push(...(await measureOnInterviews(file, dirs.interviewsDir, scratch, scale, budget)));
    } else {
      // At 10× agreement runs on the study itself (its first two coders) and the finders on the same
      // transcript; merge and REFI-QDA need copies and exports of the whole study (800 MB per coder, a
      // million segments), so they run on the study's interviews as a project of their own.
      const runs = 1;
      figures.push(
        ...(await timed(budget, 'agreement', () =>
          measureStudyAgreement(session, { coders: ['bench', 'coder 2'], runs, scale }),
        )),
      );
      figures.push(
        ...(await timed(budget, 'privacy', () =>
          measurePrivacy(session, { text: longTranscript.text, scan: false }),
        )),
      );
      figures.push(...(await measureOnInterviews(file, dirs.interviewsDir, scratch, scale, budget)));
    }
    figures.push(
      await timed(budget, 'backend memory child', () =>
        measureBackendReports(file, scratch, { bigCodeId, codeIds, scale }),
      ),
    );
    // The bench process holds the generated study (2.5 GB at 10×): its peak is the generator's, reported
    // apart from the backend's (the children's figures above).
    const rss = process.resourceUsage().maxRSS / 1024;
    figures.push(
      informational(
        'bench process peak RSS (holds the generated study; import, fill, reports, export)',
        rss,
        'MB',
        rss > rssBefore ? 'the peak of this study' : 'the peak of an earlier study in this process',
      ),
    );

    db.pragma('wal_checkpoint(TRUNCATE)');
    session.close();
    figures.push(informational('project file size (whole study)', fs.statSync(file).size / MB, 'MB'));

    // The bench process is not Passage, yet it holds the generated study: left to itself, its garbage
    // collector tidies that heap once the work above goes idle, on the same two cores the browser
    // figures time the app on. Collected here, before them, instead.
    const collect = (globalThis as { gc?: () => void }).gc;
    if (collect) {
      const collecting = performance.now();
      collect();
      log(
        `bench process garbage collected before the browser figures (${Math.round(performance.now() - collecting)} ms)`,
      );
    }
    figures.push(
      ...(await timed(budget, 'browser', () =>
        measureBrowser({
          file,
          scratch,
          transcriptTitle: longTitle,
          codeId: bigCodeId,
          codeName: study.codes[1]!.name,
          transcriptSegments: denseSegments,
        }),
      )),
    );
  } finally {
    session.close();
    // PASSAGE_BENCH_KEEP=1 keeps the generated study for investigating a figure.
    if (process.env.PASSAGE_BENCH_KEEP === '1') log(`kept the ${scale}× study in ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
  return figures;
}

function readme(studies: readonly ScaledFigures[], seconds: number): string {
  const head =
    `# Bench figures\n\nLatest \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ` +
    `${seconds.toFixed(0)} s in all, studies at ${studies.map((s) => `${s.scale}×`).join(' and ')}). ` +
    'The studies are generated from a fixed seed (bench/generate.ts); see bench/results.json for the raw list. ' +
    'Growth is the 10× value over the 1× value: work grows ten-fold, so a growth well above 10× is a figure ' +
    'that grows faster than its work. Backend memory is the peak RSS of child processes doing the ' +
    "backend's work alone (an import; the reports and a Word appendix), not of the bench process, " +
    "which holds the generated study. Merge and REFI-QDA export/import run at both scales on the study's " +
    'interviews as a project of their own (their growth row), and at 1× on the whole study too; the privacy scan of that project (a report figure, not a ' +
    'target of issue 18) only with PASSAGE_BENCH_ALL_AT_10X=1.\n\n';
  if (studies.length === 2) {
    const [small, large] = studies as [ScaledFigures, ScaledFigures];
    return `${head}${formatGrowthMarkdown(growthRows(small.figures, large.figures), small.scale, large.scale)}\n`;
  }
  return `${head}${studies.map((s) => `## ${s.scale}× study\n\n${formatMarkdown(s.figures)}\n`).join('\n')}`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const studies: ScaledFigures[] = [];
  const budgets: string[] = [];
  for (const scale of scalesFrom(process.env.PASSAGE_BENCH_SCALE)) {
    const budget: TimeBudget = [];
    const figures = await measureStudy(scale, budget);
    studies.push({ scale, figures });
    budgets.push(formatBudget(scale, budget));
    console.log(`\n${scale}× study\n${formatTable(figures)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${budgets.join('\n')}\nbench finished in ${seconds.toFixed(0)} s`);
  const benchDir = path.join(appRoot(), 'bench');
  fs.writeFileSync(
    path.join(benchDir, 'results.json'),
    `${JSON.stringify({ seconds: Math.round(seconds), studies }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(benchDir, 'README.md'), readme(studies, seconds));
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
