// Builds better-sqlite3 for Electron's ABI into out/native/electron/, leaving node_modules' Node build
// alone: tests, the CLI and browser mode keep using Node's, and electron/main.ts passes this one to
// better-sqlite3 as `nativeBinding`. Needs Electron's headers (downloaded by node-gyp from electronjs.org).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = path.join(mkdtempSync(path.join(os.tmpdir(), 'passage-native-')), 'better-sqlite3');
cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });

const nodeGyp = path.join(path.dirname(require.resolve('node-gyp/package.json')), 'bin', 'node-gyp.js');
console.log(`building better-sqlite3 for Electron ${electronVersion}…`);
const run = spawnSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
  ],
  { cwd: work, stdio: 'inherit' },
);
if (run.status !== 0) {
  console.error('could not build better-sqlite3 for Electron (are Electron headers reachable?)');
  process.exit(1);
}
const target = path.join(root, 'out', 'native', 'electron');
mkdirSync(target, { recursive: true });
copyFileSync(
  path.join(work, 'build', 'Release', 'better_sqlite3.node'),
  path.join(target, 'better_sqlite3.node'),
);
console.log(`wrote ${path.relative(root, target)}/better_sqlite3.node`);
