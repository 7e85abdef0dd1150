// Where the time of applying a code goes on a kept bench study (PASSAGE_BENCH_KEEP=1): opens the transcript
// in browser mode, then records the renderer's CPU profile and the page's API round trips around one
// keypress. Not part of `npm run bench`; run it by hand:
//   npx esbuild bench/profileApply.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=out/bench/profileApply.mjs && node out/bench/profileApply.mjs STUDY.passage "interview 01 P01" [KEY]
import path from 'node:path';
import { launchChromium, startServer } from '../test/helpers/browser';
import { api, dragSelect, timeKeyToStripe, visibleWord } from '../test/reader/e2eHelpers';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

async function main(): Promise<void> {
  // A shortcut no code of the study holds yet (each run adds a probe code with it).
  const [file, title, key = '9'] = process.argv.slice(2);
  if (!file || !title) throw new Error('usage: profileApply STUDY.passage "TRANSCRIPT TITLE"');
  const server = await startServer({ home: path.join(path.dirname(file), 'profile-home'), project: file });
  const browser = await launchChromium();
  try {
    const code = `Profile probe ${Date.now()}`;
    await api(server, 'codes.create', { name: code, shortcut: key });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    const corpus = page.getByRole('tabpanel', { name: 'Documents' });
    await corpus.getByPlaceholder('Filter by title').fill(title);
    await corpus.getByText(title, { exact: true }).first().click();
    await page.locator('.reader-stripe').first().waitFor({ timeout: 120_000 });
    await page.locator('[data-rows-measured]').waitFor({ state: 'attached', timeout: 120_000 });
    const word = await visibleWord(page);
    await dragSelect(page, word.start + 1, word.end - 1);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await page.evaluate('performance.clearResourceTimings()');
    await page.evaluate(
      "addEventListener('keydown', () => (window.__keyAt = performance.now()), { capture: true, once: true })",
    );
    await cdp.send('Profiler.start');
    const ms = await timeKeyToStripe(page, key, code);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const calls = (await page.evaluate(
      `performance.getEntriesByType('resource').map((e) => [e.name.replace(/^.*\\/api\\//, '').replace(/\\?.*$/, ''), Math.round(e.startTime), Math.round(e.duration * 10) / 10])`,
    )) as [string, number, number][];
    const keyAt = Math.round((await page.evaluate('window.__keyAt')) as number);
    console.log(`key to painted stripe: ${ms.toFixed(1)} ms (key pressed at ${keyAt} ms)`);
    console.log('API calls in the window (name, start ms, duration ms):');
    for (const c of calls) console.log(`  ${c.join('  ')}`);
    // Self time per function, from the samples and their time deltas.
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    console.log('renderer self time (ms), top 20:');
    for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
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
