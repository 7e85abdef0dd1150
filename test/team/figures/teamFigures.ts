// Issue 15's speed figures alone (bench/teamFigures.ts, which `npm run bench` runs with the rest): the
// bench study (bench/generate.ts, fixed seed) with its segments, then agreement and a merge.
// Run: node scripts/benchPart.mjs test/team/figures/teamFigures.ts (bundles this like `npm run bench`).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../../../bench/api';
import { formatTable } from '../../../bench/figures';
import { fillCodebook, fillSegments } from '../../../bench/fill';
import { generateStudy } from '../../../bench/generate';
import { createRng } from '../../../bench/rng';
import { planSegments, type CodableDocument } from '../../../bench/segments';
import { measureTeam } from '../../../bench/teamFigures';
import { Session } from '../../../electron/backend/session';
import { closeProject, openProject } from '../../../electron/store/openProject';

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-team-figures-'));
  process.env.PASSAGE_HOME = path.join(scratch, 'home');
  const session = new Session('cli', { coder: 'bench' });
  try {
    const study = generateStudy();
    const file = path.join(scratch, 'study.passage');
    const project = await openProject(file, { create: true });
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
    fillSegments(db, segments, new Map(documents.map((d) => [d.id, d.text])), 'bench');
    process.stdout.write(`study: ${documents.length} documents, ${segments.length} segments\n`);
    closeProject(project);
    await call(session, 'project.open', { path: file });
    process.stdout.write(`${formatTable(await measureTeam(session, { scratch }))}\n`);
  } finally {
    session.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
