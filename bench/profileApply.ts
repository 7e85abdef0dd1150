// Where the time of applying a code goes on a kept bench study (PASSAGE_BENCH_KEEP=1): opens the transcript
// in browser mode, then codes several words on screen one after another, each by one keypress, and
// reports per keypress the milliseconds from the key to the new stripe in the DOM and to the frame
// that paints it (as the bench's figure), the API round trips in that window, and the renderer's
// CPU profile summed over all keypresses. Not part of `npm run bench`; run it by hand:
//   npx esbuild bench/profileApply.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=out/bench/profileApply.mjs && node out/bench/profileApply.mjs STUDY.passage "interview 01 P01" [KEY] [TIMES]
// PROFILE_APPLY_SCROLL=1 scrolls end to end and back first, as the bench does; PROFILE_APPLY_TREE=N prints
// the N-th keypress's profile as a tree of total times (build the renderer with `npx vite build --minify
// false` for names); PROFILE_APPLY_CODER names the coder (the study's 'bench' by default).
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { median } from '../shared/sample/statistics';
import { launchChromium, startServer } from '../test/helpers/browser';
import { api, dragSelect, scrollThrough, visibleWord } from '../test/reader/e2eHelpers';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// Times one keypress: keydown, the new stripe of the code in the DOM, and the frame painting it.
const WATCH = `((label) => {
  const selector = '.reader-stripe[data-code="' + label + '"]';
  const before = new Set([...document.querySelectorAll(selector)].map((e) => e.dataset.segmentId));
  performance.clearResourceTimings();
  window.__times = new Promise((resolve) => {
    let pressed = 0;
    // The profile is taken in the page, from the key to the painting frame: nothing before or after.
    // Marks in the profile, from the key to the painting frame (profileApply cuts the samples between them):
    // named functions that run long enough for the sampler to see them.
    // Each mark its own function: one made per name shares its code, and the profiler names it once.
    const busy = () => { const t = performance.now(); while (performance.now() - t < 0.4); };
    const marks = { KEY_MARK() { busy(); }, DOM_MARK() { busy(); }, PAINT_MARK() { busy(); } };
    const mark = (name) => marks[name]();
    addEventListener('keydown', () => { mark('KEY_MARK'); pressed = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const fresh = [...document.querySelectorAll(selector)].find((e) => !before.has(e.dataset.segmentId));
      if (!pressed || !fresh) return;
      observer.disconnect();
      const inDom = performance.now() - pressed;
      // A negative id: the stripe was drawn ahead of the backend's answer.
      const ahead = Number(fresh.dataset.segmentId) < 0;
      requestAnimationFrame(() => {
        const painted = performance.now() - pressed;
        mark('PAINT_MARK');
        resolve({ pressed, inDom, painted, ahead });
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
})`;

const CALLS = `performance.getEntriesByType('resource').map((e) => [e.name.replace(/^.*\\/api\\//, '').replace(/\\?.*$/, ''), e.startTime, e.duration])`;

interface Times {
  pressed: number;
  inDom: number;
  painted: number;
  ahead: boolean;
}

