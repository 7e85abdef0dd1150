// Bundles refiFigures.ts as `npm run bench` bundles the bench (two folders below the root, so the
// migrations resolve as in the app) and runs it.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
await build({
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  format: 'esm',
  entryPoints: { 'bench/refiFigures': 'test/exchange/figures/refiFigures.ts' },
  outdir: 'out',
  outExtension: { '.js': '.mjs' },
});
await import(pathToFileURL(path.join(root, 'out', 'bench', 'refiFigures.mjs')).href);
