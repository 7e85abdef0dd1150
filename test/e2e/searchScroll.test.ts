import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { insertDocument } from '../../electron/store/documents';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

// 130 documents match: the list shows the first page of 50 and loads the others as it is scrolled.
const MATCHING = 130;

describe('search results in the browser, page by page', () => {
  let browser: Browser;
  let server: RunningServer;
  let file: string;
  let home: string;

  beforeAll(async () => {
    home = tempDir('passage-e2e-search-scroll-');
    file = path.join(home, 'corpus.passage');
    const session = new Session('cli', { coder: 'ana' });
    await invoke(session, 'project.create', { path: file });
    const { db } = session.requireProject();
    // The same text everywhere ranks every document alike, so the ranked list is in id order.
    for (let i = 1; i <= MATCHING; i++) {
      insertDocument(db, {
        title: `Report ${String(i).padStart(3, '0')}`,
        text: 'The minutes say NATO met the committee and NATO agreed.',
      });
    }
    insertDocument(db, { title: 'Budget note', text: 'Nothing about that here.' });
    session.close();
    server = await startServer({ home: path.join(home, 'config') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads further pages while the list is scrolled, to the last document', async () => {
    const page = await browser.newPage({ viewport: { width: 1250, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('form', { name: 'Open project' }).getByRole('textbox').fill(file);
    await page.getByRole('button', { name: 'Open project' }).click();
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
    await page.screenshot({ path: path.join(process.env.PASSAGE_E2E_SHOTS ?? home, 'search-scrolled.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
