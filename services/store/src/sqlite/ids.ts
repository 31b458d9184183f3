import type { Db } from './open.js';
import { stmt } from './statements.js';

/** `base`, or `base-2`, `base-3`… when another document already has that id. */
export function uniqueId(db: Db, base: string): string {
  const taken = stmt<[string], { one: number }>(db, 'SELECT 1 AS one FROM documents WHERE id = ?');
  let id = base || 'van-ban';
  for (let n = 2; taken.get(id); n++) id = `${base}-${n}`;
  return id;
}
