import { describe, expect, it } from 'vitest';
import { RowHeightModel } from '../../renderer/features/reader/useRowHeights';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

/** A model of ten 100 px rows, read from `scrollTop`, recording every shift it asks for. */
function setup(scrollTop: number) {
  const model = new RowHeightModel(Array.from({ length: 10 }, () => 100));
  const shifts: number[] = [];
  let top = scrollTop;
  model.scroller = { top: () => top, shift: (px) => shifts.push(px) };
  const published: number[] = [];
  model.subscribe(() => published.push(top));
  return { model, shifts, published, scrollBy: (px: number) => (top += px) };
}

describe('RowHeightModel', () => {
  it('finds the row at an offset by the heights it knows', () => {
    const { model } = setup(0);
    expect(model.rowAt(0)).toBe(0);
    expect(model.rowAt(99.5)).toBe(0);
    expect(model.rowAt(100)).toBe(1);
    expect(model.rowAt(5_000)).toBe(9);
    model.record(0, [250]);
    expect(model.rowAt(200)).toBe(0);
    expect(model.rowAt(250)).toBe(1);
  });

  it('moves the scroll by the growth of rows above the first on screen, before the List hears', async () => {
    // Row 5 is first on screen (scrollTop 520); rows 1 and 2 grow, row 7 (below) shrinks.
    const { model, shifts, published } = setup(520);
    model.record(1, [130, 160]);
    model.record(7, [40]);
    expect(shifts).toEqual([]);
    await nextFrame();
    expect(shifts).toEqual([90]);
    expect(published).toHaveLength(1);
    expect(model.getSnapshot().getRowHeight(2)).toBe(160);
    expect(model.getSnapshot().getRowHeight(7)).toBe(40);
  });

  it('counts the shift still pending when a second batch arrives in the same frame', async () => {
    // Rows 0–4 grow to 200 px: after the first batch row 5 is at 700, not 500, so row 4 is still above.
    const { model, shifts } = setup(520);
    model.record(0, [200, 200, 200]);
    model.record(3, [200, 200]);
    await nextFrame();
    expect(shifts).toEqual([500]);
  });

  it('leaves the scroll alone when no row above the screen changed', async () => {
    const { model, shifts, published } = setup(0);
    model.record(0, [100, 100, 180]);
    await nextFrame();
    expect(shifts).toEqual([]);
    expect(published).toHaveLength(1);
    model.record(0, [100]);
    await nextFrame();
    expect(published).toHaveLength(1);
  });
});
