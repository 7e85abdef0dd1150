import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  codePointToUtf16,
  splitsSurrogatePair,
  utf16ToCodePoint,
  utf16ToCodePoints,
} from '../../shared/offsets';

describe('offsets', () => {
  it('counts an astral emoji as one code point and two UTF-16 units', () => {
    const text = 'a😀b'; // U+1F600 is a surrogate pair
    expect(text.length).toBe(4);
    expect(utf16ToCodePoint(text, 1)).toBe(1);
    expect(utf16ToCodePoint(text, 3)).toBe(2);
    expect(utf16ToCodePoint(text, 4)).toBe(3);
    expect(codePointToUtf16(text, 2)).toBe(3);
    expect(codePointLength(text)).toBe(3);
  });

  it('treats a ZWJ family as its separate code points', () => {
    // man ZWJ woman ZWJ girl: 3 astral emoji (2 units each) + 2 ZWJ (1 unit each) = 8 units, 5 code points
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const text = `x${family}y`;
    expect(text.length).toBe(10);
    expect(utf16ToCodePoint(text, 9)).toBe(6);
    expect(codePointToUtf16(text, 6)).toBe(9);
    expect(codePointLength(text)).toBe(7);
  });

  it('counts a flag as two regional indicators (four units)', () => {
    const text = 'EU \u{1F1EA}\u{1F1FA} flag';
    expect(utf16ToCodePoint(text, 3)).toBe(3);
    expect(utf16ToCodePoint(text, 7)).toBe(5);
    expect(codePointToUtf16(text, 5)).toBe(7);
  });

  it('keeps combining marks as their own code points, one unit each', () => {
    const text = 'Cafe\u0301 noir'; // e + combining acute
    expect(text.length).toBe(10);
    expect(utf16ToCodePoint(text, 5)).toBe(5);
    expect(codePointToUtf16(text, 10)).toBe(10);
  });

  it('counts BMP CJK as one unit and astral CJK (Extension B) as two', () => {
    const text = '北约𠀀合作'; // 𠀀 U+20000 is astral
    expect(text.length).toBe(6);
    expect(utf16ToCodePoint(text, 2)).toBe(2);
    expect(utf16ToCodePoint(text, 4)).toBe(3);
    expect(codePointToUtf16(text, 3)).toBe(4);
    expect(codePointLength(text)).toBe(5);
  });

  it('refuses an offset inside a surrogate pair or outside the text', () => {
    const text = 'a😀b';
    expect(splitsSurrogatePair(text, 2)).toBe(true);
    expect(splitsSurrogatePair(text, 1)).toBe(false);
    expect(() => utf16ToCodePoint(text, 2)).toThrow(/splits a surrogate pair/);
    expect(() => utf16ToCodePoint(text, 5)).toThrow(/outside/);
    expect(() => codePointToUtf16(text, 4)).toThrow(/outside/);
    expect(() => codePointToUtf16(text, -1)).toThrow(/negative/);
  });

  it('counts a lone surrogate as one code point, as string iteration does', () => {
    const text = 'a\uD83Db';
    expect(codePointLength(text)).toBe([...text].length);
  });

  it('round-trips every code point boundary of random text and agrees with Array.from', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const points = Array.from(text);
        let units = 0;
        points.forEach((point, index) => {
          expect(utf16ToCodePoint(text, units)).toBe(index);
          expect(codePointToUtf16(text, index)).toBe(units);
          units += point.length;
        });
        expect(codePointLength(text)).toBe(points.length);
      }),
    );
  });

  it('converts many offsets in one pass in the order given', () => {
    const text = '😀a😀b';
    expect(utf16ToCodePoints(text, [6, 0, 2, 3])).toEqual([4, 0, 1, 2]);
    expect(() => utf16ToCodePoints(text, [1])).toThrow(/surrogate/);
  });
});
