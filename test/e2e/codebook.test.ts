import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { runPassage } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('codebook area in the browser', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    const home = tempDir('passage-e2e-codebook-');
    const file = path.join(home, 'nato.passage');
    expect(runPassage(['new', file]).status).toBe(0);
    server = await startServer({ home: path.join(home, 'config'), project: file });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads the template from the Codebook area and shows its codes and groups, still there after a reload', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Codebook', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Codebook' }).waitFor();
    await page.getByRole('combobox', { name: 'Template' }).selectOption('nato-ngo-framework');
    await page.getByRole('button', { name: 'Load template' }).click();
    const tree = page.getByRole('tree', { name: 'Codes' });
    await tree.getByRole('treeitem', { name: 'Diplomats and politicians' }).waitFor();
    expect(await tree.getByRole('treeitem').count()).toBe(34);
    expect(await tree.getByRole('treeitem', { name: 'Learning stage' }).getAttribute('aria-level')).toBe('1');
    expect(await tree.getByRole('treeitem', { name: 'Analysis' }).getAttribute('aria-level')).toBe('2');

    await page.getByRole('tab', { name: 'Code groups' }).click();
    const groups = page.getByRole('region', { name: 'Code groups' });
    for (const name of [
      'Resource concerns',
      'Learning stage',
      'Level of cooperation',
      'Type of relationship',
      'Stakeholder',
      'Mission or issue',
    ]) {
      await groups.getByRole('listitem', { name: `Group ${name}` }).waitFor();
    }
    expect(await groups.getByRole('listitem', { name: 'Group Learning stage' }).textContent()).toContain(
      'Analysis, Implementation, Institutionalisation',
    );

    // The code's description from the template, split into its parts.
    await page.getByRole('tab', { name: 'Code', exact: true }).click();
    await tree.getByText('Information', { exact: true }).click();
    const details = page.getByRole('region', { name: 'Code Information' });
    expect(await details.getByRole('textbox', { name: 'When to use' }).inputValue()).toMatch(
      /situational information/,
    );

    await page.reload();
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: 'Libya' }).waitFor();
    expect(await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem').count()).toBe(34);
    expect(errors).toEqual([]);
    await page.close();
  });
});
