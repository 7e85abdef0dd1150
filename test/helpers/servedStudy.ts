import type Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { launchChromium, startServer, type RunningServer } from './browser';
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
