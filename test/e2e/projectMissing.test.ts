import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { runPassage } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { api, importTexts } from '../reader/e2eHelpers';

describe('project file deleted while open, in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let home: string;
  let file: string;

  beforeAll(async () => {
    home = tempDir('passage-e2e-missing-');
    file = path.join(home, 'study.passage');
    expect(runPassage(['new', file]).status).toBe(0);
    server = await startServer({ home: path.join(home, 'config'), project: file });
    await importTexts(server, [
      { name: 'interview-1.txt', text: 'We trusted the council until the flood came.' },
    ]);
    await api(server, 'codes.create', { name: 'Trust' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses the next edit, keeps a banner up, and saves everything to a copy that Passage goes on with', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Codebook' }).click();
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: 'Trust' }).waitFor();
    expect(await page.getByRole('alert', { name: 'Project file problem' }).count()).toBe(0);

    fs.rmSync(file);
    await page.getByRole('tab', { name: 'Code groups' }).click();
    await page.getByRole('textbox', { name: 'Code group name' }).fill('Institutions');
    await page.getByRole('button', { name: 'Add group' }).click();

    const banner = page.getByRole('alert', { name: 'Project file problem' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('study.passage was moved or deleted while open');
    // The edit was refused, not silently kept in a file that no longer exists.
    expect(await page.getByRole('region', { name: 'Code groups' }).getByRole('listitem').count()).toBe(0);

    await banner.getByRole('button', { name: 'Save a copy…' }).click();
    const copy = path.join(home, 'rescued.passage');
    await banner.getByRole('textbox', { name: 'New project file' }).fill(copy);
    await banner.getByRole('button', { name: 'Save copy' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Areas' }).getByText('rescued', { exact: true }).waitFor();

    // Passage now writes to the copy: the edit made again lands there.
    await page.getByRole('textbox', { name: 'Code group name' }).fill('Institutions');
    await page.getByRole('button', { name: 'Add group' }).click();
    await page
      .getByRole('region', { name: 'Code groups' })
      .getByRole('listitem', { name: 'Group Institutions' })
      .waitFor();
    expect(await page.getByRole('alert', { name: 'Project file problem' }).count()).toBe(0);
    await page.close();
    await server.stop();

    const info = runPassage(['info', copy, '--json']);
    expect(info.status).toBe(0);
    expect(info.json()).toMatchObject({ counts: { documents: 1, codes: 1, codeGroups: 1 } });
    expect(errors).toEqual([]);
  });
});
