import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { insertDocument } from '../../electron/store/documents';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

const DOCUMENTS = 400;
const title = (n: number) => `Interview ${String(n).padStart(3, '0')}`;

describe('opening a project with many documents, in the browser', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    const home = tempDir('passage-e2e-list-');
    const file = path.join(home, 'study.passage');
    const session = new Session('cli', { coder: 'ana' });
    await invoke(session, 'project.create', { path: file });
    const { db } = session.requireProject();
    const text = 'We needed the NGOs for legitimacy.';
    db.transaction(() => {
      for (let n = 1; n <= DOCUMENTS; n++) insertDocument(db, { title: title(n), text });
    })();
    const code = await invoke(session, 'codes.create', { name: 'Legitimacy' });
    for (const start of [0, 14])
      await invoke(session, 'segments.apply', {
        documentId: DOCUMENTS,
        codeId: code.id,
        startUtf16: start,
        endUtf16: start + 4,
      });
    session.close();
    server = await startServer({ home: path.join(home, 'config'), project: file });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders only the rows in view, and scrolls the list itself down to the last document', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    const list = page.getByRole('list', { name: 'Documents' });
    await list.getByText(title(1), { exact: true }).waitFor();
    await page.getByText(`N = ${DOCUMENTS}`).waitFor();
    // Rendering every row made the 10x study's first paint wait on 33,000 elements.
    const rendered = await page.locator('.document-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);

    await list.evaluate((element) => (element.scrollTop = element.scrollHeight));
    const last = list.getByRole('button', { name: `Open ${title(DOCUMENTS)}` });
    await last.waitFor();
    expect(await last.textContent()).toContain('2 segments');
    expect(await page.locator('.document-row').count()).toBeLessThan(60);
    expect(errors).toEqual([]);
  });
});
