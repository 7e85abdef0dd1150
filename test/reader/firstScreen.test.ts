import { describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_AFTER,
  FIRST_SCREEN_BEFORE,
  firstScreenRange,
  rangeCoversText,
} from '../../shared/reader/firstScreen';

describe('the first screen’s range', () => {
  it('starts at the document’s start, or before the passage opened at', () => {
    expect(firstScreenRange(null)).toEqual({ startUtf16: 0, endUtf16: FIRST_SCREEN_AFTER });
    expect(firstScreenRange(100)).toEqual({ startUtf16: 0, endUtf16: 100 + FIRST_SCREEN_AFTER });
    expect(firstScreenRange(50_000)).toEqual({
      startUtf16: 50_000 - FIRST_SCREEN_BEFORE,
      endUtf16: 50_000 + FIRST_SCREEN_AFTER,
    });
    expect(firstScreenRange(-5).startUtf16).toBe(0);
  });

  it('covers the text only from its start to past its end', () => {
    expect(rangeCoversText({ startUtf16: 0, endUtf16: 10 }, 10)).toBe(true);
    expect(rangeCoversText({ startUtf16: 0, endUtf16: 10 }, 11)).toBe(false);
    expect(rangeCoversText({ startUtf16: 1, endUtf16: 100 }, 10)).toBe(false);
  });
});
