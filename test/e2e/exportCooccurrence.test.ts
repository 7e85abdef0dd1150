import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { seedStudy } from '../export/helpers/seed';
import { tableCells, unzipText } from '../export/helpers/reader';
import { watchPageErrors } from '../helpers/browser';
import { openArea, serveStudy } from '../helpers/servedStudy';

const CAPTION =
  'Table 1. Codes co-occurring with Legitimacy and Burden sharing in document group NGOs (N = 2 documents)';

describe('export in browser mode: the co-occurrence table with its own settings', () => {
  const study = serveStudy({
    prefix: 'passage-e2e-export-cooc-',
    fileName: 'nato study.passage',
    fill: async (session, db) => {
      seedStudy(db);
      const documentIds = (
        db
          .prepare(
            `SELECT id FROM documents WHERE title IN ('Interview 2 transcript', 'Interview 9 transcript')`,
          )
          .all() as { id: number }[]
      ).map((r) => r.id);
      await invoke(session, 'documentGroups.create', { name: 'NGOs', documentIds });
    },
  });

  it('chooses rows, columns and a document group for the table, beside interview evidence, and exports', async () => {
    const page = await study.browser.newPage({ viewport: { width: 1400, height: 1200 } });
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await openArea(page, 'Export');
    // Evidence: Trust in interviews.
    await page.getByRole('group', { name: 'Single codes' }).getByRole('checkbox', { name: 'Trust' }).check();
    await page
      .getByRole('group', { name: 'Filters', exact: true })
      .getByRole('combobox', { name: 'Kind' })
      .selectOption('interview');
    // The co-occurrence table: rows by the code group, two columns, the NGO documents only.
    await page.getByRole('checkbox', { name: 'Co-occurrence table' }).check();
    const table = page.getByRole('group', { name: 'Co-occurrence table' });
    await table.getByRole('checkbox', { name: /own rows, columns/ }).check();
    await table.getByRole('button', { name: /^Rows by code group/ }).click();
    await table
      .getByRole('group', { name: 'Rows by code group' })
      .getByRole('checkbox', { name: 'Level of cooperation' })
      .check();
    await page.keyboard.press('Escape');
    await table.getByRole('button', { name: /^Columns/ }).click();
    const columns = table.getByRole('group', { name: 'Columns' });
    await columns.getByRole('checkbox', { name: 'Legitimacy' }).check();
    await columns.getByRole('checkbox', { name: 'Burden sharing' }).check();
    await page.keyboard.press('Escape');
    await table
      .getByRole('group', { name: 'Co-occurrence filters' })
      .getByRole('checkbox', { name: 'NGOs' })
      .check();
    const outline = page.getByRole('region', { name: 'Outline' });
    await outline.getByText(CAPTION).waitFor();
    await outline.getByText('Trust — 2 quotes').waitFor();
    await table.screenshot({ path: path.join(study.dir, 'cooccurrence settings.png') });
    await outline.screenshot({ path: path.join(study.dir, 'outline.png') });

    const target = path.join(study.dir, 'paper appendix.docx');
    await page.getByRole('textbox', { name: 'Save to' }).fill(target);
    await page.getByRole('form', { name: 'Export to file' }).getByRole('button', { name: 'Export' }).click();
    await page.getByText(`Saved ${target}`).waitFor({ timeout: 30_000 });
    const xml = (await unzipText(target)).get('word/document.xml')!.replaceAll('\u00a0', ' ');
    expect(xml).toContain(CAPTION);
    expect(tableCells(xml)[0]).toEqual([
      ['Code', 'Legitimacy (N = 1)', 'Burden sharing (N = 1)'],
      ['Level of cooperation'],
      ['Legitimacy (N = 1)', '1', '1'],
      ['Trust (N = 2)', '1', '1'],
    ]);
    expect(errors).toEqual([]);
    if (process.env.PASSAGE_E2E_KEEP) fs.cpSync(study.dir, process.env.PASSAGE_E2E_KEEP, { recursive: true });
    await page.close();
  });
});
