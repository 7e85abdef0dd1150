import { describe, expect, it } from 'vitest';
import { expandHits, paragraphRanges, sentenceAt } from '../../shared/search/units';

const slice = (text: string, r: { start: number; end: number }): string => text.slice(r.start, r.end);

describe('paragraphs', () => {
  it('are the lines of the stored text', () => {
    expect(paragraphRanges('a\n\nbc\n')).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 2 },
      { start: 3, end: 5 },
      { start: 6, end: 6 },
    ]);
  });
});

describe('sentences', () => {
  it('break after . ! ? but not inside e.g. or decimals, and never cross a line', () => {
    const text = 'First one. NATO met e.g. the allies at 3.5 pm! Last?\nNext line.';
    const nato = text.indexOf('NATO');
    expect(slice(text, sentenceAt(text, nato))).toBe('NATO met e.g. the allies at 3.5 pm!');
    expect(slice(text, sentenceAt(text, text.indexOf('Last')))).toBe('Last?');
    expect(slice(text, sentenceAt(text, text.indexOf('Next')))).toBe('Next line.');
  });
});

describe('expandHits', () => {
  const text = 'Intro line.\nQ: Do you trust NATO? Why.\nA: NATO helps. Not always NATO.\n\nEnd with nato.';
  const at = (word: string, from = 0): { start: number; end: number } => {
    const start = text.indexOf(word, from);
    return { start, end: start + word.length };
  };
  const h1 = at('NATO');
  const h2 = at('NATO', h1.end);
  const h3 = at('NATO', h2.end);
  const h4 = at('nato');
  const hits = [h1, h2, h3, h4];
  // Turns as the import would store them: "Q: …" line and "A: …" line, up to the end of the line.
  const q = { start: text.indexOf('Q:'), end: text.indexOf('?') + 6 };
  const a = { start: text.indexOf('A:'), end: text.indexOf('NATO.') + 5 };

  it('hit: the hits themselves', () => {
    expect(expandHits(text, hits, 'hit').ranges.map((r) => slice(text, r))).toEqual([
      'NATO',
      'NATO',
      'NATO',
      'nato',
    ]);
  });

  it('sentence: two hits in one sentence make one range', () => {
    const twoInOne = 'A NATO and NATO thing. Other.';
    const r = expandHits(
      twoInOne,
      [
        { start: 2, end: 6 },
        { start: 11, end: 15 },
      ],
      'sentence',
    );
    expect(r.ranges.map((x) => slice(twoInOne, x))).toEqual(['A NATO and NATO thing.']);
    expect(expandHits(text, hits, 'sentence').ranges.map((x) => slice(text, x))).toEqual([
      'Q: Do you trust NATO?',
      'A: NATO helps.',
      'Not always NATO.',
      'End with nato.',
    ]);
  });

  it('paragraph: the line, without its edges', () => {
    expect(expandHits(text, hits, 'paragraph').ranges.map((x) => slice(text, x))).toEqual([
      'Q: Do you trust NATO? Why.',
      'A: NATO helps. Not always NATO.',
      'End with nato.',
    ]);
  });

  it('turn: the speaker turn; hits outside turns fall back to the paragraph and are counted', () => {
    const r = expandHits(text, hits, 'turn', [q, a]);
    expect(r.ranges.map((x) => slice(text, x))).toEqual([
      'Q: Do you trust NATO? Why.',
      'A: NATO helps. Not always NATO.',
      'End with nato.',
    ]);
    expect(r.outsideTurns).toBe(1);
  });

  it('document: the whole text once', () => {
    expect(expandHits(text, hits, 'document').ranges).toEqual([{ start: 0, end: text.length }]);
    expect(expandHits(text, [], 'document').ranges).toEqual([]);
  });

  it('a phrase across a sentence break spans both sentences', () => {
    const t = 'He said civilian. Casualties rose. Later.';
    const r = expandHits(t, [{ start: 8, end: 28 }], 'sentence');
    expect(r.ranges.map((x) => slice(t, x))).toEqual(['He said civilian. Casualties rose.']);
  });
});
