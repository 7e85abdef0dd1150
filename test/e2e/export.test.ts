import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { seedStudy } from '../export/helpers/seed';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

describe('export in browser mode', () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('passage-e2e-export-');
    process.env.PASSAGE_HOME = path.join(dir, 'config');
    // The project is written with SQL before the server opens it.
    const session = new Session('cli', { coder: 'ana' });
    const file = path.join(dir, 'nato study.passage');
    await invoke(session, 'project.create', { path: file });
    seedStudy(session.requireProject().db);
    session.close();
    server = await startServer({ home: path.join(dir, 'config'), project: file });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('exports a Word appendix from the dialog and the file is on disk', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Export', exact: true })
      .click();
    await page.getByRole('checkbox', { name: /Level of cooperation/ }).check();
    const outline = page.getByRole('region', { name: 'Outline' });
    await outline.getByText('Legitimacy — 3 quotes').waitFor();
    const target = path.join(dir, 'from the dialog.docx');
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
