import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import type { Session } from '../../electron/backend/session';
import { PAGE_DATES_SQL, pageQuery } from '../../electron/store/searchHitList';
import type { SearchFilters } from '../../shared/api/search';
import { newProjectSession } from '../helpers/session';
import { addDocs } from './corpus';

const FILLER = 'The committee met again and the minutes were read aloud to everyone present.';

/** 41 documents: NATO 0–6 times in texts of different lengths (some identical, so ranks tie). */
async function corpus(): Promise<{ session: Session; db: Database.Database; ids: number[] }> {
  const { session } = await newProjectSession();
  const { db } = session.requireProject();
  const docs = Array.from({ length: 41 }, (_, i) => {
    const natos = i % 7;
    const parts = Array.from({ length: 1 + (i % 5) }, () => FILLER);
    for (let k = 0; k < natos; k++)
      parts.splice(k % parts.length, 0, `NATO said civilian casualties (${k}).`);
    return {
      // Titles repeat, so title order must break ties by id to page consistently.
      title: `Report ${String.fromCharCode(65 + (i % 6))}`,
      kind: i % 3 === 0 ? ('interview' as const) : ('document' as const),
      date: i % 4 === 0 ? null : `${2000 + (i % 9)}-0${1 + (i % 9)}`,
      text: i === 40 ? parts.join('\n') : parts.join(' '),
    };
  });
  return { session, db, ids: addDocs(db, docs) };
}

/** Every page of `size`, joined, as the UI's virtualised list loads them while scrolling. */
async function allPages(
  session: Session,
  query: string,
  size: number,
  order: 'relevance' | 'title' | 'date',
  filters: SearchFilters = {},
): Promise<{ ids: number[]; totals: number[] }> {
  const ids: number[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += size) {
    const page = await invoke(session, 'search.run', { query, order, filters, offset, limit: size });
    totals.push(page.total);
    expect(page.offset).toBe(offset);
    ids.push(...page.items.map((item) => item.documentId));
    if (page.items.length < size) return { ids, totals };
  }
}

function rankedByBm25(db: Database.Database, match: string): number[] {
  return db
    .prepare(
      `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts), rowid`,
    )
    .pluck()
    .all(match) as number[];
}

