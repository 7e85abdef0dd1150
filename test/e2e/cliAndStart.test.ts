import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPassage } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('passage CLI (built bundle)', () => {
  it('creates a project and prints its schema version as JSON', () => {
    const file = path.join(tempDir(), 'x.passage');
    const created = runPassage(['new', file]);
    expect(created.status).toBe(0);
    expect(created.stdout).toContain(`created ${file}`);
    const info = runPassage(['info', file, '--json']);
    expect(info.status).toBe(0);
    const parsed = info.json<{ path: string; schemaVersion: number; counts: { documents: number } }>();
    expect(parsed.path).toBe(file);
    expect(parsed.schemaVersion).toBeGreaterThanOrEqual(10);
    expect(parsed.counts.documents).toBe(0);
  });

  it('exits non-zero with a clear message on errors', () => {
    const dir = tempDir();
    const missing = runPassage(['info', path.join(dir, 'nope.passage')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('passage: open: nope.passage does not exist');
    const notProject = path.join(dir, 'notes.passage');
    fs.writeFileSync(notProject, 'hello');
    const bad = runPassage(['info', notProject, '--json']);
    expect(bad.status).toBe(1);
    expect(bad.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'open: notes.passage is not a Passage project (not a SQLite file)',
      },
    });
    expect(runPassage(['frobnicate']).status).toBe(2);
    expect(runPassage(['new']).stderr).toContain('missing project FILE');
  });
});

describe('npm start without an Electron binary', () => {
  it('says so in one line and serves the UI in browser mode', async () => {
    const home = tempDir();
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PASSAGE_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${text}`)), 30_000);
        child.stdout.on('data', (d: Buffer) => {
          text += d.toString();
          if (/running at http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.test(text)) {
            clearTimeout(timer);
            resolve(text);
          }
        });
      });
      const lines = output.trim().split('\n');
      expect(lines[0]).toMatch(
        /^Electron is not available on this machine .* starting browser mode instead\.$/,
      );
      const url = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)![1]!;
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Passage</title>');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
