// Browser mode with Debian Chromium: the app opened on the study, the 200,000-word transcript's first
// screen, applying a code, the longest frame while scrolling it end to end, and the renderer's heap.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, startServer, type RunningServer } from '../test/helpers/browser';
import { api, dragSelect, scrollThrough, timeKeyToStripe, watchFirstScreen } from '../test/reader/e2eHelpers';
import { reason } from './api';
import { informational, notMeasured, underLimit, type Figure } from './figures';

const MB = 1024 * 1024;

/** Peak resident memory of a running process (Linux), in MB. */
function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function jsHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await cdp.detach();
  return used / MB;
}

export interface BrowserStudy {
  file: string;
  scratch: string;
  transcriptTitle: string;
  codeId: number;
  codeName: string;
}

/** The reader figures, with the reader engineer's in-page probes (test/reader/e2eHelpers.ts). */
async function measureReader(page: Page, server: RunningServer, study: BrowserStudy): Promise<Figure[]> {
  await api(server, 'codes.update', { id: study.codeId, shortcut: 'Alt+1' });
  // The document list is virtualised (674 documents): narrow it by title, as a researcher would, so the row exists.
  await page
    .getByRole('tabpanel', { name: 'Documents' })
    .getByPlaceholder('Filter by title')
    .fill(study.transcriptTitle);
  const firstScreen = await watchFirstScreen(page);
  await page
    .getByRole('tabpanel', { name: 'Documents' })
    .getByText(study.transcriptTitle, { exact: true })
    .first()
    .click();
  await page.locator('.reader-row').first().waitFor({ timeout: 60_000 });
  const firstScreenMs = await firstScreen();
  const heap = await jsHeapMb(page);
  const wordStart = Number(
    await page.evaluate(
      `(() => { const r = document.querySelector('.reader-row:nth-child(3) [data-o]'); return Number(r.dataset.o); })()`,
    ),
  );
  await dragSelect(page, wordStart + 1, wordStart + 3);
  const applyMs = await timeKeyToStripe(page, 'Alt+1', study.codeName);
  const scroll = await scrollThrough(page, 2500);
  return [
    underLimit('first screen of the 200,000-word transcript', firstScreenMs, 'ms', 500),
    underLimit('applying a code (keypress to stripe painted)', applyMs, 'ms', 50),
    underLimit(
      'longest frame scrolling the transcript end to end',
      scroll.maxFrameMs,
      'ms',
      50,
      null,
      `${scroll.frames} frames, p95 ${scroll.p95FrameMs.toFixed(1)} ms, 2,500 px per frame`,
    ),
    underLimit('renderer JS heap after opening the transcript', heap, 'MB', 300),
  ];
}

export async function measureBrowser(study: BrowserStudy): Promise<Figure[]> {
  const figures: Figure[] = [];
  const pending = [
    ['first screen of the 200,000-word transcript', 'ms', '< 500 ms'],
    ['applying a code', 'ms', '< 50 ms'],
    ['longest frame scrolling the transcript end to end', 'ms', '< 50 ms'],
    ['renderer JS heap after opening the transcript', 'MB', '< 300 MB'],
  ] as const;
  let server: RunningServer | undefined;
  const browser = await launchChromium().catch((error: unknown) => error as Error);
  if (browser instanceof Error) {
    return [
      notMeasured(
        'open the app with the study (documents listed)',
        'ms',
        'report',
        `Chromium: ${browser.message}`,
      ),
      ...pending.map(([n, u, t]) => notMeasured(n, u, t, 'Chromium did not start')),
    ];
  }
  try {
    server = await startServer({ home: path.join(study.scratch, 'browser-home'), project: study.file });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => process.stderr.write(`bench: page error: ${e.message}\n`));
    page.on('console', (m) => {
      if (m.type() === 'error') process.stderr.write(`bench: console error: ${m.text().slice(0, 300)}\n`);
    });
    const start = performance.now();
    await page.goto(server.url);
    // Open = the study's documents listed (the transcript among them).
    await page
      .getByText(study.transcriptTitle, { exact: true })
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        const shown = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 200);
        throw new Error(`${reason(error).split('\n')[0]} — page shows: ${shown}`);
      });
    figures.push(
      informational('open the app with the study (documents listed)', performance.now() - start, 'ms'),
    );
    try {
      // The in-page probes wait for events that may never come; the bench must still end in 5 minutes.
      const limit = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('reader probes did not finish within 60 s')), 60_000).unref(),
      );
      figures.push(...(await Promise.race([measureReader(page, server, study), limit])));
    } catch (error) {
      figures.push(...pending.map(([n, u, t]) => notMeasured(n, u, t, reason(error))));
    }
  } catch (error) {
    figures.push(
      notMeasured('open the app with the study (documents listed)', 'ms', 'report', reason(error)),
    );
    figures.push(...pending.map(([n, u, t]) => notMeasured(n, u, t, 'the app did not open')));
  } finally {
    const rss = peakRssMb(server?.process.pid);
    if (rss !== null) figures.push(informational('browser-mode server peak RSS', rss, 'MB'));
    await browser.close();
    await server?.stop();
  }
  return figures;
}
