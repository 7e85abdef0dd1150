// Search figures alone, on a copy of a kept bench study, each query kind with word forms and exact:
// the first page of the hit list (50, without snippets), every id, and 100 snippets. Not part of `npm run bench`:
//   SEARCH_STUDY=COPY.passage [SEARCH_MMAP=BYTES] node scripts/benchPart.mjs bench/searchProbe.ts
import os from 'node:os';
import { Session } from '../electron/backend/session';
import { call } from './api';
import { medianMs } from './figures';
import { QUERIES, measureSearch } from './searchFigures';

const study = process.env.SEARCH_STUDY;
if (!study) throw new Error('searchProbe: set SEARCH_STUDY to a copy of a bench study');
const session = new Session('cli', { coder: 'bench' });
await session.open(study, false);
const { db } = session.requireProject();
// SEARCH_MMAP=BYTES: what memory-mapped reads would change (openProject does not map the file).
if (process.env.SEARCH_MMAP) db.pragma(`mmap_size = ${Number(process.env.SEARCH_MMAP)}`);
const count = db.prepare('SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?');
console.log(
  `load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
for (const q of QUERIES) {
  for (const stemming of [true, false]) {
    const baseline = await medianMs(5, () => count.get(q.fts));
    const page = (await call(session, 'search.run', { query: q.ours, stemming, limit: 50 })) as {
      total: number;
    };
    const list = await medianMs(5, () =>
      call(session, 'search.run', { query: q.ours, stemming, limit: 50, snippets: false }),
    );
    const ids = await medianMs(5, () => call(session, 'search.documentIds', { query: q.ours, stemming }));
    const snippets = await medianMs(3, () =>
      call(session, 'search.run', { query: q.ours, stemming, limit: 100, order: 'relevance' }),
    );
    console.log(
      `${q.kind.padEnd(8)} ${stemming ? 'forms' : 'exact'} ${String(page.total).padStart(5)} docs: ` +
        `page of 50 ${list.toFixed(1)} ms, all ids ${ids.toFixed(1)} ms, 100 snippets ${snippets.toFixed(1)} ms ` +
        `(bare FTS5 count ${baseline.toFixed(2)} ms)`,
    );
  }
}
for (const f of await measureSearch(session)) {
  console.log(`${f.name}: ${f.value} ${f.unit} (baseline ${f.baseline}, ${f.pass ? 'pass' : 'FAIL'})`);
}
console.log(
  `load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
session.close();
