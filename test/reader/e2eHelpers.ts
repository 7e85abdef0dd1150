import type { Page } from 'playwright-core';
import type { Args, CallName, Results } from '../../shared/api/contract';
import type { RunningServer } from '../helpers/browser';

/** Calls the backend of a running browser-mode server over HTTP, with its token, as the UI does. */
export async function api<N extends CallName>(
  server: RunningServer,
  name: N,
  args: Args<N>,
): Promise<Results[N]> {
  const response = await fetch(`${server.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-passage-token': server.token },
    body: JSON.stringify(args),
  });
  const body = (await response.json()) as { ok: boolean; value?: Results[N]; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value as Results[N];
}

/** Imports text files through documents.import (the upload path browser mode uses) and waits for the job. */
export async function importTexts(
  server: RunningServer,
  files: { name: string; text: string }[],
  kind: 'interview' | 'document' = 'interview',
): Promise<number[]> {
  const { jobId } = await api(server, 'documents.import', {
    files: files.map((f) => ({ name: f.name, dataBase64: Buffer.from(f.text, 'utf8').toString('base64') })),
    kind,
  });
  for (let i = 0; i < 600; i++) {
    const status = await api(server, 'jobs.status', { id: jobId });
    if (status.state === 'done') {
      const result = status.result as { imported: { documentId: number }[]; failed: { reason: string }[] };
      if (result.failed.length > 0) throw new Error(`import failed: ${result.failed[0]!.reason}`);
      return result.imported.map((d) => d.documentId);
    }
    if (status.state !== 'running') throw new Error(`import ${status.state}: ${status.error ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish in 60 s');
}

// In-page scripts are plain JavaScript strings: this Node-side file is compiled without the DOM library.
const POINT_AT = `(({ offset, edge }) => {
  for (const run of document.querySelectorAll('[data-o]')) {
    const base = Number(run.dataset.o);
    const node = run.firstChild;
    const length = node && node.textContent ? node.textContent.length : 0;
    if (!node || offset < base || offset >= base + length) continue;
    const range = document.createRange();
    range.setStart(node, offset - base);
    range.setEnd(node, offset - base + 1);
    const rect = range.getBoundingClientRect();
    return { x: edge === 'left' ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
  }
  return null;
})`;

/** Viewport point of the character at a document offset in the reader (its left or right edge). */
export async function pointAt(
  page: Page,
  offset: number,
  edge: 'left' | 'right',
): Promise<{ x: number; y: number }> {
  const point = (await page.evaluate(`${POINT_AT}(${JSON.stringify({ offset, edge })})`)) as {
    x: number;
    y: number;
  } | null;
  if (!point) throw new Error(`offset ${offset} is not on screen`);
  return point;
}

/** Drags the mouse from the character at `start` to the one before `end`, as a researcher selects. */
export async function dragSelect(page: Page, start: number, end: number, alt = false): Promise<void> {
  const from = await pointAt(page, start, 'left');
  const to = await pointAt(page, end - 1, 'right');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

// The n-th whole word of three or more letters on screen, not in a speaker label. Coded words count too:
// in the dense transcript every word is coded.
const VISIBLE_WORD = `((n) => {
  const list = document.querySelector('.reader-list').getBoundingClientRect();
  let seen = 0;
  for (const run of document.querySelectorAll('.reader-run:not(.reader-speaker-label)')) {
    const rect = run.getBoundingClientRect();
    if (rect.top < list.top + 10 || rect.bottom > list.bottom - 10) continue;
    const words = /(^|\\s)([A-Za-z]{3,})(?=\\s|$)/g;
    for (let m = words.exec(run.textContent || ''); m; m = words.exec(run.textContent || '')) {
      if (seen++ < n) continue;
      const start = Number(run.dataset.o) + m.index + m[1].length;
      return { start, end: start + m[2].length };
    }
  }
  return null;
})`;

/**
 * A whole word of three or more letters fully inside the reader's viewport (not a speaker label): the
 * first, or the `nth` (from 0) in reading order.
 */
export async function visibleWord(page: Page, nth = 0): Promise<{ start: number; end: number }> {
  const word = (await page.evaluate(`${VISIBLE_WORD}(${nth})`)) as { start: number; end: number } | null;
  if (!word) throw new Error(`fewer than ${nth + 1} whole words are visible in the reader`);
  return word;
}

const WATCH_STRIPE = `((label) => {
  // By the code's name alone: with several coders shown, the label names the coder too.
  const selector = '.reader-stripe[data-code="' + label + '"]';
  const before = new Set([...document.querySelectorAll(selector)].map((e) => e.dataset.segmentId));
  window.__stripe = new Promise((resolve) => {
    let pressed = 0;
    window.addEventListener('keydown', () => (pressed = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const fresh = [...document.querySelectorAll(selector)].some((e) => !before.has(e.dataset.segmentId));
      if (pressed && fresh) {
        observer.disconnect();
        // The stripe is on screen once the frame holding it is painted.
        requestAnimationFrame(() => resolve(performance.now() - pressed));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
})`;

/**
 * Presses a key and returns the milliseconds, measured in the page with performance.now(), from the
 * keydown to the first frame in which a new stripe (a segment not shown before) of this code is in the DOM.
 */
export async function timeKeyToStripe(page: Page, key: string, codeName: string): Promise<number> {
  await page.evaluate(`${WATCH_STRIPE}(${JSON.stringify(codeName)})`);
  await page.keyboard.press(key);
  return (await page.evaluate('window.__stripe')) as number;
}

const WATCH_FIRST_SCREEN = `(() => {
  window.__firstScreen = new Promise((resolve) => {
    let chosen = 0;
    window.addEventListener('click', () => (chosen = performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (chosen && document.querySelector('.reader-row') && document.querySelector('.reader-stripe')) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - chosen));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
})`;

/** Installs a watcher; after a click that opens a document, `firstScreenMs` resolves to click → rows and stripes painted. */
export async function watchFirstScreen(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(`${WATCH_FIRST_SCREEN}()`);
  return async () => (await page.evaluate('window.__firstScreen')) as number;
}

const SCROLL_THROUGH = `(async (step) => {
  const list = document.querySelector('.reader-list');
  const longTasks = [];
  const observer = new PerformanceObserver((entries) => {
    for (const e of entries.getEntries()) longTasks.push(e.duration);
  });
  try { observer.observe({ type: 'longtask', buffered: false }); } catch {}
  const deltas = [];
  let last = performance.now();
  await new Promise((resolve) => {
    const frame = (now) => {
      deltas.push(now - last);
      last = now;
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 2) return resolve();
      list.scrollTop += step;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame((now) => { last = now; list.scrollTop += step; requestAnimationFrame(frame); });
  });
  observer.disconnect();
  const sorted = [...deltas].sort((a, b) => a - b);
  return {
    frames: deltas.length,
    maxFrameMs: sorted[sorted.length - 1] || 0,
    p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] || 0,
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
    scrollHeight: list.scrollHeight,
  };
})`;

export interface ScrollStats {
  frames: number;
  maxFrameMs: number;
  p95FrameMs: number;
  longTasks: number;
  longestTaskMs: number;
  scrollHeight: number;
}

/** Scrolls the reader from top to bottom by `step` px per frame, recording frame gaps and long tasks. */
export async function scrollThrough(page: Page, step: number): Promise<ScrollStats> {
  return (await page.evaluate(`${SCROLL_THROUGH}(${step})`)) as ScrollStats;
}
