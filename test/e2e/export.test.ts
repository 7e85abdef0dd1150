import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedStudy } from '../export/helpers/seed';
import { watchPageErrors } from '../helpers/browser';
import { openArea, serveStudy } from '../helpers/servedStudy';

describe('export in browser mode', () => {
  // The project is written with SQL before the server opens it.
  const study = serveStudy({
    prefix: 'passage-e2e-export-',
    fileName: 'nato study.passage',
    fill: (_session, db) => seedStudy(db),
  });

  it('exports a Word appendix from the dialog and the file is on disk', async () => {
    const page = await study.browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await openArea(page, 'Export');
    await page.getByRole('checkbox', { name: /Level of cooperation/ }).check();
    const outline = page.getByRole('region', { name: 'Outline' });
    await outline.getByText('Legitimacy — 3 quotes').waitFor();
    const target = path.join(study.dir, 'from the dialog.docx');
    await page.getByRole('textbox', { name: 'Save to' }).fill(target);
    await page.getByRole('form', { name: 'Export to file' }).getByRole('button', { name: 'Export' }).click();
    await page.getByText(`Saved ${target}`).waitFor({ timeout: 30_000 });
    const bytes = fs.readFileSync(target);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(5000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
