// Kept apart from test/reader/e2eHelpers.ts, which the bench imports outside vitest.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { api } from '../reader/e2eHelpers';
import { launchChromium, startServer, type RunningServer } from './browser';
import { tempDir } from './tmp';

export interface EmptyStudy {
  browser: Browser;
  server: RunningServer;
}

/**
 * For one describe block: browser mode serving a new, empty project (made through the API), and
 * Chromium. The fields are filled before the first test runs.
 */
export function emptyStudyInBrowser(prefix: string): EmptyStudy {
  const study = {} as EmptyStudy;
  beforeAll(async () => {
    const home = tempDir(prefix);
    study.server = await startServer({ home: path.join(home, 'config') });
    await api(study.server, 'project.create', { path: path.join(home, 'study.passage') });
    study.browser = await launchChromium();
  });
  afterAll(async () => {
    await study.browser?.close();
    await study.server?.stop();
  });
  return study;
}
