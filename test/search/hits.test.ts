import { describe, expect, it } from 'vitest';
import { foldText, tokenize } from '../../shared/search/fold';
import { findHits } from '../../shared/search/hits';
import { parseQuery } from '../../shared/search/query';

function hits(text: string, query: string): string[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.message);
  return findHits(text, parsed.terms).map((h) => text.slice(h.start, h.end));
}

function ranges(text: string, query: string): [number, number][] {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.message);
  return findHits(text, parsed.terms).map((h) => [h.start, h.end]);
}

describe('tokenize and fold', () => {
  it('agrees with FTS5 unicode61 remove_diacritics 2 on tricky text', () => {
    // Expected tokens read from an fts5vocab table over the same text.
    expect(tokenize("Genève Ørsted Straße İstanbul e\u0301té ŒUVRE l'été x_y co-op v1.2 Łódź ǅemal")).toEqual(
      [
        'geneve',
        'ørsted',
        'straße',
        'istanbul',
        'ete',
        'œuvre',
        'l',
        'ete',
        'x',
        'y',
        'co',
        'op',
        'v1',
        '2',
        'łodz',
        'ǆemal',
      ],
    );
  });

  it('maps folded offsets back to the original text', () => {
    const text = '😀 É\u0301lan';
    const folded = foldText(text);
    expect(folded.folded).toBe('😀 elan');
    expect(Array.from(folded.starts!)).toEqual([0, 0, 2, 3, 5, 6, 7]);
  });
});

describe('findHits', () => {
  it('finds words case- and diacritic-insensitively, on word boundaries only', () => {
    expect(hits('Geneva, GENÈVE and genève; Genevese.', 'geneve')).toEqual(['GENÈVE', 'genève']);
    expect(hits('The NATO summit; nato-led; unatomic', 'Nato')).toEqual(['NATO', 'nato']);
  });

  it('finds phrases across any separator and prefixes to the end of the word', () => {
    const text =
      'Civilian casualties rose.\nCivilian\ncasualties, civilian-casualties, civilians casualties.';
    expect(hits(text, '"civilian casualties"')).toEqual([
      'Civilian casualties',
      'Civilian\ncasualties',
      'civilian-casualties',
    ]);
    expect(hits('Legitimacy and legitimate; illegitimate; Legit', 'legitim*')).toEqual([
      'Legitimacy',
      'legitimate',
    ]);
    expect(hits('civilian casualty, civilian casualties', '"civilian casual"*')).toEqual([
      'civilian casualty',
      'civilian casualties',
    ]);
  });

  it('highlights every positive term of a boolean query, none of the excluded ones', () => {
    expect(hits('NATO and Russia and the OTAN', '(nato OR otan) NOT russia')).toEqual(['NATO', 'OTAN']);
    expect(hits('NATO and Russia', 'nato AND russia')).toEqual(['NATO', 'Russia']);
  });

  it('unites overlapping hits of different terms', () => {
    expect(ranges('civilian casualties', 'civilian OR "civilian casualties"')).toEqual([[0, 19]]);
  });

  it('gives UTF-16 offsets with emoji and accents before the hit', () => {
    const text = '👩🏽‍🔬 Ça va? Genève 😀 NATO';
    // 👩🏽‍🔬 is 7 UTF-16 units (4 code points), then " Ça va? " (8) → Genève starts at 15.
    expect(ranges(text, 'geneve')).toEqual([[15, 21]]);
    expect(text.slice(15, 21)).toBe('Genève');
    // "Genève" (6) + " 😀 " (4) → NATO at 25.
    expect(ranges(text, 'nato')).toEqual([[25, 29]]);
  });

  it('handles decomposed accents in the stored text', () => {
    const text = 'Gene\u0300ve';
    expect(ranges(text, 'genève')).toEqual([[0, 7]]);
  });
});
