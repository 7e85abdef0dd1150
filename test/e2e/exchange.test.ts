import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/refi-samples');

describe('REFI-QDA exchange in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let home: string;

  beforeAll(async () => {
    home = tempDir('passage-e2e-');
    server = await startServer({ home: path.join(home, 'config') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports a QualCoder project from the Start screen, shows the report, its documents and codes, and exports it', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    const form = page.getByRole('form', { name: 'Import REFI-QDA project' });
    await form.getByLabel('REFI-QDA file').fill(path.join(SAMPLES, 'qc-1.2.0/demo.qdpx'));
    const project = path.join(home, 'from qc.passage');
    await form.getByLabel('New project file').fill(project);
    await form.getByRole('button', { name: 'Import project' }).click();

    const report = page.getByRole('dialog', { name: 'REFI-QDA import report' });
    await report.waitFor();
    expect(await report.textContent()).toContain('3 documents, 112 codes, 213 coded segments');
    await report.getByRole('button', { name: 'Close report' }).click();

    await page.getByRole('navigation', { name: 'Areas' }).waitFor();
    const area = page.getByRole('main');
    for (const title of ['admin', 'teacher', 'board_member'])
      await area.getByText(title, { exact: true }).first().waitFor();
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Codebook', exact: true })
      .click();
    await area.getByText('rq1_definition', { exact: true }).first().waitFor();

    // A code made a heading: the box in its form, the muted marker in the tree, kept in the project.
    await area.getByText('rq1_definition', { exact: true }).first().click();
    const details = area.getByRole('region', { name: 'Code rq1_definition' });
    const codable = details.getByLabel('Can be applied');
    expect(await codable.isChecked()).toBe(true);
    // The box follows the saved code (it turns once the backend has stored the change).
    await codable.click();
    const row = area.getByRole('treeitem').filter({ hasText: 'rq1_definition' }).first();
    await row.getByText('heading', { exact: true }).waitFor();
    expect(await codable.isChecked()).toBe(false);
    // PASSAGE_E2E_SHOTS=folder keeps a picture of the codebook to look at.
    if (process.env.PASSAGE_E2E_SHOTS)
      await page.screenshot({ path: path.join(process.env.PASSAGE_E2E_SHOTS, 'codebook-heading.png') });

    await page.getByRole('button', { name: 'Export REFI-QDA project…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export REFI-QDA project' });
    const target = path.join(home, 'out.qdpx');
    await dialog.getByLabel('File', { exact: true }).fill(target);
    await dialog.getByRole('button', { name: 'Export' }).click();
    await dialog.getByRole('status').waitFor();
    expect(fs.statSync(target).size).toBeGreaterThan(1000);
    await dialog.getByRole('button', { name: 'Export' }).click();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/out\.qdpx already exists/);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
