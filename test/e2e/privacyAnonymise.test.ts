// Anonymisation at the door in Chromium, as a researcher does it: the identity key holds P07's real
// name; a transcript naming them is reviewed (the finding shows with its [P07] replacement), imported
// anonymised, the reader shows [P07] marked, and the privacy scan finds nothing. Screenshots for looking at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

const PASSPHRASE = 'correct horse battery';
// PASSAGE_E2E_SHOTS=folder keeps the screenshots after the test's temp folder is gone.
const shots = (): string => process.env.PASSAGE_E2E_SHOTS ?? tempDir('passage-e2e-privacy-shots-');

describe('anonymisation in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let dir: string;
  let transcript: string;

  beforeAll(async () => {
    dir = tempDir('passage-e2e-privacy-');
    const home = path.join(dir, 'config');
    const file = path.join(dir, 'study.passage');
    // The key and the participant are made through the backend: the identity key UI has tests of its own.
    process.env.PASSAGE_HOME = home;
    const session = new Session('cli', { coder: 'setup' });
    await invoke(session, 'project.create', { path: file });
    const p07 = await invoke(session, 'sample.create', { label: 'P07' });
    await invoke(session, 'sample.identity.create', { passphrase: PASSPHRASE });
    await invoke(session, 'privacy.identity.set', {
      participantId: p07.id,
      name: 'Marcus Whitfield',
      aliases: ['Whitty'],
      contact: 'marcus.whitfield@example.org',
    });
    // A transcript imported before anyone thought of anonymising it, not coded yet.
    const notes = path.join(dir, 'notes_from_kabul.txt');
    fs.writeFileSync(notes, 'Interviewer: Notes.\nP07: Ask Marcus Whitfield about the convoy.\n');
    const plain = await invoke(session, 'documents.import', { paths: [notes], kind: 'interview' });
    await session.jobs.wait(plain.jobId);
    await invoke(session, 'sample.identity.lock', {});
    session.close();
    transcript = path.join(dir, 'whitfield_seven.txt');
    fs.writeFileSync(
      transcript,
      [
        'Interviewer: Thank you for coming, Colonel Whitfield.',
        "P07: Call me Whitty. WHITFIELD's the name on the door, and marcus.whitfield@example.org still works.",
        'Interviewer: Who else was there?',
        'P07: The convoy left late, as always.',
        '',
      ].join('\n'),
    );
    server = await startServer({ home, project: file });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openIdentityKey(page: Page): Promise<void> {
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Sample', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Identity key' }).click();
  }

  it('reviews, imports anonymised, marks [P07] in the reader, and the scan finds nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);

    // Documents → Anonymise documents…: the key is unlocked in the dialog, the uncoded document reviewed
    // and rewritten.
    await page.getByRole('button', { name: 'Anonymise documents…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anonymise documents' });
    await dialog.getByLabel('Identity key passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await dialog.getByRole('option', { name: 'Marcus Whitfield' }).waitFor();
    await page.screenshot({ path: path.join(shots(), 'privacy-documents-review.png') });
    await dialog.getByRole('button', { name: 'Anonymise documents' }).click();
    await dialog.getByText(/^Anonymised 1 document \(1 replacement\)\./).waitFor();
    // Undo puts the original back (from the identity key); then it is anonymised again.
    await dialog.getByRole('button', { name: 'Undo' }).click();
    await dialog.getByText('Restored 1 document as they were.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page
      .getByRole('list', { name: 'Documents' })
      .getByText('notes from kabul', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Anonymise documents…' }).click();
    await dialog.getByRole('option', { name: 'Marcus Whitfield' }).waitFor();
    await dialog.getByRole('button', { name: 'Anonymise documents' }).click();
    await dialog.getByText(/^Anonymised 1 document \(1 replacement\)\./).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // Its title named a place, which was replaced too.
    await page
      .getByRole('list', { name: 'Documents' })
      .getByText(/^notes from \[Place \d+\]$/)
      .waitFor();

    await openIdentityKey(page);

    await page.getByLabel('Files to anonymise, one path per line').fill(transcript);
    await page.getByRole('button', { name: 'Find identifiers' }).click();
    const findings = page.getByRole('listbox', { name: 'Findings' });
    const colonel = findings.getByRole('option', { name: 'Colonel Whitfield' });
    await colonel.waitFor();
    expect(await colonel.textContent()).toContain('→ [P07]');
    expect(await findings.getByRole('option', { name: 'Whitty' }).textContent()).toContain('[P07]');
    await page.screenshot({ path: path.join(shots(), 'privacy-review.png'), fullPage: true });

    await page.getByRole('button', { name: 'Import anonymised' }).click();
    await page.getByText('Imported 1 anonymised file(s).').waitFor();

    await page.getByRole('region', { name: 'Privacy scan' }).getByRole('button', { name: 'Scan' }).click();
    const clean = page.getByRole('region', { name: 'Privacy scan' }).getByRole('status');
    await clean.getByText(/^No real name or contact found/).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(shots(), 'privacy-scan.png'), fullPage: true });

    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Documents', exact: true })
      .click();
    await page.getByRole('list', { name: 'Documents' }).getByText('[P07] seven', { exact: true }).click();
    const reader = page.getByRole('region', { name: 'Document reader' });
    await reader.getByText('Call me [P07].', { exact: false }).waitFor();
    const text = (await reader.locator('.reader-list').textContent()) ?? '';
    expect(text).not.toMatch(/whitfield|whitty/i);
    // The placeholders are marked: a highlight range over each one on screen.
    // Page code as text: this file is type-checked without the DOM's types.
    const HIGHLIGHT = "CSS.highlights.get('passage-anonymised')";
    await page.waitForFunction(`${HIGHLIGHT} !== undefined && ${HIGHLIGHT}.size >= 4`);
    const marked = (await page.evaluate(`[...${HIGHLIGHT}].map((range) => range.toString())`)) as string[];
    expect(new Set(marked)).toEqual(new Set(['[P07]']));
    expect(marked.length).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: path.join(shots(), 'privacy-reader.png') });
    expect(errors).toEqual([]);
  }, 120_000);
});
