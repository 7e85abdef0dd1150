// Where the dense transcript's first screen and scroll frames go, on a kept bench study (a copy of it):
// opens the transcript in browser mode with a CPU profile around the click, times the rows' measuring,
// scrolls it end to end with a profile, then narrows the window to 1050 px and times re-measuring and
// whether the paragraph being read stays on screen. Not part of `npm run bench`; run it by hand:
//   PROBE_STUDY=COPY.passage PROBE_TITLE="interview 01 P01" node scripts/benchPart.mjs bench/readerProbe.ts
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, startServer } from '../test/helpers/browser';
import { scrollThrough, watchFirstScreen } from '../test/reader/e2eHelpers';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function profiled<T>(cdp: CDPSession, work: () => Promise<T>): Promise<[T, Profile]> {
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return [result, profile];
}

type Where = (f: ProfileNode['callFrame']) => string;

/** Names profile frames by their source (out/renderer's source map), when the map can be read. */
async function sourceNamer(): Promise<Where> {
  const plain: Where = (f) =>
    `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
  try {
    const { SourceMapConsumer } = await import('source-map-js');
    const dir = path.join(import.meta.dirname, '..', 'renderer', 'assets');
    const mapFile = fs.readdirSync(dir).find((f) => f.endsWith('.js.map'));
    if (!mapFile) return plain;
    const map = new SourceMapConsumer(JSON.parse(fs.readFileSync(path.join(dir, mapFile), 'utf8')));
    return (f) => {
      if (!f.url.includes('/assets/')) return plain(f);
      const o = map.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
      return o.source
        ? `${o.name ?? f.functionName} ${o.source.replace(/^.*?\/(renderer|shared|node_modules)\//, '$1/')}:${o.line}`
        : plain(f);
    };
  } catch {
    return plain;
  }
}

const where = await sourceNamer();

/** The functions with the most self time in a profile, in ms. */
function topSelf(profile: Profile, count = 14): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = where(byId.get(id)!.callFrame);
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

const ON_SCREEN = `(() => {
  const box = document.querySelector('.reader-list').getBoundingClientRect();
  return [...document.querySelectorAll('.reader-list .reader-row')]
    .filter((r) => { const b = r.getBoundingClientRect(); return b.bottom > box.top && b.top < box.bottom; })
    .map((r) => Number(r.dataset.row)).sort((a, b) => a - b);
})()`;

/** Polls (the page's CSP forbids waitForFunction's string form) until every row is measured at the list's width. */
async function waitMeasured(page: Page, limitMs: number): Promise<number> {
  const began = performance.now();
  const done = `(() => { const l = document.querySelector('.reader-list'); const a = document.querySelector('[data-rows-measured]');
    return !!l && !!a && a.getAttribute('data-rows-measured') === l.clientWidth + 'px'; })()`;
  while (!((await page.evaluate(done)) as boolean)) {
    if (performance.now() - began > limitMs) return NaN;
    await page.waitForTimeout(50);
  }
  return performance.now() - began;
}

/** Narrows the window (to 1050 px unless PROBE_NARROW says) and times re-measuring from the middle. */
async function narrow(page: Page): Promise<void> {
  await page.evaluate(`(async () => {
      const list = document.querySelector('.reader-list');
      list.scrollTop = list.scrollHeight / 2;
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    })()`);
  const reading = (await page.evaluate(ON_SCREEN)) as number[];
  await page.setViewportSize({ width: Number(process.env.PROBE_NARROW ?? 1050), height: 800 });
  const remeasure = await waitMeasured(page, 300_000);
  const after = (await page.evaluate(ON_SCREEN)) as number[];
  console.log(
    `narrowed: re-measured in ${remeasure.toFixed(0)} ms; reading rows ${reading[0]}…${reading.at(-1)}, now ${after[0]}…${after.at(-1)}`,
  );
}

