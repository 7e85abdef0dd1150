import { describe, expect, it } from 'vitest';
import { moveCaret, onRows } from '../../shared/reader/caret';
import { splitRows } from '../../shared/reader/rows';

const TEXT = 'We had no choice. It was “hard”! Really?\n\nAfter Kosovo we learned.\n\nThe end';
const rows = splitRows(TEXT);
const at = (s: string) => TEXT.indexOf(s);
const move = (offset: number, unit: Parameters<typeof moveCaret>[3], direction: 'back' | 'forward') =>
  moveCaret(TEXT, rows, offset, unit, direction);

describe('moveCaret', () => {
  it('moves by character within a paragraph and jumps the blank line between paragraphs', () => {
    expect(move(0, 'character', 'forward')).toBe(1);
    expect(move(0, 'character', 'back')).toBe(0);
    const end = rows[0]!.end;
    expect(move(end - 1, 'character', 'forward')).toBe(end);
    expect(move(end, 'character', 'forward')).toBe(rows[1]!.start);
    expect(move(rows[1]!.start, 'character', 'back')).toBe(end);
    expect(move(TEXT.length, 'character', 'forward')).toBe(TEXT.length);
  });

  it('never splits a surrogate pair', () => {
    const text = 'a😀b';
    const r = splitRows(text);
    expect(moveCaret(text, r, 1, 'character', 'forward')).toBe(3);
    expect(moveCaret(text, r, 3, 'character', 'back')).toBe(1);
  });

  it('moves by word to word ends forward and word starts back', () => {
    expect(move(0, 'word', 'forward')).toBe(2);
    expect(move(2, 'word', 'forward')).toBe(at('had') + 3);
    expect(move(at('no'), 'word', 'back')).toBe(at('had'));
    // From the last word of a paragraph into the next one, never into the blank line.
    expect(move(rows[0]!.end, 'word', 'forward')).toBe(at('After') + 5);
  });

  it('moves by sentence to sentence ends forward and starts back, closing quotes included', () => {
    expect(move(0, 'sentence', 'forward')).toBe(at('choice.') + 7);
    expect(move(at('choice.') + 7, 'sentence', 'forward')).toBe(at('hard”!') + 6);
    expect(move(at('Really'), 'sentence', 'forward')).toBe(rows[0]!.end);
    expect(move(rows[0]!.end, 'sentence', 'forward')).toBe(rows[1]!.end);
    expect(move(at('was'), 'sentence', 'back')).toBe(at('It was'));
    expect(move(at('It was'), 'sentence', 'back')).toBe(0);
    expect(move(at('After'), 'sentence', 'back')).toBe(at('Really'));
    // The last paragraph has no full stop: its end is the sentence's end.
    expect(move(at('The end'), 'sentence', 'forward')).toBe(TEXT.length);
  });

  it('moves by paragraph to the paragraph’s end forward and its start back', () => {
    expect(move(3, 'paragraph', 'forward')).toBe(rows[0]!.end);
    expect(move(rows[0]!.end, 'paragraph', 'forward')).toBe(rows[1]!.end);
    expect(move(at('Kosovo'), 'paragraph', 'back')).toBe(rows[1]!.start);
    expect(move(rows[1]!.start, 'paragraph', 'back')).toBe(0);
  });

  it('puts offsets in blank lines onto the text', () => {
    const gap = rows[0]!.end + 1;
    expect(onRows(rows, gap, 'forward')).toBe(rows[1]!.start);
    expect(onRows(rows, gap, 'back')).toBe(rows[0]!.end);
  });
});
