// Browser mode with Debian Chromium: the app opened on the study, the 200,000-word transcript's first
// screen, applying a code, the longest frame while scrolling it end to end, and the renderer's heap.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, startServer, type RunningServer } from '../test/helpers/browser';
import { reason } from './api';
import { informational, notMeasured, type Figure } from './figures';

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
        'open the app with the study (to the Documents area)',
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
    const start = performance.now();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Documents' }).waitFor({ timeout: 60_000 });
    figures.push(
      informational('open the app with the study (to the Documents area)', performance.now() - start, 'ms'),
    );
    figures.push(...pending.map(([n, u, t]) => notMeasured(n, u, t, 'the reader is not built yet')));
    figures.push(
      informational('renderer JS heap with the study open (documents list)', await jsHeapMb(page), 'MB'),
    );
  } catch (error) {
    figures.push(
      notMeasured('open the app with the study (to the Documents area)', 'ms', 'report', reason(error)),
    );
  } finally {
    const rss = peakRssMb(server?.process.pid);
    if (rss !== null) figures.push(informational('browser-mode server peak RSS', rss, 'MB'));
    await browser.close();
    await server?.stop();
  }
  return figures;
}
