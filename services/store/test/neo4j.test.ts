import { createServer } from 'node:net';
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { RelationType } from '@vanban/schema';
import { StoreError, type StoredDocument } from '../src/index.js';
import * as cypher from '../src/neo4j/cypher.js';
import { createNeo4jGraphEngine } from '../src/neo4j/index.js';
import { holdsIdentity, toDocument, toDocumentRow, toNumber } from '../src/neo4j/rows.js';
import type { ProjectedEdge } from '../src/projection.js';

const { Record } = neo4j.types;
type Row = InstanceType<typeof Record>;
type Call = { mode: string; statement: string; params: { [key: string]: unknown }; config?: { timeout?: unknown } };

/** A driver whose sessions answer every statement with `answer` and log each call. */
function fakeDriver(answer: (statement: string, params: Call['params']) => Row[] = () => []) {
  const calls: Call[] = [];
  const sessions: Array<{ defaultAccessMode?: string; database?: string }> = [];
  let closed = false;
  const tx = (mode: string, config?: Call['config']) => ({
    run: async (statement: string, params: Call['params'] = {}) => {
      calls.push({ mode, statement, params, config });
      return { records: answer(statement, params) };
    },
  });
  const driver = {
    session(config: { defaultAccessMode?: string; database?: string }) {
      sessions.push(config);
      return {
        executeRead: (work: (t: unknown) => unknown, config?: Call['config']) => Promise.resolve(work(tx('READ', config))),
        executeWrite: (work: (t: unknown) => unknown, config?: Call['config']) => Promise.resolve(work(tx('WRITE', config))),
        run: (statement: string, params: Call['params'], config?: Call['config']) => tx('AUTO', config).run(statement, params),
        close: async () => {},
      };
    },
    verifyConnectivity: async () => ({}),
    close: async () => void (closed = true),
  };
  const engine = createNeo4jGraphEngine({ url: 'bolt://fake:7687', user: 'neo4j', password: 'x', queryTimeoutMs: 1234, driver: driver as unknown as Driver });
  return { engine, calls, sessions, isClosed: () => closed };
}

const doc = (id: string, over: Partial<StoredDocument> = {}): StoredDocument => ({
  id, number: null, year: null, jurisdiction: '', type: null, typeCode: null, issuer: null, issuerLevel: null, province: null,
  district: null, date: null, subject: null, signer: null, topics: [], draft: false, known: true, source: null, ...over,
});
const edge = (from: string, to: string, relation: RelationType, assertedBy = from): ProjectedEdge => ({ from, to, relation, sentence: `${from} ${relation} ${to}`, cue: null, assertedBy });

