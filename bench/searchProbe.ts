// Search figures alone, on a copy of a kept bench study, each query kind with word forms and exact:
// the first page of the hit list (50, without snippets), every id, and 100 snippets — as wall time and
// as this process's CPU time, which shared cores disturb less. Not part of `npm run bench`:
//   SEARCH_STUDY=COPY.passage [SEARCH_MMAP=BYTES] node scripts/benchPart.mjs bench/searchProbe.ts
// The same file also runs in an older checkout (a baseline measured in the same minutes).
import os from 'node:os';
import { Session } from '../electron/backend/session';
import { call } from './api';
import { QUERIES } from './searchFigures';

const study = process.env.SEARCH_STUDY;
if (!study) throw new Error('searchProbe: set SEARCH_STUDY to a copy of a bench study');
const session = new Session('cli', { coder: 'bench' });
await session.open(study, false);
const { db, guard } = session.requireProject();
// The whole-file damage check of a file just opened runs in a worker thread for seconds at 10×: it
// would share the cores (and this process's CPU time) with the calls measured here.
await guard.checked();
// SEARCH_MMAP=BYTES: what memory-mapped reads would change (openProject does not map the file).
if (process.env.SEARCH_MMAP) db.pragma(`mmap_size = ${Number(process.env.SEARCH_MMAP)}`);
const count = db.prepare('SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?');

/** Median wall and CPU ms of `runs` calls after one warm-up call. */
async function median(runs: number, fn: () => unknown): Promise<{ wall: number; cpu: number }> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await fn();
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: mid(wall), cpu: mid(cpu) };
}

const shown = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(1)} ms (cpu ${t.cpu.toFixed(1)})`;

console.log(
  `load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
for (const q of QUERIES) {
  for (const stemming of [true, false]) {
    const baseline = await median(5, () => count.get(q.fts));
    // An older contract refuses `snippets`: its hit list is then the page of 50 with snippets.
    const listArgs = { query: q.ours, stemming, limit: 50, snippets: false };
    const older = await call(session, 'search.run', listArgs).then(
      () => false,
      () => true,
    );
    const list = await median(5, () =>
      call(session, 'search.run', older ? { query: q.ours, stemming, limit: 50 } : listArgs),
    );
    const ids = (await call(session, 'search.documentIds', { query: q.ours, stemming })) as number[];
    const allIds = await median(5, () => call(session, 'search.documentIds', { query: q.ours, stemming }));
    const snippets = await median(3, () =>
      call(session, 'search.run', { query: q.ours, stemming, limit: 100, order: 'relevance' }),
    );
    console.log(
      `${q.kind.padEnd(8)} ${stemming ? 'forms' : 'exact'} ${String(ids.length).padStart(5)} docs: ` +
        `page of 50${older ? ' with snippets' : ''} ${shown(list)}, all ids ${shown(allIds)}, 100 snippets ${shown(snippets)}; ` +
        `bare FTS5 count ${shown(baseline)}`,
    );
  }
}
console.log(
  `load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
session.close();
