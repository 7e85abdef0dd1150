// Issue 15's speed figures on the bench study (bench/generate.ts, fixed seed): its 100,000 segments
// split between two coders, agreement by characters and by paragraphs, and merging one coder's copy
// into the other's. Run: node test/team/figures/run.mjs (bundles this like `npm run bench`).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillCodebook, fillSegments } from '../../../bench/fill';
import { generateStudy } from '../../../bench/generate';
import { createRng } from '../../../bench/rng';
import { planSegments, type CodableDocument } from '../../../bench/segments';
import { agreementReport } from '../../../electron/team/agreement';
import { makeCodingCopies } from '../../../electron/team/copies';
import { mergeProject } from '../../../electron/team/merge';
import { ensureCoder } from '../../../electron/store/coders';
import { closeProject, openProject } from '../../../electron/store/openProject';

const time = async <T>(label: string, run: () => T | Promise<T>): Promise<T> => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  // CPU time says what the work costs when the machine is shared; wall time what a user waits.
  process.stdout.write(
    `${label}: ${(performance.now() - started).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU\n`,
  );
  return value;
};

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-team-figures-'));
  try {
    const study = generateStudy();
    const project = await openProject(path.join(scratch, 'study.passage'), { create: true });
    const { db } = project;
    const insert = db.prepare(
      `INSERT INTO documents (title, kind, file_name, format, content_hash, text, word_count, imported_at)
       VALUES (?, ?, ?, 'txt', ?, ?, 0, '2026-01-01T00:00:00.000Z') RETURNING id`,
    );
    const documents: CodableDocument[] = [];
    db.transaction(() => {
      for (const d of [...study.documents, ...study.transcripts]) {
        const kind = 'participantLabel' in d ? 'interview' : 'document';
        const hash = createHash('sha256').update(d.text).digest('hex');
        const { id } = insert.get(d.fileName, kind, d.fileName, hash, d.text) as { id: number };
        documents.push({ id, text: d.text, kind } as CodableDocument);
      }
    })();
    const codeIds = fillCodebook(db, study);
    const segments = planSegments(createRng(7), documents, codeIds, codeIds[1]!);
    const texts = new Map(documents.map((d) => [d.id, d.text]));
    fillSegments(
      db,
      segments.filter((_s, i) => i % 2 === 0),
      texts,
      'A',
    );
    fillSegments(
      db,
      segments.filter((_s, i) => i % 2 === 1),
      texts,
      'B',
    );
    const chars = documents.reduce((n, d) => n + d.text.length, 0);
    process.stdout.write(
      `study: ${documents.length} documents, ${(chars / 1e6).toFixed(1)} M characters, ${segments.length} segments (A and B alternate)\n`,
    );
    for (const unit of ['characters', 'paragraphs'] as const) {
      const report = await time(`agreement by ${unit}`, () =>
        agreementReport(db, { coders: ['A', 'B'], unit }),
      );
      process.stdout.write(
        `  ${report.documentCount} documents, ${report.codes.length} codes, ${report.overall.units} (unit, code) pairs, overall α ${report.overall.alpha?.toFixed(3)}\n`,
      );
    }
    // ONLY_AGREEMENT=1 stops here (the copies and merges take longer).
    if (process.env.ONLY_AGREEMENT) return;
    const out = path.join(scratch, 'copies');
    fs.mkdirSync(out);
    const [copyA, copyB] = await time('two coding copies', () =>
      makeCodingCopies(db, project.path, { coders: ['A', 'B'], folder: out, withoutSegments: false }),
    );
    closeProject(project);
    // Each copy keeps only its coder's segments, as if each had coded apart.
    for (const [copy, other] of [
      [copyA!, 'B'],
      [copyB!, 'A'],
    ] as const) {
      const p = await openProject(copy.path);
      p.db.prepare('DELETE FROM segments WHERE coder_id = (SELECT id FROM coders WHERE name = ?)').run(other);
      closeProject(p);
    }
    const into = await openProject(copyA!.path);
    const report = await time("merging B's copy into A's", () =>
      mergeProject(into, copyB!.path, ensureCoder(into.db, 'A')),
    );
    process.stdout.write(
      `  added ${report.added.segments} segments; already present: ${report.alreadyPresent.documents} documents, ${report.alreadyPresent.codes} codes; undoable: ${report.undoable}\n`,
    );
    await time('merging it again (adds nothing)', () =>
      mergeProject(into, copyB!.path, ensureCoder(into.db, 'A')),
    );
    closeProject(into);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
