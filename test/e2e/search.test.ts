import { describe, expect, it } from 'vitest';
import { insertDocument } from '../../electron/store/documents';
import { openApp, serveStudy } from '../helpers/servedStudy';

describe('search in the browser', () => {
  const study = serveStudy({
    prefix: 'passage-e2e-search-',
    fileName: 'corpus.passage',
    fill: (_session, db) => {
      // The corpus is set up through the backend; the import UI is tested by its own e2e test.
      insertDocument(db, {
        title: 'Geneva press release',
        text: 'Intro.\nTalks in Genève on civilian casualties.',
      });
      insertDocument(db, {
        title: 'NATO speech',
        text: 'The alliance spoke about civilian casualties today.',
      });
      insertDocument(db, { title: 'Budget note', text: 'Nothing about that here.' });
    },
  });

  it('searches, saves the results as a group and opens a hit', async () => {
    const { page, errors } = await openApp(study);
    await page.getByRole('tab', { name: 'Search' }).click();
    const box = page.getByRole('searchbox', { name: 'Search query' });
    await box.fill('"civilian casualties');
    await box.press('Enter');
    expect(await page.getByRole('alert').first().textContent()).toBe(
      'search: unbalanced quote in "civilian casualties',
    );
    await box.fill('"civilian casualties" AND geneve');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Open Geneva press release' }).waitFor();
    expect(await page.locator('.search-summary').textContent()).toContain('1 document');
    await box.fill('"civilian casualties"');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Open NATO speech' }).waitFor();
    expect(await page.locator('.search-summary').textContent()).toContain('2 documents');
    const marks = await page
      .getByRole('button', { name: 'Open NATO speech' })
      .locator('mark')
      .allTextContents();
    expect(marks).toEqual(['civilian casualties']);

    await page.getByRole('button', { name: 'Save as group' }).click();
    const name = page.getByRole('form', { name: 'Save as group' }).getByRole('textbox');
    await name.fill('Casualties');
    await page.getByRole('button', { name: 'Save group' }).click();
    expect(await page.getByRole('status').first().textContent()).toBe('Saved group "Casualties" (N = 2)');

    await page.getByRole('button', { name: 'Open NATO speech' }).click();
    const reader = page.getByRole('region', { name: 'Document reader' });
    await reader.getByText('The alliance spoke about', { exact: false }).first().waitFor();

    await page.getByRole('tab', { name: 'Groups' }).click();
    const groups = page.getByRole('list', { name: 'Groups' });
    await groups.getByText('Casualties', { exact: true }).waitFor();
    expect(await groups.textContent()).toContain('N = 2');
    expect(errors).toEqual([]);
    await page.close();
  });
});
