import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

// Screenshots to look at (reader, sample) are kept when this is set: PASSAGE_E2E_SHOTS=/some/folder.
const SHOTS = process.env.PASSAGE_E2E_SHOTS;

describe('the example study from the Start screen (Chromium, browser mode)', () => {
  let browser: Browser;
  let server: RunningServer;
  let home: string;

  beforeAll(async () => {
    home = tempDir('passage-demo-e2e-');
    // The user's folder is HOME: the study goes to HOME/Documents.
    server = await startServer({ home: path.join(home, 'config'), extraEnv: { HOME: home } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the example study: its transcripts are listed, the reader shows one with stripes, the sample has its graph', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    const example = page.getByRole('button', { name: 'Open the example study' });
    await example.waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'demo-start.png') });
    await example.click();

    const documents = page.getByRole('tabpanel', { name: 'Documents' });
    for (const n of ['01', '02', '03', '04', '05', '06'])
      await documents.getByText(`Interview P${n}`, { exact: true }).first().waitFor();
    expect(fs.existsSync(path.join(home, 'Documents', 'Passage example study.passage'))).toBe(true);

    await documents.getByText('Interview P01', { exact: true }).first().click();
    await page.getByRole('heading', { name: 'Interview P01' }).waitFor();
    await page.locator('.reader-row').first().waitFor();
    await page.getByRole('button', { name: 'Stripe Public legitimacy' }).first().waitFor();
    const stripeLabels = (await page.evaluate(
      `[...document.querySelectorAll('.reader-stripe[aria-label]')].map((e) => e.getAttribute('aria-label'))`,
    )) as string[];
    expect(new Set(stripeLabels).size).toBeGreaterThanOrEqual(6);
    const rows = (await page.locator('.reader-text').allTextContents()).join('\n');
    expect(rows).toContain('P01: That was in Varden province');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'demo-reader.png') });

    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Sample', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Sample' }).waitFor();
    const participants = page.getByRole('list', { name: 'Participants' });
    await participants.getByRole('listitem', { name: 'P12' }).waitFor();
    expect(await participants.getByRole('listitem').count()).toBe(12);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'demo-sample.png') });
    await page.getByRole('tab', { name: 'Referral graph' }).click();
    await page.getByRole('img', { name: 'Referral graph of 12 participants' }).waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'demo-graph.png') });

    // Two coders coded P01 and P03: the Team view has agreement to show.
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Team', exact: true })
      .click();
    await page.getByRole('checkbox', { name: 'Researcher A' }).check();
    await page.getByRole('checkbox', { name: 'Researcher B' }).check();
    await page.getByRole('button', { name: 'Compute agreement' }).click();
    await page
      .getByRole('table', { name: 'Agreement by code' })
      .getByRole('row', { name: /Public legitimacy/ })
      .waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'demo-team.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('writes a second study beside the first rather than replacing it', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    // The server still has the first study open: close it to reach the Start screen.
    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByRole('button', { name: 'Open the example study' }).click();
    await page
      .getByRole('tabpanel', { name: 'Documents' })
      .getByText('Interview P01', { exact: true })
      .first()
      .waitFor();
    expect(fs.existsSync(path.join(home, 'Documents', 'Passage example study 2.passage'))).toBe(true);
    expect(fs.existsSync(path.join(home, 'Documents', 'Passage example study.passage'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
