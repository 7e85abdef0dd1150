/**
 * Which function ranks a search by relevance on a connection. passage_rank() (native/passage_rank.c)
 * gives bm25's order without bm25's second pass over the index for a one-phrase search; it is a SQLite
 * extension built with the app (scripts/buildNative.mjs) and loaded into each project connection, never
 * stored in the file. Where it was not built or cannot load, FTS5's own bm25() ranks in the same order.
 */
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from './paths';

export interface Ranking {
  function: 'passage_rank' | 'bm25';
  /** Why passage_rank() is not used, when it is not. */
  reason?: string;
}

const rankings = new WeakMap<Database.Database, Ranking>();

/** Where the build puts the extension (the same rule as scripts/buildNative.mjs). */
export function rankExtensionFile(): string {
  const suffix = process.platform === 'darwin' ? 'dylib' : process.platform === 'win32' ? 'dll' : 'so';
  const file = path.join(appRoot(), 'out', 'native', `passage_rank.${suffix}`);
  // SQLite loads from a real file; a packaged app's out/ is inside app.asar, unpacked beside it.
  return file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

/** Loads passage_rank() into the connection if it can, and remembers which function ranks there. */
export function loadRanking(db: Database.Database, file = rankExtensionFile()): Ranking {
  let ranking: Ranking;
  if (!fs.existsSync(file)) {
    ranking = { function: 'bm25', reason: `${path.basename(file)} was not built` };
  } else {
    try {
      // SQLite finds the entry point from the file name: sqlite3_passagerank_init.
      db.loadExtension(file);
      ranking = { function: 'passage_rank' };
    } catch (error) {
      ranking = {
        function: 'bm25',
        reason: `${path.basename(file)} did not load: ${(error as Error).message}`,
      };
    }
  }
  rankings.set(db, ranking);
  return ranking;
}

export function ranking(db: Database.Database): Ranking {
  return rankings.get(db) ?? { function: 'bm25', reason: 'not loaded on this connection' };
}

/** The condition that makes FTS5's `rank` column passage_rank() for one query, or nothing for bm25(). */
export function rankCondition(db: Database.Database): string {
  return ranking(db).function === 'passage_rank' ? ` AND rank MATCH 'passage_rank()'` : '';
}
