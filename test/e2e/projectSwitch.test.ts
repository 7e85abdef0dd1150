import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';
import { api, importTexts } from '../reader/e2eHelpers';

/** Every toast shown while the page is open, read from the DOM as it appears. */
async function collectToasts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(`(() => {
    window.__toasts = [];
    new MutationObserver(() => {
      for (const t of document.querySelectorAll('.toast-error')) {
        if (!t.dataset.seen) { t.dataset.seen = '1'; window.__toasts.push(t.textContent); }
      }
    }).observe(document.body, { childList: true, subtree: true });
  })()`);
  return async () => (await page.evaluate('window.__toasts')) as string[];
}

async function createInUi(page: Page, file: string): Promise<void> {
  await page.getByRole('form', { name: 'New project' }).getByRole('textbox').fill(file);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('heading', { name: 'Documents' }).waitFor();
}

describe('switching projects (Chromium, browser mode)', () => {
  let browser: Browser;
  let server: RunningServer;
  let home: string;

  beforeAll(async () => {
    home = tempDir('passage-switch-e2e-');
    server = await startServer({ home: path.join(home, 'config') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('leaves nothing of project A behind: no error toast, no document open in B, even when ids coincide', async () => {
    // B first, so its first document has the same id as A's.
    const pathB = path.join(home, 'B.passage');
    await api(server, 'project.create', { path: pathB });
    await importTexts(
      server,
      [{ name: 'Minutes of B.txt', text: 'Nothing here concerns study A.\n' }],
      'document',
    );
    await api(server, 'project.create', { path: path.join(home, 'A.passage') });
    await importTexts(server, [
      { name: 'Interview A.txt', text: 'Respondent: We talked to the battalion every week.\n' },
    ]);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    const toasts = await collectToasts(page);
    await page.getByRole('button', { name: 'Open Interview A' }).click();
    await page.getByRole('heading', { name: 'Interview A' }).waitFor();
    await page.locator('.reader-row').first().waitFor();

    // Close A with the document open, then open B (whose document 1 is another one).
    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByRole('form', { name: 'Open project' }).getByRole('textbox').fill(pathB);
    await page.getByRole('button', { name: 'Open project' }).click();
    await page.getByRole('button', { name: 'Open Minutes of B' }).waitFor();
    // Let every reload the workspace starts settle before looking.
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('heading', { name: 'Minutes of B' }).count()).toBe(0);
    expect(await page.locator('.reader-row').count()).toBe(0);
    expect(await page.getByText('Choose a document to read and code it.').count()).toBe(1);

    // Close B, create C: again nothing open and nothing refused.
    await page.getByRole('button', { name: 'Close project' }).click();
    await createInUi(page, path.join(home, 'C.passage'));
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.reader-row').count()).toBe(0);
    expect(await page.getByText('Choose a document to read and code it.').count()).toBe(1);
    expect(await toasts()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
