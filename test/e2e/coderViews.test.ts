import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchPageErrors } from '../helpers/browser';
import { emptyStudyInBrowser } from '../helpers/emptyStudy';
import { api, importTexts } from '../reader/e2eHelpers';

const TEXT = [
  'Interviewer: How did your organisation first work with ISAF?',
  '',
  'Respondent: We had no choice but to cooperate with the military, because our funding depended on access.',
  '',
].join('\n');

/** The stripes drawn (first pieces): whose (data-coder, absent with one coder shown) and which code. */
const stripes = (page: Page) =>
  page.evaluate(
    `[...document.querySelectorAll('.reader-stripe.is-first')]
      .map((e) => e.dataset.code + '/' + (e.dataset.coder ?? '-') + '@' + e.dataset.column)
      .sort()`,
  ) as Promise<string[]>;

describe('the reader by coder (Chromium, browser mode)', () => {
  const study = emptyStudyInBrowser('passage-coder-views-e2e-');

  it('draws everyone’s, my own or chosen coders’ stripes, keyed by coder, and remembers the view', async () => {
    const [documentId] = await importTexts(study.server, [{ name: 'Two coders.txt', text: TEXT }]);
    const code = await api(study.server, 'codes.create', { name: 'Cooperation', color: '#d9480f' });
    const span = (quote: string) => ({
      documentId: documentId!,
      codeId: code.id,
      startUtf16: TEXT.indexOf(quote),
      endUtf16: TEXT.indexOf(quote) + quote.length,
    });
    await api(study.server, 'coders.setCurrent', { name: 'Ana' });
    await api(study.server, 'segments.apply', span('We had no choice but to cooperate'));
    await api(study.server, 'coders.setCurrent', { name: 'Ben' });
    await api(study.server, 'segments.apply', span('cooperate with the military'));
    await api(study.server, 'coders.setCurrent', { name: 'Ana' });

    const page = await study.browser.newPage({ viewport: { width: 1300, height: 700 } });
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await page.getByRole('tabpanel', { name: 'Documents' }).getByText('Two coders', { exact: true }).click();
    // Everyone's: the same code by two coders is two bars side by side, each named and keyed.
    await expect.poll(() => stripes(page)).toEqual(['Cooperation/Ana@0', 'Cooperation/Ben@1']);
    const key = page.getByRole('list', { name: 'Coder colours' });
    expect(
      await page.evaluate(
        `[...document.querySelectorAll('.reader-coder-key li')].map((e) => e.dataset.coder)`,
      ),
    ).toEqual(['Ana', 'Ben']);
    const colours = (await page.evaluate(
      `[...document.querySelectorAll('.reader-stripe.is-first')].map((e) => e.style.color)`,
    )) as string[];
    expect(new Set(colours).size).toBe(2);
    await page.screenshot({ path: '/tmp/coderViews-everyone.png' });

    const view = page.getByRole('combobox', { name: 'Whose coding to show' });
    await view.selectOption('mine');
    await expect.poll(() => stripes(page)).toEqual(['Cooperation/-@0']);
    expect(await key.count()).toBe(0);
    await page.screenshot({ path: '/tmp/coderViews-mine.png' });

    await view.selectOption('chosen');
    await expect.poll(() => stripes(page)).toHaveLength(2);
    await page.getByRole('group', { name: 'Coders shown' }).getByRole('checkbox', { name: 'Ana' }).uncheck();
    await expect.poll(() => stripes(page)).toEqual(['Cooperation/-@1']);
    await page.screenshot({ path: '/tmp/coderViews-chosen.png' });

    // The project remembers the view: after a reload Ben's coding alone is shown again.
    await page.reload();
    await page.getByRole('tabpanel', { name: 'Documents' }).getByText('Two coders', { exact: true }).click();
    await expect.poll(() => stripes(page)).toEqual(['Cooperation/-@0']);
    expect(await page.getByRole('checkbox', { name: 'Ben' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Ana' }).isChecked()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
