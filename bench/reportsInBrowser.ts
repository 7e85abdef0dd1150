/// <reference lib="dom" />
// The Reports area as a researcher meets it at 10× (issue 18), in browser mode on a COPY of a kept study:
//   node scripts/benchPart.mjs bench/reportsInBrowser.ts /tmp/mine/study.passage
// Times, from the click to the next painted frame, the Documents list's first paint, the Codebook's
// first paint, then each report tab a researcher clicks first (evidence with no code chosen and for the
// biggest code, co-occurrence, matrix, counts over time), each again with a document group ticked, and
// "Show more" under the biggest code. Beside each figure: the backend calls the step made (as Chromium
// saw them, sent to answered), so the server's part shows apart from the page's. Adds a document group
// "Probe NGOs" (every 16th document, as bench/exportCooccurrenceProbe.ts) to the copy if it has none.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { invoke } from '../electron/backend/dispatch';
import { Session } from '../electron/backend/session';
import { launchChromium, startServer } from '../test/helpers/browser';

const file = process.argv.find((a) => a.endsWith('.passage'));
if (!file) throw new Error('usage: node scripts/benchPart.mjs bench/reportsInBrowser.ts COPY.passage');
const home = path.join(path.dirname(file), 'reports-in-browser-home');
process.env.PASSAGE_HOME = home;
const GROUP = 'Probe NGOs';

/** The group to filter by, the first document's title and the biggest code's name. */
async function prepare(): Promise<{ group: string; firstTitle: string; bigCode: string }> {
  const session = new Session('cli', { coder: 'probe' });
  await invoke(session, 'project.open', { path: file! });
  try {
    const db = session.requireProject().db;
    let group = (await invoke(session, 'documentGroups.list', {})).find((g) => g.name === GROUP);
    if (!group) {
      const ids = (db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[]).filter(
        (_, i) => i % 16 === 0,
      );
      group = await invoke(session, 'documentGroups.create', { name: GROUP, documentIds: ids });
    }
    const firstTitle = db
      .prepare('SELECT title FROM documents ORDER BY title COLLATE NOCASE, id LIMIT 1')
      .pluck()
      .get() as string;
    const bigCode = db
      .prepare(
        `SELECT c.name FROM codes c JOIN code_document_counts k ON k.code_id = c.id
         GROUP BY c.id ORDER BY sum(k.segments) DESC LIMIT 1`,
      )
      .pluck()
      .get() as string;
    return { group: `${GROUP} (${group.documentCount})`, firstTitle, bigCode };
  } finally {
    await invoke(session, 'project.close', {});
  }
}

const { group, firstTitle, bigCode } = await prepare();
const browser = await launchChromium();
const server = await startServer({ home, project: file });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
let calls: string[] = [];
let stepStart = 0;
page.on('requestfinished', (request) => {
  const url = new URL(request.url());
  if (!url.pathname.startsWith('/api')) return;
  const timing = request.timing();
  const name = url.pathname.replace(/^\/api\/?/, '') || (request.postDataJSON() as { name?: string })?.name;
  calls.push(`${String(name)} ${timing.responseEnd.toFixed(0)} ms`);
});

const rows: { step: string; ms: number; calls: string }[] = [];
/** From the action to the frame after `ready` holds (polled each animation frame). */
async function step(label: string, act: () => Promise<unknown>, ready: (page: Page) => Promise<unknown>) {
  calls = [];
  stepStart = performance.now();
  await act();
  await ready(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const ms = performance.now() - stepStart;
  rows.push({ step: label, ms, calls: calls.join(', ') });
  console.log(`${label.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms   ${calls.join(', ')}`);
}

/** The report with this title shown and nothing computing. */
const reportShown = (title: string) => (p: Page) =>
  p.waitForFunction(
    (t) => {
      const report = document.querySelector('.report');
      const h = report?.querySelector('.report-header h3')?.textContent;
      return report?.getAttribute('aria-busy') === 'false' && h === t && !document.querySelector('.spinner');
    },
    title,
    { polling: 'raf', timeout: 300_000 },
  );

/** Every code's section of the evidence report rendered (they are added frame by frame). */
const everyCodeRendered = (p: Page) =>
  p.waitForFunction(
    () =>
      document.querySelector('.evidence-report') !== null &&
      !document.querySelector('.evidence-report > [role="status"]'),
    undefined,
    { polling: 'raf', timeout: 300_000 },
  );

const area = (name: RegExp) => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name });
const tab = (name: string) => page.getByRole('tab', { name, exact: true });
/** Ticks or unticks one option of a filter's check list (the report reruns at the tick). */
async function tick(list: string, option: string | RegExp, on: boolean) {
  const root = page.locator('.check-list', { has: page.locator('.check-list-label', { hasText: list }) });
  await root.locator('.check-list-button').click();
  const box = root.getByRole('group', { name: list }).getByLabel(option, { exact: true });
  await (on ? box.check() : box.uncheck());
  await page.keyboard.press('Escape');
}

await step(
  'Documents: first title listed',
  () => page.goto(server.url),
  (p) => p.getByText(firstTitle, { exact: true }).first().waitFor({ timeout: 120_000 }),
);
await step(
  'Codebook: code tree painted',
  () => area(/Codebook/).click(),
  (p) => p.getByRole('tree', { name: 'Codes' }).getByText(bigCode, { exact: true }).first().waitFor(),
);
await step(
  'Reports: co-occurrence (first tab)',
  () => area(/Reports/).click(),
  reportShown('Code co-occurrence'),
);
await step(
  'Evidence, no code chosen',
  () => tab('Evidence by code').click(),
  reportShown('Evidence by code'),
);
await step("  + then every code's quotes painted", () => Promise.resolve(), everyCodeRendered);
await step(
  'Evidence, no code, group ticked',
  () => tick('Document groups', group, true),
  reportShown('Evidence by code'),
);
await step(
  'Evidence, one code, group ticked',
  () => tick('Codes', bigCode, true),
  reportShown('Evidence by code'),
);
await step(
  'Evidence, one code',
  () => tick('Document groups', group, false),
  reportShown('Evidence by code'),
);
await step(
  'Evidence, one code: Show more',
  () => page.getByRole('button', { name: 'Show more' }).first().click(),
  (p) => p.getByText('400 of', { exact: false }).first().waitFor(),
);
await step('Evidence, no code again', () => tick('Codes', bigCode, false), reportShown('Evidence by code'));
for (const [name, title] of [
  ['Co-occurrence', 'Code co-occurrence'],
  ['Code matrix', 'Code matrix'],
  ['Counts over time', 'Counts over time'],
] as const) {
  await step(name, () => tab(name).click(), reportShown(title));
  await step(`${name}, group ticked`, () => tick('Document groups', group, true), reportShown(title));
  await step(`${name}, group unticked`, () => tick('Document groups', group, false), reportShown(title));
}
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; ${os.cpus().length} cores`,
);
if (process.env.REPORTS_SHOT) await page.screenshot({ path: process.env.REPORTS_SHOT });
await browser.close();
await server.stop();
