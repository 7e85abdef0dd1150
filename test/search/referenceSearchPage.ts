/**
 * search.run's page as it was computed before the faster reading of issue 18 (commit 5a2213f), kept
 * frozen as the oracle a faster version must equal: every matching id ranked by plain SQL, each shown
 * document's whole text read as a string, hits found by one indexOf scan per term over the folded text
 * (word forms through the corpus's words, else FTS5's highlight()), snippets by makeSnippets.
 */
import type Database from 'better-sqlite3';
import type { SearchPage, SearchResultItem } from '../../shared/api/search';
import { foldText, isTokenChar, originalRange, type FoldedText } from '../../shared/search/fold';
import type { HitRange } from '../../shared/search/hits';
import { toFts5, type QueryTerm } from '../../shared/search/query';
import { makeSnippets } from '../../shared/search/snippets';
import { ftsTable, matchingLabel, requireQuery, type ParsedSearch } from '../../electron/store/search';
import { expandWordForms } from '../../electron/store/wordForms';

const isAsciiTokenUnit = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

function tokenCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 0x80) return isAsciiTokenUnit(code);
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  return isTokenChar(String.fromCodePoint(text.codePointAt(i) ?? code));
}

function tokenCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const code = text.charCodeAt(i - 1);
  if (code < 0x80) return isAsciiTokenUnit(code);
  const isLow = code >= 0xdc00 && code <= 0xdfff && i >= 2;
  return tokenCharAt(text, isLow ? i - 2 : i - 1);
}

const unitsAt = (text: string, i: number): number => {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1;
};

function matchEnd(text: string, start: number, term: QueryTerm): number {
  const { tokens } = term;
  let end = start + tokens[0]!.length;
  for (let k = 1; k < tokens.length; k++) {
    let next = end;
    while (next < text.length && !tokenCharAt(text, next)) next += unitsAt(text, next);
    if (next === end || !text.startsWith(tokens[k]!, next)) return -1;
    end = next + tokens[k]!.length;
  }
  if (term.prefix) {
    while (tokenCharAt(text, end)) end += unitsAt(text, end);
    return end;
  }
  return tokenCharAt(text, end) ? -1 : end;
}

function mergeRanges(ranges: HitRange[]): HitRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HitRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

function findHits(terms: readonly QueryTerm[], folded: FoldedText): HitRange[] {
  const ranges: HitRange[] = [];
  const text = folded.folded;
  for (const term of terms) {
    const first = term.tokens[0]!;
    for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
      if (tokenCharBefore(text, at)) continue;
      const end = matchEnd(text, at, term);
      if (end >= 0) ranges.push(originalRange(folded, at, end));
    }
  }
  return mergeRanges(ranges);
}

function documentHits(db: Database.Database, id: number, text: string, search: ParsedSearch): HitRange[] {
  if (!search.stemming) return findHits(search.terms, foldText(text));
  const forms = expandWordForms(db, search.terms);
  if (forms) {
    const hits = findHits(forms, foldText(text));
    if (hits.length > 0) return hits;
  }
  if (text.includes('\u0001') || text.includes('\u0002')) return findHits(search.terms, foldText(text));
  const anyTerm = `(${search.terms.map(toFts5).join(' OR ')})`;
  const rows = db
    .prepare(
      `SELECT rowid AS id, highlight(documents_fts_stem, 0, char(1), char(2)) AS marked FROM documents_fts_stem
       WHERE documents_fts_stem MATCH ?`,
    )
    .all(anyTerm) as { id: number; marked: string | null }[];
  const marked = rows.find((r) => r.id === id)?.marked;
  if (!marked) return [];
  const hits: HitRange[] = [];
  let markers = 0;
  for (let open = marked.indexOf('\u0001'); open >= 0; open = marked.indexOf('\u0001', open + 1)) {
    const close = marked.indexOf('\u0002', open + 1);
    if (close < 0) break;
    hits.push({ start: open - markers, end: close - markers - 1 });
    markers += 2;
    open = close;
  }
  return hits;
}

const ORDER_SQL = {
  relevance: (table: string) => `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rank, rowid`,
  title: (table: string) =>
    `SELECT id FROM documents WHERE id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)
     ORDER BY title COLLATE NOCASE, id`,
  date: (table: string) =>
    `SELECT id FROM documents WHERE id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)
     ORDER BY date IS NULL, date, id`,
};

/** The page search.run gave before issue 18's changes (no filters: those only narrow the ids). */
export function referenceSearchPage(
  db: Database.Database,
  query: string,
  options: { stemming: boolean; offset: number; limit: number; order: keyof typeof ORDER_SQL },
): SearchPage {
  const search = requireQuery(query, options.stemming);
  const table = ftsTable(search);
  const ids = db.prepare(ORDER_SQL[options.order](table)).pluck().all(search.fts) as number[];
  const items = ids.slice(options.offset, options.offset + options.limit).map((id): SearchResultItem => {
    const row = db.prepare('SELECT title, kind, date, text FROM documents WHERE id = ?').get(id) as {
      title: string;
      kind: SearchResultItem['kind'];
      date: string | null;
      text: string;
    };
    const hits = documentHits(db, id, row.text, search);
    const first = hits[0];
    return {
      documentId: id,
      title: row.title,
      kind: row.kind,
      date: row.date,
      hitCount: hits.length,
      firstHit: first ? { startUtf16: first.start, endUtf16: first.end } : null,
      snippets: makeSnippets(row.text, hits, { context: 40 }),
    };
  });
  return {
    query,
    stemming: search.stemming,
    matching: matchingLabel(search),
    total: ids.length,
    offset: options.offset,
    items,
  };
}
