// `npm start`: the desktop app when Electron is there, browser mode (with a one-line reason) when not.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const browserOnly = process.argv.includes('--browser');
const passThrough = process.argv.slice(2).filter((a) => a !== '--browser');

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

if (
  !existsSync(path.join(root, 'out', 'renderer', 'index.html')) ||
  !existsSync(path.join(root, 'out', 'server', 'serve.mjs'))
) {
  await import('./build.mjs');
}

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the binary was never downloaded.
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electron = browserOnly ? null : electronBinary();
if (electron) {
  if (!existsSync(path.join(root, 'out', 'native', 'electron', 'better_sqlite3.node'))) {
    // Electron cannot load Node's build of the SQLite addon; build one for its ABI once.
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'scripts', 'rebuild-electron-native.mjs')], {
        cwd: root,
        stdio: 'inherit',
      });
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error('native rebuild for Electron failed')),
      );
    });
  }
  run(electron, ['.', ...passThrough]);
} else {
  if (!browserOnly)
    console.log(
      'Electron is not available on this machine (its binary could not be downloaded) — starting browser mode instead.',
    );
  run(process.execPath, [path.join(root, 'out', 'server', 'serve.mjs'), ...passThrough]);
}
