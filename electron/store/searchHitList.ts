/**
 * Which documents match a search, one page at a time, and how many in all — without reading the
 * matching documents' rows. A document row holds its whole text, and `date` is stored after it, so
 * reading `date` (or `year`, computed from it) for every match read every matching text: 60–90 ms for
 * 3,000 matches of the 10× study, where FTS5 counts them in under a millisecond. So:
 * - relevance order asks FTS5 alone for the page (its rank: passage_rank() or bm25(), see ranking.ts;
 *   LIMIT/OFFSET) and counts in the same pass;
 * - date order and the year filters read dates from the documents_date index (covering: date, id);
 * - only the page's rows are read for their title, kind and date;
 * - a filter's SQL appears only when that filter is given (each combination has one fixed SQL text),
 *   so an unused filter never costs a row read.
 */
import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import type { DocumentKind, SearchFilters } from '../../shared/api/search';
import { rankCondition } from './ranking';
import { statement } from './statements';

/** The index a search reads: both share the columns and rowids of `documents`. */
export type FtsTable = 'documents_fts' | 'documents_fts_stem';
export type SearchOrder = 'relevance' | 'title' | 'date';

export interface MatchRow {
  id: number;
  title: string;
  kind: DocumentKind;
  date: string | null;
}

interface FilterSql {
  /** Conditions on the FTS row (`FTS.rowid` is the document id), each starting with AND. */
  sql: string;
  params: Record<string, unknown>;
}

// Each document filter read without the text: kind from the row's first page (one seek per match),
// years from the date index, groups and attributes from their own tables.
const KIND = `AND (SELECT kind FROM documents WHERE id = FTS.rowid) = @kind`;
const YEARS = `AND FTS.rowid IN (SELECT id FROM documents INDEXED BY documents_date
    WHERE date IS NOT NULL
      AND (@yearFrom IS NULL OR CAST(substr(date, 1, 4) AS INTEGER) >= @yearFrom)
      AND (@yearTo IS NULL OR CAST(substr(date, 1, 4) AS INTEGER) <= @yearTo))`;
const GROUP = `AND FTS.rowid IN (SELECT document_id FROM document_group_members WHERE group_id = @groupId)`;
const ATTRIBUTES = `AND NOT EXISTS (
    SELECT 1 FROM json_each(@attributes) wanted
    WHERE NOT EXISTS (
      SELECT 1 FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id
      WHERE v.document_id = FTS.rowid AND a.scope = 'document'
        AND a.name = json_extract(wanted.value, '$.name')
        AND v.value = json_extract(wanted.value, '$.value') COLLATE NOCASE))`;

function filterSql(db: Database.Database, filters: SearchFilters | undefined): FilterSql {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters?.kind !== undefined) {
    parts.push(KIND);
    params.kind = filters.kind;
  }
  if (filters?.yearFrom !== undefined || filters?.yearTo !== undefined) {
    parts.push(YEARS);
    params.yearFrom = filters.yearFrom ?? null;
    params.yearTo = filters.yearTo ?? null;
  }
  if (filters?.groupId !== undefined) {
    const group = statement(db, 'SELECT 1 FROM document_groups WHERE id = @id').get({ id: filters.groupId });
    if (!group) throw new PassageError('not_found', `search: no group with id ${filters.groupId}`);
    parts.push(GROUP);
    params.groupId = filters.groupId;
  }
  if (filters?.attributes && filters.attributes.length > 0) {
    parts.push(ATTRIBUTES);
    params.attributes = JSON.stringify(filters.attributes);
  }
  return { sql: parts.join('\n  '), params };
}

function matchWhere(table: FtsTable, filters: FilterSql): string {
  return `${table} MATCH @match ${filters.sql.replaceAll('FTS.', `${table}.`)}`;
}

/** How many documents match (with the filters), counted by FTS5 without reading any document. */
export function countMatches(
  db: Database.Database,
  table: FtsTable,
  match: string,
  filters?: SearchFilters,
): number {
  const where = filterSql(db, filters);
  const sql = `SELECT count(*) FROM ${table} WHERE ${matchWhere(table, where)}`;
  return statement(db, sql)
    .pluck()
    .get({ match, ...where.params }) as number;
}

