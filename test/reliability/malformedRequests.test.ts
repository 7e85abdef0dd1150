// Browser mode listens on 127.0.0.1, where any web page the researcher opens can reach it (an <img src>
// needs no token). A corpus of malformed requests goes to a real server process over raw sockets, so
// nothing normalises them on the way: every one must get an answer (or a closed connection when the
// client itself hangs up), and the server must still serve the project afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { meets, post, PROBES } from './malformedProbes';
import { send as sendRaw, type RawRequest } from './rawHttp';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
// Two levels below the root, like the app's bundles, so it finds migrations/ the same way.
const SERVER = path.join(ROOT, 'out', 'reliability', 'malformedServe.mjs');
const TOKEN = 'malformed-requests-test-token-0123456789';

let child: ChildProcess;
let port = 0;
let stderr = '';
let home = '';

async function startServer(): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['electron/server/serve.ts'],
    outfile: SERVER,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    define: { __PASSAGE_VERSION__: '"test"' },
  });
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-malformed-'));
  process.env.PASSAGE_HOME = path.join(home, 'home');
  const file = path.join(home, 'study.passage');
  const session = new Session('cli', { coder: 'tester' });
  await invoke(session, 'project.create', { path: file });
  session.close();

  child = spawn(process.execPath, [SERVER, file, '--port', '0', '--token', TOKEN], {
    cwd: ROOT,
    env: { ...process.env, PASSAGE_HOME: path.join(home, 'home') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

const send = (request: RawRequest) => sendRaw({ port, token: TOKEN }, request);

beforeAll(startServer);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

describe('browser mode under malformed requests', () => {
  it(`answers each of ${PROBES.length} malformed requests and keeps serving`, async () => {
    expect(PROBES.length).toBeGreaterThanOrEqual(60);
    const wrong: string[] = [];
    const unframed: string[] = [];
    for (const probe of PROBES) {
      const answer = await send(probe);
      if (!meets(probe.expect, answer))
        wrong.push(
          `${probe.name}: got ${answer.status ?? 'no answer'} ${answer.body.slice(0, 120)} ${JSON.stringify(answer.headers)}`,
        );
      // Every answer forbids framing, so no page can overlay the app to trick a click.
      if (
        answer.status !== null &&
        (answer.headers['x-frame-options'] !== 'DENY' ||
          !/frame-ancestors 'none'/.test(answer.headers['content-security-policy'] ?? ''))
      )
        unframed.push(`${probe.name} (${answer.status})`);
      if (child.exitCode !== null) break;
    }
    expect(child.exitCode, `the server stopped: ${stderr}`).toBeNull();
    expect(wrong).toEqual([]);
    expect(unframed).toEqual([]);

    // Still serving the project: a normal call writes and reads back.
    const created = await send({ raw: post('codes.create', '{"name":"Legitimacy"}') });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Legitimacy' } });
    const listed = await send({ raw: post('codes.list', '{}') });
    expect((JSON.parse(listed.body) as { value: { name: string }[] }).value.map((c) => c.name)).toContain(
      'Legitimacy',
    );
    expect(child.exitCode).toBeNull();
    expect(stderr).not.toMatch(/Unhandled|TypeError|URIError|RangeError|ERR_/);
  });
});
