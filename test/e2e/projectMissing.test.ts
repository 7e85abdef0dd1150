import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { runPassage } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { api, importTexts } from '../reader/e2eHelpers';

describe('project file deleted while open, in the browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let home: string;
  let file: string;

  beforeAll(async () => {
    home = tempDir('passage-e2e-missing-');
    file = path.join(home, 'study.passage');
    expect(runPassage(['new', file]).status).toBe(0);
    server = await startServer({ home: path.join(home, 'config'), project: file });
    await importTexts(server, [
      { name: 'interview-1.txt', text: 'We trusted the council until the flood came.' },
    ]);
    await api(server, 'codes.create', { name: 'Trust' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses the next edit, keeps a banner up, and saves everything to a copy that Passage goes on with', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('button', { name: 'Codebook', exact: true })
      .click();
    await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: 'Trust' }).waitFor();
    expect(await page.getByRole('alert', { name: 'Project file problem' }).count()).toBe(0);

    fs.rmSync(file);
    await page.getByRole('tab', { name: 'Code groups' }).click();
    await page.getByRole('textbox', { name: 'Code group name' }).fill('Institutions');
    await page.getByRole('button', { name: 'Add group' }).click();

    const banner = page.getByRole('alert', { name: 'Project file problem' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('study.passage was moved or deleted while open');
    // The edit was refused, not silently kept in a file that no longer exists.
    expect(await page.getByRole('region', { name: 'Code groups' }).getByRole('listitem').count()).toBe(0);

    await banner.getByRole('button', { name: 'Save a copy…' }).click();
    const copy = path.join(home, 'rescued.passage');
    await banner.getByRole('textbox', { name: 'New project file' }).fill(copy);
    await banner.getByRole('button', { name: 'Save copy' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Areas' }).getByText('rescued', { exact: true }).waitFor();

    // Passage now writes to the copy: the edit made again lands there.
    await page.getByRole('textbox', { name: 'Code group name' }).fill('Institutions');
    await page.getByRole('button', { name: 'Add group' }).click();
    await page
      .getByRole('region', { name: 'Code groups' })
      .getByRole('listitem', { name: 'Group Institutions' })
      .waitFor();
    expect(await page.getByRole('alert', { name: 'Project file problem' }).count()).toBe(0);
    await page.close();
    await server.stop();

    const info = runPassage(['info', copy, '--json']);
    expect(info.status).toBe(0);
    expect(info.json()).toMatchObject({ counts: { documents: 1, codes: 1, codeGroups: 1 } });
    expect(errors).toEqual([]);
  });
});

/** Overwrites the header of one leaf page of the segments table in the middle; returns its row count. */
function damageSegmentsPage(file: string): number {
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = db
    .prepare("SELECT pageno, ncell FROM dbstat WHERE name = 'segments' AND pagetype = 'leaf' ORDER BY pageno")
    .all() as { pageno: number; ncell: number }[];
  db.close();
  expect(leaves.length).toBeGreaterThan(2);
  const victim = leaves[Math.floor(leaves.length / 2)]!;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (victim.pageno - 1) * pageSize);
  fs.closeSync(fd);
  return victim.ncell;
}

describe('a damaged project, in the browser', () => {
  const SEGMENTS = 200;
  let browser: Browser;
  let server: RunningServer;
  let home: string;
  let lost: number;

  beforeAll(async () => {
    home = tempDir('passage-e2e-damaged-');
    const file = path.join(home, 'study.passage');
    expect(runPassage(['new', file]).status).toBe(0);
    const first = await startServer({ home: path.join(home, 'config'), project: file });
    const [documentId] = await importTexts(first, [
      { name: 'interview-1.txt', text: 'word '.repeat(SEGMENTS * 3) },
    ]);
    const code = await api(first, 'codes.create', { name: 'Trust' });
    for (let i = 0; i < SEGMENTS; i++)
      await api(first, 'segments.apply', {
        documentId: documentId!,
        codeId: code.id,
        startUtf16: i * 15,
        endUtf16: i * 15 + 4,
      });
    await first.stop();
    lost = damageSegmentsPage(file);
    server = await startServer({ home: path.join(home, 'config'), project: file });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says so at once and recovers the readable rows into a new file that Passage goes on with', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    const banner = page.getByRole('alert', { name: 'Project file problem' });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(
      /study\.passage is damaged \(.+\)\. Passage will not write to it\./,
    );

    await banner.getByRole('button', { name: 'Recover into a new file…' }).click();
    const target = path.join(home, 'recovered.passage');
    await banner.getByRole('textbox', { name: 'New project file' }).fill(target);
    await banner.getByRole('button', { name: 'Recover' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByText(`; ${lost} lost — Passage now works on it`, { exact: false }).waitFor();
    await page.getByRole('navigation', { name: 'Areas' }).getByText('recovered', { exact: true }).waitFor();
    await page.close();
    await server.stop();

    const info = runPassage(['project', target, 'check']);
    expect(info.stderr).toBe('');
    expect(info.status).toBe(0);
    const counts = runPassage(['info', target, '--json']).json<{ counts: Record<string, number> }>().counts;
    expect(counts).toMatchObject({ documents: 1, codes: 1, segments: SEGMENTS - lost });
    expect(errors).toEqual([]);
  });
});
