import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchPageErrors } from '../helpers/browser';
import { emptyStudyInBrowser } from '../helpers/emptyStudy';
import { bigTranscript } from '../reader/bigTranscript';
import { api, importTexts, pointAt } from '../reader/e2eHelpers';

const TEXT = [
  'Interviewer: How did your organisation first work with ISAF?',
  '',
  'Respondent: We had no choice but to cooperate with the military, because our funding depended on access.',
  '',
].join('\n');

/** Presses the mouse on a handle and releases it over the character at `offset`. */
async function dragHandle(page: Page, edge: 'start' | 'end', offset: number, alt = false): Promise<void> {
  const box = (await page.locator(`.reader-handle.is-${edge}`).boundingBox())!;
  const to = await pointAt(page, offset, 'left');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

describe('segment edge handles (Chromium, browser mode)', () => {
  const study = emptyStudyInBrowser('passage-handles-e2e-');

  it('moves a segment’s end and start by dragging, whole words or exact with Alt, undoably', async () => {
    const [documentId] = await importTexts(study.server, [{ name: 'Handles.txt', text: TEXT }]);
    const code = await api(study.server, 'codes.create', { name: 'Push factors', color: '#d9480f' });
    const had = TEXT.indexOf('had no');
    await api(study.server, 'segments.apply', {
      documentId: documentId!,
      codeId: code.id,
      startUtf16: had,
      endUtf16: had + 'had no'.length,
    });
    const stored = async () => {
      const [span] = await api(study.server, 'segments.spansByDocument', { documentId: documentId! });
      return TEXT.slice(span!.startUtf16, span!.endUtf16);
    };
    // Stored, and drawn: the reader highlights the selected segment's words (and only then takes the next key).
    const shown = () =>
      page.evaluate(
        `[...document.querySelectorAll('.reader-run.is-selected')].map((r) => r.textContent).join('')`,
      ) as Promise<string>;
    const settlesOn = async (quote: string) => {
      await expect.poll(stored, { timeout: 5_000 }).toBe(quote);
      await expect.poll(shown, { timeout: 5_000 }).toBe(quote);
    };

    const page = await study.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await page.getByRole('tabpanel', { name: 'Documents' }).getByText('Handles', { exact: true }).click();
    await expect.poll(() => page.locator('.reader-handle').count()).toBe(0);
    await page.getByRole('button', { name: 'Stripe Push factors' }).click();
    await page.locator('.reader-handle.is-end').waitFor();

    // The end dragged into "choice" takes the whole word.
    const choice = TEXT.indexOf('choice');
    await dragHandle(page, 'end', choice + 3);
    await settlesOn('had no choice');
    // The start dragged into "We" with Alt lands exactly there.
    const we = TEXT.indexOf('We had');
    await dragHandle(page, 'start', we + 1, true);
    await settlesOn('e had no choice');
    // Nothing selected is left behind, and the segment is still the selected one.
    expect(await page.evaluate('String(window.getSelection())')).toBe('');
    await page.locator('.reader-handle.is-start').waitFor();

    await page.keyboard.press('Control+z');
    await settlesOn('had no choice');
    await page.keyboard.press('Control+z');
    await settlesOn('had no');
    await page.keyboard.press('Control+Shift+z');
    await settlesOn('had no choice');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('scrolls while an edge is held past the bottom of the text, to reach a paragraph not yet on screen', async () => {
    const text = bigTranscript(6_000, 11);
    const [documentId] = await importTexts(study.server, [{ name: 'Long handles.txt', text }]);
    const code = await api(study.server, 'codes.create', { name: 'Learning stage', color: '#1971c2' });
    const first = /\p{L}+ \p{L}+/u.exec(text.slice(text.indexOf(': ') + 2))!;
    const start = text.indexOf(': ') + 2 + first.index;
    await api(study.server, 'segments.apply', {
      documentId: documentId!,
      codeId: code.id,
      startUtf16: start,
      endUtf16: start + first[0].length,
    });

    const page = await study.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await page
      .getByRole('tabpanel', { name: 'Documents' })
      .getByText('Long handles', { exact: true })
      .click();
    await page.getByRole('button', { name: 'Stripe Learning stage' }).click();
    const handle = (await page.locator('.reader-handle.is-end').boundingBox())!;
    const list = (await page.locator('.reader-list').boundingBox())!;
    const lastOnScreen = Number(
      await page.evaluate(
        `Math.max(...[...document.querySelectorAll('.reader-list .reader-text')].filter((t) => t.getBoundingClientRect().top < ${list.y + list.height}).map((t) => Number(t.dataset.rowEnd)))`,
      ),
    );

    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(list.x + list.width / 2, list.y + list.height + 30, { steps: 8 });
    await expect
      .poll(() => page.evaluate(`document.querySelector('.reader-list').scrollTop`), { timeout: 10_000 })
      .toBeGreaterThan(1500);
    // The preview follows, cut to the rows on screen (the segment's start has scrolled out of the DOM).
    await expect
      .poll(() => page.evaluate(`String(window.getSelection()).length`), { timeout: 5_000 })
      .toBeGreaterThan(20);
    await page.mouse.move(list.x + list.width / 2, list.y + list.height - 60, { steps: 2 });
    await page.mouse.up();

    await expect
      .poll(
        async () =>
          (await api(study.server, 'segments.spansByDocument', { documentId: documentId! }))[0]!.endUtf16,
        { timeout: 5_000 },
      )
      .toBeGreaterThan(lastOnScreen);
    const [span] = await api(study.server, 'segments.spansByDocument', { documentId: documentId! });
    expect(span!.startUtf16).toBe(start);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
