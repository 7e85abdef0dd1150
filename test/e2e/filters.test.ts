import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { insertDocument } from '../../electron/store/documents';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

describe('attribute filters and group actions in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let file: string;

  beforeAll(async () => {
    const home = tempDir('passage-e2e-filters-');
    file = path.join(home, 'corpus.passage');
    // A real project through the backend: four documents that all mention civilians, three with attributes.
    const session = new Session('cli', { coder: 'ana' });
    await invoke(session, 'project.create', { path: file });
    const { db } = session.requireProject();
    const geneva = insertDocument(db, { title: 'Geneva press release', text: 'Civilians were protected.' });
    const nairobi = insertDocument(db, { title: 'Nairobi statement', text: 'Civilians fled the town.' });
    const brussels = insertDocument(db, { title: 'Brussels speech', text: 'We spoke of civilians.' });
    const budget = insertDocument(db, { title: 'Budget note', text: 'Civilians, budget lines.' });
    const attributes: [number, string, string][] = [
      [geneva, 'region', 'Europe'],
      [geneva, 'source', 'NGO'],
      [nairobi, 'region', 'Africa'],
      [nairobi, 'source', 'NGO'],
      [brussels, 'region', 'Europe'],
      [brussels, 'source', 'State'],
    ];
    for (const [documentId, name, value] of attributes)
      await invoke(session, 'attributes.set', { documentId, name, value });
    await invoke(session, 'documentGroups.create', { name: 'Reviewed', documentIds: [budget] });
    session.close();
    server = await startServer({ home: path.join(home, 'config') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('narrows a search by two attribute conditions, then adds listed documents to a group', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('form', { name: 'Open project' }).getByRole('textbox').fill(file);
    await page.getByRole('button', { name: 'Open project' }).click();

    await page.getByRole('tab', { name: 'Search' }).click();
    const box = page.getByRole('searchbox', { name: 'Search query' });
    await box.fill('civilians');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Open Budget note' }).waitFor();
    expect(await page.locator('.search-summary').textContent()).toContain('4 documents');

    const conditions = page.getByRole('group', { name: 'Attributes' });
    const add = async (name: string, value: string): Promise<void> => {
      await conditions.getByRole('combobox', { name: 'Condition attribute' }).selectOption({ label: name });
      await conditions.getByRole('combobox', { name: 'Condition value' }).selectOption({ label: value });
      await conditions.getByRole('button', { name: 'Add condition' }).click();
    };
    await add('region', 'Europe');
    await page.getByRole('button', { name: 'Open Budget note' }).waitFor({ state: 'detached' });
    expect(await page.locator('.search-summary').textContent()).toContain('2 documents');
    const titles = async (): Promise<string[]> =>
      (await page.locator('.search-result strong').allTextContents()).sort();
    expect(await titles()).toEqual(['Brussels speech', 'Geneva press release']);

    await add('source', 'NGO');
    await page.getByRole('button', { name: 'Open Brussels speech' }).waitFor({ state: 'detached' });
    expect(await page.locator('.search-summary').textContent()).toContain('1 document');
    expect(await titles()).toEqual(['Geneva press release']);
    expect(
      await conditions
        .getByRole('list', { name: 'Attributes: all must hold' })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(['region = Europe×', 'source = NGO×']);

    // Removing a condition widens the results again.
    await conditions.getByRole('button', { name: 'Remove condition region = Europe' }).click();
    await page.getByRole('button', { name: 'Open Nairobi statement' }).waitFor();
    expect(await titles()).toEqual(['Geneva press release', 'Nairobi statement']);

    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByRole('checkbox', { name: 'Select Geneva press release' }).check();
    await page.getByRole('checkbox', { name: 'Select Brussels speech' }).check();
    const selection = page.getByRole('group', { name: 'Selected documents' });
    await selection.getByText('2 of 4 selected').waitFor();
    const groups = selection.getByRole('combobox', { name: 'Document group' });
    await groups.getByRole('option', { name: 'Reviewed (N = 1)' }).waitFor({ state: 'attached' });
    await groups.selectOption({ label: 'Reviewed (N = 1)' });
    await selection.getByRole('button', { name: 'Add to group' }).click();
    await selection.getByText('Added 2 documents to Reviewed (N = 3).').waitFor();
    await groups.getByRole('option', { name: 'Reviewed (N = 3)' }).waitFor({ state: 'attached' });

    await page.getByRole('tab', { name: 'Groups' }).click();
    const list = page.getByRole('list', { name: 'Groups' });
    await list.getByText('Reviewed', { exact: true }).waitFor();
    expect(await list.textContent()).toContain('N = 3');
    await list.getByRole('button', { name: 'Reviewed' }).click();
    const members = page.getByRole('list', { name: 'Documents in Reviewed' });
    await members.getByRole('button', { name: 'Geneva press release', exact: true }).waitFor();
    expect((await members.locator('button.link').allTextContents()).sort()).toEqual([
      'Brussels speech',
      'Budget note',
      'Geneva press release',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
