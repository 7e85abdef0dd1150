import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

describe('import through the UI (browser mode)', () => {
  let browser: Browser;
  let server: RunningServer;
  let home: string;

  beforeAll(async () => {
    home = tempDir('passage-e2e-import-');
    server = await startServer({ home: path.join(home, 'config') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports a folder by path and by folder picker, lists the documents and reports failures', async () => {
    const corpus = path.join(home, 'corpus');
    fs.mkdirSync(path.join(corpus, 'wave 2'), { recursive: true });
    fs.writeFileSync(
      path.join(corpus, 'Interview 1 2019.txt'),
      'Interviewer: Why?\nRespondent: Because of NGOs.',
    );
    fs.writeFileSync(path.join(corpus, 'wave 2', 'Entretien Genève.md'), 'Q: Où?\nA: Ici.');
    fs.writeFileSync(path.join(corpus, 'notes.txt'), '');
    const picked = path.join(home, 'picked');
    fs.mkdirSync(picked);
    fs.writeFileSync(
      path.join(picked, 'Press release 2016.html'),
      '<h1>Civilian casualties</h1><p>Text.</p>',
    );

    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('form', { name: 'New project' })
      .getByRole('textbox')
      .fill(path.join(home, 'study.passage'));
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import documents' });
    await dialog.getByLabel(/paths/).fill(corpus);
    await dialog.getByLabel('Kind').selectOption('interview');
    await dialog.getByRole('button', { name: 'Import' }).click();
    const failed = dialog.getByRole('list', { name: 'Failed files' });
    await failed.waitFor();
    expect(await failed.textContent()).toBe(`${path.join('corpus', 'notes.txt')}: empty`);
    await dialog.getByText('Imported 2, skipped 0 duplicate(s), failed 1.').waitFor();

    // The folder picker uploads the files (base64) like browser mode must.
    await dialog.getByLabel(/paths/).fill('');
    await dialog.getByLabel('Choose a folder').setInputFiles(picked);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByText('Imported 1, skipped 0 duplicate(s), failed 0.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    const list = page.getByRole('list', { name: 'Documents' }).or(page.locator('.document-rows'));
    await list.getByRole('button', { name: 'Open Press release 2016' }).waitFor();
    for (const title of ['Entretien Genève', 'Interview 1 2019'])
      await list.getByRole('button', { name: `Open ${title}` }).waitFor();
    await page.getByText('N = 3').waitFor();
    await page.getByLabel('Filter documents by title').fill('Genève');
    await page.getByText('N = 1').waitFor();
    await list.getByRole('button', { name: 'Open Entretien Genève' }).click();
    await page.getByRole('region', { name: 'Document metadata' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
