import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertDocument } from '../../electron/store/documents';
import { openApp, serveStudy } from '../helpers/servedStudy';

// 130 documents match: the list shows the first page of 50 and loads the others as it is scrolled.
const MATCHING = 130;

describe('search results in the browser, page by page', () => {
  const study = serveStudy({
    prefix: 'passage-e2e-search-scroll-',
    fileName: 'corpus.passage',
    fill: (_session, db) => {
      // The same text everywhere ranks every document alike, so the ranked list is in id order.
      for (let i = 1; i <= MATCHING; i++) {
        insertDocument(db, {
          title: `Report ${String(i).padStart(3, '0')}`,
          text: 'The minutes say NATO met the committee and NATO agreed.',
        });
      }
      insertDocument(db, { title: 'Budget note', text: 'Nothing about that here.' });
    },
  });

  it('loads further pages while the list is scrolled, to the last document', async () => {
    const { page, errors } = await openApp(study, { width: 1250, height: 900 });
    await page.getByRole('tab', { name: 'Search' }).click();
    const box = page.getByRole('searchbox', { name: 'Search query' });
    await box.fill('nato');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Open Report 001' }).waitFor();
    expect(await page.locator('.search-summary').textContent()).toContain(`${MATCHING} documents`);
    const list = page.locator('.search-results');
    const last = page.getByRole('button', { name: `Open Report ${MATCHING}` });
    // Each scroll to the end brings the next page (the list grows) until the last document shows.
    const heights: number[] = [];
    for (let pageNumber = 0; pageNumber < 10 && !(await last.isVisible()); pageNumber++) {
      const height = await list.evaluate((element) => {
        element.scrollTop = element.scrollHeight;
        return element.scrollHeight;
      });
      heights.push(height);
      await expect
        .poll(async () => (await last.isVisible()) || (await list.evaluate((e) => e.scrollHeight)) > height)
        .toBe(true);
    }
    await last.waitFor();
    expect(new Set(heights).size).toBeGreaterThanOrEqual(2);
    const marks = await last.locator('mark').allTextContents();
    expect(marks).toEqual(['NATO', 'NATO']);
    expect(await last.textContent()).toContain('2 hits');
    // To look at it: PASSAGE_E2E_SHOTS=FOLDER keeps the screenshot (the temp folder is removed).
    await page.screenshot({
      path: path.join(process.env.PASSAGE_E2E_SHOTS ?? study.dir, 'search-scrolled.png'),
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
