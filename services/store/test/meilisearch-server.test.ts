import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeiliSearchEngine, StoreError, type ProjectedDocument } from '../src/index.js';

type Doc = Record<string, unknown>;
type Outcome = 'succeeded' | 'processing' | { message: string; code: string };
interface FakeTask {
  uid: number;
  type: string;
  /** documents sent with it (additions) */
  documents: Doc[];
  apply: () => void;
  done?: Outcome;
}

/**
 * A Meilisearch stand-in on a local port, answering the routes the engine uses as the real API
 * does (202 + taskUid for writes, GET /tasks/:uid, settings, multi-search, search). Its search
 * understands what the engine sends: phrases on one field, the filter grammar (quoted strings with
 * escapes, IN, OR, comparisons), sort by dateNumber, page/hitsPerPage and facets.
 */
class FakeMeili {
  readonly requests: Array<{ method: string; path: string; bytes: number }> = [];
  readonly docs = new Map<string, Doc>();
  settings: Doc | null = null;
  readonly tasks = new Map<number, FakeTask>();
  /** how each task ends (asked when it is first polled) */
  outcome: (task: FakeTask) => Outcome = () => 'succeeded';
  /** what the server keeps of a settings update */
  keep: (patch: Doc) => Doc = (patch) => patch;
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  count(method: string, path: RegExp): number {
    return this.requests.filter((r) => r.method === method && path.test(r.path)).length;
  }

  private enqueue(res: ServerResponse, type: string, apply: () => void, documents: Doc[] = []): void {
    const uid = this.tasks.size;
    this.tasks.set(uid, { uid, type, documents, apply });
    send(res, 202, { taskUid: uid, indexUid: 'documents', status: 'enqueued', type, enqueuedAt: new Date().toISOString() });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? JSON.parse(raw) : undefined;
    const url = new URL(req.url!, this.url);
    const route = `${req.method} ${url.pathname}`;
    this.requests.push({ method: req.method!, path: url.pathname, bytes: chunks.reduce((n, c) => n + c.length, 0) });
    const notFound = () => send(res, 404, { message: 'Index `documents` not found.', code: 'index_not_found', type: 'invalid_request', link: '' });
    let m: RegExpExecArray | null;
    if (route === 'GET /health') return send(res, 200, { status: 'available' });
    if (route === 'POST /indexes') return this.enqueue(res, 'indexCreation', () => (this.settings ??= {}));
    if (route === 'GET /indexes/documents/settings') return this.settings ? send(res, 200, this.settings) : notFound();
    if (route === 'PATCH /indexes/documents/settings') return this.enqueue(res, 'settingsUpdate', () => (this.settings = { ...this.settings, ...this.keep(body) }));
    if (route === 'POST /indexes/documents/documents') {
      expect(url.searchParams.get('primaryKey')).toBe('id');
      return this.enqueue(res, 'documentAdditionOrUpdate', () => body.forEach((d: Doc) => this.docs.set(String(d.id), d)), body);
    }
    if (route === 'POST /indexes/documents/documents/delete-batch') return this.enqueue(res, 'documentDeletion', () => body.forEach((id: string) => this.docs.delete(id)));
    if (route === 'DELETE /indexes/documents/documents') return this.enqueue(res, 'documentDeletion', () => this.docs.clear());
    if ((m = /^GET \/tasks\/(\d+)$/.exec(route))) {
      const task = this.tasks.get(Number(m[1]))!;
      if (!task.done) {
        task.done = this.outcome(task);
        if (task.done === 'succeeded') task.apply();
      }
      const failed = typeof task.done === 'object' ? task.done : null;
      const status = failed ? 'failed' : task.done;
      if (status === 'processing') task.done = undefined;
      return send(res, 200, { uid: task.uid, batchUid: task.uid, indexUid: 'documents', status, type: task.type, canceledBy: null, details: {}, error: failed ? { ...failed, type: 'invalid_request', link: '' } : null, duration: null, enqueuedAt: '', startedAt: null, finishedAt: null });
    }
    try {
      if (route === 'POST /multi-search') return send(res, 200, { results: body.queries.map((q: Doc) => ({ indexUid: 'documents', ...this.search(q) })) });
      if (route === 'POST /indexes/documents/search') return send(res, 200, this.search(body));
    } catch (error) {
      // as Meilisearch answers a filter it cannot parse
      return send(res, 400, { message: (error as Error).message, code: 'invalid_search_filter', type: 'invalid_request', link: '' });
    }
    send(res, 404, { message: `no route ${route}`, code: 'not_found', type: 'invalid_request', link: '' });
  }

