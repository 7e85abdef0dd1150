// After a Word export in Chromium, the offer to scan it: the identity key is unlocked in place, and
// the scan names the export file where a participant's real name was left (in the method note), and
// the project's own leftover (a document title).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { seedStudy } from '../export/helpers/seed';
import { watchPageErrors } from '../helpers/browser';
import { openArea, serveStudy } from '../helpers/servedStudy';
import { tempDir } from '../helpers/tmp';

const PASSPHRASE = 'correct horse battery';
const shots = (): string => process.env.PASSAGE_E2E_SHOTS ?? tempDir('passage-e2e-privacy-shots-');

describe('scan the export for names', () => {
  const study = serveStudy({
    prefix: 'passage-e2e-export-scan-',
    fileName: 'nato study.passage',
    fill: async (session, db) => {
      seedStudy(db);
      // A title written before anonymisation: the participant's surname, which the export will cite.
      db.prepare(
        "UPDATE documents SET title = 'Halvorsen interview' WHERE title = 'Interview 2 transcript'",
      ).run();
      const p2 = db.prepare("SELECT id FROM participants WHERE label = 'Interview 2'").get() as {
        id: number;
      };
      await invoke(session, 'sample.identity.create', { passphrase: PASSPHRASE });
      await invoke(session, 'privacy.identity.set', { participantId: p2.id, name: 'Ingrid Halvorsen' });
      await invoke(session, 'sample.identity.lock', {});
    },
  });

  it('offers the scan after the export is written and names the file with the hit', async () => {
    const page = await study.browser.newPage({ viewport: { width: 1400, height: 950 } });
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await openArea(page, 'Export');
    await page.getByRole('checkbox', { name: /Level of cooperation/ }).check();
    await page.getByRole('region', { name: 'Outline' }).getByText('Legitimacy — 3 quotes').waitFor();
    // The method note names the participant, as a hurried researcher might write it.
    await page.getByLabel('Method note').fill('Interviews by Ingrid Halvorsen’s unit were coded twice.');
    const target = path.join(study.dir, 'appendix.docx');
    await page.getByRole('textbox', { name: 'Save to' }).fill(target);
    await page.getByRole('form', { name: 'Export to file' }).getByRole('button', { name: 'Export' }).click();
    await page.getByText(`Saved ${target}`).waitFor({ timeout: 30_000 });

    const offer = page.getByRole('group', { name: 'Scan the export' });
    await offer.getByLabel('Identity key passphrase').fill(PASSPHRASE);
    await offer.getByRole('button', { name: 'Unlock' }).click();
    await offer.getByRole('button', { name: 'Scan the export for names' }).click();
    const hits = offer.getByRole('list', { name: 'Privacy scan hits' });
    await hits.waitFor({ timeout: 30_000 });
    const lines = await hits.getByRole('listitem').allTextContents();
    expect(lines.filter((l) => l.startsWith('appendix.docx'))).toEqual([
      'appendix.docx: “Ingrid Halvorsen” (Interview 2)',
    ]);
    expect(lines.some((l) => l.startsWith('documents.title row'))).toBe(true);
    await offer.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots(), 'privacy-export-offer.png') });
    expect(errors).toEqual([]);
  }, 120_000);
});
