// Runs one part of the bench alone: bundles the given entry (e.g. test/team/figures/teamFigures.ts) as
// `npm run bench` bundles bench/run.ts — two folders below the root, so the migrations resolve as in the
// app — and runs it. Usage: node scripts/benchPart.mjs test/team/figures/teamFigures.ts
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/benchPart.mjs ENTRY.ts');
  process.exit(2);
}
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const name = path.basename(entry).replace(/\.ts$/, '');
await build({
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  format: 'esm',
  entryPoints: { [`bench/${name}`]: entry },
  outdir: 'out',
  outExtension: { '.js': '.mjs' },
});
await import(pathToFileURL(path.join(root, 'out', 'bench', `${name}.mjs`)).href);
