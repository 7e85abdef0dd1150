import { describe, expect, it } from 'vitest';
import { findHits, findHitsInAscii } from '../../shared/search/hits';
import type { QueryTerm } from '../../shared/search/query';
import { seededRandom } from '../../shared/seededRandom';

// Pure-ASCII text is searched in place, case-insensitively, instead of in a lower-cased copy: the hits
// must be those findHits gives, for every kind of term, whatever the case and the separators.

const WORDS = ['ngo', 'ngos', 'of', 'protection', 'protections', 'civilian', 'civilians', 'a', 'aa', 'x1'];
const SEPARATORS = [' ', '  ', '-', "'", '.\n', '\t', '(', ') ', '', '_', '*'];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

/** A word in any case: lower, capitalised, upper or mixed. */
function cased(next: () => number, word: string): string {
  return [...word].map((c) => (next() < 0.3 ? c.toUpperCase() : c)).join('');
}

function term(next: () => number): QueryTerm {
  const tokens = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, WORDS));
  return { type: 'term', tokens, prefix: next() < 0.25 };
}

describe('findHitsInAscii', () => {
  it('gives the hits of findHits over the lower-cased text, on 2,000 random texts and queries', () => {
    const next = seededRandom(42);
    let hits = 0;
    for (let round = 0; round < 2000; round++) {
      const text = Array.from(
        { length: Math.floor(next() * 60) },
        () => cased(next, pick(next, WORDS)) + pick(next, SEPARATORS),
      ).join('');
      const terms = Array.from({ length: 1 + Math.floor(next() * 4) }, () => term(next));
      const expected = findHits(text, terms);
      expect(findHitsInAscii(text, terms), `${JSON.stringify(terms)} in ${JSON.stringify(text)}`).toEqual(
        expected,
      );
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(2000);
  });

  it('treats characters of regular expressions in a term as plain text', () => {
    const terms: QueryTerm[] = [{ type: 'term', tokens: ['a.b'], prefix: false }];
    expect(findHitsInAscii('axb a.b', terms)).toEqual(findHits('axb a.b', terms));
  });
});
