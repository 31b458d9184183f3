import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScaleOutStore, createSqliteStore, StoreError, syncToEngines, type GraphEngine, type ProjectedDocument, type ProjectedEdge, type SearchEngine, type StoredDocument } from '../src/index.js';
import { letter } from './conformance.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'vanban-sync-')), 'vanban.db');

/** Engines that remember what they were sent (the real ones need servers; these check the copying). */
function recordingEngines(failOnBatch = -1) {
  const nodes = new Map<string, StoredDocument>();
  const edges = new Map<string, ProjectedEdge>();
  const indexed = new Map<string, ProjectedDocument>();
  const upserts: string[] = [];
  let batches = 0;
  const unused = () => Promise.reject(new Error('not used by the sync'));
  const graph: GraphEngine = {
    ensureSchema: async () => {},
    upsertDocuments: async (docs) => {
      if (batches++ === failOnBatch) throw new Error('connection reset by peer');
      for (const d of docs) nodes.set(d.id, d);
    },
    replaceEdgesAssertedBy: async (by, list) => {
      for (const [k, e] of edges) if (by.includes(e.assertedBy)) edges.delete(k);
      for (const e of list) {
        expect(nodes.has(e.from) && nodes.has(e.to), `both ends of ${e.from} -> ${e.to} exist first`).toBe(true);
        edges.set(`${e.from}>${e.to}>${e.relation}>${e.assertedBy}`, e);
      }
    },
    removeDocuments: async (ids) => {
      for (const id of ids) nodes.delete(id);
      for (const [k, e] of edges) if (ids.includes(e.from) || ids.includes(e.to)) edges.delete(k);
    },
    getDocument: unused,
    trace: unused,
    implementations: unused,
    audit: unused,
    checkHealth: async () => ({ backend: 'fake-graph', ok: true }),
    clear: async () => nodes.clear(),
    close: async () => {},
  };
  const search: SearchEngine = {
    ensureSettings: async () => {},
    upsertDocuments: async (docs) => {
      for (const d of docs) (indexed.set(d.id, d), upserts.push(d.id));
    },
    removeDocuments: async (ids) => {
      for (const id of ids) indexed.delete(id);
    },
    search: unused,
    checkHealth: async () => ({ backend: 'fake-search', ok: true }),
    clear: async () => indexed.clear(),
    close: async () => {},
  };
  return { graph, search, nodes, edges, indexed, upserts };
}

function corpus(path: string) {
  const store = createSqliteStore(path);
  for (let i = 0; i < 12; i++) {
    // every third letter is a plan implementing 20-CT/TW; the two after it implement the plan
    const body = i % 3 === 0 ? 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.' : `Thực hiện Kế hoạch số ${100 + i - (i % 3)}/KH-UBND ngày 05/01/2020 của UBND tỉnh Bắc Giang về phòng chống đuối nước.`;
    const number = i % 3 === 0 ? `${100 + i}/KH-UBND` : `${i}/UBND-VX`;
    store.ingestFile({ source: `f${i}.txt`, bytes: enc(letter({ number, place: 'Bắc Giang', date: '05/01/2020', body })) });
  }
  return store;
}