describe('neo4j: Cypher statements', () => {
  it('schema: id and composite identity uniqueness, an assertedBy index per relation type, all IF NOT EXISTS', () => {
    expect(cypher.schemaStatements.slice(0, 3)).toMatchInlineSnapshot(`
      [
        "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
        "CREATE CONSTRAINT document_identity IF NOT EXISTS FOR (d:IdentityHolder) REQUIRE (d.number, d.year, d.jurisdiction) IS UNIQUE",
        "CREATE INDEX rel_implements_asserted_by IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.assertedBy)",
      ]
    `);
    expect(cypher.schemaStatements).toHaveLength(2 + 8);
    for (const s of cypher.schemaStatements) expect(s).toContain('IF NOT EXISTS');
  });

  it('one create and one delete statement per relation type, differing only in the type', () => {
    expect(Object.keys(cypher.createEdges)).toEqual(['IMPLEMENTS', 'BASED_ON', 'GUIDES', 'AMENDS', 'REPLACES', 'REPORTS_ON', 'RESPONDS_TO', 'CITES']);
    expect(cypher.createEdges.IMPLEMENTS).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MATCH (src:Document {id: row.from})
      MATCH (dst:Document {id: row.to})
      MERGE (src)-[r:IMPLEMENTS {assertedBy: row.assertedBy}]->(dst)
      SET r.sentence = row.sentence, r.cue = row.cue
      RETURN count(r) AS created"
    `);
    expect(cypher.deleteEdgesAssertedBy.CITES).toMatchInlineSnapshot(`
      "MATCH ()-[r:CITES]->()
      WHERE r.assertedBy IN $assertedBy
      DELETE r"
    `);
    for (const type of cypher.relationTypes) {
      expect(cypher.createEdges[type]).toBe(cypher.createEdges.IMPLEMENTS.replace(':IMPLEMENTS ', `:${type} `));
      expect(cypher.deleteEdgesAssertedBy[type]).toBe(cypher.deleteEdgesAssertedBy.CITES.replace(':CITES]', `:${type}]`));
    }
  });

  it('upsert, trace and audit statements', () => {
    expect(cypher.upsertDocuments).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MERGE (d:Document {id: row.id})
      SET d = row.properties
      REMOVE d:IdentityHolder
      WITH d, row
      WHERE row.holdsIdentity
      SET d:IdentityHolder"
    `);
    expect(cypher.traceStatement(cypher.typeDisjunction(['BASED_ON', 'IMPLEMENTS']))).toMatchInlineSnapshot(`
      "MATCH (start:Document {id: $id})
      OPTIONAL MATCH (start)-[:IMPLEMENTS|BASED_ON*1..12]->(above:Document)
      WITH start, collect(DISTINCT above) AS above
      UNWIND [start] + above AS node
      RETURN node {.*} AS document, [(node)-[e:IMPLEMENTS|BASED_ON]->(next:Document) | {to: next.id, relation: type(e), sentence: e.sentence, cue: e.cue, assertedBy: e.assertedBy}] AS edges"
    `);
    expect(cypher.implementationsStatement('IMPLEMENTS', 3)).toContain('(root)<-[:IMPLEMENTS*1..3]-(below:Document)');
    expect(() => cypher.implementationsStatement('IMPLEMENTS', 13)).toThrow(RangeError);
    expect(cypher.auditEvidence).toContain('(decree)<-[:IMPLEMENTS|BASED_ON*1..12]-(d:Document)');
  });

  it('relation types in a read come from the vocabulary only, whatever the caller passes', () => {
    expect(cypher.typeDisjunction(['CITES', 'IMPLEMENTS'])).toBe('IMPLEMENTS|CITES');
    expect(cypher.typeDisjunction(['IMPLEMENTS]->() DETACH DELETE x //', 'nope'])).toBe('');
  });
});

describe('neo4j: values', () => {
  it('integers go out as neo4j.int and come back as numbers; null fields are absent', () => {
    const row = toDocumentRow(doc('20-ct-tw-2012', { number: '20-CT/TW', year: 2012, topics: ['a'] }));
    expect(neo4j.isInt(row.properties.year)).toBe(true);
    expect(row.properties).not.toHaveProperty('province');
    expect(row.holdsIdentity).toBe(true);
    expect(toNumber(neo4j.int(2012))).toBe(2012);
    expect(toNumber(null)).toBeNull();
    const back = toDocument(new Record(['document'], [row.properties]).get('document'));
    expect(back).toEqual(doc('20-ct-tw-2012', { number: '20-CT/TW', year: 2012, topics: ['a'] }));
    expect(typeof back.year).toBe('number');
  });

  it('drafts, number-less documents and suffixed duplicates do not hold an identity', () => {
    expect(holdsIdentity(doc('du-thao-1', { number: '1/KH-UBND', year: 2020, draft: true }))).toBe(false);
    expect(holdsIdentity(doc('van-ban-ab12'))).toBe(false);
    expect(holdsIdentity(doc('959-kh-ubnd-2022-binh-thuan', { number: '959/KH-UBND', year: 2022, jurisdiction: 'Bình Thuận' }))).toBe(true);
    expect(holdsIdentity(doc('959-kh-ubnd-2022-binh-thuan-9f3a', { number: '959/KH-UBND', year: 2022, jurisdiction: 'Bình Thuận' }))).toBe(false);
  });

  it('getDocument maps a record built with the driver classes', async () => {
    const { engine, sessions, calls } = fakeDriver((s) => (s === cypher.getDocument ? [new Record(['document'], [{ id: 'a', year: neo4j.int(2019), known: true, topics: [] }])] : []));
    expect(await engine.getDocument('a')).toEqual(doc('a', { year: 2019 }));
    expect(sessions[0].defaultAccessMode).toBe(neo4j.session.READ);
    expect(calls[0]).toMatchObject({ mode: 'READ', params: { id: 'a' }, config: { timeout: 1234 } });
  });
});

