import type { GraphStore, SearchIndex } from './ports.js';
import type { GraphEngine, SearchEngine } from './projection.js';
import type { SqliteStore } from './sqlite/store.js';
import { stmt } from './sqlite/statements.js';
import { syncToEngines, type SyncSummary } from './sync.js';

export type ScaleOutStore = GraphStore &
  SearchIndex & {
    readonly staging: SqliteStore;
    /** Copy everything that changed since the last copy into the engines (`vanban sync`). */
    sync(onProgress?: (done: number, total: number, changed: number) => void): Promise<SyncSummary>;
  };

/**
 * The store of a scaled-out deployment, behind the same ports: files are extracted and citations
 * resolved in the embedded SQLite file (the staging store: one implementation of identity and
 * resolution, and the document texts), and every change is copied at once into Neo4j (graph
 * reads: trace, implementations, audit) and Meilisearch (search). Without an engine, its reads
 * stay on SQLite.
 */
export function createScaleOutStore(options: { staging: SqliteStore; graph?: GraphEngine; search?: SearchEngine; target: string }): ScaleOutStore {
  const { staging, graph, search } = options;
  const engines = { graph, search };

  /** After one file: its documents, and every document whose edges touch them (earlier letters that now resolve to them). */
  function neighbourhood(rowids: number[]): number[] {
    if (!rowids.length) return [];
    const ids = JSON.stringify(rowids);
    const around = stmt<[string, string, string], number>(
      staging.db,
      `SELECT src FROM edges WHERE dst IN (SELECT value FROM json_each(?))
       UNION SELECT asserted_by FROM edges WHERE dst IN (SELECT value FROM json_each(?))
       UNION SELECT dst FROM edges WHERE asserted_by IN (SELECT value FROM json_each(?))`,
    )
      .pluck()
      .all(ids, ids, ids);
    return [...new Set([...rowids, ...around])];
  }

  return {
    staging,
    ingestFile: async (input) => {
      const formerIds = staging.documentsFromSource(input.source).map((d) => d.id);
      const result = staging.ingestFile(input);
      if (result.status === 'stored' || result.status === 'replaced') {
        const rowids = stmt<[string], number>(staging.db, 'SELECT rowid FROM documents WHERE source = ?').pluck().all(input.source);
        await syncToEngines(staging, engines, { target: options.target, scope: { rowids: neighbourhood(rowids), formerIds } });
      }
      return result;
    },
    isUnchanged: (source, hash) => staging.isUnchanged(source, hash),
    resolve: async () => {
      const summary = staging.resolve();
      await syncToEngines(staging, engines, { target: options.target });
      return summary;
    },
    getDocument: (id) => (graph ? graph.getDocument(id) : staging.getDocument(id)),
    documentsFromSource: (source) => staging.documentsFromSource(source),
    describe: (id) => staging.describe(id),
    find: (ref, filters) => staging.find(ref, filters),
    lookup: (number, filters) => staging.lookup(number, filters),
    trace: (id, o) => (graph ? graph.trace(id, o) : staging.trace(id, o)),
    implementations: (id, o) => (graph ? graph.implementations(id, o) : staging.implementations(id, o)),
    audit: (id, o) => (graph ? graph.audit(id, o) : staging.audit(id, o)),
    search: (query) => (search ? search.search(query) : staging.search(query)),
    stats: () => staging.stats(),
    revision: () => staging.revision(),
    checkHealth: async () => [
      ...(await staging.checkHealth()),
      ...(graph ? [await graph.checkHealth()] : []),
      ...(search ? [await search.checkHealth()] : []),
    ],
    exportGraph: () => staging.exportGraph(),
    sync: (onProgress) => syncToEngines(staging, engines, { target: options.target, onProgress }),
    close: async () => {
      staging.close();
      await Promise.all([graph?.close(), search?.close()]);
    },
  };
}
