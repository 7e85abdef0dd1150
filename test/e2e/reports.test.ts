import { describe, expect, it } from 'vitest';
import { watchPageErrors } from '../helpers/browser';
import { openArea, serveStudy } from '../helpers/servedStudy';
import { buildStudy } from '../reports/fixture';

describe('Reports in browser mode', () => {
  // A real project file filled with plain SQL before the server opens it.
  const study = serveStudy({
    prefix: 'passage-e2e-reports-',
    fileName: 'reports study.passage',
    fill: (_session, db) => buildStudy(db),
  });

  it('shows the co-occurrence table with N values; a cell lists its evidence', async () => {
    const page = await study.browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await openArea(page, /Reports/);
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
