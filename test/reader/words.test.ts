import { describe, expect, it } from 'vitest';
import {
  alignToCodePoint,
  dragSegmentEdge,
  inVivoName,
  regexWords,
  snapToWords,
  stepWordEdge,
} from '../../shared/reader/words';

const finders = [
  ['Intl.Segmenter', undefined],
  ['regex fallback', regexWords],
] as const;

describe.each(finders)('snapToWords with %s', (_name, finder) => {
  const snap = (text: string, s: number, e: number) => snapToWords(text, s, e, finder);

  it('widens a selection inside words to the whole words', () => {
    // "the learning stage": "arn" is 6..9 inside "learning" (4..12).
    expect(snap('the learning stage', 6, 9)).toEqual({ start: 4, end: 12 });
    // From inside "the" to inside "stage": 1..15 → 0..18.
    expect(snap('the learning stage', 1, 15)).toEqual({ start: 0, end: 18 });
  });

  it('drops spaces and punctuation at the edges', () => {
    // " learning, " is 3..14; the word is 4..12.
    expect(snap('the learning, stage', 3, 14)).toEqual({ start: 4, end: 12 });
  });

  it('counts an emoji before the selection as two UTF-16 units', () => {
    // "😀 NGO funding": emoji 0..2, space, "NGO" 3..6, space, "funding" 7..14.
    const text = '😀 NGO funding';
    expect(snap(text, 4, 9)).toEqual({ start: 3, end: 14 });
    expect(text.slice(3, 14)).toBe('NGO funding');
  });

  it('snaps a selection across lines', () => {
    const text = 'first line\nsecond line';
    // From inside "line" (6..10) to inside "second" (11..17).
    expect(snap(text, 7, 13)).toEqual({ start: 6, end: 17 });
  });

  it('leaves a selection holding no word alone', () => {
    expect(snap('a   b', 2, 3)).toEqual({ start: 2, end: 3 });
  });

  it('keeps accented words and apostrophes whole', () => {
    // "l’expérience vécue": select "péri" (3..7) → "l’expérience" 0..12.
    expect(snap('l’expérience vécue', 4, 7).start).toBeLessThanOrEqual(2);
    expect(snap('l’expérience vécue', 4, 7).end).toBe(12);
  });
});

describe('alignToCodePoint', () => {
  it('never splits a surrogate pair', () => {
    const text = 'a😀b'; // a=0, emoji 1..3, b=3
    expect(alignToCodePoint(text, 2, 'back')).toBe(1);
    expect(alignToCodePoint(text, 2, 'forward')).toBe(3);
    expect(alignToCodePoint(text, 1, 'forward')).toBe(1);
    expect(alignToCodePoint(text, 9, 'forward')).toBe(4);
  });

  it('is applied to raw selections that cut an emoji', () => {
    // Selecting from the middle of the emoji to the middle of "b..." with a finder that finds no words.
    expect(snapToWords('a😀😀b', 2, 4, () => [])).toEqual({ start: 1, end: 5 });
  });
});

describe('inVivoName', () => {
  it('collapses whitespace and trims quotes', () => {
    expect(inVivoName('  “we   had\nno choice”  ')).toBe('we had no choice');
  });
  it('shortens long selections on a word boundary', () => {
    const long = 'we could not get access to the camps without the military escort and the permits';
    const name = inVivoName(long);
    expect(name).toBe('we could not get access to the camps without the military…');
    expect(name.length).toBeLessThanOrEqual(61);
  });
});

describe('stepWordEdge', () => {
  // "we had no choice": we 0..2, had 3..6, no 7..9, choice 10..16
  const text = 'we had no choice';
  it.each(finders)('moves an end or a start by one word (%s)', (_name, finder) => {
    expect(stepWordEdge(text, 6, 'forward', 'end', finder)).toBe(9);
    expect(stepWordEdge(text, 6, 'back', 'end', finder)).toBe(2);
    expect(stepWordEdge(text, 3, 'forward', 'start', finder)).toBe(7);
    expect(stepWordEdge(text, 3, 'back', 'start', finder)).toBe(0);
    expect(stepWordEdge(text, 16, 'forward', 'end', finder)).toBe(16);
    expect(stepWordEdge(text, 0, 'back', 'start', finder)).toBe(0);
  });
});

describe('dragSegmentEdge', () => {
  // "we had no choice but 😀 to": we 0..2, had 3..6, no 7..9, choice 10..16, but 17..20, 😀 21..23, to 24..26
  const text = 'we had no choice but 😀 to';
  const segment = { start: 3, end: 9 }; // "had no"
  it.each(finders)('lands a dragged edge on a whole word (%s)', (_name, finder) => {
    // The end dragged into "choice" takes the whole word; back into "had" ends after it.
    expect(dragSegmentEdge(text, segment, 'end', 12, false, finder)).toEqual({ start: 3, end: 16 });
    expect(dragSegmentEdge(text, segment, 'end', 5, false, finder)).toEqual({ start: 3, end: 6 });
    // Between words, an end goes back to the word before, a start forward to the word after.
    expect(dragSegmentEdge(text, segment, 'end', 17, false, finder)).toEqual({ start: 3, end: 16 });
    expect(dragSegmentEdge(text, segment, 'start', 2, false, finder)).toEqual({ start: 3, end: 9 });
    expect(dragSegmentEdge(text, segment, 'start', 1, false, finder)).toEqual({ start: 0, end: 9 });
  });
  it('keeps an exact edge with Alt, whole code points only, and never an empty or inverted segment', () => {
    expect(dragSegmentEdge(text, segment, 'end', 12, true)).toEqual({ start: 3, end: 12 });
    // Inside the emoji's surrogate pair: an end moves past it, a start before it.
    expect(dragSegmentEdge(text, segment, 'end', 22, true)).toEqual({ start: 3, end: 23 });
    expect(dragSegmentEdge(text, { start: 0, end: 26 }, 'start', 22, true)).toEqual({ start: 21, end: 26 });
    expect(dragSegmentEdge(text, segment, 'start', 9)).toBeNull();
    expect(dragSegmentEdge(text, segment, 'end', 3)).toBeNull();
    expect(dragSegmentEdge(text, segment, 'end', 1)).toBeNull();
  });
});