/** Every matching document's id, ascending (for selections, groups and auto-coding). */
export function matchingIds(
  db: Database.Database,
  table: FtsTable,
  match: string,
  filters?: SearchFilters,
): number[] {
  const where = filterSql(db, filters);
  const sql = `SELECT rowid FROM ${table} WHERE ${matchWhere(table, where)} ORDER BY rowid`;
  return statement(db, sql)
    .pluck()
    .all({ match, ...where.params }) as number[];
}

/**
 * The page's document ids in the order asked for, ties broken by id so pages join up exactly, each with
 * the number of matches: ranking has matched them all, and a count of its own matched them again (the
 * phrase "protection of civilians" in the 10× study: 9 ms to rank with bm25(), 6 with passage_rank(),
 * and 3 more to count).
 */
function pageIdsSql(table: FtsTable, where: string, order: SearchOrder, rank: string): string {
  const matches = `SELECT rowid FROM ${table} WHERE ${where}`;
  const total = 'count(*) OVER () AS total';
  switch (order) {
    case 'relevance':
      return `SELECT rowid, ${total} FROM ${table} WHERE ${where}${rank} ORDER BY rank, rowid LIMIT @limit OFFSET @offset`;
    case 'title':
      // Title comes before the text in a row: the row's first page is all that is read.
      return `SELECT id, ${total} FROM documents WHERE id IN (${matches})
        ORDER BY title COLLATE NOCASE, id LIMIT @limit OFFSET @offset`;
    case 'date':
      return `SELECT id, ${total} FROM documents INDEXED BY documents_date WHERE id IN (${matches})
        ORDER BY date IS NULL, date, id LIMIT @limit OFFSET @offset`;
  }
}

interface PageOptions {
  filters?: SearchFilters | undefined;
  order?: SearchOrder | undefined;
  offset: number;
  limit: number;
}

/** The SQL and parameters of one page's ids (exported so tests can read its query plan). */
export function pageQuery(
  db: Database.Database,
  table: FtsTable,
  match: string,
  options: PageOptions,
): { sql: string; params: Record<string, unknown> } {
  const where = filterSql(db, options.filters);
  return {
    sql: pageIdsSql(table, matchWhere(table, where), options.order ?? 'relevance', rankCondition(db)),
    params: { match, ...where.params, offset: options.offset, limit: options.limit },
  };
}

/**
 * One page of matching documents, best first (or by title or date), with their list columns, and how
 * many documents match in all.
 */
export function matchPage(
  db: Database.Database,
  table: FtsTable,
  match: string,
  options: PageOptions,
): { rows: MatchRow[]; total: number } {
  const { sql, params } = pageQuery(db, table, match, options);
  const page = statement(db, sql).raw().all(params) as [number, number][];
  const ids = page.map(([id]) => id);
  // A page past the last match has no row to carry the count.
  if (ids.length === 0)
    return { rows: [], total: options.offset > 0 ? countMatches(db, table, match, options.filters) : 0 };
  const total = page[0]![1];
  // Title and kind from each row's first page; dates from the index, not from behind the text.
  const head = statement(db, 'SELECT id, title, kind FROM documents WHERE id = @id');
  const dates = new Map(
    (
      statement(db, PAGE_DATES_SQL)
        .raw()
        .all({ ids: JSON.stringify(ids) }) as [number, string | null][]
    ).map(([id, date]) => [id, date]),
  );
  const rows = ids.map((id) => ({
    ...(head.get({ id }) as Omit<MatchRow, 'date'>),
    date: dates.get(id) ?? null,
  }));
  return { rows, total };
}

/** The page's dates, read from the documents_date index (exported so tests can read its query plan). */
export const PAGE_DATES_SQL = `SELECT id, date FROM documents INDEXED BY documents_date
  WHERE id IN (SELECT value FROM json_each(@ids))`;
