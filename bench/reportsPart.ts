// The reports figures alone on a study the bench kept (PASSAGE_BENCH_KEEP=1): work on a copy, never on
// the kept file. Usage: PASSAGE_BENCH_STUDY=/tmp/copy/study.passage PASSAGE_BENCH_SCALE=10 \
//   node scripts/benchPart.mjs bench/reportsPart.ts
import os from 'node:os';
import path from 'node:path';
import { Session } from '../electron/backend/session';
import { call } from './api';
import { formatTable } from './figures';
import { measureReports } from './reportFigures';
import { BIG_CODE_SEGMENTS } from './segments';

const file = process.env.PASSAGE_BENCH_STUDY;
if (!file) throw new Error('reports part: set PASSAGE_BENCH_STUDY to a copy of a kept study.passage');
const scale = Number(process.env.PASSAGE_BENCH_SCALE ?? '10');
process.env.PASSAGE_HOME = path.join(os.tmpdir(), `passage-reports-part-${process.pid}`);
const session = new Session('cli', { coder: 'bench' });
await call(session, 'project.open', { path: file });
const { db } = session.requireProject();
const bigCodeSegments = Math.round(BIG_CODE_SEGMENTS * scale);
const codeIds = db.prepare('SELECT id FROM codes ORDER BY id').pluck().all() as number[];
const bigCodeId = db
  .prepare('SELECT code_id FROM segments GROUP BY code_id HAVING count(*) = ?')
  .pluck()
  .get(bigCodeSegments) as number | undefined;
if (bigCodeId === undefined)
  throw new Error(`reports part: no code with ${bigCodeSegments} segments in ${file}`);
const figures = await measureReports(session, { bigCodeId, codeIds, bigCodeSegments, scale });
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(formatTable(figures));
await call(session, 'project.close', {});
