import { isAscii } from 'node:buffer';
import type Database from 'better-sqlite3';
import type {
  SearchFilterOptions,
  SearchFilters,
  SearchPage,
  SearchResultItem,
} from '../../shared/api/search';
import { PassageError } from '../../shared/api/result';
import { foldText, type FoldedText } from '../../shared/search/fold';
import { findHits, findHitsInAscii, type HitRange } from '../../shared/search/hits';
import { parseQuery, toFts5, type QueryTerm } from '../../shared/search/query';
import { makeSnippets, type Snippet } from '../../shared/search/snippets';
import { expandHits, type CodingUnit } from '../../shared/search/units';
import { statement } from './statements';
import { expandWordForms } from './wordForms';
import { matchingIds, matchPage, type FtsTable, type MatchRow, type SearchOrder } from './searchHitList';

// Full-text search over documents_fts (exact words) or documents_fts_stem (English word forms, FTS5's
// Porter stemmer). FTS5 decides which documents match (and how well); counting and snippets are done
// for the page shown only — so the hit list stays fast however many documents match.

export interface ParsedSearch {
  query: string;
  fts: string;
  terms: QueryTerm[];
  /** Word forms (stemmed index) rather than exact words. */
  stemming: boolean;
  /** With stemming: the terms with each word replaced by its forms in the corpus, worked out on first use (null: mark hits with highlight()). */
  forms?: QueryTerm[] | null;
}

/** Parses the query or throws `invalid_argument` with the parser's message (`search: …`). */
export function requireQuery(query: string, stemming = true): ParsedSearch {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new PassageError('invalid_argument', parsed.message);
  // A prefix (cooperat*) is the researcher's own word-form control, and over stems it would miss
  // ("cooperation" is indexed as "cooper"): such a query reads the exact words, and says so.
  const prefix = parsed.terms.some((t) => t.prefix);
  return { query, fts: parsed.fts, terms: parsed.terms, stemming: stemming && !prefix };
}

/** The index a search reads: both share the columns and rowids of `documents`. */
export function ftsTable(search: ParsedSearch): FtsTable {
  return search.stemming ? 'documents_fts_stem' : 'documents_fts';
}

export type { MatchRow, SearchOrder };

/** Every matching document's id, ascending. */
export function matchingDocumentIds(
  db: Database.Database,
  search: ParsedSearch,
  filters?: SearchFilters,
): number[] {
  return matchingIds(db, ftsTable(search), search.fts, filters);
}

export function documentText(db: Database.Database, documentId: number): string {
  const row = statement(db, 'SELECT text FROM documents WHERE id = @documentId').get({ documentId }) as
    { text: string } | undefined;
  if (!row) throw new PassageError('not_found', `search: no document with id ${documentId}`);
  return row.text;
}

/** Valid UTF-8 decodes to one string only; a leading byte-order mark is kept, as SQLite keeps it. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A shown document's text, and whether it is pure ASCII (folding then only lower-cases). Read as bytes,
 * such text — nearly every document — is told natively and decoded byte for byte: 9 ms for the 10.8 M
 * characters of the 10× study's first 100 results, where better-sqlite3's own strings took 13–14 ms.
 * Other valid UTF-8 is decoded natively too; bytes that are not (never written by Passage) are read as
 * a string, as before.
 */
function shownText(db: Database.Database, documentId: number): { text: string; ascii: boolean } {
  const bytes = statement(db, 'SELECT CAST(text AS BLOB) FROM documents WHERE id = @documentId')
    .pluck()
    .get({ documentId }) as Buffer | null | undefined;
  if (!bytes) return { text: documentText(db, documentId), ascii: false };
  if (isAscii(bytes)) return { text: bytes.toString('latin1'), ascii: true };
  try {
    return { text: UTF8.decode(bytes), ascii: false };
  } catch {
    return { text: documentText(db, documentId), ascii: false };
  }
}

/**
 * The text folded as the index folds it. Pure ASCII text — nearly every document — only lower-cases,
 * and Node tells that from the UTF-8 length natively (a non-ASCII character always takes more UTF-8
 * bytes than UTF-16 units): a regular expression over a 100,000-character transcript takes ~10× longer.
 */
function foldedText(text: string): FoldedText {
  if (Buffer.byteLength(text, 'utf8') === text.length) {
    return { folded: text.toLowerCase(), starts: null, ends: null };
  }
  return foldText(text);
}

/** The terms' hits in a text; in one known to be pure ASCII, found without a lower-cased copy. */
function termHits(text: string, terms: readonly QueryTerm[], ascii: boolean): HitRange[] {
  return ascii ? findHitsInAscii(text, terms) : findHits(text, terms, foldedText(text));
}

