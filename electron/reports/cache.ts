import type Database from 'better-sqlite3';
import { statement } from '../store/statements';

/**
 * Remembers a few recent computations per connection until the project changes. Researchers re-run a
 * report with another unit, percentage or sort far more often than the data changes, and the counts
 * behind those variants are the same. The version is this connection's total_changes() (our own
 * writes) with PRAGMA data_version (commits by other connections, e.g. the CLI on the same file).
 */
const caches = new WeakMap<Database.Database, { version: string; entries: Map<string, unknown> }>();
const LIMIT = 8;

function version(db: Database.Database): string {
  const changes = statement(db, 'SELECT total_changes()').pluck().get() as number;
  const data = db.pragma('data_version', { simple: true }) as number;
  return `${changes}:${data}`;
}

export function remember<T>(db: Database.Database, key: string, compute: () => T): T {
  const now = version(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== now) {
    cache = { version: now, entries: new Map() };
    caches.set(db, cache);
  }
  if (cache.entries.has(key)) {
    const value = cache.entries.get(key) as T;
    // Most recently used last, so the oldest is dropped first.
    cache.entries.delete(key);
    cache.entries.set(key, value);
    return value;
  }
  const value = compute();
  cache.entries.set(key, value);
  if (cache.entries.size > LIMIT) cache.entries.delete(cache.entries.keys().next().value!);
  return value;
}
