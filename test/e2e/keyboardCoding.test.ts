import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Code } from '../../shared/api/coding';
import { watchPageErrors } from '../helpers/browser';
import { emptyStudyInBrowser } from '../helpers/emptyStudy';
import { api, dragSelect, importTexts } from '../reader/e2eHelpers';

const TRANSCRIPT = [
  'Interviewer: How did your organisation first work with ISAF in Afghanistan?',
  '',
  'Respondent: We had no choice but to cooperate with the military, because our funding depended on access to the provinces. Later we learned to keep our distance.',
  '',
  'Interviewer: Did that change over time?',
  '',
].join('\n');

async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Open ${title}` }).click();
  await page.getByRole('heading', { name: title }).waitFor();
  await page.locator('.reader-row').first().waitFor();
}

/** The text of the runs drawn as the selected segment, joined. */
const selectedText = (page: Page) =>
  page.evaluate(
    `[...document.querySelectorAll('.reader-run.is-selected')].map((e) => e.textContent).join('')`,
  ) as Promise<string>;

/** What the browser itself has selected: its text, "caret" when collapsed (left where React re-cut the runs), or "". */
const browserSelection = (page: Page) =>
  page.evaluate(
    `(() => { const s = window.getSelection(); return s.type === 'Caret' ? 'caret' : String(s); })()`,
  ) as Promise<string>;

describe('coding with the keyboard (Chromium, browser mode)', () => {
  const study = emptyStudyInBrowser('passage-keyboard-e2e-');
  let documentId: number;
  let push: Code;
  let coop: Code;
  beforeAll(async () => {
    [documentId] = (await importTexts(study.server, [{ name: 'Interview 12.txt', text: TRANSCRIPT }])) as [
      number,
    ];
    push = await api(study.server, 'codes.create', { name: 'Push factors', color: '#d9480f', shortcut: '1' });
    coop = await api(study.server, 'codes.create', { name: 'Cooperation', color: '#1971c2' });
  });

  it('codes a span with the keyboard only: caret, Shift+arrows, a code key, the palette', async () => {
    const page = await study.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await openDocument(page, 'Interview 12');
    const status = page.locator('.reader-caret-status');

    // A code key with nothing selected says how to select, and codes nothing.
    await page.locator('.reader-text-area').focus();
    await page.keyboard.press('1');
    await page.getByText(/select text first/).waitFor();

    // The first arrow puts the caret at the start of the first paragraph on screen.
    await page.keyboard.press('ArrowRight');
    await page.locator('.reader-caret').waitFor();
    expect(await status.textContent()).toContain('Caret in paragraph 1');
    // To the end of that paragraph, into the next, over "Respondent" and "We", past the space.
    await page.keyboard.press('Control+ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await status.textContent()).toContain('Caret in paragraph 2');
    // Select three words, then code them with the code's key.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    expect(await page.locator('.is-key-selected').allTextContents()).toEqual(['had no choice']);
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'Stripe Push factors' }).waitFor();

    const had = TRANSCRIPT.indexOf('had no choice');
    // A stripe drawn ahead is written once its frame is painted: the backend has it a moment later.
    const stored = async () =>
      (await api(study.server, 'segments.listByDocument', { documentId }))
        .map((s) => [s.codeId, s.startUtf16, s.endUtf16])
        .sort();
    await expect.poll(stored).toEqual([[push.id, had, had + 'had no choice'.length]]);
    // What was coded stays shown: the segment is selected (once the backend's answer is in), nothing
    // else is highlighted.
    await expect.poll(() => selectedText(page)).toBe('had no choice');
    expect(await browserSelection(page)).toBe('');

    // From the caret after it, Shift+↓ selects to the end of the sentence; Ctrl+K codes it.
    await page.keyboard.press('Shift+ArrowDown');
    const rest =
      ' but to cooperate with the military, because our funding depended on access to the provinces.';
    expect((await page.locator('.is-key-selected').allTextContents()).join('')).toBe(rest);
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Find or create a code' }).fill('coop');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Stripe Cooperation' }).waitFor();
    const end = had + 'had no choice'.length;
    await expect.poll(stored).toEqual(
      [
        [push.id, had, end],
        [coop.id, end, end + rest.length],
      ].sort(),
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

// A describe of its own: tempDir removes the study's folder after each test.
describe('after coding a mouse selection (Chromium, browser mode)', () => {
  const study = emptyStudyInBrowser('passage-coded-span-e2e-');

  it('keeps showing the coded span, not a stray highlight from the paragraph’s start', async () => {
    const text =
      'Respondent: The liaison officer visited us every Tuesday, and that is how trust grew. More words ' +
      'follow here, so that the paragraph wraps onto a second line in the reader.\n';
    await importTexts(study.server, [{ name: 'Interview 13.txt', text }]);
    await api(study.server, 'codes.create', { name: 'Push factors', color: '#d9480f', shortcut: '1' });
    const page = await study.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(study.server.url);
    await openDocument(page, 'Interview 13');
    const at = text.indexOf('every Tuesday');
    await dragSelect(page, at, at + 'every Tuesday'.length);
    expect(await browserSelection(page)).toBe('every Tuesday');
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'Stripe Push factors' }).waitFor();
    // The reader reloads the codebook after coding: look once every reload has been drawn.
    await page.waitForLoadState('networkidle');
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    expect(await selectedText(page)).toBe('every Tuesday');
    expect(await browserSelection(page)).toBe('');
    await page.close();
  });
});
