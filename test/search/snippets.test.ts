import { describe, expect, it } from 'vitest';
import { makeSnippets } from '../../shared/search/snippets';

describe('makeSnippets', () => {
  it('cuts around a hit at word breaks and points highlights at the hit', () => {
    const text =
      'one two three four five six seven eight nine ten NATO eleven twelve thirteen fourteen fifteen';
    const start = text.indexOf('NATO');
    const [snippet] = makeSnippets(text, [{ start, end: start + 4 }], { context: 10 });
    // NATO is at 49..53. 10 before is 39 (the space after "eight"; "eight" ends at 39), so the snippet
    // starts at "nine" (40); 10 after is 63, inside "twelve" (61..67), so it ends after "eleven" (60).
    expect(snippet!.text).toBe('nine ten NATO eleven');
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
    // 75 is the second half of the emoji at 74, so the start moves on to 76; 89 is the second half of
    // the emoji at 88, so the end moves back to 88: two emoji on each side.
    expect(snippet!.text).toBe('😀😀NATO😀😀');
    expect(snippet!.startUtf16).toBe(76);
  });

  it('keeps dense hits in short snippets that do not overlap', () => {
    const text = 'NATO '.repeat(400);
    const hits = [...text.matchAll(/NATO/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
    const snippets = makeSnippets(text, hits, { context: 20, maxSnippets: 3 });
    expect(snippets).toHaveLength(3);
    for (const s of snippets) expect(s.text.length).toBeLessThanOrEqual(80 + 4);
    for (let i = 1; i < snippets.length; i++) {
      expect(snippets[i]!.startUtf16).toBeGreaterThanOrEqual(
        snippets[i - 1]!.startUtf16 + snippets[i - 1]!.text.length,
      );
    }
    for (const s of snippets) for (const h of s.highlights) expect(s.text.slice(h.start, h.end)).toBe('NATO');
  });
});
