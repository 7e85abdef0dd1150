// A page elsewhere must not show browser mode inside a frame (clickjacking: an invisible Passage over a
// decoy button). The server says so on every answer; this checks that Chromium obeys it, and that the
// app itself still loads and runs under the headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

describe('browser mode and frames', () => {
  let browser: Browser;
  let server: RunningServer;
  let attacker: http.Server;
  let attackerUrl = '';

  beforeAll(async () => {
    const home = tempDir('passage-e2e-');
    server = await startServer({ home: path.join(home, 'config') });
    browser = await launchChromium();
    // Another origin (another port) that frames the app.
    attacker = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><iframe id="app" src="${server.url}" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it('refuses to be shown in another page’s frame, and still runs on its own', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    const answered = page.waitForResponse((r) => r.url().startsWith(server.origin));
    await page.goto(attackerUrl);
    const response = await answered;
    expect(response.headers()['x-frame-options']).toBe('DENY');
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // The frame never gets the app's document (Chromium shows its own error page in it instead).
    const frame = await (await page.waitForSelector('#app')).contentFrame();
    expect(frame).not.toBeNull();
    await frame!.waitForLoadState('load');
    expect(await frame!.locator('#root').count()).toBe(0);

    await page.goto(server.url);
    await expect.poll(() => page.getByRole('button').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
