import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertDocument } from '../../electron/store/documents';
import { openApp, serveStudy } from '../helpers/servedStudy';

const LONG_BEFORE =
  'The interview began with questions about the mission, the mandate, the budget lines, the reporting ' +
  'duties, the liaison officers and the weekly meetings in the compound before anyone mentioned the ';

describe('search by word forms in the browser', () => {
  const study = serveStudy({
    prefix: 'passage-e2e-wordforms-',
    fileName: 'corpus.passage',
    fill: (_session, db) => {
      insertDocument(db, { title: 'Field notes', text: `${LONG_BEFORE}NGOs and what they wanted from us.` });
      insertDocument(db, { title: 'Transcript', text: 'I trust the NGO.' });
    },
  });

  it('finds NGOs for NGO by default, says so, shows the hit in its snippet, and remembers Exact words', async () => {
    const { page, errors } = await openApp(study, { width: 1280, height: 800 });
    await page.getByRole('tab', { name: 'Search' }).click();
    const wordForms = page.getByRole('checkbox', { name: 'Word forms' });
    expect(await wordForms.isChecked()).toBe(true);
    const box = page.getByRole('searchbox', { name: 'Search query' });
    await box.fill('NGO');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Open Field notes' }).waitFor();
    expect(await page.locator('.search-summary').textContent()).toContain(
      '2 documents (N = 2) · Matching word forms (English stemming)',
    );
    const mark = page.getByRole('button', { name: 'Open Field notes' }).locator('mark');
    expect(await mark.allTextContents()).toEqual(['NGOs']);
    // The hit is on screen inside its result, not clipped away at the panel's edge.
    const markBox = (await mark.boundingBox())!;
    const resultBox = (await page.getByRole('button', { name: 'Open Field notes' }).boundingBox())!;
    expect(markBox.width).toBeGreaterThan(0);
    expect(markBox.x + markBox.width).toBeLessThanOrEqual(resultBox.x + resultBox.width + 1);
    const snippetBox = (await mark.locator('xpath=..').boundingBox())!;
    expect(markBox.y + markBox.height).toBeLessThanOrEqual(snippetBox.y + snippetBox.height + 1);
    expect(markBox.y + markBox.height).toBeLessThanOrEqual(resultBox.y + resultBox.height + 1);
    // PASSAGE_SHOTS_DIR keeps the picture to look at (the temp folder goes with the test).
    const shot = path.join(process.env.PASSAGE_SHOTS_DIR ?? study.dir, 'word-forms.png');
    await page.screenshot({ path: shot });

    await wordForms.uncheck();
    await page.locator('.search-summary', { hasText: 'Exact words' }).waitFor();
    expect(await page.locator('.search-summary').textContent()).toContain('1 document (N = 1) · Exact words');
    await page.reload();
    await page
      .getByRole('tab', { name: 'Search' })
      .click()
      .catch(() => undefined);
    expect(await page.getByRole('checkbox', { name: 'Word forms' }).isChecked()).toBe(false);
    expect(errors).toEqual([]);
  });
});
