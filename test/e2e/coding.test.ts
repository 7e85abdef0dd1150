import type { Code } from '../../shared/api/coding';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';
import { bigTranscript, segmentRanges } from '../reader/bigTranscript';
import {
  api,
  dragSelect,
  importTexts,
  scrollThrough,
  timeKeyToStripe,
  watchFirstScreen,
} from '../reader/e2eHelpers';

const TRANSCRIPT = [
  'Interviewer: How did your organisation first work with ISAF in Afghanistan?',
  '',
  'Respondent: We had no choice but to cooperate with the military, because our funding depended on access to the provinces.',
  '',
  'Interviewer: Did that change over time?',
  '',
  'Respondent: Yes. After Kosovo we learned to keep our distance, and the comprehensive approach made that harder.',
  '',
].join('\n');

async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('tabpanel', { name: 'Documents' }).getByText(title, { exact: true }).first().click();
  await page.getByRole('heading', { name: title }).waitFor();
  await page.locator('.reader-row').first().waitFor();
}

const stripes = (page: Page) =>
  page.evaluate(
    `[...document.querySelectorAll('.reader-stripe[aria-label]')].map((e) => ({ label: e.getAttribute('aria-label'), left: e.style.left }))`,
  ) as Promise<{ label: string; left: string }[]>;

