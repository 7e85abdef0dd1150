import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadRanking, rankExtensionFile, ranking } from '../../electron/store/ranking';
import { matchPage } from '../../electron/store/searchHitList';
import { newProjectSession } from '../helpers/session';
import { addDocs } from './corpus';

const FILLER = 'The committee met again and the minutes were read aloud to everyone present.';

/** Documents with the phrases 0–5 times in texts of different lengths; some identical, so scores tie. */
function texts(): { title: string; text: string }[] {
  return Array.from({ length: 30 }, (_, i) => {
    const parts = Array.from({ length: 1 + (i % 4) }, () => FILLER);
    for (let k = 0; k < i % 6; k++) parts.splice(k % parts.length, 0, 'Protection of civilians came first.');
    if (i % 5 === 0) parts.push('NATO asked the NGOs for their reports.');
    return {
      title: i % 7 === 0 ? 'Protection of civilians: NATO' : `Report ${i % 3}`,
      text: parts.join(' '),
    };
  });
}

async function project(): Promise<{ db: Database.Database; file: string }> {
  const { session, file } = await newProjectSession();
  const { db } = session.requireProject();
  addDocs(db, texts());
  return { db, file };
}

/** Queries of one phrase (its IDF pass is skipped) and of several (ranked exactly as bm25). */
const ONE_PHRASE = ['"protection of civilians"', 'text : "protection of civilians"', 'nato', 'civil*'];
const SEVERAL = [
  'nato OR "protection of civilians"',
  '"protection of civilians" NOT nato',
  'NEAR(nato reports, 6)',
  'nato committee',
];

function scores(db: Database.Database, match: string): { id: number; bm25: number; passage: number }[] {
  return db
    .prepare(
      `SELECT rowid AS id, bm25(documents_fts) AS bm25, passage_rank(documents_fts) AS passage
       FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid`,
    )
    .all(match) as { id: number; bm25: number; passage: number }[];
}

function rankedIds(db: Database.Database, match: string, rank: string): number[] {
  return db
    .prepare(`SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?${rank} ORDER BY rank, rowid`)
    .pluck()
    .all(match) as number[];
}

describe('passage_rank(), the search ranking extension', () => {
  it('is built and loaded into every project connection', async () => {
    const { db } = await project();
    expect(fs.existsSync(rankExtensionFile()), `${rankExtensionFile()} (npm run build makes it)`).toBe(true);
    expect(ranking(db)).toEqual({ function: 'passage_rank' });
  });

  it("scores as bm25 does: the same for several phrases, bm25's divided by the IDF for one", async () => {
    const { db } = await project();
    for (const match of SEVERAL) {
      const rows = scores(db, match);
      expect(rows.length, match).toBeGreaterThan(1);
      for (const row of rows) expect(row.passage, `${match} #${row.id}`).toBeCloseTo(row.bm25, 12);
    }
    for (const match of ONE_PHRASE) {
      const rows = scores(db, match);
      expect(new Set(rows.map((r) => r.bm25)).size, match).toBeGreaterThan(1);
      const idf = rows[0]!.bm25 / rows[0]!.passage;
      expect(idf, match).toBeGreaterThan(0);
      for (const row of rows) expect(row.bm25 / row.passage, `${match} #${row.id}`).toBeCloseTo(idf, 9);
    }
  });

  it("orders every match as bm25's rank does, ties by id", async () => {
    const { db } = await project();
    for (const match of [...ONE_PHRASE, ...SEVERAL]) {
      const byBm25 = rankedIds(db, match, '');
      expect(rankedIds(db, match, ` AND rank MATCH 'passage_rank()'`), match).toEqual(byBm25);
      const page = matchPage(db, 'documents_fts', match, { offset: 0, limit: 100 });
      expect(
        page.rows.map((row) => row.id),
        match,
      ).toEqual(byBm25);
      expect(page.total).toBe(byBm25.length);
    }
  });

  it('leaves a connection to bm25 when the extension is missing or broken, with the reason', async () => {
    const { db: ranked, file } = await project();
    const dir = path.dirname(file);
    const plain = new Database(file);
    const broken = new Database(file);
    try {
      expect(loadRanking(plain, path.join(dir, 'missing.so'))).toEqual({
        function: 'bm25',
        reason: 'missing.so was not built',
      });
      const garbage = path.join(dir, 'garbage.so');
      fs.writeFileSync(garbage, 'not a shared library');
      const failed = loadRanking(broken, garbage);
      expect(failed.function).toBe('bm25');
      expect(failed.reason).toMatch(/^garbage\.so did not load: /);
      // Without the extension, the hit list is the same, page for page.
      for (const match of ONE_PHRASE) {
        for (const offset of [0, 3]) {
          const options = { offset, limit: 5 };
          const expected = matchPage(ranked, 'documents_fts', match, options);
          expect(matchPage(plain, 'documents_fts', match, options), match).toEqual(expected);
          expect(matchPage(broken, 'documents_fts', match, options), match).toEqual(expected);
        }
      }
    } finally {
      plain.close();
      broken.close();
    }
  });
});
