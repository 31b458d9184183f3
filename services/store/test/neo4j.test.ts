import { createServer } from 'node:net';
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { StoredDocumentSchema, type RelationType } from '@vanban/schema';
import { StoreError, type StoredDocument } from '../src/index.js';
import { chooseLevel, LEVEL_ROW_LIMIT, type IncomingEdge } from '../src/neo4j/assemble.js';
import * as cypher from '../src/neo4j/cypher.js';
import { CLEAR_EDGES_SLICE, CLEAR_NODES_SLICE } from '../src/neo4j/engine.js';
import { toStoreError } from '../src/neo4j/errors.js';
import { createNeo4jGraphEngine } from '../src/neo4j/index.js';
import { documentKeys, holdsIdentity, toDocument, toDocumentRow, toNumber } from '../src/neo4j/rows.js';
import type { ProjectedDocument, ProjectedEdge } from '../src/projection.js';

const { Record } = neo4j.types;
type Row = InstanceType<typeof Record>;
type Call = { mode: string; statement: string; params: { [key: string]: unknown }; config?: { timeout?: unknown } };

/** A driver whose sessions answer every statement with `answer` and log each call. */
function fakeDriver(answer: (statement: string, params: Call['params']) => Row[] = () => [], options: { database?: string; closeFails?: boolean } = {}) {
  const calls: Call[] = [];
  const sessions: Array<{ defaultAccessMode?: string; database?: string }> = [];
  const connectivity: unknown[] = [];
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
        close: async () => {
          if (options.closeFails) throw new Error('close failed: connection reset while releasing');
        },
      };
    },
    verifyConnectivity: async (config: unknown) => void connectivity.push(config),
    close: async () => void (closed = true),
  };
  const engine = createNeo4jGraphEngine({
    url: 'bolt://fake:7687',
    user: 'neo4j',
    password: 'x',
    queryTimeoutMs: 1234,
    driver: driver as unknown as Driver,
    ...(options.database ? { database: options.database } : {}),
  });
  return { engine, calls, sessions, connectivity, isClosed: () => closed };
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
      RETURN node.id AS id, node.issuerLevel AS issuerLevel, node.date AS date, [(node)-[e:IMPLEMENTS|BASED_ON]->(next:Document) | {to: next.id, relation: type(e), sentence: e.sentence, cue: e.cue, assertedBy: e.assertedBy}] AS edges"
    `);
    expect(cypher.auditEvidence).toContain('(decree)<-[:IMPLEMENTS|BASED_ON*1..12]-(d:Document)');
    // a draft is never evidence: both audit statements return the flag for grouping to set it apart
    for (const statement of [cypher.auditEvidence, cypher.auditMentions]) expect(statement).toContain('coalesce(d.draft, false) AS draft');
  });

  it('implementations: one bounded query per level, ids and edge provenance only', () => {
    const statement = cypher.implementationsLevelStatement(cypher.typeDisjunction(['BASED_ON', 'IMPLEMENTS']));
    expect(statement).toMatchInlineSnapshot(`
      "UNWIND $frontier AS pid
      MATCH (:Document {id: pid})<-[e:IMPLEMENTS|BASED_ON]-(below:Document)
      WHERE NOT below.id IN $placed
      RETURN pid AS parent, below.id AS src, type(e) AS relation, e.sentence AS sentence, e.cue AS cue, e.assertedBy AS assertedBy
      ORDER BY src
      LIMIT $limit"
    `);
    // no walk over a variable-length pattern, no document properties
    expect(statement).not.toMatch(/\*1\.\./);
    expect(statement).not.toContain('{.');
    expect(cypher.traceStatement('IMPLEMENTS')).not.toContain('{.');
  });

  it('documents are read with a named projection of the StoredDocument fields, never {.*}', () => {
    const projection = `d {${Object.keys(StoredDocumentSchema.shape).map((k) => `.${k}`).join(', ')}}`;
    expect(cypher.getDocument).toBe(`MATCH (d:Document {id: $id})\nRETURN ${projection} AS document`);
    expect(cypher.documentsById).toContain(`RETURN ${projection} AS document`);
    expect(projection).toContain('.topics');
    expect(projection).not.toContain('.text');
    const statements = [cypher.getDocument, cypher.documentsById, cypher.traceStatement('IMPLEMENTS'), cypher.implementationsLevelStatement('IMPLEMENTS'), cypher.auditEvidence, cypher.auditMentions];
    for (const statement of statements) expect(statement).not.toContain('{.*}');
  });

  it('audit mentions name the other relation types in the pattern, so IMPLEMENTS/BASED_ON edges are never walked', () => {
    expect(cypher.mentionRelations).toEqual(['GUIDES', 'AMENDS', 'REPLACES', 'REPORTS_ON', 'RESPONDS_TO', 'CITES']);
    expect(cypher.auditMentions).toMatchInlineSnapshot(`
      "MATCH (decree:Document {id: $id})<-[r:GUIDES|AMENDS|REPLACES|REPORTS_ON|RESPONDS_TO|CITES]-(d:Document)
      RETURN d.id AS id, d.province AS province, d.date AS date, coalesce(d.draft, false) AS draft, collect(DISTINCT type(r)) AS relations"
    `);
    expect(cypher.auditMentions).not.toContain('$upward');
  });

  it('clear deletes relationships in capped slices, then documents; schema ends by awaiting the indexes', () => {
    expect(cypher.clearEdgesSlice).toMatchInlineSnapshot(`
      "MATCH (:Document)-[r]->()
      WITH r LIMIT $limit
      DELETE r
      RETURN count(*) AS deleted"
    `);
    expect(cypher.clearNodesSlice).toMatchInlineSnapshot(`
      "MATCH (d:Document)
      WITH d LIMIT $limit
      DETACH DELETE d
      RETURN count(*) AS deleted"
    `);
    expect(cypher.awaitIndexes).toBe('CALL db.awaitIndexes(600)');
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

  it('a ProjectedDocument (as the sync passes) is stored with the StoredDocument fields only: no text, serial or cited numbers', () => {
    const projected: ProjectedDocument = {
      ...doc('20-ct-tw-2012', { number: '20-CT/TW', year: 2012, subject: 'về công tác', topics: ['a'] }),
      text: 'Toàn văn rất dài …'.repeat(1000),
      serial: '20',
      citedNumbers: ['1863/QĐ-TTg'],
      citedSerials: ['1863'],
    };
    const row = toDocumentRow(projected);
    expect(Object.keys(row.properties).sort()).toEqual(['id', 'jurisdiction', 'known', 'draft', 'number', 'subject', 'topics', 'year'].sort());
    for (const key of ['text', 'serial', 'citedNumbers', 'citedSerials']) expect(row.properties).not.toHaveProperty(key);
    expect(documentKeys).toEqual(Object.keys(StoredDocumentSchema.shape));
    expect(toDocument(row.properties)).toEqual(doc('20-ct-tw-2012', { number: '20-CT/TW', year: 2012, subject: 'về công tác', topics: ['a'] }));
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

  it('clear deletes relationships in slices of 5,000 until none is left, then documents in slices; close closes the driver', async () => {
    let edges = 3;
    let nodes = 2;
    const { engine, calls, isClosed } = fakeDriver((s) =>
      s === cypher.clearEdgesSlice
        ? [new Record(['deleted'], [neo4j.int(edges-- > 0 ? CLEAR_EDGES_SLICE : 0)])]
        : s === cypher.clearNodesSlice
          ? [new Record(['deleted'], [neo4j.int(nodes-- > 0 ? CLEAR_NODES_SLICE : 0)])]
          : [],
    );
    await engine.clear();
    expect(calls.map((c) => [c.mode, c.statement, toNumber(c.params.limit)])).toEqual([
      ...Array.from({ length: 4 }, () => ['WRITE', cypher.clearEdgesSlice, 5_000]),
      ...Array.from({ length: 3 }, () => ['WRITE', cypher.clearNodesSlice, 10_000]),
    ]);
    expect(calls.every((c) => neo4j.isInt(c.params.limit))).toBe(true);
    await engine.close();
    expect(isClosed()).toBe(true);
  });

  it('ensureSchema runs the schema statements, then waits for the indexes with a transaction timeout longer than the wait', async () => {
    const { engine, calls, sessions } = fakeDriver();
    await engine.ensureSchema();
    expect(calls.map((c) => c.statement)).toEqual([...cypher.schemaStatements, 'CALL db.awaitIndexes(600)']);
    expect(calls.every((c) => c.mode === 'AUTO')).toBe(true);
    expect(calls[0].config?.timeout).toBe(1234);
    expect(calls.at(-1)!.config?.timeout).toBeGreaterThan(600_000);
    expect(sessions).toHaveLength(1);
  });
});

describe('neo4j: reads', () => {
  const stringsOf = (p: unknown): string[] => p as string[];
  const incoming = (parent: string, src: string, relation: RelationType = 'IMPLEMENTS', assertedBy = src): IncomingEdge => ({ parent, src, relation, sentence: `${src} ${relation} ${parent}`, cue: null, assertedBy });
  const incomingRecord = (e: IncomingEdge) => new Record(['parent', 'src', 'relation', 'sentence', 'cue', 'assertedBy'], [e.parent, e.src, e.relation, e.sentence, e.cue, e.assertedBy]);

  it('sessions use the neo4j database unless one is named (no home-database lookup)', async () => {
    const fallback = fakeDriver();
    await fallback.engine.getDocument('a');
    await fallback.engine.checkHealth();
    expect(fallback.sessions.map((s) => s.database)).toEqual(['neo4j', 'neo4j']);
    expect(fallback.connectivity).toEqual([{ database: 'neo4j' }]);
    const named = fakeDriver(() => [], { database: 'vanban' });
    await named.engine.getDocument('a');
    expect(named.sessions[0].database).toBe('vanban');
  });

  it('implementations: one query per level with the frontier, the placed ids and the row limit, then the kept documents by id', async () => {
    // root <- a, b (b twice: CITES and IMPLEMENTS); a <- c; c <- root (a cycle back to the root)
    const graph: IncomingEdge[] = [incoming('root', 'b', 'CITES'), incoming('root', 'b'), incoming('root', 'a'), incoming('a', 'c'), incoming('c', 'root')];
    const { engine, calls } = fakeDriver((s, p) => {
      if (s === cypher.getDocument) return [new Record(['document'], [{ id: p.id, known: true }])];
      if (s === cypher.documentsById) return stringsOf(p.ids).map((id) => new Record(['document'], [{ id, known: true }]));
      if (s.startsWith('UNWIND $frontier')) {
        const frontier = stringsOf(p.frontier);
        const placed = stringsOf(p.placed);
        return graph.filter((e) => frontier.includes(e.parent) && !placed.includes(e.src)).sort((x, y) => (x.src < y.src ? -1 : 1)).map(incomingRecord);
      }
      return [];
    });
    const levels = (await engine.implementations('root', { relations: ['IMPLEMENTS', 'CITES'] }))!;
    expect(levels.map((l) => l.documents.map((d) => [d.document.id, d.relation, d.parent]))).toEqual([
      [['a', 'IMPLEMENTS', 'root'], ['b', 'IMPLEMENTS', 'root']],
      [['c', 'IMPLEMENTS', 'a']],
    ]);
    const levelCalls = calls.filter((c) => c.statement === cypher.implementationsLevelStatement('IMPLEMENTS|CITES'));
    expect(levelCalls.map((c) => [c.params.frontier, c.params.placed])).toEqual([
      [['root'], ['root']],
      [['a', 'b'], ['root', 'a', 'b']],
      [['c'], ['root', 'a', 'b', 'c']],
    ]);
    expect(levelCalls.every((c) => neo4j.isInt(c.params.limit) && toNumber(c.params.limit) === LEVEL_ROW_LIMIT + 1)).toBe(true);
    // the documents are read once, after the walk, and only those kept
    expect(calls.filter((c) => c.statement === cypher.documentsById).map((c) => c.params.ids)).toEqual([['a', 'b', 'c']]);
    expect(calls.every((c) => c.mode === 'READ')).toBe(true);
    expect(await fakeDriver().engine.implementations('missing')).toBeNull();
  });

  it('a level cut at the row limit keeps only documents whose edges all came back, in id order, at most the per-level cap', () => {
    const rows = [incoming('p', 'a'), incoming('p', 'b', 'CITES'), incoming('q', 'b'), incoming('p', 'c'), incoming('q', 'c', 'CITES')];
    // not cut: every document, each with its best edge (IMPLEMENTS first)
    expect(chooseLevel(rows, new Set(), 10).map((d) => [d.id, d.edge.relation, d.edge.to])).toEqual([
      ['a', 'IMPLEMENTS', 'p'],
      ['b', 'IMPLEMENTS', 'q'],
      ['c', 'IMPLEMENTS', 'p'],
    ]);
    // exactly the limit: nothing was cut
    expect(chooseLevel(rows, new Set(), 5).map((d) => d.id)).toEqual(['a', 'b', 'c']);
    // one row over a limit of 4: c's edges may be incomplete, so c is left out; placed documents never come back
    expect(chooseLevel(rows, new Set(), 4).map((d) => d.id)).toEqual(['a', 'b']);
    expect(chooseLevel(rows, new Set(['a']), 4).map((d) => d.id)).toEqual(['b']);
    // a single document over the limit is kept; the cap applies after choosing
    expect(chooseLevel([incoming('p', 'z'), incoming('q', 'z', 'CITES')], new Set(), 1).map((d) => d.id)).toEqual(['z']);
    expect(chooseLevel(rows, new Set(), 10, 2).map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('trace: the walk returns ids and edges; only the documents of the chains kept are read', async () => {
    // start -> mid -> top (party-central), start -> side (commune): at most one chain asked for
    const edgeTo = (to: string, relation: RelationType = 'IMPLEMENTS') => ({ to, relation, sentence: `to ${to}`, cue: null, assertedBy: 'start' });
    const walked: Array<[string, string | null, string | null, unknown[]]> = [
      ['start', 'commune', '2020-01-01', [edgeTo('mid'), edgeTo('side')]],
      ['mid', 'province', '2015-01-01', [edgeTo('top')]],
      ['top', 'party-central', '2012-01-01', []],
      ['side', 'commune', '2019-01-01', []],
    ];
    const { engine, calls } = fakeDriver((s, p) => {
      if (s === cypher.traceStatement('IMPLEMENTS|BASED_ON')) return p.id === 'start' ? walked.map((w) => new Record(['id', 'issuerLevel', 'date', 'edges'], w)) : [];
      if (s === cypher.documentsById) return stringsOf(p.ids).map((id) => new Record(['document'], [{ id, known: true }]));
      return [];
    });
    const result = (await engine.trace('start', { maxChains: 1 }))!;
    expect(result.document.id).toBe('start');
    expect(result.chains.map((c) => c.map((h) => h.document.id))).toEqual([['mid', 'top']]);
    expect(result.chains[0][0]).toMatchObject({ relation: 'IMPLEMENTS', sentence: 'to mid', assertedBy: 'start' });
    expect(calls.filter((c) => c.statement === cypher.documentsById).map((c) => c.params.ids)).toEqual([['start', 'mid', 'top']]);
    expect(await engine.trace('missing')).toBeNull();
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

  it('a transaction the server terminated (or whose lock client stopped) is reported as a timeout, client or transient code alike', () => {
    const context = { url: 'bolt://fake:7687', timeoutMs: 1234, query: 'audit' };
    for (const code of [
      'Neo.ClientError.Transaction.Terminated',
      'Neo.TransientError.Transaction.Terminated',
      'Neo.ClientError.Transaction.LockClientStopped',
      'Neo.TransientError.Transaction.LockClientStopped',
    ]) {
      const cause = new Neo4jError('The transaction has been terminated. Retry your operation in a new transaction.', code, '25N14', 'error');
      const failure = toStoreError(cause, context);
      expect(failure.message).toBe('[neo4j] query timed out after 1234 ms or was terminated on the server: audit');
      expect(failure.cause).toBe(cause);
    }
  });

  it('the pool’s acquisition timeout (no code) is reported as the server being out of reach', () => {
    // as neo4j-driver-core's pool builds it: newError(message) gets the code 'N/A'
    const cause = new Neo4jError('Connection acquisition timed out in 60000 ms. Pool status: Active conn count = 100, Idle conn count = 0.', 'N/A', '50N42', 'error');
    const failure = toStoreError(cause, { url: 'bolt://fake:7687', timeoutMs: 1234, query: 'trace' });
    expect(failure.message).toBe(`[neo4j] cannot reach bolt://fake:7687: ${cause.message}`);
  });

  it('a session.close() that fails does not hide the original error, nor fail work that succeeded', async () => {
    const timedOut = new Neo4jError('The transaction has been terminated.', 'Neo.ClientError.Transaction.TransactionTimedOut', '25N05', 'error');
    const failing = fakeDriver(
      () => {
        throw timedOut;
      },
      { closeFails: true },
    );
    const failure = await failing.engine.getDocument('a').catch((e: unknown) => e);
    expect((failure as Error).message).toBe('[neo4j] query timed out after 1234 ms: getDocument');
    expect((failure as Error).cause).toBe(timedOut);
    await expect(failing.engine.ensureSchema()).rejects.toThrow('[neo4j] query timed out after 1234 ms: ensureSchema');
    const working = fakeDriver((s) => (s === cypher.getDocument ? [new Record(['document'], [{ id: 'a', known: true }])] : []), { closeFails: true });
    expect(await working.engine.getDocument('a')).toEqual(doc('a'));
    await expect(working.engine.ensureSchema()).resolves.toBeUndefined();
  });
});
