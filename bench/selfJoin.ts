// The naive co-occurrence every tool starts with: a SQL self-join of segments. It can take many seconds
// on 100,000 segments and better-sqlite3 cannot interrupt a statement (nor can a worker's terminate),
// so it runs in a child process that is killed at the time limit.
import { spawn } from 'node:child_process';

const CHILD = `
const Database = require('better-sqlite3');
const [file, sql] = process.argv.slice(1);
const db = new Database(file, { readonly: true });
const start = performance.now();
const rows = db.prepare(sql).all();
process.stdout.write(JSON.stringify({ ms: performance.now() - start, rows: rows.length }));
db.close();
`;

export type SelfJoinResult = { ms: number; rows: number } | { timedOut: number };

export function runSelfJoin(file: string, sql: string, timeoutMs: number): Promise<SelfJoinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD, file, sql], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out) as { ms: number; rows: number });
      else if (code === null) resolve({ timedOut: timeoutMs });
      else reject(new Error(`self-join failed: ${err.slice(0, 500)}`));
    });
  });
}