async function main(): Promise<void> {
  const file = process.env.PROBE_STUDY;
  const title = process.env.PROBE_TITLE;
  if (!file || !title) throw new Error('set PROBE_STUDY (a copy of a kept study) and PROBE_TITLE');
  const server = await startServer({ home: path.join(path.dirname(file), 'probe-home'), project: file });
  // PROBE_SERVER_LOG=1 passes on what the server writes (a trace patched into out/server, say).
  if (process.env.PROBE_SERVER_LOG === '1')
    server.process.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
    await page.goto(server.url);
    // The title filter works on a listed corpus: wait for its first rows, as the bench does.
    await page
      .getByRole('list', { name: 'Documents' })
      .getByRole('button')
      .first()
      .waitFor({ timeout: 60_000 });
    const corpus = page.getByRole('tabpanel', { name: 'Documents' });
    await corpus.getByPlaceholder('Filter by title').fill(title);
    const row = corpus.getByText(title, { exact: true }).first();
    await row.waitFor({ timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.evaluate('performance.clearResourceTimings()');
    const firstScreen = await watchFirstScreen(page);
    await page.evaluate(
      `window.addEventListener('click', () => (window.__clicked = performance.now()), { capture: true, once: true })`,
    );
    const [ms, openProfile] = await profiled(cdp, async () => {
      await row.click();
      return firstScreen();
    });
    const calls = (await page.evaluate(
      `performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).map((e) => e.name.replace(/^.*\\/api\\//, '').replace(/\\?.*$/, '') + ' ' + Math.round(e.startTime - window.__clicked) + '→' + Math.round(e.responseEnd - window.__clicked) + ' ms (' + Math.round(e.encodedBodySize / 1024) + ' kB)')`,
    )) as string[];
    console.log(`first screen: ${ms.toFixed(0)} ms; API calls, from the click:\n  ${calls.join('\n  ')}`);
    console.log(topSelf(openProfile).join('\n'));
    const measuring = await waitMeasured(page, 120_000);
    console.log(`every paragraph measured ${measuring.toFixed(0)} ms after the first screen`);
    await page.evaluate(`(() => {
      const area = document.querySelector('.reader-text-area');
      window.__restarts = 0;
      new MutationObserver(() => { if (!area.hasAttribute('data-rows-measured')) window.__restarts++; })
        .observe(area, { attributes: true, attributeFilter: ['data-rows-measured'] });
    })()`);
    const [scroll, scrollProfile] = await profiled(cdp, () => scrollThrough(page, 2500));
    console.log(
      `re-measuring restarted ${String(await page.evaluate('window.__restarts'))} times while scrolling`,
    );
    console.log(
      `scroll: ${scroll.frames} frames, longest ${scroll.maxFrameMs.toFixed(1)} ms, p95 ${scroll.p95FrameMs.toFixed(1)} ms, long tasks ${scroll.longTasks} (longest ${scroll.longestTaskMs.toFixed(0)} ms)`,
    );
    console.log(topSelf(scrollProfile).join('\n'));
    const shots = process.env.PROBE_SHOTS;
    if (shots) {
      // Mid-fling (plain rows: the page keeps flinging while the shot is taken) and at rest (full rows).
      await page.evaluate(`(() => {
        const list = document.querySelector('.reader-list');
        const until = performance.now() + 4000;
        let sign = 1;
        const fling = () => { list.scrollTop += 2500 * sign; sign = -sign; if (performance.now() < until) requestAnimationFrame(fling); };
        list.scrollTop = 20000;
        requestAnimationFrame(fling);
      })()`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(shots, 'flung.png') });
      await page.waitForTimeout(4000);
      await page.waitForTimeout(600);
      await page.screenshot({ path: path.join(shots, 'rested.png') });
    }
    // PROBE_NARROW=0 leaves the window as it is.
    if (process.env.PROBE_NARROW !== '0') await narrow(page);
    await page.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
