import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import type { Session } from '../../electron/backend/session';
import { newProjectSession } from '../helpers/session';
import { addDocs } from './corpus';
import { referenceSearchPage } from './referenceSearchPage';
import { seededRandom } from '../../shared/seededRandom';

// search.run must give what it gave before issue 18 made it faster — the same documents in the same
// order, hit counts, first hits and snippet text — on a generated corpus that mixes what the fast paths
// tell apart: pure-ASCII and other text (diacritics, ß and İ whose lower case changes length, emoji,
// CJK), every case, word forms, words glued by punctuation, line breaks, long and short documents.

const ASCII_WORDS = [
  'the',
  'of',
  'of',
  'and',
  'a',
  'protection',
  'Protection',
  'PROTECTION',
  'protections',
  'protected',
  'civilians',
  'Civilians',
  'civilian',
  'casualties',
  'casualty',
  'Casualties',
  'NGO',
  'NGOs',
  'ngo',
  "NGO's",
  'NGO-led',
  'NGO2',
  'legitimacy',
  'Legitimacy',
  'legitimate',
  'legitimise',
  'mission',
  'said',
  'we',
  'were',
  'told',
  'protection-of-civilians',
  'civilians.',
  '(civilian',
  'casualties)',
  'of-of',
  'Interviewer:',
  'Respondent:',
  '2011',
  'NGOship',
  'protectionism',
];
const OTHER_WORDS = [
  '—',
  'Légitimité',
  'naïve',
  'Straße',
  'İstanbul',
  '😀',
  '保护平民',
  'ÉTAT',
  'Genève',
  'Ça',
];
const PHRASES = [
  'protection of civilians',
  'Protection of Civilians',
  'PROTECTIONS OF CIVILIANS',
  'civilian casualties',
  'Civilian Casualties',
  'NGOs protection',
];
const SEPARATORS = [' ', ' ', ' ', ' ', ', ', '. ', '\n', '\r\n', '\t', ' - ', '  '];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

function generatedText(next: () => number, words: number, nonAscii: boolean): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) {
    parts.push(pick(next, nonAscii && next() < 0.08 ? OTHER_WORDS : ASCII_WORDS), pick(next, SEPARATORS));
    // Phrases the queries look for, now and then whole.
    if (next() < 0.04) parts.push(pick(next, PHRASES), pick(next, SEPARATORS));
  }
  return parts.join('').trim();
}

async function generatedCorpus(): Promise<{ session: Session; db: Database.Database }> {
  const { session } = await newProjectSession();
  const { db } = session.requireProject();
  const next = seededRandom(18);
  const docs = Array.from({ length: 90 }, (_, i) => ({
    title: `${['Interview', 'report', 'Memo'][i % 3]} ${i % 11}`,
    kind: i % 4 === 0 ? ('interview' as const) : ('document' as const),
    date: i % 5 === 0 ? null : `${2000 + (i % 13)}-0${1 + (i % 9)}`,
    // Mostly short, some long transcripts (many hits, snippets cut at both ends).
    text: generatedText(next, i % 9 === 0 ? 6000 : 20 + Math.floor(next() * 300), i % 3 !== 1),
  }));
  const ids = addDocs(db, [
    ...docs,
    // A lone surrogate (stored as the replacement character); a byte-order mark is put in below.
    { title: 'Marked', text: 'Protection of civilians: NGO said so.' },
    { title: 'Lone', text: 'NGO \ud800 protection of civilians, legitimacy.' },
    { title: 'Invalid', text: 'placeholder' },
  ]);
  // What the importer would not store but another program could: a byte-order mark kept at the start,
  // and bytes that are not UTF-8.
  db.prepare('UPDATE documents SET text = char(65279) || text WHERE id = ?').run(ids[ids.length - 3]);
  db.prepare(`UPDATE documents SET text = CAST(? AS TEXT) WHERE id = ?`).run(
    Buffer.concat([
      Buffer.from('The NGO legitimacy '),
      Buffer.from([0xff, 0xc3]),
      Buffer.from(' protection of civilians'),
    ]),
    ids[ids.length - 1],
  );
  return { session, db };
}

const QUERIES = [
  'legitimacy',
  '"protection of civilians"',
  'NGO*',
  'NGO AND "civilian casualties"',
  'civilians OR casualty',
  'protection NOT legitimacy',
  '"of of"',
  'prot*',
  '"civilian casual"*',
  'naïve OR straße OR istanbul',
  'legitimite',
  '(ngo OR mission) AND "protection of"',
];

describe('search.run gives the same page as before issue 18', () => {
  it('for every query kind, with word forms and exact, in every order and on later pages', async () => {
    const { session, db } = await generatedCorpus();
    let compared = 0;
    for (const query of QUERIES) {
      for (const stemming of [true, false]) {
        for (const order of ['relevance', 'title', 'date'] as const) {
          for (const [offset, limit] of [
            [0, 100],
            [0, 7],
            [7, 7],
            [40, 50],
          ] as const) {
            const page = await invoke(session, 'search.run', { query, stemming, order, offset, limit });
            const expected = referenceSearchPage(db, query, { stemming, order, offset, limit });
            expect(page, `${query} ${stemming ? 'forms' : 'exact'} ${order} ${offset}+${limit}`).toEqual(
              expected,
            );
            compared += page.items.length;
          }
        }
      }
    }
    // The reader's hits and auto-coding read documents the same way.
    for (const query of QUERIES.slice(0, 4)) {
      for (const stemming of [true, false]) {
        const expected = referenceSearchPage(db, query, {
          stemming,
          order: 'relevance',
          offset: 0,
          limit: 1000,
        });
        for (const item of expected.items.slice(0, 12)) {
          const inReader = await invoke(session, 'search.hitsInDocument', {
            documentId: item.documentId,
            query,
            stemming,
          });
          expect(inReader.hits.length).toBe(item.hitCount);
          expect(inReader.hits[0]).toEqual(item.firstHit);
        }
        const plan = await invoke(session, 'autocode.preview', {
          query,
          stemming,
          unit: 'hit',
          codeName: 'x',
        });
        expect(plan.hits).toBe(expected.items.reduce((sum, item) => sum + (item.hitCount ?? 0), 0));
      }
    }
    // The corpus really exercises the comparison: most queries match many documents.
    expect(compared).toBeGreaterThan(5000);
  });
});
