// Compiles electron/store/native/passage_rank.c (search ranking, see that file) into a SQLite loadable
// extension in out/native/, against the SQLite headers better-sqlite3 builds with, so both agree on the
// version. Without a C compiler (or on Windows, not yet built there) Passage still works: searches then
// rank with FTS5's own bm25(), the same order, a few milliseconds slower on a large corpus.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The extension's file name on this platform (electron/store/ranking.ts loads the same name). */
function rankExtensionFile(root) {
  const suffix = process.platform === 'darwin' ? 'dylib' : process.platform === 'win32' ? 'dll' : 'so';
  return path.join(root, 'out', 'native', `passage_rank.${suffix}`);
}

/**
 * Builds the extension unless the one in out/ was built from this very source (compared by hash, not
 * date: a checkout can make a source older than its build). Returns a one-line reason when it cannot
 * build.
 */
export function buildRankExtension(root) {
  const source = path.join(root, 'electron', 'store', 'native', 'passage_rank.c');
  const target = rankExtensionFile(root);
  const stamp = `${target}.sha256`;
  const headers = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
  // The source and the SQLite it is built against (a better-sqlite3 update brings new headers).
  const hash = createHash('sha256')
    .update(readFileSync(source))
    .update(readFileSync(path.join(headers, 'sqlite3ext.h')))
    .update(process.platform)
    .digest('hex');
  if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return null;
  if (process.platform === 'win32') return 'no Windows build of the ranking extension yet';
  mkdirSync(path.dirname(target), { recursive: true });
  const link = process.platform === 'darwin' ? ['-dynamiclib'] : ['-shared'];
  // Written beside and renamed over: a server still running the old build keeps its mapped copy intact.
  const fresh = `${target}.${process.pid}.tmp`;
  const compile = spawnSync(
    process.env.CC || 'cc',
    ['-O2', '-fPIC', ...link, '-I', headers, source, '-o', fresh, '-lm'],
    { encoding: 'utf8' },
  );
  if (compile.error || compile.status !== 0) {
    rmSync(fresh, { force: true });
    if (compile.error) return `no C compiler (${compile.error.message})`;
    return `the C compiler failed: ${compile.stderr.trim().split('\n')[0]}`;
  }
  renameSync(fresh, target);
  writeFileSync(stamp, hash);
  return null;
}
