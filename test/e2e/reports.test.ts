import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/store/openProject';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';
import { buildStudy } from '../reports/fixture';

describe('Reports in browser mode', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    const home = tempDir('passage-e2e-reports-');
    const file = path.join(home, 'reports study.passage');
    // A real project file filled with plain SQL before the server opens it.
    const project = await openProject(file, { create: true });
    buildStudy(project.db);
    closeProject(project);
    server = await startServer({ home: path.join(home, 'config'), project: file });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the co-occurrence table with N values; a cell lists its evidence', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: /Reports/ })
      .click();
    const table = page.getByRole('table', { name: 'Code co-occurrence' });
    await table.waitFor();
    // Documents unit over D1, D2, D4, D5 (D3's participant withdrew): Legitimacy in 2, Effectiveness in 3.
    await table.getByRole('columnheader', { name: 'Legitimacy (N = 2)' }).waitFor();
    await table.getByRole('columnheader', { name: 'Effectiveness (N = 3)' }).waitFor();
    expect(await page.getByText(/N = 4 documents, 9 segments/).count()).toBe(1);
    await table.getByRole('button', { name: 'Legitimacy × Effectiveness: 2' }).click();
    const panel = page.getByRole('region', { name: 'Cell evidence' });
    await panel.getByRole('heading', { name: 'Legitimacy × Effectiveness (documents)' }).waitFor();
    // Legitimacy's segments in D1 and D2 (three of them), cited by participant label.
    const rows = panel.getByRole('list', { name: 'Row code evidence' });
    expect(await rows.getByRole('listitem').count()).toBe(3);
    expect(await rows.getByText('(Interview 2, Respondent)').count()).toBe(1);
    // Effectiveness's segments in the same documents (D1, D2) follow.
    expect(
      await panel.getByRole('list', { name: 'Column code evidence' }).getByRole('listitem').count(),
    ).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