  private search(q: Doc): Doc {
    const phrases = [...String(q.q ?? '').matchAll(/"([^"]*)"/g)].map((p) => p[1].split(' '));
    const fields = (q.attributesToSearchOn as string[] | undefined) ?? ['folded', 'exact'];
    const has = (d: Doc, words: string[]) => fields.some((f) => ` ${String(d[f] ?? '')} `.includes(` ${words.join(' ')} `));
    const filters = q.filter === undefined ? [] : Array.isArray(q.filter) ? (q.filter as string[]) : [q.filter as string];
    let found = [...this.docs.values()].filter((d) => phrases.every((p) => has(d, p)) && filters.every((f) => evaluateFilter(f, d)));
    if ((q.sort as string[] | undefined)?.[0] === 'dateNumber:desc') found = found.sort((a, b) => Number(b.dateNumber) - Number(a.dateNumber));
    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const f of (q.facets as string[] | undefined) ?? []) {
      const counts: Record<string, number> = (facetDistribution[f] = {});
      for (const d of found) for (const v of ([] as unknown[]).concat(d[f] ?? [])) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
    }
    const pick = (d: Doc) => Object.fromEntries(((q.attributesToRetrieve as string[] | undefined) ?? Object.keys(d)).filter((k) => k in d).map((k) => [k, d[k]]));
    if (q.hitsPerPage !== undefined) {
      const per = Number(q.hitsPerPage);
      const at = (Number(q.page ?? 1) - 1) * per;
      return { hits: found.slice(at, at + per).map(pick), totalHits: found.length, page: q.page, hitsPerPage: per, totalPages: Math.ceil(found.length / per), facetDistribution };
    }
    return { hits: found.slice(0, Number(q.limit ?? 20)).map(pick), estimatedTotalHits: found.length, offset: 0, limit: q.limit, facetDistribution };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Meilisearch's filter grammar, as much of it as the engine writes: a malformed filter throws. */
function evaluateFilter(filter: string, doc: Doc): boolean {
  const tokens: string[] = [];
  const token = /\s*("(?:[^"\\]|\\[\s\S])*"|>=|<=|[()[\],=]|[^\s()[\],="]+)\s*/y;
  for (let m: RegExpExecArray | null; token.lastIndex < filter.length && (m = token.exec(filter)); ) tokens.push(m[1]);
  expect(token.lastIndex, `filter tokenizes whole: ${filter}`).toBe(filter.length);
  let at = 0;
  const literal = (t: string): string | number => (t.startsWith('"') ? t.slice(1, -1).replace(/\\([\s\S])/g, '$1') : Number(t));
  const equals = (field: unknown, v: string | number) => ([] as unknown[]).concat(field ?? []).some((x) => x === v);
  const term = (): boolean => {
    if (tokens[at] === '(') {
      at++;
      const v = expr();
      expect(tokens[at++]).toBe(')');
      return v;
    }
    const field = doc[tokens[at++]];
    const op = tokens[at++];
    if (op === 'IN') {
      expect(tokens[at++]).toBe('[');
      const values: Array<string | number> = [];
      while (tokens[at] !== ']') {
        values.push(literal(tokens[at++]));
        if (tokens[at] === ',') at++;
      }
      at++;
      return values.some((v) => equals(field, v));
    }
    const v = literal(tokens[at++]);
    if (op === '=') return equals(field, v);
    if (op === '>=') return Number(field) >= Number(v);
    if (op === '<=') return Number(field) <= Number(v);
    throw new Error(`operator ${op} in ${filter}`);
  };
  const expr = (): boolean => {
    let v = term();
    while (tokens[at] === 'OR') {
      at++;
      v = term() || v;
    }
    return v;
  };
  const result = expr();
  expect(at, `whole filter read: ${filter}`).toBe(tokens.length);
  return result;
}