describe('coding in the reader (Chromium, browser mode)', () => {
  let browser: Browser;
  let server: RunningServer;
  let home: string;

  beforeAll(async () => {
    home = tempDir('passage-coding-e2e-');
    server = await startServer({ home: path.join(home, 'config') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('codes with a shortcut key and the palette, overlaps, undoes, redoes, and keeps it all across a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('form', { name: 'New project' })
      .getByRole('textbox')
      .fill(path.join(home, 'study.passage'));
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { name: 'Documents' }).waitFor();

    const [documentId] = await importTexts(server, [{ name: 'Interview 07.txt', text: TRANSCRIPT }]);
    const push = await api(server, 'codes.create', { name: 'Push factors', color: '#d9480f', shortcut: '1' });
    const coop = await api(server, 'codes.create', { name: 'Cooperation', color: '#1971c2' });
    await page.reload();
    await openDocument(page, 'Interview 07');
    expect(await page.getByRole('note').textContent()).toContain('1 (Push factors)');

    // Drag from inside "had" to inside "choice": the selection snaps to "had no choice".
    const had = TRANSCRIPT.indexOf('had no choice');
    await dragSelect(page, had + 1, had + 'had no cho'.length);
    const keyToStripeMs = await timeKeyToStripe(page, '1', 'Push factors');
    console.log(`[reader] keypress to stripe visible: ${keyToStripeMs.toFixed(1)} ms`);

    // An overlapping segment with the palette: "choice but to cooperate".
    const choice = TRANSCRIPT.indexOf('choice but to cooperate');
    await dragSelect(page, choice, choice + 'choice but to cooperate'.length);
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Find or create a code' }).fill('coop');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Stripe Cooperation' }).waitFor();
    const two = await stripes(page);
    expect(two.map((s) => s.label).sort()).toEqual(['Stripe Cooperation', 'Stripe Push factors']);
    expect(new Set(two.map((s) => s.left)).size).toBe(2);

    // A stripe drawn ahead is written once its frame is painted: the backend has it a moment later.
    const stored = async () =>
      (await api(server, 'segments.listByDocument', { documentId: documentId! }))
        .map((s) => [s.codeId, s.startUtf16, s.endUtf16, s.text])
        .sort();
    await expect.poll(stored).toEqual(
      [
        [push.id, had, had + 'had no choice'.length, 'had no choice'],
        [coop.id, choice, choice + 'choice but to cooperate'.length, 'choice but to cooperate'],
      ].sort(),
    );

    // Undo removes the palette's segment, redo brings it back.
    await page.locator('.reader-text').first().click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Stripe Cooperation' }).waitFor({ state: 'detached' });
    expect((await stripes(page)).map((s) => s.label)).toEqual(['Stripe Push factors']);
    await page.keyboard.press('Control+Shift+z');
    await page.getByRole('button', { name: 'Stripe Cooperation' }).waitFor();

    await page.reload();
    await openDocument(page, 'Interview 07');
    await page.getByRole('button', { name: 'Stripe Cooperation' }).waitFor();
    expect((await stripes(page)).map((s) => s.label).sort()).toEqual([
      'Stripe Cooperation',
      'Stripe Push factors',
    ]);
    const marked = await page.evaluate(
      `[...document.querySelectorAll('[data-segments]')].map((e) => e.textContent).join('|')`,
    );
    expect(marked).toBe('had no |choice| but to cooperate');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('measures a 200,000-word transcript with 5,000 segments (numbers reported, not asserted)', async () => {
    // Runs on its own too (vitest -t): then it needs a project of its own.
    if (!(await api(server, 'project.info', {})))
      await api(server, 'project.create', { path: path.join(home, 'bench.passage') });
    const text = bigTranscript(200_000);
    const [documentId] = await importTexts(server, [{ name: 'Long interview.txt', text }]);
    const colors = ['#e03131', '#2f9e44', '#1971c2', '#f08c00', '#9c36b5'];
    const codes: Code[] = [];
    for (const [i, color] of colors.entries())
      codes.push(
        await api(server, 'codes.create', { name: `Bench code ${i + 1}`, color, shortcut: `Alt+${i + 1}` }),
      );
    const ranges = segmentRanges(text, 5000);
    const started = Date.now();
    for (let i = 0; i < ranges.length; i += 25) {
      await Promise.all(
        ranges.slice(i, i + 25).map((r, j) =>
          api(server, 'segments.apply', {
            documentId: documentId!,
            codeId: codes[(i + j) % codes.length]!.id,
            startUtf16: r.start,
            endUtf16: r.end,
          }),
        ),
      );
    }
    console.log(
      `[reader bench] ${text.length} UTF-16 units, 5000 segments applied over HTTP in ${Date.now() - started} ms`,
    );

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('tabpanel', { name: 'Documents' })
      .getByText('Long interview', { exact: true })
      .first()
      .waitFor();
    const firstScreen = await watchFirstScreen(page);
    await openDocument(page, 'Long interview');
    const firstScreenMs = await firstScreen();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };

    // Coding one more passage on the dense document: keypress to stripe.
    const firstWord = await page.evaluate(
      `(() => { const r = document.querySelector('.reader-row:nth-child(3) [data-o]'); return Number(r.dataset.o); })()`,
    );
    const wordStart = Number(firstWord);
    await dragSelect(page, wordStart + 1, wordStart + 3);
    const stripesBefore = (await page.locator('.reader-stripe').count()) as number;
    await page.evaluate(
      `(() => { document.querySelectorAll('.reader-stripe').forEach((s) => s.setAttribute('data-old', '')); })()`,
    );
    const keyToStripeMs = await timeKeyToStripe(page, 'Alt+1', 'Bench code 1');

    const scroll = await scrollThrough(page, 2500);
    console.log(
      `[reader bench] first screen ${firstScreenMs.toFixed(0)} ms; JS heap after opening ${(heap.usedSize / 1048576).toFixed(1)} MB ` +
        `(of ${(heap.totalSize / 1048576).toFixed(1)} MB); keypress to stripe ${keyToStripeMs.toFixed(1)} ms (${stripesBefore} stripe pieces on screen); ` +
        `scroll top to bottom: ${scroll.frames} frames, longest ${scroll.maxFrameMs.toFixed(1)} ms, p95 ${scroll.p95FrameMs.toFixed(1)} ms, ` +
        `${scroll.longTasks} long tasks (longest ${scroll.longestTaskMs.toFixed(0)} ms), height ${scroll.scrollHeight} px`,
    );
    // Virtualised: only a screenful of rows exists, never the whole transcript.
    expect(await page.locator('.reader-row').count()).toBeLessThan(80);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
