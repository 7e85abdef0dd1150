import path from 'node:path';
import http from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, watchPageErrors, type RunningServer } from '../helpers/browser';
import { tempDir } from '../helpers/tmp';

function rawRequest(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(options.body ?? '{}');
  });
}

describe('browser mode', () => {
  let browser: Browser;
  let server: RunningServer;
  let home: string;

  beforeAll(async () => {
    home = tempDir('passage-e2e-');
    server = await startServer({ home: path.join(home, 'config') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a project, shows its empty Documents area, and keeps it across a reload', async () => {
    const page = await browser.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Passage' }).waitFor();
    const file = path.join(home, 'nato study.passage');
    const field = page.getByRole('form', { name: 'New project' }).getByRole('textbox');
    await field.fill(file);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Areas' }).textContent()).toContain('nato study');
    expect(page.url()).not.toContain('token=');

    await page.reload();
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    expect(await page.locator('.project-name').textContent()).toBe('nato study');

    await page.getByRole('button', { name: 'Close project' }).click();
    const recent = page.getByRole('region', { name: 'Recent projects' });
    await recent.getByText('nato study', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a clear error for a file that is not a project', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('form', { name: 'Open project' }).getByRole('textbox').fill('/etc/hostname');
    await page.getByRole('button', { name: 'Open project' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/hostname is not a Passage project/);
    await page.close();
  });

  it('refuses API requests without the token, with a foreign Host or from another origin', async () => {
    const port = Number(new URL(server.origin).port);
    const json = { 'content-type': 'application/json' };
    const good = { ...json, 'x-passage-token': server.token };
    expect(await rawRequest(port, { path: '/api/app.version', headers: good })).toBe(200);
    expect(await rawRequest(port, { path: '/api/app.version', headers: json })).toBe(401);
    expect(
      await rawRequest(port, {
        path: '/api/app.version',
        headers: { ...json, 'x-passage-token': 'x'.repeat(32) },
      }),
    ).toBe(401);
    expect(
      await rawRequest(port, { path: '/api/app.version', headers: { ...good, host: 'evil.example:80' } }),
    ).toBe(403);
    expect(
      await rawRequest(port, {
        path: '/api/app.version',
        headers: { ...good, host: `attacker.test:${port}` },
      }),
    ).toBe(403);
    expect(
      await rawRequest(port, {
        path: '/api/app.version',
        headers: { ...good, origin: 'http://evil.example' },
      }),
    ).toBe(403);
    expect(await rawRequest(port, { path: '/', method: 'GET', headers: { host: 'evil.example' } })).toBe(403);
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
    const os = await import('node:os');
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!external) return; // no non-loopback interface on this machine: nothing else to reach
    const port = Number(new URL(server.origin).port);
    const reached = await new Promise<boolean>((resolve) => {
      const req = http.request(
        { host: external.address, port, path: '/', method: 'GET', timeout: 2000 },
        () => resolve(true),
      );
      req.on('error', () => resolve(false));
      req.on('timeout', () => {
        req.destroy();
        resolve(false);
      });
      req.end();
    });
    expect(reached).toBe(false);
  });
});
