import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/store/openProject';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';
import { insertDocument } from '../sample/fixtures';

async function addParticipant(page: Page, label: string): Promise<void> {
  await page.getByRole('textbox', { name: 'New participant label' }).fill(label);
  await page.getByRole('button', { name: 'Add participant' }).click();
  await page.getByRole('complementary', { name: `Participant ${label}` }).waitFor();
}

async function addReferrer(page: Page, label: string, referrer: string): Promise<void> {
  const editor = page.getByRole('complementary', { name: `Participant ${label}` });
  await editor.getByRole('combobox', { name: 'Referrer' }).selectOption({ label: referrer });
  await editor.getByRole('button', { name: 'Add referrer' }).click();
  await editor.getByRole('button', { name: `Remove referral by ${referrer}` }).waitFor();
}

describe('snowball sample in the browser', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    const dir = tempDir('passage-e2e-sample-');
    const file = path.join(dir, 'nato study.passage');
    // The transcript is planted through the store: importing documents is another area's feature.
    const project = await openProject(file, { create: true });
    insertDocument(project.db, 'Transcript of the second interview');
    closeProject(project);
    server = await startServer({ home: path.join(dir, 'config'), project: file });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a seed and two referrals, interviews one, links a transcript; graph and Appendix 1 follow', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Sample', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Sample' }).waitFor();

    await addParticipant(page, 'Seed');
    await addParticipant(page, 'R1');
    await addReferrer(page, 'R1', 'Seed');
    await addParticipant(page, 'R2');
    await addReferrer(page, 'R2', 'Seed');

    // R1 is interviewed on a given day, by video, and its transcript is linked.
    await page.getByRole('list', { name: 'Participants' }).getByRole('listitem', { name: 'R1' }).click();
    const editor = page.getByRole('complementary', { name: 'Participant R1' });
    await editor.getByRole('combobox', { name: 'New status' }).selectOption('interviewed');
    await editor.getByRole('textbox', { name: 'Status date' }).fill('2024-03-01');
    await editor.getByRole('button', { name: 'Record status' }).click();
    await editor.getByRole('list', { name: 'Status history' }).getByText('2024-03-01').waitFor();
    await editor.getByLabel('Interview date').fill('2024-03-01');
    await editor.getByLabel('Mode').selectOption('video');
    await editor.getByRole('button', { name: 'Save details' }).click();
    await editor.getByRole('combobox', { name: 'Transcript to link' }).selectOption({
      label: 'Transcript of the second interview',
    });
    await editor.getByRole('button', { name: 'Link transcript' }).click();
    await editor.getByRole('button', { name: 'Unlink Transcript of the second interview' }).waitFor();

    const r1Row = page.getByRole('list', { name: 'Participants' }).getByRole('listitem', { name: 'R1' });
    expect(await r1Row.locator('[data-column="status"]').textContent()).toBe('interviewed');
    expect(await r1Row.locator('[data-column="wave"]').textContent()).toBe('1');
    expect(await r1Row.locator('[data-column="documents"]').textContent()).toBe('1');

    await page.getByRole('tab', { name: 'Referral graph' }).click();
    const graph = page.getByRole('img', { name: 'Referral graph of 3 participants' });
    await graph.waitFor();
    await graph.getByRole('button', { name: 'Seed, identified, wave 0' }).waitFor();
    await graph.getByRole('button', { name: 'R1, interviewed, wave 1' }).waitFor();
    expect(await graph.locator('polyline').count()).toBe(2);
    // Seeds at the top: the seed's node is above both referrals.
    const y = async (name: string) => (await graph.getByRole('button', { name }).boundingBox())!.y;
    expect(await y('Seed, identified, wave 0')).toBeLessThan(await y('R1, interviewed, wave 1'));
    expect(await y('Seed, identified, wave 0')).toBeLessThan(await y('R2, identified, wave 1'));
    // Clicking a node opens the participant.
    await graph.getByRole('button', { name: 'R2, identified, wave 1' }).click();
    await page.getByRole('complementary', { name: 'Participant R2' }).waitFor();

    await page.getByRole('tab', { name: 'Statistics' }).click();
    const appendix = page.getByRole('table', { name: 'Appendix 1 table' });
    await appendix.waitFor();
    const cells = await appendix.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells).toEqual(['R1', '', '2024-03-01', 'video']);
    expect(await appendix.locator('tbody tr').count()).toBe(1);

    // R2 interviewed too: the appendix grows without a reload.
    await page.getByRole('tab', { name: 'Pipeline' }).click();
    const r2 = page.getByRole('complementary', { name: 'Participant R2' });
    await r2.getByRole('combobox', { name: 'New status' }).selectOption('interviewed');
    await r2.getByRole('button', { name: 'Record status' }).click();
    await page
      .getByRole('list', { name: 'Participants' })
      .getByRole('listitem', { name: 'R2' })
      .locator('[data-column="status"]', { hasText: 'interviewed' })
      .waitFor();
    await page.getByRole('tab', { name: 'Statistics' }).click();
    await appendix.locator('tbody tr').nth(1).waitFor();
    expect(await appendix.locator('tbody tr td:first-child').allTextContents()).toEqual(['R1', 'R2']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
