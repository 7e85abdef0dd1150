// The import's fast paths must give exactly what the straightforward code gives. Each reference
// below is the plain implementation (what the module did before its fast path), kept here as the oracle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../electron/import/decodeText';
import { normaliseText } from '../../shared/text/normalise';
import { countWords, countWordsUtf8 } from '../../shared/text/wordCount';
import { utf16le, windows1252 } from './fixtures';

function referenceNormalise(raw: string): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  text = text
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '')
    .replace(/[\u2028\u2029]/g, '\n');
  text = text.normalize('NFC');
  return text.replace(/\s+$/u, '');
}

const WORD = /[\p{L}\p{M}\p{N}]/u;
// No lone surrogate halves (the lib this project targets has no String.isWellFormed).
const wellFormed = (text: string): boolean =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
function referenceCountWords(text: string): number {
  const isWord = (i: number): boolean => WORD.test(String.fromCodePoint(text.codePointAt(i)!));
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWord(i)) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(
      inWord &&
      (c === 0x27 || c === 0x2d || c === 0x2019) &&
      i + 1 < text.length &&
      isWord(i + 1)
    ))
      inWord = false;
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  return words;
}

// Characters that exercise every branch: ASCII, Latin-1, line endings, BOM, NUL, line/paragraph
// separators, combining marks (U+0300 is the first), precomposed letters, Hangul jamo (compose under
// NFC), singletons NFC rewrites (Ohm, Angstrom), joiners, Arabic, CJK, an astral letter and a lone
// surrogate half.
const TRICKY = [
  'a',
  'Z',
  '7',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\ufeff',
  '\0',
  '\u2028',
  '\u2029',
  "'",
  '-',
  '\u2019',
  '.',
  'é',
  'ÿ',
  '\u00a0',
  'ª',
  '²',
  '\u02ff',
  '\u0300',
  '\u0301',
  '\u0327',
  'e\u0301',
  'Å',
  '\u212b',
  '\u2126',
  '\u1100',
  '\u1161',
  '\u11a8',
  'ش',
  '中',
  '𝐀',
  '😀',
  '\ud800',
  '\udc00',
  '\u0374',
  '\u0958',
];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 40 }));
// Without surrogates, so that countWords takes its branch-free path for text within the BMP.
const bmpText = fc
  .array(fc.constantFrom(...TRICKY.filter((t) => !/[\ud800-\udfff]/.test(t))), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('import fast paths agree with the plain implementations', () => {
  it('normalises like the always-NFC implementation on tricky and random text', () => {
    const cases = [
      'Cafe\u0301\r\nnaïve\rend\n\n ',
      '\ufeffBOM first\u2028line\u2029para\0',
      'A\u030a vs \u212b vs Å',
      '\u1100\u1161\u11a8',
      'plain ASCII, nothing to do.',
      'Genève — “quotes”',
    ];
    for (const text of cases) expect(normaliseText(text)).toBe(referenceNormalise(text));
    fc.assert(
      fc.property(anyText, (text) => normaliseText(text) === referenceNormalise(text)),
      {
        numRuns: 3000,
      },
    );
  });

  it('skips NFC only where it cannot change anything: every code point below U+0300 is stable', () => {
    // Each character alone, and after every one of them the first combining mark (which composes).
    for (let c = 0; c < 0x300; c++) {
      const one = String.fromCharCode(c);
      expect(one.normalize('NFC')).toBe(one);
    }
    const pairs = fc.tuple(fc.integer({ min: 0, max: 0x2ff }), fc.integer({ min: 0, max: 0x2ff }));
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const text = String.fromCharCode(a, b);
        return text.normalize('NFC') === text;
      }),
      { numRuns: 5000 },
    );
    expect(normaliseText('e\u0301')).toBe('é');
  });

  it('normalises Windows-1252 bytes decoded with CRLF and a trailing blank line', () => {
    const decoded = decodeText(windows1252('Caf\u00e9 \u201cquoted\u201d\r\nna\u00efve\r\n\r\n')).text;
    expect(normaliseText(decoded)).toBe('Café “quoted”\nnaïve');
    expect(normaliseText(decoded)).toBe(referenceNormalise(decoded));
  });

  it('counts words like the code-point-by-code-point implementation', () => {
    const cases = [
      "Don't stop — non-governmental organisations, 2016!",
      'e\u0301te\u0301 café naïve ²³ ª',
      'شكرا جزيلا',
      '𝐀𝐁 😀 x\ud800y \udc00z',
      "a-'b - ' -x x- 'y a--b a-b-c ’tis rock’n’roll -lead trail- x''y",
      '\u4e2d\u6587 text',
    ];
    for (const text of cases) expect(countWords(text)).toBe(referenceCountWords(text));
    // From UTF-8 bytes (well-formed text only: that is all the importer hands it).
    const utf8Count = (text: string): number => countWordsUtf8(Buffer.from(text, 'utf8'));
    for (const text of cases.filter((t) => wellFormed(t)))
      expect(utf8Count(text)).toBe(referenceCountWords(text));
    for (const texts of [
      bmpText,
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    ])
      fc.assert(
        fc.property(texts, (text) => !wellFormed(text) || utf8Count(text) === referenceCountWords(text)),
        { numRuns: 3000 },
      );
    for (const texts of [anyText, bmpText, fc.string({ unit: 'grapheme', maxLength: 40 })])
      fc.assert(
        fc.property(texts, (text) => countWords(text) === referenceCountWords(text)),
        {
          numRuns: 3000,
        },
      );
  });

  it('refuses decoded text for control characters exactly as counting them one by one does', () => {
    // Text over 1% control characters (other than tab, newline, form feed, return) or U+FFFD is binary.
    const refusedByCount = (text: string): boolean => {
      const sample = text.slice(0, 8192);
      let control = 0;
      for (const ch of sample) {
        const c = ch.charCodeAt(0);
        if ((c < 32 && ![9, 10, 12, 13].includes(c)) || c === 0xfffd) control++;
      }
      return control / sample.length > 0.01;
    };
    // As UTF-16 with a BOM, so only the decoded-text check (not the byte sniffing) decides.
    const refused = (text: string): boolean => {
      try {
        decodeText(utf16le(text));
        return false;
      } catch {
        return true;
      }
    };
    const controls = ['\u0001', '\u000b', '\u001f', '\ufffd', '\t', '\n', '\f', '\r'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.constantFrom(...controls), (k, control) => {
        const text = `${'a'.repeat(1000 - k)}${control.repeat(k)}`;
        return refused(text) === refusedByCount(text);
      }),
      { numRuns: 300 },
    );
    expect(refused(`${'a'.repeat(980)}${'\u0001'.repeat(20)}`)).toBe(true);
    expect(refused(`${'a'.repeat(995)}${'\u0001'.repeat(5)}`)).toBe(false);
  });
});
