// Runs Doyensec's electronegativity over the main-process sources (electron/: it parses .ts but not .mjs
// bundles) and the built renderer HTML with its CSP (out/renderer), and fails on any high-severity finding. Its release check needs the internet; offline it says so and goes on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const cli = path.join(
  path.dirname(require.resolve('@doyensec/electronegativity/package.json')),
  'dist',
  'index.js',
);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const folder = mkdtempSync(path.join(os.tmpdir(), 'eneg-'));

function scan(input, name) {
  const report = path.join(folder, `${name}.csv`);
  const run = spawnSync(
    process.execPath,
    [cli, '-i', path.join(root, input), '-e', electronVersion, '-o', report, '-r', '-v', 'false'],
    {
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(1);
  }
  return readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
}

const mainRows = scan('electron', 'main');
// The renderer scan alone cannot see main's navigation limits or permission handler; keep only its page checks.
const pageRows = scan(path.join('out', 'renderer'), 'renderer').filter((r) => r.startsWith('CSP_'));
const rows = [...mainRows, ...pageRows];
const high = rows.filter((r) => /^[A-Z_]+,"HIGH"/.test(r));
console.log(`electronegativity: ${rows.length} findings, ${high.length} high-severity`);
for (const row of rows) console.log(`  ${row.split(',').slice(0, 5).join(' ')}`);
if (high.length > 0) process.exit(1);
