// Builds the bench study as bench/run.ts does (documents, codebook, sample, 100,000 segments) and runs
// measureRefi alone: node scripts/benchPart.mjs test/exchange/figures/refiFigures.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from '../../../electron/backend/session';
import { insertDocument } from '../../../electron/store/documents';
import { call } from '../../../bench/api';
import { formatTable } from '../../../bench/figures';
import { fillCodebook, fillSample, fillSegments, fillYears } from '../../../bench/fill';
import { generateStudy } from '../../../bench/generate';
import { measureRefi } from '../../../bench/refiFigures';
import { createRng } from '../../../bench/rng';
import { planSegments, type CodableDocument } from '../../../bench/segments';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-refi-bench-'));
process.env.PASSAGE_HOME = path.join(scratch, 'home');
const session = new Session('cli', { coder: 'bench' });
try {
  await call(session, 'project.create', { path: path.join(scratch, 'study.passage') });
  const { db } = session.requireProject();
  const study = generateStudy();
  db.transaction(() => {
    for (const d of study.documents)
      insertDocument(db, { title: d.fileName.replace(/\.txt$/, ''), text: d.text });
    for (const t of study.transcripts)
      insertDocument(db, { title: t.fileName.replace(/\.txt$/, ''), text: t.text, kind: 'interview' });
  })();
  const documents = db.prepare('SELECT id, text, kind FROM documents ORDER BY id').all() as CodableDocument[];
  const codeIds = fillCodebook(db, study);
  fillSample(db, study);
  fillYears(db, study);
  const segments = planSegments(createRng(7), documents, codeIds, codeIds[1]!);
  fillSegments(db, segments, new Map(documents.map((d) => [d.id, d.text])), 'bench');
  process.stderr.write(`study: ${documents.length} documents, ${segments.length} segments\n`);
  console.log(formatTable(await measureRefi(session, { scratch })));
} finally {
  session.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
