/**
 * The corpus's own words that share a query word's English stem ("ngo" → "ngo", "ngos"), so the hits
 * of a word-forms search are found in each shown document's text as exact words are, instead of by
 * FTS5's highlight(), which re-tokenises every shown document (5× slower for a page of 100).
 *
 * Stems are SQLite's own, never a JS stemmer's: the query word and the candidate words — from the
 * exact index's vocabulary — go through the same Porter tokenizer in a temporary table. Porter only
 * rewrites the last two letters of what it keeps, so every word with the same stem starts with the
 * stem less those two letters; that prefix picks the candidates.
 */
import type Database from 'better-sqlite3';
import type { QueryTerm } from '../../shared/search/query';
import { statement } from './statements';

const MAX_PHRASE_FORMS = 64;
const PROBE = 'temp.passage_word_forms';

// Connections whose temporary tables exist (they live as long as the connection).
const prepared = new WeakSet<Database.Database>();

function ensureProbe(db: Database.Database): void {
  if (prepared.has(db)) return;
  db.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_vocabulary USING fts5vocab(main, documents_fts, row);
     CREATE VIRTUAL TABLE IF NOT EXISTS ${PROBE} USING fts5(word, tokenize = 'porter unicode61 remove_diacritics 2');
     CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_word_stems USING fts5vocab(temp, passage_word_forms, row);`,
  );
  prepared.add(db);
}

const quoted = (token: string) => `"${token.replace(/"/g, '""')}"`;

/** The corpus's words with the token's stem (the token itself among them when it occurs). */
function formsOf(db: Database.Database, token: string): string[] {
  statement(db, `DELETE FROM ${PROBE}`).run();
  statement(db, `INSERT INTO ${PROBE} (word) VALUES (@token)`).run({ token });
  const stem = statement(db, 'SELECT term FROM temp.passage_word_stems LIMIT 1').pluck().get() as
    string | undefined;
  if (!stem) return [token];
  const prefix = [...stem].slice(0, Math.max(1, [...stem].length - 2)).join('');
  const candidates = statement(
    db,
    `SELECT term FROM temp.passage_vocabulary WHERE term >= @prefix AND term < @prefix || char(1114111)`,
  )
    .pluck()
    .all({ prefix }) as string[];
  statement(db, `DELETE FROM ${PROBE}`).run();
  const insert = statement(db, `INSERT INTO ${PROBE} (rowid, word) VALUES (@rowid, @word)`);
  candidates.forEach((word, i) => insert.run({ rowid: i + 1, word }));
  const forms = statement(db, `SELECT word FROM ${PROBE} WHERE ${PROBE.slice(5)} MATCH @match`)
    .pluck()
    .all({ match: quoted(token) }) as string[];
  statement(db, `DELETE FROM ${PROBE}`).run();
  return forms.length > 0 ? forms : [token];
}

function cartesian(lists: readonly string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((a) => list.map((w) => [...a, w])), [[]]);
}

/**
 * The query's terms with every word replaced by its forms in the corpus (a phrase by each combination
 * of its words' forms), or null where that cannot be done here — too many combinations, or no
 * temporary tables on this connection — and the caller marks hits with highlight() instead.
 */
export function expandWordForms(db: Database.Database, terms: readonly QueryTerm[]): QueryTerm[] | null {
  try {
    ensureProbe(db);
    const cache = new Map<string, string[]>();
    const forms = (token: string) => {
      let list = cache.get(token);
      if (!list) cache.set(token, (list = formsOf(db, token)));
      return list;
    };
    const out: QueryTerm[] = [];
    for (const term of terms) {
      // A prefix's last word already runs to the end of the word; its other words are expanded.
      const lists = term.tokens.map((t, i) => (term.prefix && i === term.tokens.length - 1 ? [t] : forms(t)));
      const combinations = lists.reduce((n, l) => n * l.length, 1);
      if (combinations > MAX_PHRASE_FORMS) return null;
      for (const tokens of cartesian(lists)) out.push({ type: 'term', tokens, prefix: term.prefix });
    }
    return out;
  } catch {
    return null;
  }
}
