import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchPageErrors } from '../helpers/browser';
import { openArea, serveStudy } from '../helpers/servedStudy';
import { generateStudy } from '../reports/generate';

describe('Evidence by code with no code chosen, in browser mode', () => {
  const study = serveStudy({
    prefix: 'passage-e2e-evidence-all-codes-',
    // Twelve codes of about 450 quotes each: 160 quotes each on the first pages (a 2,000-quote first
    // paint shared out), 1,920 in all, more than a frame holds.
    fill: (_session, db) =>
      generateStudy(db, { documents: 120, codes: 12, segments: 6000, bigCodeSegments: 500, seed: 4 }),
  });

  it("paints the first codes' quotes, then every code's in order; long citation lists fold", async () => {
    const page = await study.browser.newPage({ viewport: { width: 1250, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await openArea(page, /Reports/);
    await page.getByRole('tab', { name: 'Evidence by code' }).click();
    const first = page.getByRole('region', { name: 'Code 1', exact: true });
    await first.getByText('160 of 500 shown').waitFor();
    // Every section follows; the line saying how many are shown goes when all are.
    const sections = page.locator('.evidence-report > section');
    await expect.poll(() => sections.count(), { timeout: 60_000 }).toBe(12);
    await page.locator('.evidence-report > [role="status"]').waitFor({ state: 'detached' });
    const names = await sections.evaluateAll((all) => all.map((s) => s.getAttribute('aria-label')));
    // The codebook's order: each root code, then its child (Code 11 under Code 1, Code 12 under Code 2).
    expect(names).toEqual([
      'Code 1',
      'Code 1 / Code 11',
      'Code 2',
      'Code 2 / Code 12',
      ...[3, 4, 5, 6, 7, 8, 9, 10].map((n) => `Code ${n}`),
    ]);
    expect(new Set(names).size).toBe(12);
    for (const name of names) {
      const region = page.getByRole('region', { name: name!, exact: true });
      expect(await region.getByRole('listitem').count()).toBeGreaterThan(0);
    }
    // The big code's citations (over a hundred documents) fold into one line; the list is not in the
    // report and is asked for when the line is opened.
    const cited = first.locator('details.evidence-citations');
    await expect.poll(() => cited.locator('summary').textContent()).toMatch(/^Cited from \d+ documents$/);
    expect(await cited.locator('p').count()).toBe(0);
    const asked = page.waitForRequest((r) => r.url().endsWith('/api/reports.evidenceCitations'));
    await cited.locator('summary').click();
    await asked;
    await expect.poll(() => cited.locator('p').textContent()).toMatch(/^\(interviews \d+, \d+/);
    const shot = path.join(process.env.PASSAGE_E2E_SHOTS ?? study.dir, 'evidence-all-codes.png');
    await page.screenshot({ path: shot });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
