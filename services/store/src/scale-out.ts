import { paddedSpellings } from '@vanban/schema';
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

  /** A file's documents and those they cite, by id: what replacing the file may change (a node renamed, left known only from citations) or remove. */
  function reachedFrom(source: string): Array<{ id: string; number: string | null }> {
    return stmt<{ source: string }, { id: string; number: string | null }>(
      staging.db,
      `SELECT id, number FROM documents WHERE source = @source
       UNION SELECT t.id, t.number FROM documents d JOIN mentions m ON m.doc = d.rowid JOIN documents t ON t.rowid = m.target WHERE d.source = @source`,
    ).all({ source });
  }

  /** After replacing a file: those of `former` still stored, and the documents citing the numbers of those gone (a citation they had made ambiguous may resolve now). */
  function leftBehind(former: ReadonlyArray<{ id: string; number: string | null }>): number[] {
    if (!former.length) return [];
    const present = stmt<[string], { rowid: number; id: string }>(staging.db, 'SELECT rowid, id FROM documents WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(former.map((d) => d.id)));
    const kept = new Set(present.map((d) => d.id));
    const goneNumbers = [...new Set(former.flatMap((d) => (!kept.has(d.id) && d.number ? paddedSpellings(d.number) : [])))];
    const citing = stmt<[string], number>(staging.db, 'SELECT DISTINCT doc FROM mentions WHERE number IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(goneNumbers));
    return [...present.map((d) => d.rowid), ...citing];
  }

  return {
    staging,
    ingestFile: async (input) => {
      const former = reachedFrom(input.source);
      const result = staging.ingestFile(input);
      if (result.status === 'stored' || result.status === 'replaced') {
        const rowids = stmt<[string], number>(staging.db, 'SELECT rowid FROM documents WHERE source = ?').pluck().all(input.source);
        const scope = { rowids: [...neighbourhood(rowids), ...leftBehind(former)], formerIds: former.map((d) => d.id) };
        await syncToEngines(staging, engines, { target: options.target, scope });
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