function plan(db: Database.Database, query: { sql: string; params: Record<string, unknown> }): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(query.params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('the hit list, page by page', () => {
  it('joins its pages into the whole ranked list, with the total on every page', async () => {
    const { session, db } = await corpus();
    const ranked = rankedByBm25(db, 'nato');
    expect(ranked.length).toBe(35);
    for (const size of [1, 7, 50]) {
      const { ids, totals } = await allPages(session, 'nato', size, 'relevance');
      expect(ids).toEqual(ranked);
      expect(new Set(totals)).toEqual(new Set([35]));
    }
    const phrase = await allPages(session, '"civilian casualties" NOT committee', 4, 'relevance');
    expect(phrase.ids).toEqual(rankedByBm25(db, '"civilian casualties" NOT committee'));
  });

  it('orders by title and by date with ties broken by id, and filters every page alike', async () => {
    const { session, db } = await corpus();
    const rows = db.prepare('SELECT id, title, kind, date, year FROM documents ORDER BY id').all() as {
      id: number;
      title: string;
      kind: string;
      date: string | null;
      year: number | null;
    }[];
    const matching = new Set(rankedByBm25(db, 'nato'));
    const found = rows.filter((r) => matching.has(r.id));
    const byTitle = [...found].sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id);
    expect((await allPages(session, 'nato', 6, 'title')).ids).toEqual(byTitle.map((r) => r.id));
    const byDate = [...found].sort(
      (a, b) =>
        Number(a.date === null) - Number(b.date === null) ||
        (a.date ?? '').localeCompare(b.date ?? '') ||
        a.id - b.id,
    );
    expect((await allPages(session, 'nato', 6, 'date')).ids).toEqual(byDate.map((r) => r.id));

    const filters: SearchFilters = { kind: 'document', yearFrom: 2002, yearTo: 2006 };
    const expected = found
      .filter((r) => r.kind === 'document' && r.year !== null && r.year >= 2002 && r.year <= 2006)
      .map((r) => r.id);
    const relevance = await allPages(session, 'nato', 4, 'relevance', filters);
    expect([...relevance.ids].sort((a, b) => a - b)).toEqual(expected);
    expect(relevance.ids).toEqual(rankedByBm25(db, 'nato').filter((id) => expected.includes(id)));
    expect(new Set(relevance.totals)).toEqual(new Set([expected.length]));
    expect(await invoke(session, 'search.documentIds', { query: 'nato', filters })).toEqual(expected);
  });

  it('reads no document row to rank, count or filter by year (the rows hold the whole text)', async () => {
    const { db } = await corpus();
    const relevance = plan(db, pageQuery(db, 'documents_fts', 'nato', { offset: 0, limit: 50 }));
    // Only the index itself, the sort and the count's window over it: no step that seeks or scans a
    // documents row.
    expect(
      relevance.split('\n').filter((step) => !/documents_fts|TEMP B-TREE|\(subquery-\d+\)/.test(step)),
    ).toEqual([]);
    const years = plan(
      db,
      pageQuery(db, 'documents_fts', 'nato', { filters: { yearFrom: 2003 }, offset: 0, limit: 50 }),
    );
    expect(years).toMatch(/documents USING COVERING INDEX documents_date/);
    const byDate = plan(db, pageQuery(db, 'documents_fts', 'nato', { order: 'date', offset: 0, limit: 50 }));
    expect(byDate).toMatch(/SCAN documents USING COVERING INDEX documents_date/);
    expect(plan(db, { sql: PAGE_DATES_SQL, params: { ids: '[1,2]' } })).toMatch(
      /documents USING COVERING INDEX documents_date/,
    );
  });

  it('lists the same page without snippets, and without counting hits', async () => {
    const { session } = await corpus();
    for (const order of ['relevance', 'title', 'date'] as const) {
      const full = await invoke(session, 'search.run', { query: 'nato', order, offset: 5, limit: 9 });
      const list = await invoke(session, 'search.run', {
        query: 'nato',
        order,
        offset: 5,
        limit: 9,
        snippets: false,
      });
      expect(list.total).toBe(full.total);
      expect(list.items).toEqual(
        full.items.map((item) => ({ ...item, hitCount: null, firstHit: null, snippets: [] })),
      );
    }
  });

  it('counts every match on any page, a page past the last included, with filters', async () => {
    const { session, db } = await corpus();
    const all = db
      .prepare(`SELECT count(*) FROM documents_fts_stem WHERE documents_fts_stem MATCH 'nato'`)
      .pluck();
    const expected = all.get() as number;
    expect(expected).toBeGreaterThan(3);
    for (const order of ['relevance', 'title', 'date'] as const)
      for (const offset of [0, 2, expected - 1, expected, expected + 10]) {
        const page = await invoke(session, 'search.run', {
          query: 'nato',
          order,
          offset,
          limit: 2,
          snippets: false,
        });
        expect([order, offset, page.total]).toEqual([order, offset, expected]);
        expect(page.items).toHaveLength(Math.max(0, Math.min(2, expected - offset)));
      }
    const filtered = await invoke(session, 'search.run', {
      query: 'nato',
      filters: { kind: 'document' },
      limit: 1,
      snippets: false,
    });
    expect(filtered.total).toBe(
      await invoke(session, 'search.documentIds', { query: 'nato', filters: { kind: 'document' } }).then(
        (ids) => ids.length,
      ),
    );
  });

  it('gives every shown document its hit count and snippets that contain the hit', async () => {
    const { session, db } = await corpus();
    const page = await invoke(session, 'search.run', { query: 'nato', limit: 50 });
    for (const item of page.items) {
      const text = db
        .prepare('SELECT text FROM documents WHERE id = ?')
        .pluck()
        .get(item.documentId) as string;
      expect(item.hitCount).toBe(text.split('NATO').length - 1);
      expect(item.snippets.length).toBeGreaterThan(0);
      for (const s of item.snippets) {
        expect(text.slice(s.startUtf16, s.startUtf16 + s.text.length).replace(/\n/g, ' ')).toBe(s.text);
        for (const h of s.highlights) expect(s.text.slice(h.start, h.end)).toBe('NATO');
      }
    }
  });
});