const base: ProjectedDocument = {
  id: '',
  number: null,
  year: 2019,
  jurisdiction: '',
  type: 'Kế hoạch',
  typeCode: 'KH',
  issuer: null,
  issuerLevel: 'province',
  province: 'Bắc Giang',
  district: null,
  date: '2019-01-01',
  subject: null,
  signer: null,
  topics: [],
  draft: false,
  known: true,
  source: 'x.md',
  text: '',
  serial: null,
  citedNumbers: [],
  citedSerials: [],
};
const corpus: ProjectedDocument[] = [
  { ...base, id: 'a', date: '2020-05-01', text: 'Kế hoạch phòng, chống đuối nước cho trẻ em', province: 'Quảng Nam' },
  { ...base, id: 'b', date: '2021-05-01', text: 'Bảo trì thiết bị dưới nước' },
  { ...base, id: 'c', date: '2019-03-01', text: 'Tuyên truyền về đuối nước mùa hè', citedNumbers: ['1863/QĐ-TTg'], citedSerials: ['1863'] },
  { ...base, id: 'd', text: 'Không liên quan' },
  { ...base, id: '1863-qd-ttg-2019', number: '1863/QĐ-TTg', serial: '1863', issuerLevel: 'government', province: null, date: '2019-12-23', text: 'QUYẾT ĐỊNH 1863/QĐ-TTg về đuối nước', type: 'Quyết định', typeCode: 'QĐ' },
  { ...base, id: 'e', date: '2021-01-01', text: 'Thực hiện Quyết định số 1863/QĐ-TTg', citedNumbers: ['1863/QĐ-TTg', '20-CT/TW'], citedSerials: ['1863', '20'] },
  { ...base, id: 'f', date: '2022-01-01', number: '1863/QĐ-UBND', serial: '1863', text: 'Quyết định 1863/QĐ-UBND', typeCode: 'QĐ', type: 'Quyết định' },
];

let fake: FakeMeili;
const engine = (o: { maxBatchBytes?: number; taskTimeoutMs?: number } = {}) =>
  createMeiliSearchEngine({ url: fake.url, taskTimeoutMs: o.taskTimeoutMs ?? 2_000, maxBatchBytes: o.maxBatchBytes, pollIntervalMs: 5 });

afterEach(async () => {
  await fake?.close();
});

