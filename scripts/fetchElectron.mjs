// postinstall: fetch Electron's binary where the network allows. package.json's allowScripts denies
// electron's own install script, because a failed download there fails the whole `npm install`; here a
// failure costs one line, and `npm start` falls back to browser mode. ELECTRON_SKIP_BINARY_DOWNLOAD=1
// (CI, offline machines) skips the attempt.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronInstaller() {
  try {
    return path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return null; // installed with --omit=dev: no desktop app to fetch
  }
}

const installer = electronInstaller();
const skip = ['1', 'true'].includes((process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '').toLowerCase());
if (installer && existsSync(installer) && !skip) {
  const run = spawnSync(process.execPath, [installer], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (run.status !== 0) {
    const reason = (run.stderr ?? '').split('\n').find((l) => /error/i.test(l)) ?? 'download failed';
    console.log(
      `Electron could not be downloaded (${reason.trim()}): the desktop app is unavailable on this machine; npm start opens browser mode instead.`,
    );
  }
}
