import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { seedStudy } from '../export/helpers/seed';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('export in browser mode: where the file goes and what it may replace', () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let home: string;

  beforeAll(async () => {
    dir = tempDir('passage-e2e-export-replace-');
    home = path.join(dir, 'user');
    fs.mkdirSync(path.join(home, 'Documents'), { recursive: true });
    const session = new Session('cli', { coder: 'ana' });
    const file = path.join(dir, 'nato study.passage');
    await invoke(session, 'project.create', { path: file });
    seedStudy(session.requireProject().db);
    session.close();
    server = await startServer({ home: path.join(dir, 'config'), project: file, extraEnv: { HOME: home } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function exportTo(page: Page, target: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Save to' }).fill(target);
    await page.getByRole('form', { name: 'Export to file' }).getByRole('button', { name: 'Export' }).click();
  }

  it('asks before replacing, keeps the file’s mode, and puts bare names in the last folder', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Export', exact: true })
      .click();
    await page.getByRole('checkbox', { name: /Level of cooperation/ }).check();
    await page.getByRole('region', { name: 'Outline' }).getByText('Legitimacy — 3 quotes').waitFor();

    // Before any export from the app, a bare name goes to the documents folder, not the server's folder.
    await exportTo(page, 'first draft');
    const first = path.join(home, 'Documents', 'first draft.docx');
    await page.getByText(`Saved ${first}`).waitFor({ timeout: 30_000 });
    expect(fs.existsSync(path.join(ROOT, 'first draft.docx'))).toBe(false);

    const existing = path.join(dir, 'appendix.docx');
    fs.writeFileSync(existing, 'previous version');
    fs.chmodSync(existing, 0o640);
    await exportTo(page, path.join(dir, 'appendix'));
    const dialog = page.getByRole('alertdialog', { name: 'Replace appendix.docx?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(fs.readFileSync(existing, 'utf8')).toBe('previous version');

    await exportTo(page, path.join(dir, 'appendix.docx'));
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await page.getByText(`Saved ${existing}`).waitFor({ timeout: 30_000 });
    expect(fs.readFileSync(existing).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(fs.statSync(existing).mode & 0o777).toBe(0o640);

    // The folder chosen last now takes bare names.
    await exportTo(page, 'second draft.docx');
    await page.getByText(`Saved ${path.join(dir, 'second draft.docx')}`).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
