import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchPageErrors } from '../helpers/browser';
import { openArea, serveStudy } from '../helpers/servedStudy';
import { generateStudy } from '../reports/generate';

describe('Evidence by code in pages, in browser mode', () => {
  const study = serveStudy({
    prefix: 'passage-e2e-evidence-pages-',
    fileName: 'paged study.passage',
    // "Code 1" gets 450 quotes: two full pages of 200 and a last one of 50.
    fill: (_session, db) =>
      generateStudy(db, { documents: 30, codes: 3, segments: 700, bigCodeSegments: 450, seed: 9 }),
  });

  it('shows 200 quotes of a 450-quote code, then the rest by "Show more"', async () => {
    const page = await study.browser.newPage({ viewport: { width: 1250, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await openArea(page, /Reports/);
    await page.getByRole('tab', { name: 'Evidence by code' }).click();
    const section = page.getByRole('region', { name: 'Code 1', exact: true });
    const quotes = section.getByRole('list', { name: 'Evidence for Code 1' }).getByRole('listitem');
    await section.getByText('200 of 450 shown').waitFor();
    expect(await quotes.count()).toBe(200);
    const more = section.getByRole('button', { name: 'Show more' });
    await more.scrollIntoViewIfNeeded();
    // To look at the view: PASSAGE_E2E_SHOTS=/some/folder keeps the screenshot past the temp folder.
    const shot = path.join(process.env.PASSAGE_E2E_SHOTS ?? study.dir, 'evidence-first-page.png');
    await page.screenshot({ path: shot });
    await more.click();
    await section.getByText('400 of 450 shown').waitFor();
    expect(await quotes.count()).toBe(400);
    await more.click();
    await expect.poll(() => quotes.count()).toBe(450);
    expect(await more.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
