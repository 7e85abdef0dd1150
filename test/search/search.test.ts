import { describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import type { Session } from '../../electron/backend/session';
import { setAttributeValue } from '../../electron/store/attributes';
import { newProjectSession } from '../helpers/session';
import { addDocs } from './corpus';

const T1 = 'NATO and the Geneva conventions.\nCivilian casualties rose in 2011.';
const T2 =
  'Genève hosted talks. The legitimacy of the mission was questioned.\nNon-governmental organisations (NGOs) helped.';
const T3 = 'Russia and NATO met. Nobody mentioned casualties. civilian reports followed.';
const T4 = 'Interviewer: Do you trust NATO?\nRespondent: I trust the NGO. Legitimate concerns remain.';
const T5 = '👩🏽‍🔬 Ça va? Genève 😀 NATO';

async function corpus(): Promise<{ session: Session; ids: number[] }> {
  const { session } = await newProjectSession();
  const { db } = session.requireProject();
  const respondent = T4.indexOf('Respondent');
  const ids = addDocs(db, [
    { title: 'Press 2011', text: T1, date: '2011-05-02' },
    { title: 'Speech 2015', text: T2, date: '2015' },
    { title: 'Report 2020', text: T3, date: '2020-01' },
    {
      title: 'Interview 1',
      kind: 'interview',
      text: T4,
      turns: [
        { speaker: 'Interviewer', startUtf16: 0, endUtf16: respondent - 1 },
        { speaker: 'Respondent', startUtf16: respondent, endUtf16: T4.length },
      ],
    },
    { title: 'Emoji', text: T5 },
    { title: 'NATO in the title only', text: 'Nothing relevant here.' },
  ]);
  return { session, ids };
}

/** Exact words unless told otherwise: these queries are about the syntax (word forms: stemming.test.ts). */
async function found(session: Session, query: string, filters = {}, stemming = false): Promise<number[]> {
  return invoke(session, 'search.documentIds', { query, filters, stemming });
}

describe('search over a real project', () => {
  it('finds words, phrases, prefixes, boolean and grouped queries, case- and diacritic-insensitively', async () => {
    const { session, ids } = await corpus();
    const [d1, d2, d3, d4, d5] = ids;
    expect(await found(session, 'nato')).toEqual([d1, d3, d4, d5]);
    expect(await found(session, 'NaTo')).toEqual([d1, d3, d4, d5]);
    expect(await found(session, 'NATO NOT russia')).toEqual([d1, d4, d5]);
    expect(await found(session, '"civilian casualties"')).toEqual([d1]);
    expect(await found(session, 'civilian casualties')).toEqual([d1, d3]);
    expect(await found(session, 'civilian OR geneve')).toEqual([d1, d2, d3, d5]);
    expect(await found(session, 'legitim*')).toEqual([d2, d4]);
    expect(await found(session, 'geneve')).toEqual([d2, d5]);
    expect(await found(session, 'GENÈVE')).toEqual([d2, d5]);
    expect(await found(session, 'ngo')).toEqual([d4]);
    expect(await found(session, 'ngo', {}, true)).toEqual([d2, d4]);
    expect(await found(session, 'ngo*')).toEqual([d2, d4]);
    expect(await found(session, '(ngo OR "non-governmental") AND legitim*')).toEqual([d2, d4]);
    expect(await found(session, 'nato AND (russia OR trust)')).toEqual([d3, d4]);
  });

  it('rejects malformed queries with a message naming the problem, never an exception', async () => {
    const { session } = await corpus();
    const cases: [string, string][] = [
      ['"civilian casualties', 'search: unbalanced quote in "civilian casualties'],
      ['(nato OR otan', 'search: unbalanced parenthesis: "(" is never closed'],
      ['nato)', 'search: unbalanced parenthesis: ")" has no matching "("'],
      ['nato AND', 'search: AND needs a term after it'],
      ['OR nato', 'search: OR needs a term before it'],
      [
        'NOT',
        'search: NOT needs a term before it, as in nato NOT russia (to search for the word, quote it: "not")',
      ],
      ['', 'search: the query is empty'],
      ['*', 'search: "*" must end a word, as in legitim*'],
    ];
    for (const [query, message] of cases) {
      for (const call of ['search.run', 'search.documentIds', 'documentGroups.createFromSearch'] as const) {
        const args = call === 'documentGroups.createFromSearch' ? { query, name: 'G' } : { query };
        const result = await dispatch(session, call, args);
        expect(result, `${call} ${query}`).toEqual({
          ok: false,
          error: { code: 'invalid_argument', message },
        });
      }
    }
    expect(await invoke(session, 'documentGroups.list', {})).toEqual([]);
  });

  it('treats SQL and FTS5 syntax in a query as plain words', async () => {
    const { session, ids } = await corpus();
    const { db } = session.requireProject();
    for (const query of [
      '"; DROP TABLE documents; --"',
      'NEAR(nato russia)',
      'title:nato',
      'text:nato',
      '{title}: nato',
      'nato^',
    ]) {
      const result = await dispatch(session, 'search.run', { query });
      expect(result.ok, query).toBe(true);
    }
    // "title:nato" is the phrase "title nato", not a column filter: no document has it.
    expect(await found(session, 'title:nato')).toEqual([]);
    // "NEAR(nato russia)" means near AND nato AND russia: no document has "near".
    expect(await found(session, 'NEAR(nato russia)')).toEqual([]);
    expect(await found(session, 'nato^')).toEqual([ids[0], ids[2], ids[3], ids[4]]);
    for (const query of ['"; DROP TABLE', 'NEAR(', '*']) {
      expect((await dispatch(session, 'search.run', { query })).ok).toBe(false);
    }
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 6 });
  });

  it('searches the text, not the title', async () => {
    const { session, ids } = await corpus();
    expect(await found(session, 'title')).toEqual([]);
    expect(await found(session, 'relevant')).toEqual([ids[5]]);
  });

  it('returns pages with hit counts and snippets whose highlights point at the matched words', async () => {
    const { session, ids } = await corpus();
    const page = await invoke(session, 'search.run', { query: 'nato OR trust', order: 'title', limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.title)).toEqual(['Emoji', 'Interview 1']);
    const interview = page.items[1]!;
    expect(interview.documentId).toBe(ids[3]);
    // "trust" twice and "NATO" once.
    expect(interview.hitCount).toBe(3);
    expect(interview.firstHit).toEqual({
      startUtf16: T4.indexOf('trust'),
      endUtf16: T4.indexOf('trust') + 5,
    });
    const marked = interview.snippets.flatMap((s) => s.highlights.map((h) => s.text.slice(h.start, h.end)));
    expect(marked).toEqual(['trust', 'NATO', 'trust']);
    for (const s of interview.snippets)
      for (const h of s.highlights)
        expect(T4.slice(s.startUtf16 + h.start, s.startUtf16 + h.end)).toBe(s.text.slice(h.start, h.end));
    const next = await invoke(session, 'search.run', {
      query: 'nato OR trust',
      order: 'title',
      offset: 2,
      limit: 2,
    });
    expect(next.items.map((i) => i.title)).toEqual(['Press 2011', 'Report 2020']);
  });

  it('gives hit ranges in UTF-16 units, with emoji before the hit', async () => {
    const { session, ids } = await corpus();
    const d5 = ids[4]!;
    // 👩🏽‍🔬 = 7 UTF-16 units; " Ça va? " = 8 → Genève at 15..21; "Genève 😀 " = 10 → NATO at 25..29.
    expect(
      await invoke(session, 'search.hitsInDocument', { documentId: d5, query: 'geneve OR nato' }),
    ).toEqual({
      documentId: d5,
      hits: [
        { startUtf16: 15, endUtf16: 21 },
        { startUtf16: 25, endUtf16: 29 },
      ],
    });
    expect(await dispatch(session, 'search.hitsInDocument', { documentId: 999, query: 'nato' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'search: no document with id 999' },
    });
  });

  it('filters by kind, year, group and attribute value', async () => {
    const { session, ids } = await corpus();
    const [d1, , d3, d4] = ids;
    const { db } = session.requireProject();
    expect(await found(session, 'nato', { kind: 'interview' })).toEqual([d4]);
    expect(await found(session, 'nato', { kind: 'document' })).toEqual([d1, d3, ids[4]]);
    expect(await found(session, 'nato', { yearFrom: 2012 })).toEqual([d3]);
    expect(await found(session, 'nato', { yearFrom: 2011, yearTo: 2011 })).toEqual([d1]);
    const group = await invoke(session, 'documentGroups.create', {
      name: 'Set A',
      documentIds: [d1!, d3!, ids[1]!],
    });
    expect(await found(session, 'nato', { groupId: group.id })).toEqual([d1, d3]);
    setAttributeValue(db, d1!, 'Country', 'France');
    setAttributeValue(db, d3!, 'Country', 'Germany');
    expect(await found(session, 'nato', { attributes: [{ name: 'country', value: 'france' }] })).toEqual([
      d1,
    ]);
    expect(
      await found(session, 'nato', {
        attributes: [{ name: 'Country', value: 'Germany' }],
        groupId: group.id,
      }),
    ).toEqual([d3]);
    const options = await invoke(session, 'search.filterOptions', {});
    expect(options.years).toEqual({ min: 2011, max: 2020 });
    expect(options.attributes).toEqual([{ name: 'Country', type: 'text', values: ['France', 'Germany'] }]);
    expect(options.kinds).toEqual([
      { kind: 'document', count: 5 },
      { kind: 'interview', count: 1 },
    ]);
    expect(await dispatch(session, 'search.run', { query: 'nato', filters: { groupId: 77 } })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'search: no group with id 77' },
    });
  });
});