export function hitsInText(text: string, search: ParsedSearch): HitRange[] {
  return findHits(text, search.terms, foldedText(text));
}

const HIT_OPEN = '\u0001';
const HIT_CLOSE = '\u0002';

/**
 * Where the terms occur in a stored document, as the search's index sees them. Exact words are found
 * in JS with the index's folding. Word forms too, once each query word is replaced by the corpus's
 * words with its stem (wordForms.ts: stems from SQLite's own Porter tokenizer, so "NGO" marks "NGOs"
 * and no JS stemmer can disagree with the index). Where that cannot be done, FTS5 marks them itself
 * (highlight() over the stemmed index, every positive term OR'ed so a document that fails the whole
 * query still shows its terms); the marked text is the stored text plus markers, so offsets are exact.
 */
export function documentHits(
  db: Database.Database,
  documentId: number,
  text: string,
  search: ParsedSearch,
  /** The text is known to be pure ASCII (saves telling it again). */
  ascii = false,
): HitRange[] {
  if (!search.stemming) return termHits(text, search.terms, ascii);
  if (search.forms === undefined) search.forms = expandWordForms(db, search.terms);
  if (search.forms) {
    const hits = termHits(text, search.forms, ascii);
    // A document the index matched always has a hit; none found here falls back to the index's marks.
    if (hits.length > 0) return hits;
  }
  if (text.includes(HIT_OPEN) || text.includes(HIT_CLOSE)) return hitsInText(text, search);
  const anyTerm = `(${search.terms.map(toFts5).join(' OR ')})`;
  // SQLite 3.53 ignores a bound `rowid = @id` next to an FTS5 MATCH (every matching row comes back);
  // the CAST makes it a constraint again, and the row is still checked by id below.
  const rows = statement(
    db,
    `SELECT rowid AS id, highlight(documents_fts_stem, 0, char(1), char(2)) AS marked FROM documents_fts_stem
     WHERE documents_fts_stem MATCH @match AND rowid = CAST(@documentId AS INTEGER)`,
  ).all({ match: anyTerm, documentId }) as { id: number; marked: string | null }[];
  const row = rows.find((r) => r.id === documentId);
  if (!row?.marked) return [];
  // Markers found natively; each one seen shifts the stored-text offsets after it by one.
  const { marked } = row;
  const hits: HitRange[] = [];
  let markers = 0;
  for (let open = marked.indexOf(HIT_OPEN); open >= 0; open = marked.indexOf(HIT_OPEN, open + 1)) {
    const close = marked.indexOf(HIT_CLOSE, open + 1);
    if (close < 0) break;
    hits.push({ start: open - markers, end: close - markers - 1 });
    markers += 2;
    open = close;
  }
  return hits;
}

/** A stored document's text and the search's hits in it, read as the hit list reads them. */
export function documentTextAndHits(
  db: Database.Database,
  documentId: number,
  search: ParsedSearch,
): { text: string; hits: HitRange[] } {
  const { text, ascii } = shownText(db, documentId);
  return { text, hits: documentHits(db, documentId, text, search, ascii) };
}

/**
 * The snippet with its text copied out of the document's. V8 slices a long string by reference, so
 * each snippet held its whole document alive until the page was sent: a page of 100 long transcripts
 * kept 10.8 MB reachable, and every young-generation collection during the page copied it (15–20 ms
 * each, several per page on the 10× study; 1–2 ms each once detached).
 */
function detachedSnippet(snippet: Snippet): Snippet {
  return { ...snippet, text: Buffer.from(snippet.text, 'utf16le').toString('utf16le') };
}

/** How the search matched words, in the researcher's words (shown with results). */
export function matchingLabel(search: ParsedSearch): string {
  return search.stemming ? 'Matching word forms (English stemming)' : 'Exact words';
}

/** One page of results: the page is ranked and counted by FTS5; hits and snippets are for it only. */
export function searchPage(
  db: Database.Database,
  search: ParsedSearch,
  options: {
    filters?: SearchFilters;
    offset?: number;
    limit?: number;
    order?: SearchOrder;
    snippets?: boolean | undefined;
  },
): SearchPage {
  const offset = options.offset ?? 0;
  const table = ftsTable(search);
  const { rows, total } = matchPage(db, table, search.fts, {
    filters: options.filters,
    order: options.order,
    offset,
    limit: options.limit ?? 50,
  });
  const items: SearchResultItem[] = rows.map((row) => {
    const listed = { documentId: row.id, title: row.title, kind: row.kind, date: row.date };
    if (options.snippets === false) return { ...listed, hitCount: null, firstHit: null, snippets: [] };
    const { text, hits } = documentTextAndHits(db, row.id, search);
    const first = hits[0];
    return {
      ...listed,
      hitCount: hits.length,
      firstHit: first ? { startUtf16: first.start, endUtf16: first.end } : null,
      // 40 characters each side keep a snippet to two lines of the hit list, with the hit inside them.
      snippets: makeSnippets(text, hits, { context: 40 }).map(detachedSnippet),
    };
  });
  return {
    query: search.query,
    stemming: search.stemming,
    matching: matchingLabel(search),
    total,
    offset,
    items,
  };
}

