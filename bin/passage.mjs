#!/usr/bin/env node
// The CLI is bundled by `npm run build` (run on install by `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/cli/passage.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('passage: not built yet — run `npm run build` first\n');
  process.exit(1);
}
await import(cli);
