import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseUnit } from '../../shared/exchange/detectUnit';
import {
  buildOffsetMap,
  codePointStarts,
  withoutBom,
  type OffsetUnit,
} from '../../shared/exchange/offsetMap';
import { normaliseText } from '../../shared/text/normalise';

// Pieces a real transcript mixes: ASCII words, Hungarian accents, CJK, astral emoji (surrogate pairs),
// a ZWJ family, combining marks NFC merges (e + U+0301 → é), CRLF, lone CR, NUL, U+2028, spaces.
const PIECES = [
  'a',
  'word',
  ' ',
  'ő',
  '中文',
  '😀',
  '👨‍👩‍👧',
  'e\u0301',
  'A\u030a',
  '\u0301',
  '\r\n',
  '\r',
  '\n',
  '\0',
  '\u2028',
  '\t',
];
const rawText = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }))
  .map(([bom, parts]) => (bom ? '\ufeff' : '') + parts.join(''));
const unit = fc.constantFrom<OffsetUnit>('codepoints', 'utf16');

/** The raw text's units, for slicing a raw span the way the other tool counted it. */
function rawSlice(raw: string, u: OffsetUnit, start: number, end: number): string {
  const text = withoutBom(raw);
  if (u === 'utf16') return text.slice(start, end);
  const starts = codePointStarts(text);
  return text.slice(starts[start], starts[end]);
}

const linesOnly = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '')
    .replace(/[\u2028\u2029]/g, '\n');

describe('offset map', () => {
  it('produces exactly the text Passage stores', () => {
    fc.assert(
      fc.property(rawText, unit, (raw, u) => {
        expect(buildOffsetMap(raw, u).storedText).toBe(normaliseText(raw));
      }),
      { numRuns: 500 },
    );
  });

  it('maps every span onto the same characters (never fewer), in order', () => {
    fc.assert(
      fc.property(rawText, unit, fc.nat(), fc.nat(), (raw, u, a, b) => {
        const map = buildOffsetMap(raw, u);
        const text = withoutBom(raw);
        let start = map.rawLength === 0 ? 0 : a % (map.rawLength + 1);
        let end = map.rawLength === 0 ? 0 : b % (map.rawLength + 1);
        if (start > end) [start, end] = [end, start];
        const at = (o: number) => (u === 'utf16' ? o : codePointStarts(text)[o]!);
        // Offsets between the halves of a CRLF or a surrogate pair are not places a tool cuts.
        const cutsPair = (o: number) =>
          (text[at(o) - 1] === '\r' && text[at(o)] === '\n') ||
          (u === 'utf16' &&
            /[\ud800-\udbff]/.test(text[o - 1] ?? '') &&
            /[\udc00-\udfff]/.test(text[o] ?? ''));
        fc.pre(!cutsPair(start) && !cutsPair(end));
        const s = map.toStored(start, 'start');
        const e = map.toStored(end, 'end');
        expect(s).toBeLessThanOrEqual(e);
        const stored = map.storedText.slice(s, e);
        const wanted = linesOnly(rawSlice(raw, u, start, end));
        // NFC may merge a cut-off accent with its letter: compare decomposed, and the end may be trimmed.
        const storedNfd = stored.normalize('NFD');
        const wantedNfd = wanted.normalize('NFD');
        if (e < map.storedText.length) expect(storedNfd).toContain(wantedNfd);
        else expect(storedNfd).toContain(wantedNfd.replace(/\s+$/u, ''));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a quote exact when no accent is cut off (emoji, CJK, CRLF, BOM)', () => {
    const raw = '\ufeffElső sor 😀\r\n中文 második 👨‍👩‍👧 sor\r\nvége';
    for (const u of ['codepoints', 'utf16'] as const) {
      const map = buildOffsetMap(raw, u);
      const text = withoutBom(raw);
      const from = text.indexOf('中文');
      const to = text.indexOf(' sor\r\nvége');
      const toUnit = (o: number) => (u === 'utf16' ? o : [...text.slice(0, o)].length);
      const s = map.toStored(toUnit(from), 'start');
      const e = map.toStored(toUnit(to), 'end');
      expect(map.storedText.slice(s, e)).toBe('中文 második 👨‍👩‍👧');
    }
  });

  it('widens a span that cuts a letter from its combining accent', () => {
    const map = buildOffsetMap('Cafe\u0301 noir', 'codepoints');
    expect(map.storedText).toBe('Café noir');
    expect(map.storedText.slice(map.toStored(2, 'start'), map.toStored(4, 'end'))).toBe('fé');
    expect(map.toStored(10, 'end')).toBe(9);
  });

  it('refuses an offset outside the text', () => {
    expect(() => buildOffsetMap('abc', 'utf16').toStored(4, 'end')).toThrow(/outside the text/);
  });
});

describe('unit detection', () => {
  const raw = '\ufeffSzia 😀 világ! Ez egy 👍 teszt, és még egy mondat.';
  const text = withoutBom(raw);
  const spansUtf16 = ['világ', 'teszt', 'mondat'].map((w) => ({
    start: text.indexOf(w),
    end: text.indexOf(w) + w.length,
  }));
  const spansPoints = spansUtf16.map(({ start, end }) => ({
    start: [...text.slice(0, start)].length,
    end: [...text.slice(0, end)].length,
  }));

  it('recognises UTF-16 offsets from the words they cut', () => {
    expect(chooseUnit(raw, spansUtf16, 'auto', 'ATLAS.ti').unit).toBe('utf16');
  });

  it('recognises code points', () => {
    expect(chooseUnit(raw, spansPoints, 'auto', 'NVivo for Windows 12.6').unit).toBe('codepoints');
    // The round-trip property's counterexample: one selection ending inside a word after an emoji fits
    // UTF-16 better by word boundaries, but Passage wrote it in code points.
    expect(chooseUnit('x\n😀word', [{ start: 0, end: 4 }], 'auto', 'ATLAS.ti').unit).toBe('utf16');
    expect(chooseUnit('x\n😀word', [{ start: 0, end: 4 }], 'auto', 'Passage 0.1.0').unit).toBe('codepoints');
  });

  it('follows the tool when the text has nothing above U+FFFF', () => {
    expect(chooseUnit('plain text', [{ start: 0, end: 5 }], 'auto', 'NVivo').reason).toMatch(/same/);
  });

  it('obeys a forced unit', () => {
    expect(chooseUnit(raw, spansPoints, 'utf16', '').unit).toBe('utf16');
  });
});
