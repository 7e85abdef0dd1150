import { describe, expect, it } from 'vitest';
import { fitLabels, stripePiece, type LabelSlot } from '../../shared/reader/stripeGeometry';

// A row 4 lines of 24 px tall under 4 px of padding; text boxes are 18 px tall, centred in their line.
const LINE = 24;
const line = (n: number) => ({ top: 4 + n * LINE + 3, bottom: 4 + n * LINE + 21 });
const ROW = 4 + 4 * LINE + 6;

describe('stripePiece', () => {
  it('runs a segment inside one row from the top of its first line to the bottom of its last', () => {
    // Two words on the second line only.
    expect(stripePiece([line(1)], ROW, LINE, { first: true, last: true })).toEqual({
      top: 4 + LINE,
      bottom: 4 + 2 * LINE,
    });
    // From the end of line 1 over line 2 to the start of line 3 (one box per line and per run).
    const boxes = [line(0), line(1), line(1), line(2)];
    expect(stripePiece(boxes, ROW, LINE, { first: true, last: true })).toEqual({
      top: 4,
      bottom: 4 + 3 * LINE,
    });
  });

  it('joins the pieces of a segment over several rows: open towards the rows it continues into', () => {
    expect(stripePiece([line(2), line(3)], ROW, LINE, { first: true, last: false })).toEqual({
      top: 4 + 2 * LINE,
      bottom: ROW,
    });
    expect(stripePiece([line(0)], ROW, LINE, { first: false, last: true })).toEqual({
      top: 0,
      bottom: 4 + LINE,
    });
    expect(stripePiece([line(0), line(1)], ROW, LINE, { first: false, last: false })).toEqual({
      top: 0,
      bottom: ROW,
    });
  });

  it('ignores empty boxes (line breaks) and keeps the whole row when nothing was measured', () => {
    const empty = { top: 30, bottom: 30 };
    expect(stripePiece([empty, line(3)], ROW, LINE, { first: true, last: true })).toEqual({
      top: 4 + 3 * LINE,
      bottom: 4 + 4 * LINE,
    });
    expect(stripePiece([], ROW, LINE, { first: true, last: true })).toEqual({ top: 0, bottom: ROW });
  });

  it('never reaches outside the row, even for a box taller than the line (an emoji, a larger font)', () => {
    const tall = { top: -2, bottom: ROW + 3 };
    expect(stripePiece([tall], ROW, LINE, { first: true, last: true })).toEqual({ top: 0, bottom: ROW });
  });
});

const RULES = { max: 180, min: 16, gap: 4 };
const slot = (key: string, column: number, top: number, length: number): LabelSlot => ({
  key,
  column,
  top,
  length,
});

/** True when two fitted labels of one column overlap. */
function overlaps(slots: LabelSlot[], fits: ReturnType<typeof fitLabels>): boolean {
  const shown = slots
    .filter((s) => !fits.get(s.key)!.hidden)
    .map((s) => ({ column: s.column, top: s.top, bottom: s.top + fits.get(s.key)!.length }));
  return shown.some((a, i) =>
    shown.some((b, j) => i !== j && a.column === b.column && a.top < b.bottom && b.top < a.bottom),
  );
}

describe('fitLabels', () => {
  it('gives a label its full name when the column below it is free', () => {
    const fits = fitLabels([slot('a', 0, 10, 120)], RULES);
    expect(fits.get('a')).toEqual({ length: 120, hidden: false });
    expect(fitLabels([slot('a', 0, 10, 400)], RULES).get('a')).toEqual({ length: 180, hidden: false });
  });

  it('shortens a label to end before the next one in its column, and leaves other columns alone', () => {
    const slots = [slot('a', 0, 0, 120), slot('b', 0, 40, 120), slot('c', 1, 20, 120)];
    const fits = fitLabels(slots, RULES);
    expect(fits.get('a')).toEqual({ length: 36, hidden: false });
    expect(fits.get('b')).toEqual({ length: 120, hidden: false });
    expect(fits.get('c')).toEqual({ length: 120, hidden: false });
    expect(overlaps(slots, fits)).toBe(false);
  });

  it('hides a label with no room for a few letters, and shows one name where two start together', () => {
    const slots = [slot('a', 0, 0, 120), slot('b', 0, 10, 120), slot('c', 0, 10, 90)];
    const fits = fitLabels(slots, RULES);
    expect(fits.get('a')!.hidden).toBe(true);
    expect(fits.get('b')).toEqual({ length: 120, hidden: false });
    expect(fits.get('c')!.hidden).toBe(true);
    expect(overlaps(slots, fits)).toBe(false);
  });

  it('never lets two labels of a column overlap, whatever their tops and lengths', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 300;
    for (let round = 0; round < 200; round++) {
      const slots = Array.from({ length: 12 }, (_, i) =>
        slot(`s${i}`, Math.floor(random() / 100), Math.round(random()), Math.round(random())),
      );
      expect(overlaps(slots, fitLabels(slots, RULES))).toBe(false);
    }
  });
});
