import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../shared/search/query';

function fts(query: string): string {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.fts;
}

function error(query: string): string {
  const parsed = parseQuery(query);
  if (parsed.ok) throw new Error(`expected an error for ${query}, got ${parsed.fts}`);
  return parsed.message;
}

describe('parseQuery', () => {
  it('turns words, phrases and prefixes into quoted FTS5 strings on the text column', () => {
    expect(fts('NATO')).toBe('("nato")');
    expect(fts('"Civilian  Casualties"')).toBe('("civilian casualties")');
    expect(fts('legitim*')).toBe('("legitim"*)');
    expect(fts('"civilian casual"*')).toBe('("civilian casual"*)');
    expect(fts('Genève')).toBe('("geneve")');
  });

  it('splits a word with inner punctuation into a phrase, as the index does', () => {
    expect(fts('non-governmental')).toBe('("non governmental")');
    expect(fts("l'été")).toBe('("l ete")');
  });

  it('builds AND / OR / NOT with FTS5 precedence and implicit AND', () => {
    expect(fts('nato russia')).toBe('("nato" AND "russia")');
    expect(fts('nato AND russia OR otan')).toBe('(("nato" AND "russia") OR "otan")');
    expect(fts('nato OR otan NOT russia')).toBe('("nato" OR ("otan" NOT "russia"))');
    expect(fts('nato and not russia')).toBe('("nato" NOT "russia")');
    expect(fts('(ngo OR "non-governmental organisation") AND funding')).toBe(
      '(("ngo" OR "non governmental organisation") AND "funding")',
    );
    expect(fts('"not" "or"')).toBe('("not" AND "or")');
  });

  it('collects the positive terms only', () => {
    const parsed = parseQuery('(nato OR otan) NOT russia');
    expect(parsed.ok && parsed.terms.map((t) => t.tokens.join(' '))).toEqual(['nato', 'otan']);
  });

  it('names the problem in malformed queries', () => {
    expect(error('"civilian casualties')).toBe('search: unbalanced quote in "civilian casualties');
    expect(error('nato "civilian')).toBe('search: unbalanced quote in "civilian');
    expect(error('(nato OR otan')).toBe('search: unbalanced parenthesis: "(" is never closed');
    expect(error('nato OR otan)')).toBe('search: unbalanced parenthesis: ")" has no matching "("');
    expect(error('nato (')).toBe('search: unbalanced parenthesis: "(" is never closed');
    expect(error('nato OR')).toBe('search: OR needs a term after it');
    expect(error('nato AND')).toBe('search: AND needs a term after it');
    expect(error('OR nato')).toBe('search: OR needs a term before it');
    expect(error('nato AND AND otan')).toBe('search: AND needs a term after it');
    expect(error('nato NOT')).toBe('search: NOT needs a term after it');
    expect(error('NOT')).toMatch(/^search: NOT needs a term before it/);
    expect(error('NOT russia')).toMatch(/^search: NOT needs a term before it, as in nato NOT russia/);
    expect(error('nato (NOT russia)')).toMatch(/^search: NOT needs a term before it/);
    expect(error('')).toBe('search: the query is empty');
    expect(error('   ')).toBe('search: the query is empty');
    expect(error('()')).toBe('search: empty parentheses ()');
    expect(error('""')).toBe('search: empty quotes ""');
    expect(error('*')).toBe('search: "*" must end a word, as in legitim*');
    expect(error('!!!')).toBe('search: nothing to search for in !!! (only punctuation)');
    expect(error('x'.repeat(1001))).toBe('search: the query is longer than 1000 characters');
    expect(error(Array.from({ length: 65 }, (_, i) => `w${i}`).join(' '))).toBe(
      'search: too many terms (at most 64)',
    );
  });

  it('keeps FTS5 and SQL syntax in the query inert', () => {
    expect(fts('"; DROP TABLE documents; --"')).toBe('("drop table documents")');
    expect(error('"; DROP TABLE')).toBe('search: unbalanced quote in "; DROP TABLE');
    expect(error('NEAR(nato russia')).toBe('search: unbalanced parenthesis: "(" is never closed');
    expect(fts('NEAR(nato russia)')).toBe('("near" AND ("nato" AND "russia"))');
    expect(fts('title:nato')).toBe('("title nato")');
    expect(fts('{title text}: nato')).toBe('("title" AND "text" AND "nato")');
    expect(fts('nato^ +russia -otan')).toBe('("nato" AND "russia" AND "otan")');
  });

  it('never throws, whatever the input', () => {
    const alphabet = ['"', '(', ')', '*', ' ', 'a', 'AND', 'OR', 'NOT', ':', '^', 'é', '😀', '\n'];
    for (let n = 0; n < 2000; n++) {
      let query = '';
      const length = (n % 9) + 1;
      for (let k = 0; k < length; k++)
        query += `${alphabet[(n * 7 + k * 13 + ((n >> 3) % 5)) % alphabet.length]} `;
      const parsed = parseQuery(query);
      if (parsed.ok) expect(parsed.fts.startsWith('(')).toBe(true);
      else expect(parsed.message.startsWith('search: ')).toBe(true);
    }
  });
});
