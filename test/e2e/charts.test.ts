import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, openProject } from '../../electron/store/openProject';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';
import { buildStudy } from '../reports/fixture';

const SCREENSHOTS = process.env.PASSAGE_SCREENSHOTS;

/** Clicks a chart's save button and returns the file the browser downloaded. */
async function save(page: Page, figure: Locator, button: 'Save SVG' | 'Save PNG', dir: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: button }).click(),
  ]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

/** Opens a saved SVG file by itself in a new page, as an image viewer would. */
async function viewSaved(browser: Browser, svgFile: string): Promise<Page> {
  const viewer = await browser.newPage();
  await viewer.setContent(fs.readFileSync(svgFile, 'utf8'));
  return viewer;
}

/** The legend entries of a saved SVG: each entry's name and the colour of its mark. */
async function legendOf(viewer: Page) {
  const entries = await viewer.locator('[data-legend-entry]').all();
  return Promise.all(
    entries.map(async (entry) => {
      const box = entry.locator('rect');
      return {
        name: (await entry.locator('text').textContent()) ?? '',
        colour: (await box.count())
          ? await box.getAttribute('fill')
          : await entry.locator('line').getAttribute('stroke'),
      };
    }),
  );
}

describe('charts saved as SVG and PNG carry their legend', () => {
  let browser: Browser;
  let server: RunningServer;
  let downloads: string;

  beforeAll(async () => {
    const home = tempDir('passage-e2e-charts-');
    downloads = path.join(home, 'downloads');
    fs.mkdirSync(downloads);
    const file = path.join(home, 'charts study.passage');
    const project = await openProject(file, { create: true });
    buildStudy(project.db);
    // Interview dates for the saturation curve (the report fixture records none).
    project.db
      .prepare("UPDATE participants SET interview_date = '2015-03-01' WHERE label = 'Interview 2'")
      .run();
    project.db
      .prepare("UPDATE participants SET interview_date = '2016-05-01' WHERE label = 'Interview 6'")
      .run();
    project.db
      .prepare("UPDATE participants SET interview_date = '2018-02-02' WHERE label = 'Interview 26'")
      .run();
    project.db.prepare("UPDATE codes SET color = '#dc2626' WHERE name = 'Effectiveness'").run();
    closeProject(project);
    server = await startServer({ home: path.join(home, 'config'), project: file });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('counts over time per code: the saved SVG names each code with its colour; the PNG is taller than the plot', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: /Reports/ })
      .click();
    await page.getByRole('tab', { name: 'Counts over time' }).click();
    await page.getByRole('combobox', { name: 'Series' }).selectOption('codes');
    const figure = page.locator('figure.report-chart');
    await figure.getByRole('img', { name: 'Documents per year' }).waitFor();
    await page.getByRole('columnheader', { name: /^Effectiveness/ }).waitFor();
    const svgFile = await save(page, figure, 'Save SVG', downloads);
    const viewer = await viewSaved(browser, svgFile);
    const legend = await legendOf(viewer);
    expect(legend.map((l) => l.name.replace(/ \(N = \d+\)$/, ''))).toEqual([
      'Legitimacy',
      'Effectiveness',
      'Cooperation',
      'Cooperation / Formal',
    ]);
    expect(legend.find((l) => l.name.startsWith('Effectiveness'))?.colour).toBe('#dc2626');
    // Drawn on its own, the legend lies below the plot's axis title and inside the picture.
    const frame = await box(viewer.locator('svg').first());
    const drawn = await box(viewer.locator('[data-legend]'));
    const axisTitle = await box(viewer.getByText(/^Year \(N = /));
    expect(drawn.y).toBeGreaterThan(axisTitle.y + axisTitle.height - 1);
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(frame.y + frame.height);
    await viewer.close();
    const pngFile = await save(page, figure, 'Save PNG', downloads);
    const png = fs.readFileSync(pngFile);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Twice the SVG's size, legend rows included (the plot alone is 320 high).
    const svgHeight = Number(/<svg[^>]* height="(\d+(?:\.\d+)?)"/.exec(fs.readFileSync(svgFile, 'utf8'))![1]);
    expect(svgHeight).toBeGreaterThan(320);
    expect(png.readUInt32BE(20)).toBe(Math.round(svgHeight * 2));
    if (SCREENSHOTS) fs.copyFileSync(pngFile, path.join(SCREENSHOTS, 'timeline-export.png'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the saturation curve saves with its legend and the interview labels', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: /Reports/ })
      .click();
    await page.getByRole('tab', { name: 'Sample' }).click();
    const figure = page.locator('figure.saturation-chart');
    await figure.getByRole('img', { name: /^Saturation curve/ }).waitFor();
    const svgFile = await save(page, figure, 'Save SVG', downloads);
    const viewer = await viewSaved(browser, svgFile);
    expect((await legendOf(viewer)).map((l) => l.name)).toEqual([
      'New codes in the interview',
      'Codes used so far',
    ]);
    const ticks = await viewer.locator('[data-axis="x"] text').allTextContents();
    await viewer.close();
    expect(ticks).toEqual(['Interview 2', 'Interview 6', 'Interview 26']);
    const pngFile = await save(page, figure, 'Save PNG', downloads);
    if (SCREENSHOTS) fs.copyFileSync(pngFile, path.join(SCREENSHOTS, 'saturation-export.png'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('report filters open as checkbox lists over the report, inside the window', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: /Reports/ })
      .click();
    const table = page.getByRole('table', { name: 'Code co-occurrence' });
    await table.waitFor();
    await page.locator('.report[aria-busy="false"]').waitFor();
    const before = await box(table);
    // The report asked for with the filter is held back until it has been measured while computing.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/reports.cooccurrence', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Codes all' }).click();
    const panel = page.getByRole('group', { name: 'Codes' });
    await panel.getByRole('checkbox', { name: 'Formal' }).check();
    await page.getByRole('button', { name: 'Codes Formal' }).waitFor();
    // While it computes, the status line says so in its own place and the old report stays put, dimmed.
    await page.getByRole('status').filter({ hasText: 'Computing the report' }).waitFor();
    await page.locator('.report[aria-busy="true"]').waitFor();
    expect((await box(table)).y).toBe(before.y);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'report-computing.png') });
    release();
    await page.locator('.report[aria-busy="false"]').waitFor();
    // The open list lies over the report instead of pushing it down, and stays inside the window.
    const after = await box(table);
    expect(after.y).toBe(before.y);
    const listBox = await box(panel);
    expect(listBox.x + listBox.width).toBeLessThanOrEqual(1400);
    expect(listBox.y + listBox.height).toBeLessThanOrEqual(900);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'report-filters.png') });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the referral graph saves whole, at full size, with its colour legend', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Sample', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Referral graph' }).click();
    const graph = page.getByRole('region', { name: 'Referral graph' });
    await graph.getByRole('img', { name: 'Referral graph of 4 participants' }).waitFor();
    await graph.getByRole('combobox', { name: 'Colour by' }).selectOption('category');
    const svgFile = await save(page, graph, 'Save SVG', downloads);
    const viewer = await viewSaved(browser, svgFile);
    const legend = await legendOf(viewer);
    expect(legend.map((l) => l.name)).toEqual(['NGO representative', 'Staff', 'no category']);
    const nodes = viewer.locator('.graph-node > rect');
    const fills = await Promise.all((await nodes.all()).map((r) => r.getAttribute('fill')));
    const saved = {
      nodes: fills.length,
      fills: [...new Set(fills)].sort(),
      buttons: await viewer.locator('[role]').count(),
      visible: await nodes.first().isVisible(),
    };
    await viewer.close();
    // Every participant drawn in its category's colour, as the legend says; a picture, not controls.
    expect(saved.nodes).toBe(4);
    expect(saved.fills).toEqual(
      legend
        .slice(0, 2)
        .map((l) => l.colour)
        .sort(),
    );
    expect(saved.buttons).toBe(0);
    // Shown on its own, the saved picture is visible (not hidden as it is in the page it came from).
    expect(saved.visible).toBe(true);
    const pngFile = await save(page, graph, 'Save PNG', downloads);
    if (SCREENSHOTS) fs.copyFileSync(pngFile, path.join(SCREENSHOTS, 'graph-export.png'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