export function filterOptions(db: Database.Database): SearchFilterOptions {
  const kinds = statement(
    db,
    'SELECT kind, count(*) AS count FROM documents GROUP BY kind ORDER BY kind',
  ).all() as SearchFilterOptions['kinds'];
  const years = statement(
    db,
    'SELECT min(year) AS min, max(year) AS max FROM documents WHERE year IS NOT NULL AND year > 0',
  ).get() as { min: number | null; max: number | null };
  const attributeRows = statement(
    db,
    `SELECT a.name AS name, a.type AS type, v.value AS value
     FROM attributes a LEFT JOIN document_attribute_values v ON v.attribute_id = a.id
     WHERE a.scope = 'document'
     GROUP BY a.id, v.value ORDER BY a.name COLLATE NOCASE, v.value COLLATE NOCASE`,
  ).all() as { name: string; type: string; value: string | null }[];
  const attributes: SearchFilterOptions['attributes'] = [];
  for (const row of attributeRows) {
    let last = attributes[attributes.length - 1];
    if (!last || last.name !== row.name) {
      last = { name: row.name, type: row.type, values: [] };
      attributes.push(last);
    }
    // Long value lists are not useful as a filter menu; the first 200 are plenty.
    if (row.value !== null && last.values.length < 200) last.values.push(row.value);
  }
  const groups = statement(
    db,
    `SELECT g.id AS id, g.name AS name,
       (SELECT count(*) FROM document_group_members m WHERE m.group_id = g.id) AS documentCount
     FROM document_groups g ORDER BY g.name COLLATE NOCASE`,
  ).all() as SearchFilterOptions['groups'];
  return {
    kinds,
    years: years.min === null || years.max === null ? null : { min: years.min, max: years.max },
    attributes,
    groups,
  };
}

export function turnsOf(db: Database.Database, documentId: number): { start: number; end: number }[] {
  return statement(
    db,
    'SELECT start_utf16 AS start, end_utf16 AS end FROM turns WHERE document_id = @documentId ORDER BY start_utf16',
  ).all({ documentId }) as { start: number; end: number }[];
}

/** The code's existing ranges in a document, so re-running an auto-code does not code a range twice. */
function codedRanges(db: Database.Database, documentId: number, codeId: number | null): Set<string> {
  if (codeId === null) return new Set();
  const rows = statement(
    db,
    `SELECT start_utf16 AS start, end_utf16 AS end FROM segments
     WHERE document_id = @documentId AND code_id = @codeId`,
  ).all({ documentId, codeId }) as { start: number; end: number }[];
  return new Set(rows.map((r) => `${r.start}:${r.end}`));
}

export interface AutocodeRange {
  documentId: number;
  startUtf16: number;
  endUtf16: number;
}

export interface AutocodePlan {
  documents: number;
  hits: number;
  ranges: AutocodeRange[];
  segmentDocuments: number;
  alreadyCoded: number;
  outsideTurns: number;
}

/** The segments auto-coding would create: every hit expanded to the unit, minus what is already coded. */
export function planAutocode(
  db: Database.Database,
  search: ParsedSearch,
  filters: SearchFilters | undefined,
  unit: CodingUnit,
  codeId: number | null,
): AutocodePlan {
  const documentIds = matchingDocumentIds(db, search, filters);
  const plan: AutocodePlan = {
    documents: documentIds.length,
    hits: 0,
    ranges: [],
    segmentDocuments: 0,
    alreadyCoded: 0,
    outsideTurns: 0,
  };
  for (const documentId of documentIds) {
    const { text, hits } = documentTextAndHits(db, documentId, search);
    plan.hits += hits.length;
    const expanded = expandHits(text, hits, unit, unit === 'turn' ? turnsOf(db, documentId) : []);
    plan.outsideTurns += expanded.outsideTurns;
    const existing = codedRanges(db, documentId, codeId);
    let added = 0;
    for (const range of expanded.ranges) {
      if (existing.has(`${range.start}:${range.end}`)) {
        plan.alreadyCoded++;
        continue;
      }
      plan.ranges.push({ documentId: documentId, startUtf16: range.start, endUtf16: range.end });
      added++;
    }
    if (added > 0) plan.segmentDocuments++;
  }
  return plan;
}
