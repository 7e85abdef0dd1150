// Builds the backend bundles (esbuild) and the renderer (vite) into out/.
// Bundles sit two levels below the root (out/<area>/x.mjs), like the sources, so paths resolve alike.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildRankExtension } from './buildNative.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const onlyBackend = process.argv.includes('--backend');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __PASSAGE_VERSION__: JSON.stringify(pkg.version) },
};

await Promise.all([
  build({
    ...common,
    format: 'esm',
    entryPoints: { 'electron/main': 'electron/main.ts' },
    outdir: 'out',
    outExtension: { '.js': '.mjs' },
  }),
  // Sandboxed preloads must be CommonJS.
  build({
    ...common,
    format: 'cjs',
    entryPoints: { 'electron/preload': 'electron/preload.ts' },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    format: 'esm',
    entryPoints: { 'server/serve': 'electron/server/serve.ts', 'cli/passage': 'electron/cli/passage.ts' },
    outdir: 'out',
    outExtension: { '.js': '.mjs' },
  }),
  // The import's worker thread: self-contained (its few packages bundled in) and CommonJS, because it
  // is started from its source text (see electron/import/preparePool.ts).
  build({
    ...common,
    packages: 'bundle',
    format: 'cjs',
    entryPoints: { 'import/prepareWorker': 'electron/import/prepareWorker.ts' },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
  }),
]);

const rankProblem = buildRankExtension(root);
if (rankProblem)
  console.warn(`search ranking extension not built (${rankProblem}); searches rank with bm25()`);

if (!onlyBackend) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
console.log('built out/');