/** Selects the n-th word, then profiles from the key to the painted stripe (the profile covers no more). */
async function applyOnce(page: Page, cdp: CDPSession, n: number, key: string, code: string) {
  // Every other word, so each keypress codes a new passage rather than growing the last one.
  const word = await visibleWord(page, n);
  await dragSelect(page, word.start + 1, word.end - 1);
  await page.evaluate(`${WATCH}(${JSON.stringify(code)})`);
  await cdp.send('Profiler.start');
  await page.keyboard.press(key);
  const times = (await page.evaluate('window.__times')) as Times;
  const profile = keyToPaint(((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile);
  // What followed the keypress (counts reloaded after the paint) is listed too, a second later.
  await page.waitForTimeout(1000);
  const calls = (await page.evaluate(CALLS)) as [string, number, number][];
  const relative = calls.map(([name, start, ms]) => [name, start - times.pressed, ms] as const);
  return { times, calls: relative, profile };
}

/** The profile's samples from the key's mark to the paint's (WATCH), when both were sampled. */
function keyToPaint(profile: Profile): Profile {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // A sample names the innermost function (the mark's busy loop): the mark is among its callers.
  const inMark = (id: number | undefined, name: string): boolean =>
    id !== undefined && (byId.get(id)?.callFrame.functionName === name || inMark(parent.get(id), name));
  const at = (name: string) => profile.samples.findIndex((id) => inMark(id, name));
  const from = at('KEY_MARK');
  const to = at('PAINT_MARK');
  if (from < 0 || to < from) return profile;
  return {
    ...profile,
    samples: profile.samples.slice(from, to),
    timeDeltas: profile.timeDeltas.slice(from, to),
  };
}

/** The profile as a tree of total times (ms), nodes of at least `min` ms, to `depth` levels. */
function totalTree(profile: Profile, min = 1, depth = 14): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const total = (id: number): number =>
    (self.get(id) ?? 0) + (byId.get(id)?.children ?? []).reduce((sum, c) => sum + total(c), 0);
  const lines: string[] = [];
  const walk = (id: number, level: number) => {
    const node = byId.get(id)!;
    const t = total(id);
    if (t < min || level > depth) return;
    const f = node.callFrame;
    lines.push(
      `${'  '.repeat(level)}${t.toFixed(1)} ${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`,
    );
    for (const c of node.children ?? []) walk(c, level + 1);
  };
  walk(profile.nodes[0]!.id, 0);
  return lines;
}

function selfTimes(profile: Profile, into: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    into.set(key, (into.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
}

async function main(): Promise<void> {
  // A shortcut no code of the study holds yet (each run adds a probe code with it).
  const [file, title, key = '9', times = '5'] = process.argv.slice(2);
  if (!file || !title) throw new Error('usage: profileApply STUDY.passage "TRANSCRIPT TITLE" [KEY] [TIMES]');
  const server = await startServer({ home: path.join(path.dirname(file), 'profile-home'), project: file });
  const browser = await launchChromium();
  try {
    const code = `Profile probe ${Date.now()}`;
    await api(server, 'codes.create', { name: code, shortcut: key });
    // As the study's own coder, as the bench codes (browserFigures.ts).
    await api(server, 'coders.setCurrent', { name: process.env.PROFILE_APPLY_CODER ?? 'bench' });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    const corpus = page.getByRole('tabpanel', { name: 'Documents' });
    await corpus.getByPlaceholder('Filter by title').fill(title);
    await corpus.getByText(title, { exact: true }).first().click({ timeout: 120_000 });
    await page.locator('.reader-stripe').first().waitFor({ timeout: 120_000 });
    await page.locator('[data-rows-measured]').waitFor({ state: 'attached', timeout: 120_000 });
    // PROFILE_APPLY_SCROLL=1: first scroll end to end and back, as the bench does before its keypress.
    if (process.env.PROFILE_APPLY_SCROLL === '1') {
      await scrollThrough(page, 2500);
      await page.evaluate('document.querySelector(".reader-list").scrollTop = 0');
      await page.locator('.reader-row.is-plain').first().waitFor({ state: 'detached', timeout: 10_000 });
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const self = new Map<string, number>();
    const painted: number[] = [];
    // The renderer's own part: key to paint less the segments.apply round trip (the server and the
    // HTTP hop, which the machine's load stretches most).
    const rendererMs: number[] = [];
    for (let i = 0; i < Number(times); i++) {
      const { times: t, calls, profile } = await applyOnce(page, cdp, i * 2, key, code);
      selfTimes(profile, self);
      if (process.env.PROFILE_APPLY_TREE === String(i + 1)) console.log(totalTree(profile).join('\n'));
      painted.push(t.painted);
      const applied = calls.find(([name]) => name === 'segments.apply');
      const roundTrip = applied?.[2] ?? 0;
      // Drawn ahead, the whole time is the renderer's.
      const rendererPart = t.ahead ? t.painted : t.painted - roundTrip;
      rendererMs.push(rendererPart);
      console.log(
        `#${i + 1}: key to stripe in DOM ${t.inDom.toFixed(1)} ms, to painted ${t.painted.toFixed(1)} ms` +
          `${t.ahead ? ' (drawn ahead of the answer)' : ''} ` +
          `(segments.apply ${roundTrip.toFixed(1)} ms, the renderer ${rendererPart.toFixed(1)} ms); ` +
          'calls (name, start after key, ms):',
      );
      for (const [name, start, ms] of calls)
        console.log(`    ${name}  ${start.toFixed(1)}  ${ms.toFixed(1)}`);
    }
    // PROFILE_APPLY_SHOT=FILE.png: how the last coded passage looks, to check by eye.
    if (process.env.PROFILE_APPLY_SHOT) await page.screenshot({ path: process.env.PROFILE_APPLY_SHOT });
    const middle = (xs: number[]) => median(xs)!.toFixed(1);
    console.log(
      `key to painted stripe: median ${middle(painted)} ms; the renderer's part: median ${middle(rendererMs)} ms`,
    );
    console.log('renderer self time (ms) from each key to its painted stripe, summed, top 25:');
    for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${t.toFixed(1).padStart(7)}  ${key}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