describe('neo4j: writes', () => {
  it('2,500 documents go in 3 write transactions of 1,000, 1,000 and 500 rows', async () => {
    const { engine, calls, sessions } = fakeDriver();
    await engine.upsertDocuments(Array.from({ length: 2500 }, (_, k) => doc(`d${k}`, { year: 2020 })));
    expect(calls.map((c) => [c.mode, c.statement === cypher.upsertDocuments, (c.params.rows as unknown[]).length])).toEqual([
      ['WRITE', true, 1000],
      ['WRITE', true, 1000],
      ['WRITE', true, 500],
    ]);
    expect(sessions.every((s) => s.defaultAccessMode === neo4j.session.WRITE)).toBe(true);
  });

  it('replaceEdgesAssertedBy deletes per type, then creates per type present, in one transaction', async () => {
    const { engine, calls } = fakeDriver((s, p) => (s.startsWith('UNWIND $rows') ? [new Record(['created'], [neo4j.int((p.rows as unknown[]).length)])] : []));
    await engine.replaceEdgesAssertedBy(['a'], [edge('a', 'b', 'IMPLEMENTS'), edge('a', 'c', 'CITES'), edge('a', 'd', 'IMPLEMENTS')]);
    expect(calls.slice(0, 8).map((c) => c.statement)).toEqual(cypher.relationTypes.map((t) => cypher.deleteEdgesAssertedBy[t]));
    expect(calls.slice(0, 8).every((c) => JSON.stringify(c.params) === '{"assertedBy":["a"]}')).toBe(true);
    expect(calls.slice(8).map((c) => [c.statement, (c.params.rows as Array<{ to: string }>).map((r) => r.to)])).toEqual([
      [cypher.createEdges.IMPLEMENTS, ['b', 'd']],
      [cypher.createEdges.CITES, ['c']],
    ]);
    expect(calls.every((c) => c.mode === 'WRITE')).toBe(true);
  });

  it('an edge to a missing document is the caller’s error, named', async () => {
    const { engine } = fakeDriver((s) =>
      s.startsWith('UNWIND $rows') ? [new Record(['created'], [neo4j.int(0)])] : s === cypher.missingDocuments ? [new Record(['missing'], [['zz']])] : [],
    );
    await expect(engine.replaceEdgesAssertedBy(['a'], [edge('a', 'zz', 'CITES')])).rejects.toThrow(/CITES edges name documents not in the graph \(zz\)/);
    await expect(engine.replaceEdgesAssertedBy(['a'], [edge('b', 'c', 'CITES', 'b')])).rejects.toBeInstanceOf(StoreError);
  });

  it('clear deletes in slices until none is left; close closes the driver', async () => {
    let left = 3;
    const { engine, calls, isClosed } = fakeDriver((s) => (s === cypher.clearSlice ? [new Record(['deleted'], [neo4j.int(left-- > 0 ? 10_000 : 0)])] : []));
    await engine.clear();
    expect(calls).toHaveLength(4);
    expect(neo4j.isInt(calls[0].params.limit)).toBe(true);
    await engine.close();
    expect(isClosed()).toBe(true);
  });
});

describe('neo4j: errors', () => {
  const closedPort = async (): Promise<number> => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  };

  it('a server that is not there: a StoreError naming the URL, and an unhealthy check that does not throw', async () => {
    const url = `bolt://127.0.0.1:${await closedPort()}`;
    const engine = createNeo4jGraphEngine({ url, user: 'neo4j', password: 'x' });
    const health = await engine.checkHealth();
    expect(health).toMatchObject({ backend: 'neo4j', ok: false });
    expect(health.error).toContain(`[neo4j] cannot reach ${url}`);
    const failure = await engine.ensureSchema().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as Error).message).toContain(`[neo4j] cannot reach ${url}: `);
    await engine.close();
  });

  it('a transaction timeout from the server: a StoreError naming the timeout and the query', async () => {
    const timedOut = new Neo4jError('The transaction has been terminated.', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '25N06', 'error');
    const { engine } = fakeDriver(() => {
      throw timedOut;
    });
    const failure = await engine.trace('a').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as Error).message).toBe('[neo4j] query timed out after 1234 ms: trace');
    expect((failure as Error).cause).toBe(timedOut);
    expect(await engine.checkHealth()).toEqual({ backend: 'neo4j', ok: false, error: '[neo4j] query timed out after 1234 ms: health check' });
  });
});
