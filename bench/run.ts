// `npm run bench`: builds the seeded study, measures every figure of issue 8 and writes
// bench/results.json and bench/README.md. Figures of parts not built yet say so instead of a number.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from './api';
import { Session } from '../electron/backend/session';
import { appRoot } from '../electron/store/paths';
import { measureBrowser } from './browserFigures';
import { fillCodebook, fillSample, fillSegments, fillYears } from './fill';
import { formatMarkdown, formatTable, informational, type Figure } from './figures';
import { generateStudy, writeStudyFiles } from './generate';
import { measureImport } from './importFigures';
import { measureReports } from './reportFigures';
import { createRng } from './rng';
import { measureSearch } from './searchFigures';
import { planSegments, type CodableDocument } from './segments';
import { measureExport } from './exportFigures';

const MB = 1024 * 1024;
const LONG_TRANSCRIPT_SEGMENTS = 5_000;

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-bench-'));
  process.env.PASSAGE_HOME = path.join(scratch, 'home');
  const figures: Figure[] = [];
  const session = new Session('cli', { coder: 'bench' });
  try {
    const study = generateStudy();
    const dirs = writeStudyFiles(study, path.join(scratch, 'files'));
    const chars = study.documents.reduce((n, d) => n + d.text.length, 0);
    log(
      `study generated: ${study.documents.length} documents (${(chars / 1e6).toFixed(1)} M chars), ${study.transcripts.length} transcripts`,
    );
    const file = path.join(scratch, 'study.passage');
    await call(session, 'project.create', { path: file });

    const imported = await measureImport(session, study, dirs, scratch);
    figures.push(...imported.figures);
    log(`documents in the project via ${imported.via}`);

    const { db } = session.requireProject();
    const documents = db
      .prepare('SELECT id, text, kind FROM documents ORDER BY id')
      .all() as CodableDocument[];
    const codeIds = fillCodebook(db, study);
    fillSample(db, study);
    fillYears(db, study);
    const bigCodeId = codeIds[1]!;
    const longTranscript = study.transcripts[0]!;
    const longTitle = longTranscript.fileName.replace(/\.txt$/, '');
    const longId = (db.prepare('SELECT id FROM documents WHERE title = ?').get(longTitle) as { id: number })
      .id;
    // Issue 4 measures the reader on the 200,000-word transcript with 5,000 segments.
    const segments = planSegments(createRng(7), documents, codeIds, bigCodeId, undefined, undefined, {
      documentId: longId,
      count: LONG_TRANSCRIPT_SEGMENTS,
    });
    fillSegments(db, segments, new Map(documents.map((d) => [d.id, d.text])), 'bench');
    documents.length = 0;
    log(
      `filled ${codeIds.length} codes, ${segments.length} segments, ${study.participants.length} participants (bulk SQL)`,
    );

    figures.push(...(await measureSearch(session)));
    figures.push(...(await measureReports(session, { bigCodeId, codeIds })));
    figures.push(...(await measureExport()));
    figures.push(...(await (await import('./teamFigures')).measureTeam(session, { scratch })));
    figures.push(...(await (await import('./privacyFigures')).measurePrivacy(session, longTranscript)));
    figures.push(
      informational(
        'backend peak RSS (bench process: import, fill, reports, export)',
        process.resourceUsage().maxRSS / 1024,
        'MB',
      ),
    );

    db.pragma('wal_checkpoint(TRUNCATE)');
    session.close();
    figures.push(informational('project file size (whole study)', fs.statSync(file).size / MB, 'MB'));

    figures.push(
      ...(await measureBrowser({
        file,
        scratch,
        transcriptTitle: longTitle,
        codeId: bigCodeId,
        codeName: study.codes[1]!.name,
      })),
    );
  } finally {
    session.close();
    // PASSAGE_BENCH_KEEP=1 keeps the generated study for investigating a figure.
    if (process.env.PASSAGE_BENCH_KEEP === '1') log(`kept the study in ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(formatTable(figures));
  console.log(`\nbench finished in ${seconds.toFixed(0)} s`);
  const benchDir = path.join(appRoot(), 'bench');
  fs.writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(figures, null, 2)}\n`);
  fs.writeFileSync(
    path.join(benchDir, 'README.md'),
    `# Bench figures\n\nLatest \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${seconds.toFixed(0)} s in all). ` +
      'The study is generated from a fixed seed (bench/generate.ts); see bench/results.json for the raw list.\n\n' +
      `${formatMarkdown(figures)}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
