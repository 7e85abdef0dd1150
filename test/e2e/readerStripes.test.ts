import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchPageErrors } from '../helpers/browser';
import { emptyStudyInBrowser } from '../helpers/emptyStudy';
import { api, importTexts } from '../reader/e2eHelpers';

const LONG = [
  'Respondent: When we arrived in the province the battalion had already set up its own clinic, and the',
  'villagers could not tell our staff from the soldiers who guarded it. We asked for a separate entrance,',
  'for vehicles without markings, and for meetings away from the base, because neutrality is not a slogan',
  'for us but the condition of every convoy that reaches a valley without an armed escort. Some officers',
  'understood this at once; others called it naive, and one of them said that we were "hearts and minds"',
  'whether we liked it or not, which is exactly what we feared the villagers would come to believe.',
].join(' ');
const SHORT = ['Interviewer: And then?', 'Respondent: Yes.', 'Interviewer: Why?', 'Respondent: Access.'];
const ACROSS = [
  'Respondent: The comprehensive approach looked good on paper. In practice it meant that every project needed a sign-off',
  'Respondent: from the reconstruction team, and the team changed every six months, so we started again each time.',
];
const TEXT = [LONG, ...SHORT, ...ACROSS].join('\n\n');

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The union of the client rects of a segment's text, and the boxes of its stripe pieces, top first. */
const geometry = (page: Page, segmentId: number) =>
  page.evaluate(`(() => {
    const rects = [...document.querySelectorAll('[data-segments]')]
      .filter((run) => run.dataset.segments.split(' ').includes('${segmentId}'))
      .flatMap((run) => [...run.getClientRects()]);
    const text = {
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
    const pieces = [...document.querySelectorAll('.reader-stripe[data-segment-id="${segmentId}"]')]
      .map((e) => e.getBoundingClientRect())
      .map((r) => ({ top: r.top, bottom: r.bottom }))
      .sort((a, b) => a.top - b.top);
    const lineHeight = parseFloat(getComputedStyle(document.querySelector('.reader-text')).lineHeight);
    return { text, pieces, lineHeight };
  })()`) as Promise<{ text: Box; pieces: Box[]; lineHeight: number }>;

const visibleLabels = (page: Page) =>
  page.evaluate(`[...document.querySelectorAll('.reader-stripe-label')]
    .filter((e) => getComputedStyle(e).visibility !== 'hidden')
    .map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent, top: r.top, bottom: r.bottom, left: r.left, right: r.right }; })
    .filter((r) => r.bottom > r.top)`) as Promise<(Box & { text: string })[]>;

const intersect = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const frames = (page: Page) =>
  page.evaluate(
    'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))))',
  );

describe('stripes in the reader’s margin (Chromium, browser mode)', () => {
  const study = emptyStudyInBrowser('passage-stripes-e2e-');

  it('runs each stripe along the coded lines only, and no two labels overlap', async () => {
    const [documentId] = await importTexts(study.server, [{ name: 'Stripes.txt', text: TEXT }]);
    const id = documentId!;
    const code = (name: string, color: string) => api(study.server, 'codes.create', { name, color });
    const apply = (codeId: number, start: number, end: number) =>
      api(study.server, 'segments.apply', { documentId: id, codeId, startUtf16: start, endUtf16: end });

    const inVivo = await code('hearts and minds', '#e03131');
    const at = TEXT.indexOf('hearts and minds');
    const twoWords = await apply(inVivo.id, at, at + 'hearts and'.length);
    // Short neighbouring paragraphs, each coded whole with a long-named code: one column, labels stacked.
    const names = [
      'Legitimacy of the comprehensive approach',
      'Burden sharing between NGOs and the military',
      'Humanitarian space and neutrality',
      'Access to the provinces',
    ];
    for (const [i, paragraph] of SHORT.entries()) {
      const c = await code(names[i]!, ['#2f9e44', '#1971c2', '#f08c00', '#9c36b5'][i]!);
      const start = TEXT.indexOf(paragraph);
      await apply(c.id, start, start + paragraph.length);
    }
    const process = await code('Bureaucracy', '#0c8599');
    const from = TEXT.indexOf('In practice');
    const to = TEXT.indexOf('and the team changed');
    const across = await apply(process.id, from, to);

    const page = await study.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(study.server.url);
    await page.getByRole('button', { name: 'Open Stripes' }).click();
    await page.getByRole('button', { name: 'Stripe Bureaucracy' }).waitFor();
    await frames(page);
    await page.locator('.reader-text-area').screenshot({ path: '/tmp/reader-stripes.png' });

    // The two-word segment sits on one line of a long paragraph: its stripe covers that line only.
    const short = await geometry(page, twoWords.id);
    expect(short.pieces).toHaveLength(1);
    const [piece] = short.pieces;
    const textHeight = short.text.bottom - short.text.top;
    expect(textHeight).toBeLessThan(2 * short.lineHeight); // one line of text, not wrapped
    expect(piece!.top).toBeLessThanOrEqual(short.text.top + 1);
    expect(piece!.bottom).toBeGreaterThanOrEqual(short.text.bottom - 1);
    expect(piece!.bottom - piece!.top - textHeight).toBeLessThanOrEqual(short.lineHeight);

    // A segment from the middle of one paragraph to the middle of the next: one unbroken bar from the
    // line it starts on to the line it ends on.
    const long = await geometry(page, across.id);
    expect(long.pieces.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < long.pieces.length; i++)
      expect(Math.abs(long.pieces[i]!.top - long.pieces[i - 1]!.bottom)).toBeLessThanOrEqual(1);
    expect(long.pieces[0]!.top).toBeLessThanOrEqual(long.text.top + 1);
    expect(long.text.top - long.pieces[0]!.top).toBeLessThanOrEqual(long.lineHeight);
    const lastPiece = long.pieces[long.pieces.length - 1]!;
    expect(lastPiece.bottom).toBeGreaterThanOrEqual(long.text.bottom - 1);
    expect(lastPiece.bottom - long.text.bottom).toBeLessThanOrEqual(long.lineHeight);

    // Labels of the short paragraphs' stripes: shortened or hidden, never on top of one another.
    const labels = await visibleLabels(page);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1))
        expect(intersect(a, b), `labels “${a.text}” and “${b.text}” overlap`).toBe(false);
    // A squeezed name is still there, in the stripe's tooltip.
    await page.getByRole('button', { name: `Stripe ${names[1]}` }).hover();
    expect(await page.getByRole('button', { name: `Stripe ${names[1]}` }).getAttribute('title')).toContain(
      names[1],
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
