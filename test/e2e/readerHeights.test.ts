import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { emptyStudyInBrowser } from '../helpers/emptyStudy';
import { codeDensely, openApp, openCodedDocument } from '../helpers/servedStudy';
import { bigTranscript } from '../reader/bigTranscript';
import { api, importTexts } from '../reader/e2eHelpers';

// Paragraphs that wrap differently from plain prose: a long unbroken token, CJK, emoji, tabs.
const ODD_PARAGRAPHS = [
  `Respondent: see https://example.org/${'a-very-long-path-segment/'.repeat(14)}report.pdf for the minutes.`,
  'Interviewer: 北大西洋条约组织与非政府组织在保护平民问题上的合作始于科索沃，后来在阿富汗得到发展。',
  'Respondent: We met\tweekly\tat the PRT 👩🏽‍⚕️🤝🪖 and later monthly, e\u0301valuation by e\u0301valuation.',
];

/**
 * Waits until every row is measured at the list's present width. The width is read on every poll:
 * read once, it could be taken while the layout was still settling (220 px) and never match again.
 */
async function measured(page: Page, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const done = (await page.evaluate(`(() => {
      const list = document.querySelector('.reader-list');
      const area = document.querySelector('[data-rows-measured]');
      return !!list && !!area && area.getAttribute('data-rows-measured') === list.clientWidth + 'px';
    })()`)) as boolean;
    if (done) return;
    if (Date.now() > deadline) {
      const state = await page.evaluate(`(() => {
        const list = document.querySelector('.reader-list');
        const area = document.querySelector('.reader-text-area');
        return JSON.stringify({ width: list.clientWidth, corrections: area.dataset.rowCorrections, measured: area.getAttribute('data-rows-measured') });
      })()`);
      throw new Error(
        `rows were not all measured at the list width within ${limitMs / 1000} s: ${String(state)}`,
      );
    }
    await page.waitForTimeout(100);
  }
}

const corrections = (page: Page) =>
  page.evaluate(`document.querySelector('.reader-text-area').dataset.rowCorrections`) as Promise<string>;

/** Indexes of the rows showing in the reader, top first. */
const onScreen = (page: Page) =>
  page.evaluate(`(() => {
    const box = document.querySelector('.reader-list').getBoundingClientRect();
    return [...document.querySelectorAll('.reader-list .reader-row')]
      .filter((r) => { const b = r.getBoundingClientRect(); return b.bottom > box.top && b.top < box.bottom; })
      .map((r) => Number(r.dataset.row))
      .sort((a, b) => a - b);
  })()`) as Promise<number[]>;

/**
 * Scrolls so that the top of the reader falls 60% of the way down the tallest paragraph among those
 * around the middle of the text, and returns the document offset of the word shown at the top.
 */
const readFromLongParagraph = (page: Page) =>
  page.evaluate(`(async () => {
    const list = document.querySelector('.reader-list');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    list.scrollTop = list.scrollHeight / 2;
    for (let i = 0; i < 3; i++) await frame();
    const rows = [...list.querySelectorAll('.reader-row')];
    const tallest = rows.reduce((a, b) => (b.offsetHeight > a.offsetHeight ? b : a));
    const rowTop = tallest.getBoundingClientRect().top - list.getBoundingClientRect().top;
    list.scrollTop += rowTop + tallest.offsetHeight * 0.6;
    for (let i = 0; i < 3; i++) await frame();
    // The first character of the paragraph whose line is wholly below the top of the reader.
    const box = list.getBoundingClientRect();
    const range = document.createRange();
    for (const run of tallest.querySelectorAll('[data-o]')) {
      const node = run.firstChild;
      for (let i = 0; node && i < node.textContent.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        if (range.getBoundingClientRect().top >= box.top) return Number(run.dataset.o) + i;
      }
    }
    return -1;
  })()`) as Promise<number>;

/** Whether the character at a document offset is inside the reader's viewport. */
const offsetOnScreen = (page: Page, offset: number) =>
  page.evaluate(`((offset) => {
    const box = document.querySelector('.reader-list').getBoundingClientRect();
    for (const run of document.querySelectorAll('.reader-list [data-o]')) {
      const base = Number(run.dataset.o);
      const node = run.firstChild;
      if (!node || offset < base || offset >= base + node.textContent.length) continue;
      const range = document.createRange();
      range.setStart(node, offset - base);
      range.setEnd(node, offset - base + 1);
      const rect = range.getBoundingClientRect();
      return rect.bottom > box.top && rect.top < box.bottom;
    }
    return false;
  })(${offset})`) as Promise<boolean>;

/** Scrolls the reader a screen at a time to the end, letting each screen's rows be measured on screen. */
async function scrollByScreens(page: Page): Promise<number> {
  return (await page.evaluate(`(async () => {
    const list = document.querySelector('.reader-list');
    const seen = new Set();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    list.scrollTop = 0;
    for (;;) {
      await frame();
      await frame();
      for (const row of document.querySelectorAll('.reader-list .reader-row')) seen.add(row.dataset.row);
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 2) break;
      list.scrollTop += list.clientHeight;
    }
    return seen.size;
  })()`)) as number;
}

describe('reader row heights (Chromium, browser mode)', () => {
  const study = emptyStudyInBrowser('passage-heights-e2e-');

  it('measures every paragraph off screen exactly as the reader lays it out, at any width', async () => {
    const base = bigTranscript(15_000, 7);
    const text = `${ODD_PARAGRAPHS.join('\n\n')}\n\n${base}`;
    const [documentId] = await importTexts(study.server, [{ name: 'Heights.txt', text }]);
    // A speaker whose label no longer matches the text is shown above the paragraph instead.
    await api(study.server, 'turns.renameSpeaker', {
      documentId: documentId!,
      from: 'Interviewer',
      to: 'Int.',
    });
    await codeDensely(study.server, documentId!, text, 'H');

    const { page, errors } = await openApp(study, { width: 1400, height: 900 });
    await openCodedDocument(page, 'Heights');
    await measured(page);
    expect(await page.locator('.reader-speaker').count()).toBeGreaterThan(0);

    const rowCount = Number(await page.locator('.reader-row').first().getAttribute('aria-setsize'));
    expect(rowCount).toBeGreaterThan(200);
    expect(await scrollByScreens(page)).toBe(rowCount);
    expect(await corrections(page)).toBe('0');

    // Narrower: every paragraph wraps anew and is measured again — the words being read stay on screen
    // while the hundreds of paragraphs above them grow — and again agrees with the screen. At 1050 px the
    // reader is about 220 px wide beside the documents list and the codes: a word or two per line.
    const reading = await readFromLongParagraph(page);
    const readingRow = (await onScreen(page))[0]!;
    expect(readingRow).toBeGreaterThan(100);
    expect(await offsetOnScreen(page, reading)).toBe(true);
    await page.setViewportSize({ width: 1050, height: 800 });
    await measured(page);
    expect(await page.evaluate(`document.querySelector('.reader-list').clientWidth`)).toBeLessThan(300);
    expect(await onScreen(page)).toContain(readingRow);
    expect(await offsetOnScreen(page, reading)).toBe(true);
    await scrollByScreens(page);
    expect(await corrections(page)).toBe('0');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
