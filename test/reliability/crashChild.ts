// Child of crash.test.ts (bundled by it with esbuild): imports small documents and codes them in a loop,
// printing each committed action on stdout, until the test kills it with SIGKILL.
// argv: project file, migrations dir, folder for new files, comma-separated code ids.
import fs from 'node:fs';
import path from 'node:path';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { openProject } from '../../electron/store/openProject';

async function main(): Promise<void> {
  const [file, migrationsDir, filesDir, codeList] = process.argv.slice(2) as [string, string, string, string];
  const codeIds = codeList.split(',').map(Number);
  const session = new Session('cli', { coder: 'crash' });
  // Opened with the test's migrations so the first open migrates (and backs up) under the kills too.
  session.project = await openProject(file, { migrationsDir });
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    const name = path.join(filesDir, `p${process.pid}-${i}.txt`);
    const text = `Interviewer: Round ${i} of ${process.pid}?\n\nP01: ${'Protection of civilians was the word. '.repeat(
      20 + (i % 30),
    )}`;
    fs.writeFileSync(name, text);
    const { jobId } = await invoke(session, 'documents.import', { paths: [name], kind: 'interview' });
    const status = await session.jobs.wait(jobId, 2);
    const summary = status.result as { imported: { documentId: number }[] } | undefined;
    const documentId = summary?.imported[0]?.documentId;
    if (status.state !== 'done' || documentId === undefined)
      throw new Error(`import failed: ${status.error}`);
    process.stdout.write(`doc ${documentId}\n`);
    for (let k = 0; k < 2; k++) {
      const start = 20 + k * 37;
      const segment = await invoke(session, 'segments.apply', {
        documentId,
        codeId: codeIds[(i + k) % codeIds.length]!,
        startUtf16: start,
        endUtf16: start + 60,
      });
      process.stdout.write(`seg ${segment.id}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash child: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