describe('copying the embedded database into the engines (vanban sync)', () => {
  it('copies every document and edge once; a second run copies nothing', async () => {
    const store = corpus(tempDb());
    const engines = recordingEngines();
    const first = await syncToEngines(store, engines, { target: 't', batchSize: 5 });
    const docs = store.stats().documents;
    expect(first).toEqual({ documents: docs, changed: docs, removed: 0 });
    expect(engines.indexed.size).toBe(docs);
    expect(engines.edges.size).toBe(store.stats().edges);
    expect(engines.indexed.get('4-ubnd-vx-2020-bac-giang')).toMatchObject({ citedNumbers: ['103/KH-UBND'], citedSerials: ['103'], serial: '4' });
    expect(engines.indexed.get('103-kh-ubnd-2020-bac-giang')!.text).toContain('Chỉ thị số 20-CT/TW');
    expect(engines.edges.get('4-ubnd-vx-2020-bac-giang>103-kh-ubnd-2020-bac-giang>IMPLEMENTS>4-ubnd-vx-2020-bac-giang')?.sentence).toContain('Kế hoạch số 103/KH-UBND');
    expect((await syncToEngines(store, engines, { target: 't', batchSize: 5 })).changed).toBe(0);
    store.close();
  });

  it('an interrupted copy names where it stopped, and the next run continues from there', async () => {
    const store = corpus(tempDb());
    const error = await syncToEngines(store, recordingEngines(1), { target: 't', batchSize: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/^sync stopped at documents \S+ … \S+ \(6-10 of \d+\); run it again to continue: connection reset by peer$/);
    const engines = recordingEngines();
    const resumed = await syncToEngines(store, engines, { target: 't', batchSize: 5 });
    // the first batch went through before the failure: only the rest is copied
    expect(resumed.changed).toBe(store.stats().documents - 5);
    expect(new Set(engines.upserts).size).toBe(engines.upserts.length);
    store.close();
  });

  it('a document gone from the database is removed from the engines; another target starts afresh', async () => {
    const store = corpus(tempDb());
    const engines = recordingEngines();
    await syncToEngines(store, engines, { target: 't' });
    store.ingestFile({ source: 'f1.txt', bytes: enc(letter({ number: '201/UBND-VX', place: 'Bắc Giang', date: '06/01/2020', body: 'Nội dung khác.' })) });
    const next = await syncToEngines(store, engines, { target: 't' });
    expect(next.removed).toBe(1);
    expect(engines.indexed.has('1-ubnd-vx-2020-bac-giang')).toBe(false);
    expect(engines.indexed.has('201-ubnd-vx-2020-bac-giang')).toBe(true);
    expect([...engines.edges.values()].some((e) => e.from === '1-ubnd-vx-2020-bac-giang')).toBe(false);
    expect((await syncToEngines(store, recordingEngines(), { target: 'elsewhere' })).changed).toBe(store.stats().documents);
    store.close();
  });

  it('the scale-out store copies each ingested file at once, with the earlier letters that now resolve to it', async () => {
    const engines = recordingEngines();
    const store = createScaleOutStore({ staging: createSqliteStore(tempDb()), graph: engines.graph, search: engines.search, target: 't' });
    await store.ingestFile({ source: 'x.txt', bytes: enc(letter({ number: '10/UBND-VX', place: 'Bắc Giang', date: '01/03/2020', body: 'Căn cứ Kế hoạch số 11/KH-UBND của UBND tỉnh.' })) });
    expect(engines.indexed.has('10-ubnd-vx-2020-bac-giang')).toBe(true);
    expect(engines.edges.size).toBe(0); // a year-less citation is not guessed
    await store.ingestFile({ source: 'y.txt', bytes: enc(letter({ number: '11/KH-UBND', place: 'Bắc Giang', date: '02/01/2020', body: 'Nội dung kế hoạch.' })) });
    expect([...engines.edges.values()].map((e) => [e.from, e.to, e.assertedBy])).toEqual([['10-ubnd-vx-2020-bac-giang', '11-kh-ubnd-2020-bac-giang', '10-ubnd-vx-2020-bac-giang']]);
    expect((await store.checkHealth()).map((h) => h.backend)).toEqual(['sqlite', 'fake-graph', 'fake-search']);
    expect((await store.sync()).changed).toBe(0);
    await store.close();
  });

  it('the scale-out store copies what re-ingesting a file changed elsewhere: cited-only nodes gone, renamed, left by their file', async () => {
    const engines = recordingEngines();
    const store = createScaleOutStore({ staging: createSqliteStore(tempDb()), graph: engines.graph, search: engines.search, target: 't' });
    const ingest = (source: string, number: string, date: string, body: string) => store.ingestFile({ source, bytes: enc(letter({ number, place: 'Bắc Giang', date, body })) });
    await ingest('plan.txt', '7/KH-UBND', '02/01/2020', 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.');
    await ingest('a.txt', '9/UBND-VX', '01/03/2020', 'Thực hiện Kế hoạch số 3/KH-UBND ngày 05/01/2020 của UBND tỉnh Bắc Giang và Kế hoạch số 7/KH-UBND ngày 03/01/2020 của Ủy ban nhân dân tỉnh.');
    await ingest('c.txt', '11/UBND-VX', '01/03/2020', 'Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Ban Bí thư; Chỉ thị số 05-CT/TW ngày 15/5/2016 của Ban Bí thư.');
    await ingest('b.txt', '10/UBND-VX', '01/03/2020', 'Căn cứ Chỉ thị số 05-CT/TW ngày 16/5/2016 của Bộ Chính trị.');
    expect(engines.indexed.get('05-ct-tw-2016')).toMatchObject({ issuer: 'Ban Bí thư', date: '2016-05-15' });
    expect(engines.nodes.has('3-kh-ubnd-2020-bac-giang')).toBe(true);
    // a.txt cites 4/KH-UBND now; c.txt nothing; plan.txt holds another plan, 7/KH-UBND cited by nobody now
    await ingest('a.txt', '9/UBND-VX', '01/03/2020', 'Thực hiện Kế hoạch số 4/KH-UBND ngày 05/01/2020 của UBND tỉnh Bắc Giang và Kế hoạch số 7/KH-UBND ngày 03/01/2020 của Ủy ban nhân dân tỉnh.');
    await ingest('c.txt', '11/UBND-VX', '01/03/2020', 'Về học tập và làm theo tư tưởng Hồ Chí Minh.');
    await ingest('plan.txt', '8/KH-UBND', '02/01/2020', 'Nội dung kế hoạch khác.');
    for (const ids of [engines.nodes, engines.indexed]) {
      expect(ids.has('3-kh-ubnd-2020-bac-giang')).toBe(false);
      expect(ids.has('20-ct-tw-2012')).toBe(false);
    }
    expect(engines.indexed.get('05-ct-tw-2016')).toMatchObject({ known: false, issuer: 'Bộ Chính trị', date: '2016-05-16' });
    expect(engines.nodes.get('05-ct-tw-2016')).toMatchObject({ issuer: 'Bộ Chính trị', date: '2016-05-16' });
    expect(engines.indexed.get('7-kh-ubnd-2020-bac-giang')).toMatchObject({ known: false, source: null, issuer: 'Ủy ban nhân dân tỉnh', date: '2020-01-03' });
    // nothing left for a full copy to do
    expect(await store.sync()).toMatchObject({ changed: 0, removed: 0 });
    await store.close();
  });
});
