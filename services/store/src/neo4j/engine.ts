import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { RelationType } from '@vanban/schema';
import { StoreError, type BackendHealth, type ImplementationLevel, type StoredDocument, type TraceResult } from '../ports.js';
import type { GraphEngine, ProjectedEdge } from '../projection.js';
import { assembleTrace, LEVEL_ROW_LIMIT, walkImplementations, type IncomingEdge, type RawEdge, type WalkedDocument } from './assemble.js';
import { auditResult, groupAudit, shownIds, type AuditCandidate } from '../audit-groups.js';
import * as cypher from './cypher.js';
import { toStoreError } from './errors.js';
import { toDocument, toDocumentRow, toNumber } from './rows.js';

export interface Neo4jGraphEngineOptions {
  url: string;
  user: string;
  password: string;
  /** The database every session uses (default 'neo4j', which spares the driver a home-database lookup per session). */
  database?: string;
  /** Server-side transaction timeout for every query (default 30 s). */
  queryTimeoutMs?: number;
  /** A driver to use instead of one built from url/user/password (tests); the engine closes it. */
  driver?: Driver;
}

/** Rows per UNWIND batch: one transaction function each. */
export const BATCH_SIZE = 1_000;
/** Asserting documents whose edges are replaced in one transaction (their edges with them). */
export const ASSERTERS_PER_TRANSACTION = 200;
/** Relationships, then documents, deleted per clear transaction. */
export const CLEAR_EDGES_SLICE = 5_000;
export const CLEAR_NODES_SLICE = 10_000;
/** Documents read per `documentsById` query. */
const READ_BATCH = 5_000;
const DEFAULT_TIMEOUT_MS = 30_000;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The graph engine on Neo4j 5: uniqueness constraints, UNWIND+MERGE batches, reads routed to readers. */
export function createNeo4jGraphEngine(options: Neo4jGraphEngineOptions): GraphEngine {
  const timeoutMs = options.queryTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const context = (query: string) => ({ url: options.url, timeoutMs, query });
  let driver: Driver;
  try {
    driver = options.driver ?? neo4j.driver(options.url, neo4j.auth.basic(options.user, options.password), { userAgent: 'vanban' });
  } catch (cause) {
    throw toStoreError(cause, context('connect'));
  }
  const txConfig = (query: string, timeout = timeoutMs) => ({ timeout, metadata: { app: 'vanban', query } });
  const database = options.database ?? 'neo4j';

  /**
   * A session for `work`, failures named after `query`. Closing it cannot fail the call: a close
   * that throws after a failure would hide the failure, and after a success the work is done.
   */
  async function withSession<T>(mode: 'READ' | 'WRITE', query: string, work: (s: Session) => Promise<T>): Promise<T> {
    const s = driver.session({ database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      return await work(s);
    } catch (cause) {
      throw toStoreError(cause, context(query));
    } finally {
      await s.close().catch(() => undefined);
    }
  }

  /** One transaction function (retried by the driver on transient errors, so idempotent), failures named after `query`. */
  const transaction = <T>(mode: 'READ' | 'WRITE', query: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> =>
    withSession(mode, query, (s) => (mode === 'READ' ? s.executeRead(work, txConfig(query)) : s.executeWrite(work, txConfig(query))));

  const records = async (tx: ManagedTransaction, statement: string, params: Record<string, unknown>) => (await tx.run(statement, params)).records;

  async function replaceBatch(asserters: string[], edges: readonly ProjectedEdge[], label: string): Promise<void> {
    await transaction('WRITE', label, async (tx) => {
      for (const type of cypher.relationTypes) await tx.run(cypher.deleteEdgesAssertedBy[type], { assertedBy: asserters });
      for (const type of cypher.relationTypes) {
        const rows = edges.filter((e) => e.relation === type).map((e) => ({ from: e.from, to: e.to, assertedBy: e.assertedBy, sentence: e.sentence, cue: e.cue }));
        for (const batch of chunk(rows, BATCH_SIZE)) {
          const [record] = await records(tx, cypher.createEdges[type], { rows: batch });
          if ((toNumber(record?.get('created')) ?? 0) < batch.length) {
            const ids = [...new Set(batch.flatMap((r) => [r.from, r.to]))];
            const [missing] = await records(tx, cypher.missingDocuments, { ids });
            const names = (missing?.get('missing') as string[] | undefined) ?? [];
            throw new StoreError(`[neo4j] ${label}: ${type} edges name documents not in the graph (${names.slice(0, 10).join(', ')}); upsert documents before edges`);
          }
        }
      }
    });
  }

  type Row = { get(key: string): unknown };
  const orNull = <T>(value: unknown): T | null => (value ?? null) as T | null;
  const readWalked = (r: Row): WalkedDocument => ({
    id: r.get('id') as string,
    issuerLevel: orNull<string>(r.get('issuerLevel')),
    date: orNull<string>(r.get('date')),
    edges: r.get('edges') as RawEdge[],
  });
  const readIncoming = (r: Row): IncomingEdge => ({
    parent: r.get('parent') as string,
    src: r.get('src') as string,
    relation: r.get('relation') as RelationType,
    sentence: orNull<string>(r.get('sentence')),
    cue: orNull<string>(r.get('cue')),
    assertedBy: r.get('assertedBy') as string,
  });

  /** The documents with these ids (those missing left out), in batches. */
  async function readDocuments(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    const documents = new Map<string, StoredDocument>();
    for (const batch of chunk([...new Set(ids)], READ_BATCH)) {
      for (const r of await records(tx, cypher.documentsById, { ids: batch })) {
        const d = toDocument(r.get('document'));
        documents.set(d.id, d);
      }
    }
    return documents;
  }

  const engine: GraphEngine = {
    async ensureSchema() {
      await withSession('WRITE', 'ensureSchema', async (s) => {
        // schema commands run in their own auto-commit transactions (not inside a transaction function)
        for (const statement of cypher.schemaStatements) await s.run(statement, {}, txConfig('ensureSchema'));
        // then wait for the new indexes to come online; the transaction outlives the procedure's own timeout
        await s.run(cypher.awaitIndexes, {}, txConfig('ensureSchema: awaiting indexes', Math.max(timeoutMs, (cypher.AWAIT_INDEXES_SECONDS + 30) * 1000)));
      });
    },

    async upsertDocuments(documents) {
      const batches = chunk(documents.map(toDocumentRow), BATCH_SIZE);
      for (const [k, rows] of batches.entries()) {
        await transaction('WRITE', `upsertDocuments batch ${k + 1}/${batches.length}`, (tx) => tx.run(cypher.upsertDocuments, { rows }).then(() => undefined));
      }
    },

    async replaceEdgesAssertedBy(assertedBy, edges) {
      const asserters = new Set(assertedBy);
      const stray = edges.find((e) => !asserters.has(e.assertedBy));
      if (stray) throw new StoreError(`[neo4j] replaceEdgesAssertedBy: edge ${stray.from} -> ${stray.to} is asserted by ${stray.assertedBy}, not in the list`);
      const unknown = edges.find((e) => !(cypher.relationTypes as readonly string[]).includes(e.relation));
      if (unknown) throw new StoreError(`[neo4j] replaceEdgesAssertedBy: unknown relation type ${unknown.relation}`);
      const groups = chunk([...asserters], ASSERTERS_PER_TRANSACTION);
      for (const [k, group] of groups.entries()) {
        const inGroup = new Set(group);
        await replaceBatch(group, edges.filter((e) => inGroup.has(e.assertedBy)), `replaceEdgesAssertedBy batch ${k + 1}/${groups.length}`);
      }
    },

    async removeDocuments(ids) {
      const batches = chunk(ids, BATCH_SIZE);
      for (const [k, batch] of batches.entries()) {
        await transaction('WRITE', `removeDocuments batch ${k + 1}/${batches.length}`, async (tx) => {
          for (const type of cypher.relationTypes) await tx.run(cypher.deleteEdgesAssertedBy[type], { assertedBy: batch });
          await tx.run(cypher.removeDocuments, { ids: batch });
        });
      }
    },

    async getDocument(id) {
      const rows = await transaction('READ', 'getDocument', (tx) => records(tx, cypher.getDocument, { id }));
      return rows.length ? toDocument(rows[0].get('document')) : null;
    },

    async trace(id, options = {}) {
      const types = cypher.typeDisjunction(options.relations ?? cypher.upwardRelations);
      if (!types) {
        const document = await engine.getDocument(id);
        return document && { document, chains: [] };
      }
      return transaction('READ', 'trace', async (tx): Promise<TraceResult | null> => {
        // the walk returns ids and edges only; the documents are read for the chains kept
        const walked = (await records(tx, cypher.traceStatement(types), { id })).map(readWalked);
        const chains = assembleTrace(id, walked, options.maxChains);
        if (!chains) return null;
        const documents = await readDocuments(tx, [id, ...chains.flatMap((chain) => chain.map((e) => e.to))]);
        const document = documents.get(id);
        if (!document) return null;
        return {
          document,
          chains: chains
            .filter((chain) => chain.every((e) => documents.has(e.to)))
            .map((chain) => chain.map((e) => ({ document: documents.get(e.to)!, relation: e.relation, sentence: e.sentence ?? '', cue: e.cue, assertedBy: e.assertedBy }))),
        };
      });
    },

    async implementations(id, options = {}) {
      const types = cypher.typeDisjunction(options.relations ?? cypher.upwardRelations);
      const maxDepth = Math.max(0, Math.min(Math.trunc(options.maxDepth ?? 8), cypher.MAX_DEPTH));
      if (!types || maxDepth < 1) return (await engine.getDocument(id)) ? [] : null;
      const statement = cypher.implementationsLevelStatement(types);
      const limit = neo4j.int(LEVEL_ROW_LIMIT + 1); // one more: a cut level is told from one that fits
      return transaction('READ', 'implementations', async (tx): Promise<ImplementationLevel[] | null> => {
        if (!(await records(tx, cypher.getDocument, { id })).length) return null;
        // one bounded query per level (ids and edges), then the documents kept, by id
        const levels = await walkImplementations(id, maxDepth, async (frontier, placed) =>
          (await records(tx, statement, { frontier, placed, limit })).map(readIncoming),
        );
        const documents = await readDocuments(tx, levels.flatMap((level) => level.documents.map((d) => d.id)));
        return levels.map(({ depth, documents: placed }) => ({
          depth,
          documents: placed
            .filter((d) => documents.has(d.id))
            .map(({ id: placedId, edge }) => ({ document: documents.get(placedId)!, relation: edge.relation, sentence: edge.sentence ?? '', cue: edge.cue, assertedBy: edge.assertedBy, parent: edge.to })),
        }));
      });
    },

    async audit(id, options = {}) {
      const scheme = options.provinces ?? 63;
      return transaction('READ', 'audit', async (tx) => {
        const [decreeRow] = await records(tx, cypher.getDocument, { id });
        if (!decreeRow) return null;
        const candidate = (r: { get(key: string): unknown }, key: string): AuditCandidate => ({
          id: r.get('id') as string,
          province: (r.get('province') as string | null) ?? null,
          date: (r.get('date') as string | null) ?? null,
          draft: r.get('draft') === true,
          relations: (r.get(key) as RelationType[]) ?? [],
        });
        const evidence = (await records(tx, cypher.auditEvidence, { id })).map((r) => candidate(r, 'direct'));
        const mentions = (await records(tx, cypher.auditMentions, { id })).map((r) => candidate(r, 'relations'));
        const groups = groupAudit(evidence, mentions, scheme);
        const documents = await readDocuments(tx, shownIds(groups));
        return auditResult(toDocument(decreeRow.get('document')), groups, documents);
      });
    },

    async checkHealth(): Promise<BackendHealth> {
      try {
        await driver.verifyConnectivity({ database });
        await transaction('READ', 'health check', (tx) => tx.run(cypher.ping));
        return { backend: 'neo4j', ok: true };
      } catch (cause) {
        return { backend: 'neo4j', ok: false, error: toStoreError(cause, context('health check')).message };
      }
    },

    async clear() {
      // relationships first, in capped slices (a directive's tens of thousands of edges never go in
      // one transaction), then the documents, each slice its own transaction, until none is left
      const steps = [
        { name: 'edges', statement: cypher.clearEdgesSlice, limit: CLEAR_EDGES_SLICE },
        { name: 'documents', statement: cypher.clearNodesSlice, limit: CLEAR_NODES_SLICE },
      ];
      for (const step of steps) {
        for (let slice = 1; ; slice++) {
          const rows = await transaction('WRITE', `clear ${step.name} slice ${slice}`, (tx) => records(tx, step.statement, { limit: neo4j.int(step.limit) }));
          if ((toNumber(rows[0]?.get('deleted')) ?? 0) === 0) break;
        }
      }
    },

    async close() {
      await driver.close();
    },
  };
  return engine;
}
