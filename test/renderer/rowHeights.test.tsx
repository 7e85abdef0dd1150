import { describe, expect, it } from 'vitest';
import { RowHeightModel } from '../../renderer/features/reader/useRowHeights';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A model of `count` 100 px rows in a 300 px view at `scrollTop`, recording every shift it asks for. */
function setup(scrollTop: number, count = 10) {
  const model = new RowHeightModel(Array.from({ length: count }, () => 100));
  const shifts: number[] = [];
  let top = scrollTop;
  model.scroller = {
    top: () => top,
    height: () => 300,
    shift: (px) => {
      shifts.push(px);
      top += px;
    },
  };
  const published: number[] = [];
  model.subscribe(() => published.push(top));
  return { model, shifts, published, top: () => top };
}

describe('RowHeightModel', () => {
  it('finds the row at an offset by the heights the List has', async () => {
    const { model } = setup(0);
    expect(model.rowAt(0)).toBe(0);
    expect(model.rowAt(99.5)).toBe(0);
    expect(model.rowAt(100)).toBe(1);
    expect(model.rowAt(5_000)).toBe(9);
    model.record(0, [250]);
    expect(model.rowAt(150)).toBe(1);
    await nextFrame();
    expect(model.rowAt(150)).toBe(0);
    expect(model.rowAt(200)).toBe(0);
    expect(model.rowAt(250)).toBe(1);
  });

  it('moves the scroll by the growth of rows above the first on screen, before the List hears', async () => {
    // Row 5 is first on screen (scrollTop 500); rows 1 and 2 grow, row 7 (below) shrinks.
    const { model, shifts, published } = setup(500);
    model.record(1, [130, 160]);
    model.record(7, [40]);
    expect(shifts).toEqual([]);
    await nextFrame();
    expect(shifts).toEqual([90]);
    expect(published).toEqual([590]);
    expect(model.getSnapshot().getRowHeight(2)).toBe(160);
    expect(model.getSnapshot().getRowHeight(7)).toBe(40);
  });

  it('keeps the same fraction of the first row on screen at the top when that row changes height', async () => {
    // 520 px: 20 px (a fifth) into row 5. Narrower, row 5 triples and rows 0–4 double.
    const { model, top } = setup(520);
    model.record(0, [200, 200, 200, 200, 200, 300]);
    await nextFrame();
    expect(top()).toBe(1000 + 60);
  });

  it('hands heights far from the screen to the List together, later', async () => {
    const { model, shifts, published } = setup(0, 2_000);
    for (let first = 1_000; first < 1_500; first += 10) model.record(first, Array(10).fill(150));
    await nextFrame();
    await nextFrame();
    expect(published).toEqual([]);
    expect(model.publishing).toBe(true);
    await wait(500);
    await nextFrame();
    expect(published).toHaveLength(1);
    expect(shifts).toEqual([]);
    expect(model.getSnapshot().getRowHeight(1_499)).toBe(150);
    expect(model.publishing).toBe(false);
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

  it('counts a row whose on-screen height differs from its off-screen one, unless it re-wrapped at another width', () => {
    let report: ResizeObserverCallback = () => {};
    const real = globalThis.ResizeObserver;
    globalThis.ResizeObserver = class {
      constructor(callback: ResizeObserverCallback) {
        report = callback;
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    try {
      const { model } = setup(0);
      const rows = [2, 3].map((index) => {
        const row = document.createElement('div');
        row.setAttribute('data-react-window-index', String(index));
        return row;
      });
      model.observeRowElements(rows);
      model.record(2, [100, 100], 300);
      const seen = (row: Element, inlineSize: number, blockSize: number) =>
        report(
          [{ target: row, borderBoxSize: [{ inlineSize, blockSize }] } as unknown as ResizeObserverEntry],
          {} as ResizeObserver,
        );
      seen(rows[0]!, 300, 150);
      expect(model.corrections).toBe(1);
      // The window narrowed: row 3 re-wrapped before the measuring heard of the new width.
      seen(rows[1]!, 220, 180);
      expect(model.corrections).toBe(1);
      seen(rows[1]!, 300, 120);
      expect(model.corrections).toBe(2);
    } finally {
      globalThis.ResizeObserver = real;
    }
  });
});
