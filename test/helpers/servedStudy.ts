import type Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { segmentRanges } from '../reader/bigTranscript';
import { api } from '../reader/e2eHelpers';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from './browser';
import { tempDir } from './tmp';

/** What an e2e file works with; the fields are set once its beforeAll has run. */
export interface ServedStudy {
  browser: Browser;
  server: RunningServer;
  /** The temp folder holding the project, its config home and anything the test writes. */
  dir: string;
  file: string;
}

/**
 * The setup most e2e files share: a real project in a temp folder, filled through the API or plain
 * SQL before the server opens it, then served in browser mode with Chromium — and both stopped after.
 */
export function serveStudy(options: {
  prefix: string;
  fileName?: string;
  coder?: string;
  // Whatever it returns is awaited and dropped.
  fill(session: Session, db: Database.Database): unknown;
}): ServedStudy {
  const study = {} as ServedStudy;
  beforeAll(async () => {
    study.dir = tempDir(options.prefix);
    const home = path.join(study.dir, 'config');
    process.env.PASSAGE_HOME = home;
    study.file = path.join(study.dir, options.fileName ?? 'study.passage');
    const session = new Session('cli', { coder: options.coder ?? 'ana' });
    try {
      await invoke(session, 'project.create', { path: study.file });
      await options.fill(session, session.requireProject().db);
    } finally {
      session.close();
    }
    study.server = await startServer({ home, project: study.file });
    study.browser = await launchChromium();
  });
  afterAll(async () => {
    await study.browser?.close();
    await study.server?.stop();
  });
  return study;
}

/** Opens one of the app's areas (Export, Reports, Sample, …) from its navigation. */
export async function openArea(page: Page, name: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('button', typeof name === 'string' ? { name, exact: true } : { name })
    .click();
}

/** A new page on the served app (at `viewport`, else Chromium's default size), its uncaught errors kept. */
export async function openApp(
  study: { browser: Browser; server: RunningServer },
  viewport?: { width: number; height: number },
): Promise<{ page: Page; errors: string[] }> {
  const page = await study.browser.newPage(viewport ? { viewport } : {});
  const errors = watchPageErrors(page);
  await page.goto(study.server.url);
  return { page, errors };
}

/**
 * Codes a long text densely through the API, as a researcher's dense transcript: 300 segments, three
 * codes (`${prefix}0` to `${prefix}2`, red, green, blue) taking turns.
 */
export async function codeDensely(
  server: RunningServer,
  documentId: number,
  text: string,
  prefix: string,
): Promise<void> {
  const codes = await Promise.all(
    ['#e03131', '#2f9e44', '#1971c2'].map((color, i) =>
      api(server, 'codes.create', { name: `${prefix}${i}`, color }),
    ),
  );
  for (const [i, r] of segmentRanges(text, 300).entries())
    await api(server, 'segments.apply', {
      documentId,
      codeId: codes[i % codes.length]!.id,
      startUtf16: r.start,
      endUtf16: r.end,
    });
}

/** Opens a document from the Documents list in the reader and waits for its first stripe. */
export async function openCodedDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('tabpanel', { name: 'Documents' }).getByText(title, { exact: true }).click();
  await page.locator('.reader-stripe').first().waitFor();
}
