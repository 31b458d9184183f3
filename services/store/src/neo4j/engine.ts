import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { RelationType } from '@vanban/schema';
import { StoreError, type BackendHealth, type StoredDocument } from '../ports.js';
import type { GraphEngine, ProjectedEdge } from '../projection.js';
import { assembleImplementations, assembleTrace, type RawEdge, type ReachedDocument } from './assemble.js';
import { auditResult, groupAudit, shownIds, type AuditCandidate } from './audit.js';
import * as cypher from './cypher.js';
import { toStoreError } from './errors.js';
import { toDocument, toDocumentRow, toNumber } from './rows.js';

export interface Neo4jGraphEngineOptions {
  url: string;
  user: string;
  password: string;
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
const CLEAR_SLICE = 10_000;
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
  const txConfig = (query: string) => ({ timeout: timeoutMs, metadata: { app: 'vanban', query } });
  const session = (mode: 'READ' | 'WRITE'): Session =>
    driver.session({ database: options.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });

  /** One transaction function (retried by the driver on transient errors, so idempotent), failures named after `query`. */
  async function transaction<T>(mode: 'READ' | 'WRITE', query: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const s = session(mode);
    try {
      return mode === 'READ' ? await s.executeRead(work, txConfig(query)) : await s.executeWrite(work, txConfig(query));
    } catch (cause) {
      throw toStoreError(cause, context(query));
    } finally {
      await s.close();
    }
  }

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

  const readReached = (rows: Array<{ get(key: string): unknown }>): ReachedDocument[] =>
    rows.map((r) => ({ document: toDocument(r.get('document') as Record<string, unknown>), edges: r.get('edges') as RawEdge[] }));

  const engine: GraphEngine = {
    async ensureSchema() {
      const s = session('WRITE');
      try {
        // schema commands run in their own auto-commit transactions (not inside a transaction function)
        for (const statement of cypher.schemaStatements) await s.run(statement, {}, txConfig('ensureSchema'));
      } catch (cause) {
        throw toStoreError(cause, context('ensureSchema'));
      } finally {
        await s.close();
      }
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
      const rows = await transaction('READ', 'trace', (tx) => records(tx, cypher.traceStatement(types), { id }));
      return assembleTrace(id, readReached(rows), options.maxChains);
    },

    async implementations(id, options = {}) {
      const types = cypher.typeDisjunction(options.relations ?? cypher.upwardRelations);
      const maxDepth = Math.max(0, Math.min(Math.trunc(options.maxDepth ?? 8), cypher.MAX_DEPTH));
      if (!types || maxDepth < 1) return (await engine.getDocument(id)) ? [] : null;
      const rows = await transaction('READ', 'implementations', (tx) => records(tx, cypher.implementationsStatement(types, maxDepth), { id }));
      return assembleImplementations(id, readReached(rows), maxDepth);
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
          relations: (r.get(key) as RelationType[]) ?? [],
        });
        const evidence = (await records(tx, cypher.auditEvidence, { id })).map((r) => candidate(r, 'direct'));
        const mentions = (await records(tx, cypher.auditMentions, { id, upward: cypher.upwardRelations })).map((r) => candidate(r, 'relations'));
        const groups = groupAudit(evidence, mentions, scheme);
        const shown = await records(tx, cypher.documentsById, { ids: shownIds(groups) });
        const documents = new Map<string, StoredDocument>(shown.map((r) => toDocument(r.get('document'))).map((d) => [d.id, d]));
        return auditResult(toDocument(decreeRow.get('document')), groups, documents);
      });
    },

    async checkHealth(): Promise<BackendHealth> {
      try {
        await driver.verifyConnectivity({ database: options.database });
        await transaction('READ', 'health check', (tx) => tx.run(cypher.ping));
        return { backend: 'neo4j', ok: true };
      } catch (cause) {
        return { backend: 'neo4j', ok: false, error: toStoreError(cause, context('health check')).message };
      }
    },

    async clear() {
      for (let slice = 1; ; slice++) {
        const rows = await transaction('WRITE', `clear slice ${slice}`, (tx) => records(tx, cypher.clearSlice, { limit: neo4j.int(CLEAR_SLICE) }));
        if ((toNumber(rows[0]?.get('deleted')) ?? 0) === 0) return;
      }
    },

    async close() {
      await driver.close();
    },
  };
  return engine;
}
