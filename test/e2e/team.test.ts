import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodingCopy } from '../../shared/api/team';
import { addDocument } from '../coding/fixture';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { runPassage } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const TEXT = 'First line about access.\nSecond line about training.\nThird line about donors.\n';

describe('team coding in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let file: string;
  let benCopy: string;

  beforeAll(async () => {
    const home = tempDir('passage-e2e-team-');
    file = path.join(home, 'study.passage');
    expect(runPassage(['new', file]).status).toBe(0);
    const db = new Database(file);
    const doc = String(addDocument(db, 'Interview 1', TEXT));
    db.close();
    expect(runPassage(['codebook', file, 'add', 'Access']).status).toBe(0);
    const code = (start: number, end: number, coder: string, target = file) =>
      expect(
        runPassage([
          'code',
          target,
          '--doc',
          doc,
          '--start',
          `${start}`,
          '--end',
          `${end}`,
          '--code',
          'Access',
          '--coder',
          coder,
        ]).status,
      ).toBe(0);
    code(0, 5, 'Ana'); // line 1
    code(25, 31, 'Ana'); // line 2
    code(6, 10, 'Ben'); // line 1
    // Ben's blind copy, in which he codes line 3: merged back through the UI below.
    const out = path.join(home, 'copies');
    fs.mkdirSync(out);
    const copies = runPassage([
      'copies',
      file,
      '--coders',
      'Ben',
      '--out',
      out,
      '--without-segments',
      '--json',
    ]);
    benCopy = copies.json<CodingCopy[]>()[0]!.path;
    code(53, 58, 'Ben', benCopy);
    server = await startServer({ home: path.join(home, 'config'), project: file });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('switches coder, computes agreement, settles and opens a disagreement, and merges a copy', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    const switcher = page.getByRole('combobox', { name: 'Coder' });
    await switcher.locator('option', { hasText: 'Ana' }).waitFor({ state: 'attached' });
    await switcher.selectOption('Ana');
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Team', exact: true })
      .click();
    const coders = page.getByRole('region', { name: 'Coders' });
    await coders.getByText('coding now').waitFor();
    expect(await coders.getByRole('textbox', { name: 'Name of Ana' }).inputValue()).toBe('Ana');

    await page.getByRole('checkbox', { name: 'Ana' }).check();
    await page.getByRole('checkbox', { name: 'Ben' }).check();
    await page.getByRole('combobox', { name: 'Unit' }).selectOption('paragraphs');
    await page.getByRole('button', { name: 'Compute agreement' }).click();
    const row = page.getByRole('table', { name: 'Agreement by code' }).getByRole('row', { name: /^Access/ });
    await row.waitFor();
    // 3 lines: both on line 1, only Ana on line 2, neither on line 3 → 2 of 3.
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '3',
      '66.7 %',
      '0.400',
      '0.444',
      '2',
      '1',
    ]);

    const list = page.getByRole('region', { name: 'Disagreements' });
    // Settled as the consensus coder: Ana's version of line 2 is kept.
    const line2 = list.getByRole('listitem').filter({ hasText: 'Second line about training.' });
    await line2.getByRole('button', { name: 'Keep Ana' }).click();
    await line2.getByText('settled: kept Ana').waitFor();
    await coders.getByRole('textbox', { name: 'Name of consensus' }).waitFor();
    await list.getByRole('button', { name: '“Second line about training.”' }).click();
    await page.getByRole('main', { name: 'Documents' }).waitFor();
    await page.getByText('Third line about donors.').waitFor();

    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Team', exact: true })
      .click();
    const merge = page.getByRole('form', { name: "Merge a coder's project" });
    await merge.getByRole('textbox', { name: 'Project file' }).fill(benCopy);
    await merge.getByRole('button', { name: 'Merge' }).click();
    const status = merge.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toContain('Added 1 segments');
    const ben = coders
      .getByRole('listitem')
      .filter({ has: page.getByRole('textbox', { name: 'Name of Ben' }) });
    await ben.getByText('2 segments').waitFor();
    expect(errors).toEqual([]);
  });
});
