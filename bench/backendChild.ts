// The backend's work in a process of its own (issue 18: backend peak memory < 1 GB). The bench process
// holds the generated study (2.5 GB at 10×), so its RSS says nothing about the backend; this child runs
// one piece of backend work through the contract, as the app's backend would, and prints its time and
// the process's peak RSS (worker threads included) as one JSON line. Started by bench/backendMemory.ts.
import { Session } from '../electron/backend/session';
import { call, runJob } from './api';

export type ChildTask =
  | { task: 'import'; project: string; documentsDir: string }
  | { task: 'reports'; project: string; bigCodeId: number; codeIds: number[]; exportTarget: string };

export interface ChildResult {
  ms: number;
  peakRssMb: number;
  note: string;
}

/** Time of the import alone (the project's creation not counted), as the bench's in-process trial. */
async function importDocuments(
  session: Session,
  task: ChildTask & { task: 'import' },
): Promise<{ ms: number; note: string }> {
  await call(session, 'project.create', { path: task.project });
  const start = performance.now();
  const summary = (await runJob(session, 'documents.import', {
    paths: [task.documentsDir],
    kind: 'document',
  })) as { imported: unknown[] };
  const ms = performance.now() - start;
  return { ms, note: `${summary.imported.length} documents imported into a new project` };
}

/** Every report of the bench once, then the Word appendix of the biggest code's evidence. */
async function reportAndExport(
  session: Session,
  task: ChildTask & { task: 'reports' },
): Promise<{ ms: number; note: string }> {
  const begin = performance.now();
  const steps: string[] = [];
  const step = async (name: string, work: () => Promise<unknown>): Promise<void> => {
    const start = performance.now();
    await work();
    steps.push(`${name} ${Math.round(performance.now() - start)} ms`);
  };
  const filters = { codeIds: task.codeIds };
  await step('open', () => call(session, 'project.open', { path: task.project }));
  for (const unit of ['segments', 'documents'] as const)
    await step(`co-occurrence (${unit})`, () => call(session, 'reports.cooccurrence', { unit, filters }));
  await step('code matrix', () => call(session, 'reports.matrix', { by: 'groups', unit: 'segments' }));
  await step('evidence', () => call(session, 'reports.evidence', { filters: { codeIds: [task.bigCodeId] } }));
  await step('counts over time', () => call(session, 'reports.timeline', { unit: 'segments', by: 'codes' }));
  await step('Word appendix of the biggest code', () =>
    runJob(session, 'export.start', {
      options: { sections: ['evidence'], codeIds: [task.bigCodeId] },
      format: 'docx',
      target: task.exportTarget,
    }),
  );
  return { ms: performance.now() - begin, note: steps.join(', ') };
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
  const session = new Session('cli', { coder: 'bench' });
  try {
    const { ms, note } =
      task.task === 'import' ? await importDocuments(session, task) : await reportAndExport(session, task);
    const result: ChildResult = { ms, peakRssMb: process.resourceUsage().maxRSS / 1024, note };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    session.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
