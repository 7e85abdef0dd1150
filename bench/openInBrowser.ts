// Opening a project in browser mode, step by step, on a copy:
//   node scripts/benchPart.mjs bench/openInBrowser.ts FILE.passage
// Times the server's start with the project (node, the bundle, project.open) and then the page from
// navigation to the first document title painted in the list, with each backend call the page made
// before it (as Chromium saw them: sent to answered).
import path from 'node:path';
import Database from 'better-sqlite3';
import { launchChromium, startServer } from '../test/helpers/browser';

const file = process.argv.find((a) => a.endsWith('.passage'));
if (!file) throw new Error('usage: node scripts/benchPart.mjs bench/openInBrowser.ts FILE.passage');
const first = (() => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT title FROM documents ORDER BY title COLLATE NOCASE, id LIMIT 1').pluck().get();
  } finally {
    db.close();
  }
})() as string;

const browser = await launchChromium();
const spawned = performance.now();
const server = await startServer({ home: path.join(path.dirname(file), 'browser-home'), project: file });
const serverReady = performance.now() - spawned;
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const calls: string[] = [];
let navigated = 0;
page.on('requestfinished', (request) => {
  const url = new URL(request.url());
  if (!url.pathname.startsWith('/api')) return;
  const timing = request.timing();
  const sentAt = timing.startTime - navigated;
  const call = url.pathname.replace(/^\/api\/?/, '') || (request.postDataJSON() as { name?: string })?.name;
  calls.push(
    `  ${String(call).padEnd(28)} sent at ${sentAt.toFixed(0).padStart(6)} ms, answered in ${timing.responseEnd.toFixed(0)} ms`,
  );
});
const start = performance.now();
navigated = Date.now();
await page.goto(server.url);
await page.getByText(first, { exact: true }).first().waitFor({ timeout: 120_000 });
const listed = performance.now() - start;
console.log(`${path.basename(file)}: server started with the project in ${serverReady.toFixed(0)} ms`);
console.log(`page: navigation to "${first}" listed in ${listed.toFixed(0)} ms`);
console.log(`spawn to listed: ${(serverReady + listed).toFixed(0)} ms`);
console.log(calls.join('\n'));
await browser.close();
await server.stop();