describe('meilisearch engine against a fake server', () => {
  it('creates the index, applies the settings and reads them back; unchanged settings are not sent again', async () => {
    fake = await new FakeMeili().start();
    const e = engine();
    await e.ensureSettings();
    expect(fake.count('POST', /^\/indexes$/)).toBe(1);
    expect(fake.count('PATCH', /settings$/)).toBe(1);
    expect(fake.settings).toMatchObject({ searchableAttributes: ['folded', 'exact'] });
    await e.ensureSettings();
    expect(fake.count('PATCH', /settings$/)).toBe(1);
  });

  it('fails naming the setting the server did not keep', async () => {
    fake = await new FakeMeili().start();
    fake.keep = (patch) => ({ ...patch, faceting: { maxValuesPerFacet: 10, sortFacetValuesBy: { '*': 'count' } } });
    await expect(engine().ensureSettings()).rejects.toThrow(/\[meilisearch\] index "documents": setting faceting\.maxValuesPerFacet reads back as 10, expected 100/);
  });

  it('a failed settings task is an error with Meilisearch’s message', async () => {
    fake = await new FakeMeili().start();
    fake.outcome = (t) => (t.type === 'settingsUpdate' ? { message: 'Unknown ranking rule `attributeRank`.', code: 'invalid_settings_ranking_rules' } : 'succeeded');
    await expect(engine().ensureSettings()).rejects.toThrow(/updating the settings.*failed: Unknown ranking rule `attributeRank`\. \(invalid_settings_ranking_rules\)/);
  });

  it('splits documents into batches under the payload cap, awaiting each', async () => {
    fake = await new FakeMeili().start();
    const docs = Array.from({ length: 40 }, (_, k) => ({ ...base, id: `doc-${k}`, text: 'phòng chống đuối nước '.repeat(30) }));
    await engine({ maxBatchBytes: 12_000 }).upsertDocuments(docs);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === '/indexes/documents/documents');
    expect(posts.length).toBeGreaterThan(3);
    for (const p of posts) expect(p.bytes).toBeLessThanOrEqual(12_000);
    expect(fake.docs.size).toBe(40);
    expect(fake.count('GET', /^\/tasks\//)).toBeGreaterThanOrEqual(posts.length);
    expect(fake.docs.get('doc-0')).toMatchObject({ folded: expect.stringContaining('duoi nuoc'), dateNumber: 20190101 });
  });

  it('a failed batch throws a StoreError naming the batch and Meilisearch’s message', async () => {
    fake = await new FakeMeili().start();
    fake.outcome = (t) => (t.documents.some((d) => d.id === 'doc-3') ? { message: 'Document identifier `doc 3` is invalid.', code: 'invalid_document_id' } : 'succeeded');
    const docs = Array.from({ length: 6 }, (_, k) => ({ ...base, id: `doc-${k}`, text: 'x'.repeat(100) }));
    const error = await engine({ maxBatchBytes: 2_000 })
      .upsertDocuments(docs)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(/^\[meilisearch\] adding documents 3-4 of 6 \(ids doc-2 … doc-3\) to index "documents" \(\d+ bytes\): task \d+ failed: Document identifier `doc 3` is invalid\. \(invalid_document_id\)$/);
    expect(fake.docs.has('doc-0') && !fake.docs.has('doc-4')).toBe(true);
  });

  it('a task that never finishes times out with a clear message', async () => {
    fake = await new FakeMeili().start();
    fake.outcome = () => 'processing';
    await expect(engine({ taskTimeoutMs: 200 }).upsertDocuments([{ ...base, id: 'slow' }])).rejects.toThrow(
      /^\[meilisearch\] adding documents 1-1 of 1 \(ids slow … slow\).*: task 0 did not finish within 20\d ms/,
    );
    await expect(engine({ taskTimeoutMs: 200 }).clear()).rejects.toThrow(/removing every document.*did not finish within/);
  });

  it('removal and clearing are awaited and checked', async () => {
    fake = await new FakeMeili().start();
    const e = engine();
    await e.upsertDocuments(corpus);
    await e.removeDocuments(['a', 'b']);
    expect([...fake.docs.keys()]).not.toContain('a');
    fake.outcome = () => ({ message: 'Index `documents` not found.', code: 'index_not_found' });
    await expect(e.removeDocuments(['c'])).rejects.toThrow(/removing documents 1-1 of 1 \(ids c … c\).*failed: Index `documents` not found/);
    await expect(e.clear()).rejects.toThrow(StoreError);
    fake.outcome = () => 'succeeded';
    await e.clear();
    expect(fake.docs.size).toBe(0);
  });

  it('words typed with diacritics: the exact matches first, then the folded ones, paged correctly', async () => {
    fake = await new FakeMeili().start();
    const e = engine();
    await e.upsertDocuments(corpus);
    const pages = await Promise.all([1, 2, 3, 4].map((page) => e.search({ q: 'đuối nước', page, pageSize: 1 })));
    const seen = pages.flatMap((p) => p.hits.map((h) => [h.id, h.match]));
    expect(seen.slice(0, 3).every(([, m]) => m === 'exact')).toBe(true);
    expect(seen.slice(3)).toEqual([['b', 'folded']]);
    expect(new Set(seen.map(([id]) => id))).toEqual(new Set(['a', 'c', '1863-qd-ttg-2019', 'b']));
    expect(pages[0]).toMatchObject({ total: 4, totalIsExact: true, page: 1, pageSize: 1, facetSample: null });
    expect(pages[0].facets.province).toEqual([
      { value: 'Bắc Giang', count: 2 },
      { value: 'Quảng Nam', count: 1 },
    ]);
    expect(pages[0].facets.year).toEqual([{ value: '2019', count: 4 }]);
    const first = pages[0].hits[0];
    expect(first.snippet).toContain('<mark>đuối</mark> <mark>nước</mark>');
    expect(Object.keys(first).sort()).toEqual([...Object.keys(base).filter((k) => !['text', 'serial', 'citedNumbers', 'citedSerials'].includes(k)), 'snippet', 'match'].sort());

    const under = await e.search({ q: 'dưới nước', pageSize: 10 });
    expect(under.hits.map((h) => [h.id, h.match])[0]).toEqual(['b', 'exact']);
    expect(under.hits.slice(1).every((h) => h.match === 'folded')).toBe(true);
    const plain = await e.search({ q: 'DUOI NUOC', pageSize: 10 });
    expect(plain.total).toBe(4);
    expect(plain.hits.every((h) => h.match === 'folded')).toBe(true);
    expect((await e.search({ q: 'đuối nước', province: 'Quảng Nam' })).hits.map((h) => h.id)).toEqual(['a']);
  });

  it('a number finds the document, then every document citing it; a different code does not', async () => {
    fake = await new FakeMeili().start();
    const e = engine();
    await e.upsertDocuments(corpus);
    for (const q of ['1863/QĐ-TTg', '1863/qd-ttg', 'qd 1863', 'QĐ 1863', '1863 / QĐ-TTg']) {
      const result = await e.search({ q });
      const expected = q.includes('ttg') || q.includes('TTg') ? ['1863-qd-ttg-2019', 'e', 'c'] : ['f', '1863-qd-ttg-2019', 'e', 'c'];
      expect(result.hits.map((h) => h.id), q).toEqual(expected);
      expect(result.total).toBe(expected.length);
      expect(result.hits.map((h) => h.match)).toEqual(expected.map((id) => (id === 'e' || id === 'c' ? 'cites-number' : 'number')));
    }
    const result = await e.search({ q: '1863/QĐ-TTg' });
    expect(result.hits[0].snippet).toContain('<mark>1863</mark>');
    expect(result.facets.issuerLevel).toEqual([
      { value: 'province', count: 2 },
      { value: 'government', count: 1 },
    ]);
    expect((await e.search({ q: '1863/QĐ-TTg', yearFrom: 2020 })).hits).toEqual([]);
  });

  it('any user string gives results or an empty list, never an error', async () => {
    fake = await new FakeMeili().start();
    const e = engine();
    await e.upsertDocuments(corpus);
    for (const nasty of ['"', '\\', '" OR id EXISTS', 'Bắc Giang" OR "x', "'; DROP", '\u0000', ']', 'x'.repeat(2_000)]) {
      for (const key of ['province', 'type', 'issuerLevel', 'topic'] as const) {
        const result = await e.search({ q: 'đuối nước', [key]: nasty });
        expect(result.hits, `${key}=${nasty.slice(0, 20)}`).toEqual([]);
      }
      await expect(e.search({ q: nasty })).resolves.toMatchObject({ page: 1 });
    }
    expect((await e.search({ q: 'đuối nước', page: Number.NaN, pageSize: 1e9, yearFrom: Number.NaN })).pageSize).toBe(100);
  });

  it('health via /health; a closed port is ok: false from checkHealth and a StoreError from everything else', async () => {
    fake = await new FakeMeili().start();
    expect(await engine().checkHealth()).toEqual({ backend: 'meilisearch', ok: true });
    await fake.close();
    const e = engine();
    const health = await e.checkHealth();
    expect(health).toMatchObject({ backend: 'meilisearch', ok: false, error: expect.stringMatching(/^\[meilisearch\] Request to .* has failed: fetch failed/) });
    for (const call of [() => e.ensureSettings(), () => e.upsertDocuments(corpus), () => e.search({ q: 'đuối nước' }), () => e.removeDocuments(['a']), () => e.clear()]) {
      const error = await call().catch((x: unknown) => x);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as Error).message).toMatch(/^\[meilisearch\] .*(ECONNREFUSED|fetch failed)/);
      expect((error as Error).cause).toBeDefined();
    }
    fake = await new FakeMeili().start(); // for afterEach
  });
});
