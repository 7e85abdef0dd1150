import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';
import { insertCode, insertDocument, insertSegment } from '../sample/fixtures';

type Box = { x: number; y: number; width: number; height: number };

const SCREENSHOTS = process.env.PASSAGE_SCREENSHOTS;

/**
 * Three seeds naming eight people each (a graph far wider than the window), a chain S1 → A → B with a
 * shortcut S1 → B (B is wave 1, not 2), and six interviews P01…P06 with coded transcripts.
 */
async function buildSample(file: string, home: string): Promise<void> {
  process.env.PASSAGE_HOME = home;
  const session = new Session('cli', { coder: 'tester' });
  await invoke(session, 'project.create', { path: file });
  const add = async (label: string) => (await invoke(session, 'sample.create', { label })).id;
  const refer = (referrerId: number, referredId: number) =>
    invoke(session, 'sample.refer', { referrerId, referredId });
  const seeds = [await add('S1'), await add('S2'), await add('S3')];
  for (const [s, seed] of seeds.entries())
    for (let i = 1; i <= 8; i++) await refer(seed, await add(`S${s + 1}-${i}`));
  const a = await add('A');
  const b = await add('B');
  await refer(seeds[0]!, a);
  await refer(a, b);
  await invoke(session, 'sample.refer', {
    referrerId: seeds[0]!,
    referredId: b,
    date: '2024-02-01',
    note: 'named during the coffee break after the regional coordination meeting in Nairobi, with a phone number',
  });
  await invoke(session, 'sample.update', {
    id: b,
    interviewer: 'a long interviewer name, of the second research team',
    anonymisation: 'no employer named; no country named; the unit and the rotation are generalised',
  });
  await invoke(session, 'sample.attributes.define', {
    name: 'Years in the humanitarian sector',
    type: 'number',
  });
  const db = session.requireProject().db;
  const codes = ['Trust', 'Mandate', 'Funding', 'Access', 'Security', 'Neutrality'].map((c) =>
    insertCode(db, c),
  );
  for (let n = 1; n <= 6; n++) {
    const label = `P0${n}`;
    const id = await add(label);
    await invoke(session, 'sample.update', { id, interviewDate: `2024-0${n}-10` });
    const documentId = insertDocument(
      db,
      `Transcript ${label}: interview with a regional coordinator of a humanitarian NGO, second session`,
    );
    await invoke(session, 'sample.linkDocument', { participantId: id, documentId });
    insertSegment(db, documentId, codes[n - 1]!);
  }
  session.close();
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

async function openSample(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('button', { name: 'Sample', exact: true })
    .click();
  await page.getByRole('heading', { name: 'Sample' }).waitFor();
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

describe('sample layout in the browser at 1400 × 900', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    const dir = tempDir('passage-e2e-sample-layout-');
    const file = path.join(dir, 'snowball.passage');
    await buildSample(file, path.join(dir, 'config'));
    server = await startServer({ home: path.join(dir, 'config'), project: file });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the participant editor fits its panel and the window', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await openSample(page);
    await page.getByRole('list', { name: 'Participants' }).getByRole('listitem', { name: 'B' }).click();
    const editor = page.getByRole('complementary', { name: 'Participant B' });
    await editor.getByRole('button', { name: 'Add referrer' }).waitFor();
    if (SCREENSHOTS) {
      await page.screenshot({ path: path.join(SCREENSHOTS, 'sample-editor.png') });
      await editor.evaluate((e) => e.scrollTo(0, e.scrollHeight));
      await page.screenshot({ path: path.join(SCREENSHOTS, 'sample-editor-end.png') });
    }
    const sizes = await editor.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    // The pipeline beside it shrinks its columns instead of running under the editor: its header
    // would scroll with the view and its rows with the list, out of step.
    for (const [name, locator] of [
      ['sample view', page.getByRole('tabpanel', { name: 'Pipeline' })],
      ['participant list', page.getByRole('list', { name: 'Participants' })],
    ] as const) {
      const widths = await locator.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      expect(widths.scroll, name).toBeLessThanOrEqual(widths.client);
    }
    const panel = await box(editor);
    expect(panel.x + panel.width).toBeLessThanOrEqual(1400);
    // Every field and button of the editor lies inside the panel.
    for (const control of await editor.locator('input, select, textarea, button').all()) {
      const b = await box(control);
      expect(b.x + b.width, (await control.getAttribute('aria-label')) ?? '').toBeLessThanOrEqual(
        panel.x + panel.width,
      );
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the referral graph opens fitted, every node (the seeds too) in view, layered by wave', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await openSample(page);
    await page.getByRole('tab', { name: 'Referral graph' }).click();
    const graph = page.getByRole('img', { name: /^Referral graph of 35 participants/ });
    await graph.waitFor();
    const view = await box(page.getByRole('region', { name: 'Referral graph view' }));
    const nodes = graph.getByRole('button');
    expect(await nodes.count()).toBe(35);
    const ys = new Map<number, Set<number>>();
    for (const node of await nodes.all()) {
      const name = (await node.getAttribute('aria-label'))!;
      const b = await box(node);
      expect(inside(b, view), `${name} is in view`).toBe(true);
      const wave = Number(/wave (\d+)$/.exec(name)![1]);
      const centre = Math.round(b.y + b.height / 2);
      ys.set(wave, (ys.get(wave) ?? new Set()).add(centre));
    }
    // One row per wave, wave 0 on top: B (named by S1 and by A) sits in A's row, wave 1.
    expect([...ys.keys()].sort()).toEqual([0, 1]);
    for (const [wave, rows] of ys) expect(rows.size, `wave ${wave} in one row`).toBe(1);
    expect([...ys.get(0)!][0]!).toBeLessThan([...ys.get(1)!][0]!);
    await graph.getByRole('button', { name: 'B, identified, wave 1' }).waitFor();
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'sample-graph.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the saturation curve names the interviews on its x axis, in interview order', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await openSample(page);
    await page.getByRole('tab', { name: 'Statistics' }).click();
    const chart = page.getByRole('img', { name: /^Saturation curve/ });
    await chart.waitFor();
    const ticks = chart.locator('[data-axis="x"] text');
    expect(await ticks.allTextContents()).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'P06']);
    const xs = await Promise.all((await ticks.all()).map(async (t) => (await box(t)).x));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'sample-saturation.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
