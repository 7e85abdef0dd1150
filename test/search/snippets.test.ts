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

  it('keeps context before and after every hit, also when the previous snippet ran up to it', () => {
    // The first snippet grows over close hits until it is too long; the next hit then sat right at its
    // end, and its snippet began at the hit (nothing before it) or even cut into the word before.
    const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho';
    const text = `NATO ${words} NATO ${words} NATO ${words} NATO ${words}`;
    const hits = [...text.matchAll(/NATO/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
    for (const context of [20, 60, 100]) {
      const snippets = makeSnippets(text, hits, { context, maxSnippets: 4 });
      const shown = snippets.flatMap((s) => s.highlights.map((h) => ({ s, h })));
      expect(shown.length).toBe(4);
      for (const { s, h } of shown) {
        expect(s.text.slice(h.start, h.end)).toBe('NATO');
        const before = s.text.slice(0, h.start);
        const after = s.text.slice(h.end);
        // Context on both sides (the document's first hit has nothing before it), in whole words.
        if (s.startUtf16 + h.start > 0) expect(before.trim().length).toBeGreaterThanOrEqual(5);
        if (s.startUtf16 + h.end < text.length) expect(after.trim().length).toBeGreaterThanOrEqual(5);
        expect(words.split(' ')).toContain(s.text.split(' ').find((w) => w !== 'NATO') ?? 'alpha');
        const first = s.text.split(' ')[0]!;
        const last = s.text.split(' ').at(-1)!;
        for (const edge of [first, last]) expect(['NATO', ...words.split(' ')]).toContain(edge);
      }
      for (let i = 1; i < snippets.length; i++) {
        expect(snippets[i]!.startUtf16).toBeGreaterThanOrEqual(
          snippets[i - 1]!.startUtf16 + snippets[i - 1]!.text.length,
        );
      }
    }
  });

  it('shows a quarter of the context before each hit whatever the spacing of the hits', () => {
    const filler = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
    for (let seed = 1; seed <= 40; seed++) {
      // Hits at spacings of 0 to 11 words, varying with the seed.
      const parts: string[] = [];
      for (let k = 0; k < 8; k++) {
        parts.push('NATO');
        for (let w = 0; w < (seed * (k + 3)) % 12; w++) parts.push(filler[(seed + w) % filler.length]!);
      }
      const text = parts.join(' ');
      const hits = [...text.matchAll(/NATO/g)].map((m) => ({ start: m.index, end: m.index + 4 }));
      const context = 24;
      for (const s of makeSnippets(text, hits, { context, maxSnippets: 8 })) {
        const h = s.highlights[0]!;
        const at = s.startUtf16 + h.start;
        // What the document has before the hit, back to the previous hit (or the start).
        const previous = hits.filter((x) => x.end <= at).at(-1)?.end ?? 0;
        const available = at - previous;
        expect(h.start, `${text} @${at}`).toBeGreaterThanOrEqual(Math.min(context / 4, available / 2 - 6));
      }
    }
  });
});
