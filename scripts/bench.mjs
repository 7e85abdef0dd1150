// `npm run bench`: bundles bench/run.ts like the backend (out/bench/run.mjs, two levels below the root
// so the app root and migrations resolve as in the app) and runs it in this process.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

await build({
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __PASSAGE_VERSION__: JSON.stringify(pkg.version) },
  format: 'esm',
  entryPoints: { 'bench/run': 'bench/run.ts' },
  outdir: 'out',
  outExtension: { '.js': '.mjs' },
});
await import(pathToFileURL(path.join(root, 'out', 'bench', 'run.mjs')).href);
