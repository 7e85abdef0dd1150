import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { emptyStudyInBrowser } from '../helpers/emptyStudy';
import { codeDensely, openApp, openCodedDocument } from '../helpers/servedStudy';
import { bigTranscript } from '../reader/bigTranscript';
import { importTexts } from '../reader/e2eHelpers';

async function rowsMeasured(page: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (
    !(await page.evaluate(`(() => {
      const list = document.querySelector('.reader-list');
      const area = document.querySelector('[data-rows-measured]');
      return !!list && !!area && area.getAttribute('data-rows-measured') === list.clientWidth + 'px';
    })()`))
  ) {
    if (Date.now() > deadline) throw new Error('rows were not all measured within 30 s');
    await page.waitForTimeout(100);
  }
}

interface Mounted {
  plain: number;
  full: number;
  stripes: number;
}

/** The reader's mounted rows drawn plain (text only) and in full, and the stripes among them. */
const MOUNTED = `(() => ({
  plain: document.querySelectorAll('.reader-list .reader-row.is-plain').length,
  full: document.querySelectorAll('.reader-list .reader-row:not(.is-plain)').length,
  stripes: document.querySelectorAll('.reader-list .reader-stripe').length,
}))()`;

/** Whether a plain row with text covers the middle of the reader: what the researcher sees mid-fling. */
const PLAIN_ON_SCREEN = `(() => {
  const box = document.querySelector('.reader-list').getBoundingClientRect();
  const middle = (box.top + box.bottom) / 2;
  return [...document.querySelectorAll('.reader-list .reader-row.is-plain')].some((r) => {
    const b = r.getBoundingClientRect();
    return b.top <= middle && b.bottom >= middle && r.textContent.trim().length > 0;
  });
})()`;

/** The first row on screen and its top relative to the list, in px. */
const TOP_ROW = `(() => {
  const box = document.querySelector('.reader-list').getBoundingClientRect();
  const rows = [...document.querySelectorAll('.reader-list .reader-row')]
    .map((r) => ({ row: Number(r.dataset.row), top: r.getBoundingClientRect().top - box.top, bottom: r.getBoundingClientRect().bottom - box.top }))
    .filter((r) => r.bottom > 0)
    .sort((a, b) => a.row - b.row);
  return rows[0];
})()`;

describe('reader flung through a densely coded transcript (Chromium, browser mode)', () => {
  const study = emptyStudyInBrowser('passage-fling-e2e-');

  it('draws rows as plain text while flung, and full rows in the same places once the scroll rests', async () => {
    const text = bigTranscript(20_000, 11);
    const [documentId] = await importTexts(study.server, [{ name: 'Fling.txt', text }]);
    await codeDensely(study.server, documentId!, text, 'F');
    const { page, errors } = await openApp(study, { width: 1400, height: 900 });
    await openCodedDocument(page, 'Fling');
    await rowsMeasured(page);

    // One jump of several screens (a search hit, a revealed segment) shows full rows at once.
    const afterJump = (await page.evaluate(`(async () => {
      const list = document.querySelector('.reader-list');
      list.scrollTop += list.clientHeight * 5;
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
      return ${MOUNTED};
    })()`)) as Mounted;
    expect(afterJump.plain).toBe(0);
    expect(afterJump.full).toBeGreaterThan(0);

    // Flung: 2,500 px a frame for 12 frames. The last frames show plain rows only.
    const flung = (await page.evaluate(`(async () => {
      const list = document.querySelector('.reader-list');
      for (let i = 0; i < 12; i++) {
        list.scrollTop += 2500;
        await new Promise((r) => requestAnimationFrame(r));
      }
      return { last: ${MOUNTED}, top: ${TOP_ROW}, plainOnScreen: ${PLAIN_ON_SCREEN} };
    })()`)) as { last: Mounted; top: { row: number; top: number }; plainOnScreen: boolean };
    if (process.env.PASSAGE_E2E_SHOTS)
      await page.screenshot({ path: `${process.env.PASSAGE_E2E_SHOTS}/flung.png` });
    expect(flung.plainOnScreen).toBe(true);
    expect(flung.last.plain).toBeGreaterThan(0);
    expect(flung.last.full).toBe(0);
    expect(flung.last.stripes).toBe(0);

    // At rest, the full rows come back with their stripes, and nothing has moved.
    await page.waitForTimeout(500);
    const rested = (await page.evaluate(MOUNTED)) as Mounted;
    expect(rested.plain).toBe(0);
    expect(rested.stripes).toBeGreaterThan(0);
    const top = (await page.evaluate(TOP_ROW)) as { row: number; top: number };
    expect(top.row).toBe(flung.top.row);
    expect(Math.abs(top.top - flung.top.top)).toBeLessThan(1);
    expect(await page.evaluate(`document.querySelector('.reader-text-area').dataset.rowCorrections`)).toBe(
      '0',
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
