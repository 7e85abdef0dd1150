// Each step of opening a project, timed on a copy: node scripts/benchPart.mjs bench/openSteps.ts FILE.
// The calls are those the app makes for its first screen, in its order; the whole-file damage check
// (PRAGMA quick_check) is timed alone as the baseline an open used to wait for.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../electron/backend/dispatch';
import { Session } from '../electron/backend/session';

const file = process.argv.find((a) => a.endsWith('.passage'));
if (!file || !fs.existsSync(file)) {
  console.error(
    'usage: node scripts/benchPart.mjs bench/openSteps.ts FILE.passage (a copy: it is opened to write)',
  );
  process.exit(2);
}

const timings: [string, number][] = [];
async function timed<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const value = await work();
  timings.push([name, performance.now() - start]);
  return value;
}

const session = new Session('http', { coder: 'bench' });
process.env.PASSAGE_HOME ??= path.join(path.dirname(file), 'home');
const opened = performance.now();
for (const [name, args] of [
  ['project.open', { path: file }],
  ['project.info', {}],
  ['documents.list', {}],
  ['codes.list', {}],
  ['coders.list', {}],
  ['project.health', {}],
] as const) {
  const result = await timed(name, () => dispatch(session, name, args));
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  if (name === 'codes.list') timings.push(['open to first lists', performance.now() - opened]);
}
// The app's health call answers at once; the verdict is what a write made now would wait for.
await session.requireProject().guard.checked();
timings.push(['open to the damage verdict', performance.now() - opened]);
session.close();

if (!process.argv.includes('--no-quick-check')) {
  const db = new Database(file, { readonly: true });
  await timed('PRAGMA quick_check (whole file, alone)', () => db.pragma('quick_check(20)'));
  db.close();
}

const size = fs.statSync(file).size / 1024 / 1024;
console.log(`${path.basename(file)} (${size.toFixed(0)} MB)`);
for (const [name, ms] of timings) console.log(`${name.padEnd(40)} ${ms.toFixed(1).padStart(8)} ms`);
