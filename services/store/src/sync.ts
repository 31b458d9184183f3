import type { GraphEngine, SearchEngine } from './projection.js';
import { StoreError } from './ports.js';
import { projectDocuments } from './sqlite/projection.js';
import type { SqliteStore } from './sqlite/store.js';
import { stmt } from './sqlite/statements.js';

export interface Engines {
  graph?: GraphEngine;
  search?: SearchEngine;
}

export interface SyncSummary {
  documents: number;
  /** documents copied because they were new or changed since the last sync */
  changed: number;
  removed: number;
}

export interface SyncOptions {
  /** Which engines these are (their URLs): a different target starts the copy afresh. */
  target: string;
  batchSize?: number;
  /** Only these documents (by rowid) and these former ids: the scope of one ingested file. */
  scope?: { rowids: readonly number[]; formerIds: readonly string[] };
  onProgress?: (done: number, total: number, changed: number) => void;
}

/**
 * Copy the embedded database into the engines: every document whose projection (fields, text,
 * cited numbers, the edges it asserts) changed since the last copy to this target, in batches,
 * then remove what is gone. Idempotent (unchanged documents are skipped by hash) and resumable
 * (each batch is recorded once both engines took it, so an interrupted run continues where it
 * stopped). The graph receives documents before the edges between them.
 */
export async function syncToEngines(store: SqliteStore, engines: Engines, options: SyncOptions): Promise<SyncSummary> {
  const { db } = store;
  if (!engines.graph && !engines.search) return { documents: 0, changed: 0, removed: 0 };
  const batchSize = options.batchSize ?? 500;
  const previousTarget = stmt<[], string>(db, "SELECT value FROM meta WHERE key = 'engine_sync_target'").pluck().get();
  if (previousTarget !== options.target) {
    db.transaction(() => {
      db.prepare('DELETE FROM engine_sync').run();
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('engine_sync_target', ?)").run(options.target);
    })();
  }
  await engines.graph?.ensureSchema();
  await engines.search?.ensureSettings();

  const rowids = options.scope
    ? [...new Set(options.scope.rowids)].sort((a, b) => a - b)
    : stmt<[], number>(db, 'SELECT rowid FROM documents ORDER BY rowid').pluck().all();
  const known = stmt<[string], { id: string; hash: string }>(db, 'SELECT id, hash FROM engine_sync WHERE id IN (SELECT value FROM json_each(?))');
  const record = stmt<[string, string]>(db, 'INSERT OR REPLACE INTO engine_sync (id, hash) VALUES (?, ?)');
  let changed = 0;
  for (let at = 0; at < rowids.length; at += batchSize) {
    const batch = projectDocuments(db, rowids.slice(at, at + batchSize));
    const before = new Map(known.all(JSON.stringify(batch.documents.map((d) => d.id))).map((r) => [r.id, r.hash]));
    const fresh = batch.documents.filter((d) => before.get(d.id) !== batch.hashes.get(d.id));
    if (fresh.length) {
      const ids = new Set(fresh.map((d) => d.id));
      try {
        if (engines.graph) {
          await engines.graph.upsertDocuments([...fresh, ...batch.ends]);
          await engines.graph.replaceEdgesAssertedBy([...ids], batch.edges.filter((e) => ids.has(e.assertedBy)));
        }
        await engines.search?.upsertDocuments(fresh);
      } catch (cause) {
        throw new StoreError(`sync stopped at documents ${fresh[0].id} … ${fresh[fresh.length - 1].id} (${at + 1}-${at + batch.documents.length} of ${rowids.length}); run it again to continue: ${(cause as Error).message}`, { cause });
      }
      db.transaction(() => {
        for (const d of fresh) record.run(d.id, batch.hashes.get(d.id)!);
      })();
      changed += fresh.length;
    }
    options.onProgress?.(Math.min(rowids.length, at + batchSize), rowids.length, changed);
  }

  // what the engines hold and the database no longer does
  const gone = options.scope
    ? stmt<[string], string>(db, 'SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM documents)').pluck().all(JSON.stringify(options.scope.formerIds))
    : stmt<[], string>(db, 'SELECT id FROM engine_sync WHERE id NOT IN (SELECT id FROM documents)').pluck().all();
  for (let at = 0; at < gone.length; at += batchSize) {
    const ids = gone.slice(at, at + batchSize);
    await engines.graph?.removeDocuments(ids);
    await engines.search?.removeDocuments(ids);
    stmt(db, 'DELETE FROM engine_sync WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
  }
  return { documents: rowids.length, changed, removed: gone.length };
}
