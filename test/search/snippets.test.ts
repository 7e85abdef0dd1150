import { describe, expect, it } from 'vitest';
import { makeSnippets } from '../../shared/search/snippets';

describe('makeSnippets', () => {
  it('cuts around a hit at word breaks and points highlights at the hit', () => {
    const text =
      'one two three four five six seven eight nine ten NATO eleven twelve thirteen fourteen fifteen';
    const start = text.indexOf('NATO');
    const [snippet] = makeSnippets(text, [{ start, end: start + 4 }], { context: 10 });
    // 10 units before NATO is inside "nine"; snapping back to the space before "nine".
    expect(snippet!.text).toBe('nine ten NATO eleven twelve');
    const h = snippet!.highlights[0]!;
    expect(snippet!.text.slice(h.start, h.end)).toBe('NATO');
    expect(snippet!.startUtf16 + h.start).toBe(start);
    expect(snippet!.cutStart).toBe(true);
    expect(snippet!.cutEnd).toBe(true);
  });

  it('shares one snippet between close hits, shows line breaks as spaces and limits the count', () => {
    const text =
      'a NATO b\nNATO c' +
      ' filler'.repeat(30) +
      ' NATO end' +
      ' x'.repeat(50) +
      ' NATO' +
      ' y'.repeat(50) +
      ' NATO';
    const hits = [...text.matchAll(/NATO/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
    const snippets = makeSnippets(text, hits, { context: 20, maxSnippets: 3 });
    expect(snippets).toHaveLength(3);
    expect(snippets[0]!.text.startsWith('a NATO b NATO c')).toBe(true);
    expect(snippets[0]!.cutStart).toBe(false);
    expect(snippets[0]!.highlights).toEqual([
      { start: 2, end: 6 },
      { start: 9, end: 13 },
    ]);
    for (const s of snippets) for (const h of s.highlights) expect(s.text.slice(h.start, h.end)).toBe('NATO');
  });

  it('never splits an emoji at the snippet edge', () => {
    const text = '😀'.repeat(40) + 'NATO' + '😀'.repeat(40);
    const [snippet] = makeSnippets(text, [{ start: 80, end: 84 }], { context: 5 });
    expect(snippet!.text).toBe('😀😀😀NATO😀😀😀');
    expect(snippet!.startUtf16).toBe(74);
  });
});
