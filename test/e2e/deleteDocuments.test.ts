import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { insertDocument } from '../../electron/store/documents';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

describe('deleting documents in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let file: string;

  beforeAll(async () => {
    const home = tempDir('passage-e2e-delete-');
    file = path.join(home, 'study.passage');
    const session = new Session('cli', { coder: 'ana' });
    await invoke(session, 'project.create', { path: file });
    const { db } = session.requireProject();
    const text = 'We needed the NGOs for legitimacy.';
    const doc = insertDocument(db, { title: 'Interview 1', text });
    insertDocument(db, { title: 'Interview 2', text: 'A second conversation.' });
    const code = await invoke(session, 'codes.create', { name: 'Legitimacy' });
    const start = text.indexOf('legitimacy');
    await invoke(session, 'segments.apply', {
      documentId: doc,
      codeId: code.id,
      startUtf16: start,
      endUtf16: start + 'legitimacy'.length,
    });
    await invoke(session, 'memos.create', { documentId: doc, body: 'Long pause.' });
    session.close();
    server = await startServer({ home: path.join(home, 'config') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('confirms with what goes with them, deletes, and Ctrl+Z brings them back', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('form', { name: 'Open project' }).getByRole('textbox').fill(file);
    await page.getByRole('button', { name: 'Open project' }).click();
    await page.getByRole('checkbox', { name: 'Select Interview 1' }).check();
    await page.getByRole('button', { name: 'Delete…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Delete documents' });
    await dialog.waitFor();
    await page.screenshot({ path: '/tmp/delete-dialog.png' });
    await dialog.getByText('With it go 1 coded segment and 1 memo').waitFor();
    await dialog.getByRole('button', { name: 'Delete 1 document' }).click();
    await page.getByRole('button', { name: 'Open Interview 1' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: /^Open Interview/ }).count()).toBe(1);

    await page.getByRole('button', { name: 'Open Interview 2' }).click();
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Open Interview 1' }).waitFor();
    await page.getByRole('button', { name: 'Open Interview 1' }).click();
    await page.getByRole('button', { name: 'Stripe Legitimacy' }).first().waitFor();
    expect(errors).toEqual([]);
  });
});
