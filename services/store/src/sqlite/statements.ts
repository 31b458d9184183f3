import type Database from 'better-sqlite3';
import type { Db } from './open.js';

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per connection (hot paths run them per file and per mention).
 * Shared, so it comes back in its default mode: a caller's `.pluck()` or `.raw()` must not change
 * what the next caller of the same SQL receives.
 */
export function stmt<P extends unknown[] | {} = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  let byDb = cache.get(db);
  if (!byDb) cache.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql)));
  else if (s.reader) s.raw(false).pluck(false);
  return s as unknown as Database.Statement<P, R>;
}

/** PRAGMA data_version through a prepared statement: db.pragma() prepares one on every call (~10 µs). */
export function dataVersion(db: Db): number {
  return stmt<[], number>(db, 'PRAGMA data_version').pluck().get()!;
}
