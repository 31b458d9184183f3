import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '@vanban/schema';
import { createMeiliSearchEngine, StoreError, type ProjectedDocument } from '../src/index.js';
import { toIndexedDocument } from '../src/meilisearch/document.js';
import { buildSettings } from '../src/meilisearch/settings.js';
import { MAX_QUERY_TERMS } from '../src/meilisearch/search.js';

type Doc = Record<string, unknown>;
type Outcome = 'succeeded' | 'processing' | { message: string; code: string };
interface FakeTask {
  uid: number;
  indexUid: string;
  type: string;
  /** documents sent with it (additions) */
  documents: Doc[];
  apply: () => void;
  done?: Outcome;
  /** polled at least once while still processing */
  started?: boolean;
}

const taskStatuses = ['enqueued', 'processing', 'succeeded', 'failed', 'canceled'];
const taskTypes = ['documentAdditionOrUpdate', 'documentEdition', 'documentDeletion', 'settingsUpdate', 'indexCreation', 'indexDeletion', 'indexUpdate', 'indexSwap', 'taskCancelation', 'taskDeletion', 'dumpCreation', 'snapshotCreation', 'upgradeDatabase'];

/**
 * A Meilisearch stand-in on a local port, answering the routes the engine uses as the real API
 * does (202 + taskUid for writes, GET /tasks/:uid, GET /tasks filtered by indexUids, types and
 * statuses, settings, index stats, /version, multi-search, search). With a master key every route
 * but /health wants `Authorization: Bearer <key>` (401 missing_authorization_header without one,
 * 403 invalid_api_key with a wrong one). Its search understands what the engine sends: phrases on
 * one field, the filter grammar (quoted strings with escapes, IN, OR, comparisons), sort by
 * dateNumber, page/hitsPerPage and facets; totalHits (estimatedTotalHits) and the hits stop at
 * pagination.maxTotalHits (1000 unless set); ranking score details on request, where the hits
 * past `cutOffAfter` carry the `skipped` rule of a search stopped by searchCutoffMs.
 */
class FakeMeili {
  readonly requests: Array<{ method: string; path: string; query: string; bytes: number; body?: unknown }> = [];
  readonly docs = new Map<string, Doc>();
  settings: Doc | null = null;
  readonly tasks = new Map<number, FakeTask>();
  /** how each task ends (asked when it is first polled) */
  outcome: (task: FakeTask) => Outcome = () => 'succeeded';
  /** what the server keeps of a settings update */
  keep: (patch: Doc) => Doc = (patch) => patch;
  /** the server's master key: null, no key needed */
  masterKey: string | null = null;
  /** a search stops ranking after this many hits (searchCutoffMs reached); null, never */
  cutOffAfter: number | null = null;
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

  /** Queue a task as a write request does (tests use it for another process's writes). */
  addTask(type: string, apply: () => void, documents: Doc[] = []): number {
    const uid = this.tasks.size;
    this.tasks.set(uid, { uid, indexUid: 'documents', type, documents, apply });
    return uid;
  }

  statusOf(task: FakeTask): string {
    if (typeof task.done === 'object') return 'failed';
    if (task.done === 'succeeded') return 'succeeded';
    return task.started ? 'processing' : 'enqueued';
  }

  private enqueue(res: ServerResponse, type: string, apply: () => void, documents: Doc[] = []): void {
    const uid = this.addTask(type, apply, documents);
    send(res, 202, { taskUid: uid, indexUid: 'documents', status: 'enqueued', type, enqueuedAt: new Date().toISOString() });
  }

  private taskView(task: FakeTask): Doc {
    const failed = typeof task.done === 'object' ? task.done : null;
    return { uid: task.uid, batchUid: task.uid, indexUid: task.indexUid, status: this.statusOf(task), type: task.type, canceledBy: null, details: {}, error: failed ? { ...failed, type: 'invalid_request', link: '' } : null, duration: null, enqueuedAt: '', startedAt: null, finishedAt: null };
  }

  /** GET /tasks: newest first, `from` a uid (inclusive), `next` the uid of the next page; list filters comma-separated, ANDed. */
  private listTasks(res: ServerResponse, params: URLSearchParams): void {
    const list = (name: string): string[] | null => (params.has(name) ? params.get(name)!.split(',') : null);
    const [indexUids, types, statuses] = [list('indexUids'), list('types'), list('statuses')];
    const bad = statuses?.find((v) => v !== '*' && !taskStatuses.includes(v));
    if (bad) return send(res, 400, { message: `Invalid value in parameter \`statuses\`: \`${bad}\` is not a valid task status.`, code: 'invalid_task_statuses', type: 'invalid_request', link: '' });
    const badType = types?.find((v) => v !== '*' && !taskTypes.includes(v));
    if (badType) return send(res, 400, { message: `Invalid value in parameter \`types\`: \`${badType}\` is not a valid task type.`, code: 'invalid_task_types', type: 'invalid_request', link: '' });
    const limit = Number(params.get('limit') ?? 20);
    const from = params.has('from') ? Number(params.get('from')) : Infinity;
    const keep = (values: string[] | null, v: string) => values === null || values.includes('*') || values.includes(v);
    const matching = [...this.tasks.values()].filter((t) => keep(indexUids, t.indexUid) && keep(types, t.type) && keep(statuses, this.statusOf(t))).sort((a, b) => b.uid - a.uid);
    const page = matching.filter((t) => t.uid <= from).slice(0, limit + 1);
    send(res, 200, { results: page.slice(0, limit).map((t) => this.taskView(t)), total: matching.length, limit, from: page[0]?.uid ?? null, next: page[limit]?.uid ?? null });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? JSON.parse(raw) : undefined;
    const url = new URL(req.url!, this.url);
    const route = `${req.method} ${url.pathname}`;
    this.requests.push({ method: req.method!, path: url.pathname, query: url.search, bytes: chunks.reduce((n, c) => n + c.length, 0), body });
    const notFound = () => send(res, 404, { message: 'Index `documents` not found.', code: 'index_not_found', type: 'invalid_request', link: '' });
    let m: RegExpExecArray | null;
    if (route === 'GET /health') return send(res, 200, { status: 'available' });
    if (this.masterKey !== null) {
      const auth = req.headers.authorization;
      if (!auth)
        return send(res, 401, { message: 'The Authorization header is missing. It must use the bearer authorization method.', code: 'missing_authorization_header', type: 'auth', link: 'https://docs.meilisearch.com/errors#missing_authorization_header' });
      if (auth !== `Bearer ${this.masterKey}`) return send(res, 403, { message: 'The provided API key is invalid.', code: 'invalid_api_key', type: 'auth', link: 'https://docs.meilisearch.com/errors#invalid_api_key' });
    }
    if (route === 'GET /version') return send(res, 200, { commitSha: '0000000000000000000000000000000000000000', commitDate: '2025-06-01T00:00:00Z', pkgVersion: '1.15.2' });
    if (route === 'GET /tasks') return this.listTasks(res, url.searchParams);
    if (route === 'GET /indexes/documents/stats') {
      if (!this.settings) return notFound();
      const fieldDistribution: Record<string, number> = {};
      for (const d of this.docs.values()) for (const k of Object.keys(d)) fieldDistribution[k] = (fieldDistribution[k] ?? 0) + 1;
      const isIndexing = [...this.tasks.values()].some((t) => ['enqueued', 'processing'].includes(this.statusOf(t)));
      return send(res, 200, { numberOfDocuments: this.docs.size, rawDocumentDbSize: 0, avgDocumentSize: 0, isIndexing, numberOfEmbeddings: 0, numberOfEmbeddedDocuments: 0, fieldDistribution });
    }
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
        const outcome = this.outcome(task);
        if (outcome === 'processing') task.started = true;
        else task.done = outcome;
        if (task.done === 'succeeded') task.apply();
      }
      return send(res, 200, this.taskView(task));
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
    // ranking score details on request; past the cutoff the ranking rules were skipped
    const details = (k: number) => (this.cutOffAfter !== null && k >= this.cutOffAfter ? { skipped: { order: 0 } } : { words: { order: 0, matchingWords: phrases.length, maxMatchingWords: phrases.length, score: 1 } });
    const pick = (d: Doc, k: number) => ({
      ...Object.fromEntries(((q.attributesToRetrieve as string[] | undefined) ?? Object.keys(d)).filter((k) => k in d).map((k) => [k, d[k]])),
      ...(q.showRankingScoreDetails === true ? { _rankingScoreDetails: details(k) } : {}),
    });
    // the server counts and returns at most pagination.maxTotalHits hits
    const maxTotalHits = Number((this.settings?.pagination as Doc | undefined)?.maxTotalHits ?? 1000);
    const total = Math.min(found.length, maxTotalHits);
    const window = (offset: number, limit: number) => {
      const at = Math.min(offset, maxTotalHits);
      return found.slice(at, at + Math.min(limit, maxTotalHits - at)).map((d, k) => pick(d, at + k));
    };
    if (q.hitsPerPage !== undefined) {
      const per = Number(q.hitsPerPage);
      return { hits: window((Number(q.page ?? 1) - 1) * per, per), totalHits: total, page: q.page, hitsPerPage: per, totalPages: Math.ceil(total / per), facetDistribution };
    }
    return { hits: window(0, Number(q.limit ?? 20)), estimatedTotalHits: total, offset: 0, limit: q.limit, facetDistribution };
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
const engine = (o: { maxBatchBytes?: number; taskTimeoutMs?: number; settingsTimeoutPerDocumentMs?: number; apiKey?: string } = {}) =>
  createMeiliSearchEngine({
    url: fake.url,
    apiKey: o.apiKey,
    taskTimeoutMs: o.taskTimeoutMs ?? 2_000,
    settingsTimeoutPerDocumentMs: o.settingsTimeoutPerDocumentMs,
    maxBatchBytes: o.maxBatchBytes,
    pollIntervalMs: 5,
  });

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
    expect((await e.search({ q: 'đuối nước', page: Number.NaN, pageSize: 1e9, yearFrom: Number.NaN })).pageSize).toBe(MAX_PAGE_SIZE);
  });

  it('a settings update already pending is waited for, not queued again; nothing is sent when it set our settings', async () => {
    fake = await new FakeMeili().start();
    fake.settings = {};
    // another process (or ours, before a restart) sent the settings; the server is still re-indexing
    const pending = fake.addTask('settingsUpdate', () => (fake.settings = { ...buildSettings() }));
    let polls = 0;
    fake.outcome = (t) => (t.uid === pending && polls++ < 3 ? 'processing' : 'succeeded');
    await engine().ensureSettings();
    const listing = fake.requests.find((r) => r.method === 'GET' && r.path === '/tasks')!;
    const params = new URLSearchParams(listing.query);
    expect([params.get('indexUids'), params.get('types'), params.get('statuses')]).toEqual(['documents', 'settingsUpdate', 'enqueued,processing']);
    expect(polls).toBeGreaterThan(3);
    expect(fake.statusOf(fake.tasks.get(pending)!)).toBe('succeeded');
    expect(fake.count('PATCH', /settings$/)).toBe(0);
  });

  it('after a pending update that set other settings, ours is sent once, when it has ended', async () => {
    fake = await new FakeMeili().start();
    fake.settings = {};
    const pending = fake.addTask('settingsUpdate', () => (fake.settings = { ...buildSettings(), rankingRules: ['words'] }));
    let polls = 0;
    fake.outcome = (t) => (t.uid === pending && polls++ < 2 ? 'processing' : 'succeeded');
    await engine().ensureSettings();
    const patch = fake.requests.findIndex((r) => r.method === 'PATCH');
    const lastPendingPoll = fake.requests.findLastIndex((r) => r.path === `/tasks/${pending}`);
    expect(fake.count('PATCH', /settings$/)).toBe(1);
    expect(lastPendingPoll).toBeGreaterThanOrEqual(0);
    expect(lastPendingPoll).toBeLessThan(patch);
    expect(fake.settings).toMatchObject({ rankingRules: buildSettings().rankingRules });
  });

  it('the settings update may take longer the more documents the index holds', async () => {
    fake = await new FakeMeili().start();
    fake.settings = {};
    for (let k = 0; k < 300; k++) fake.docs.set(`d${k}`, { id: `d${k}` });
    fake.outcome = (t) => (t.type === 'settingsUpdate' ? 'processing' : 'succeeded');
    await expect(engine({ taskTimeoutMs: 100, settingsTimeoutPerDocumentMs: 1 }).ensureSettings()).rejects.toThrow(
      /^\[meilisearch\] updating the settings of index "documents" \(300 documents to re-index\): task 0 did not finish within 400 ms/,
    );
    expect(fake.count('GET', /^\/indexes\/documents\/stats$/)).toBe(1);
  });

  it('a pending settings update that does not end in time is an error naming it', async () => {
    fake = await new FakeMeili().start();
    fake.settings = {};
    const pending = fake.addTask('settingsUpdate', () => undefined);
    fake.outcome = () => 'processing';
    await expect(engine({ taskTimeoutMs: 100 }).ensureSettings()).rejects.toThrow(
      new RegExp(`^\\[meilisearch\\] waiting for the pending settings update of index "documents": task ${pending} did not finish within 100 ms`),
    );
    expect(fake.count('PATCH', /settings$/)).toBe(0);
  });

  it('a number with more candidates than maxTotalHits (the server caps totalHits there) is not an exact total', async () => {
    fake = await new FakeMeili().start();
    const e = engine();
    await e.ensureSettings();
    const max = buildSettings().pagination!.maxTotalHits!;
    const many = (n: number) => {
      fake.docs.clear();
      for (let k = 0; k < n; k++) {
        const doc = toIndexedDocument({ ...base, id: `qd-${k}`, number: '1863/QĐ-UBND', serial: '1863', date: '2020-01-01', text: 'Quyết định' });
        fake.docs.set(doc.id, doc as unknown as Doc);
      }
    };
    many(max + 1);
    const over = await e.search({ q: '1863/QĐ-UBND' });
    expect(over).toMatchObject({ total: max, totalIsExact: false });
    many(max);
    expect(await e.search({ q: '1863/QĐ-UBND' })).toMatchObject({ total: max, totalIsExact: false });
    many(max - 1);
    expect(await e.search({ q: '1863/QĐ-UBND' })).toMatchObject({ total: max - 1, totalIsExact: true });
  });

  it('a query finds the documents with all its words in any order, punctuation apart; past four syllables or 10 terms the total is not exact', async () => {
    fake = await new FakeMeili().start();
    const e = engine();
    await e.upsertDocuments([
      { ...base, id: 'phrase', date: '2020-01-01', text: 'Phòng chống đuối nước trẻ em giai đoạn 2014-2015' },
      { ...base, id: 'apart', date: '2021-01-01', text: 'Tăng cường phòng, chống tai nạn, thương tích, đặc biệt là đuối nước ở trẻ em' },
      { ...base, id: 'scattered', date: '2022-01-01', text: 'Phòng họp; chống lấn chiếm; đuối sức; nước sạch; trẻ hóa; em bé' },
    ]);
    const ids = async (q: string) => (await e.search({ q })).hits.map((h) => h.id).sort();
    // a syllable alone is no word: "nạn đuối" is nowhere, "đuối" and "nước" in 'scattered' are apart
    expect(await ids('chống tai nạn đuối')).toEqual([]);
    // four syllables: the rule itself, an exact total
    const four = await e.search({ q: 'phòng chống trẻ em' });
    expect(four.hits.map((h) => h.id).sort()).toEqual(['apart', 'phrase']);
    expect(four.totalIsExact).toBe(true);
    const six = await e.search({ q: 'phòng chống đuối nước trẻ em' });
    expect(six.hits.map((h) => h.id).sort()).toEqual(['apart', 'phrase']);
    expect(six.totalIsExact).toBe(false);
    const sent = (fake.requests.filter((r) => r.path === '/multi-search').at(-1)!.body as { queries: Doc[] }).queries[0].q as string;
    expect(sent.match(/"[^"]*"/g)).toEqual(['"phong chong"', '"duoi"', '"nuoc"', '"tre em"']);
    // 16 syllables: 14 terms, the first 10 sent
    const words = ['mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin', 'muoi', 'muoimot', 'muoihai', 'muoiba', 'muoibon', 'muoilam', 'muoisau'];
    await e.search({ q: words.join(' ') });
    const long = (fake.requests.filter((r) => r.path === '/multi-search').at(-1)!.body as { queries: Doc[] }).queries[0].q as string;
    expect(long.match(/"[^"]*"/g)).toHaveLength(MAX_QUERY_TERMS);
  });

  it('a search Meilisearch cut off (searchCutoffMs: hits with a skipped ranking rule) is not an exact total', async () => {
    fake = await new FakeMeili().start();
    const e = engine();
    await e.upsertDocuments(corpus);
    const whole = await e.search({ q: 'đuối nước', pageSize: 10 });
    expect(whole).toMatchObject({ total: 4, totalIsExact: true });
    for (const r of fake.requests.filter((r) => r.path === '/multi-search')) for (const q of (r.body as { queries: Doc[] }).queries) expect(q.showRankingScoreDetails).toBe(true);
    fake.cutOffAfter = 1;
    const cut = await e.search({ q: 'đuối nước', pageSize: 10 });
    expect(cut).toMatchObject({ total: 4, totalIsExact: false });
    expect(cut.hits.map((h) => h.id).sort()).toEqual(whole.hits.map((h) => h.id).sort());
    expect(Object.keys(cut.hits[0]).sort()).toEqual(Object.keys(whole.hits[0]).sort());
  });

  it('health checks the API key on an authenticated route: /health alone answers without one', async () => {
    fake = await new FakeMeili().start();
    fake.masterKey = 'a-master-key-of-16-bytes';
    expect(await engine({ apiKey: 'a-master-key-of-16-bytes' }).checkHealth()).toEqual({ backend: 'meilisearch', ok: true });
    expect(await engine({ apiKey: 'wrong-key' }).checkHealth()).toEqual({
      backend: 'meilisearch',
      ok: false,
      error: expect.stringMatching(/^\[meilisearch\] the server refused the API key \(HTTP 403\): The provided API key is invalid\.: \(invalid_api_key\); check the engine's apiKey/),
    });
    expect(await engine().checkHealth()).toMatchObject({ ok: false, error: expect.stringMatching(/refused the API key \(HTTP 401\): The Authorization header is missing.*\(missing_authorization_header\)/) });
    expect(fake.count('GET', /^\/version$/)).toBe(3);
    await expect(engine({ apiKey: 'wrong-key' }).search({ q: 'đuối nước' })).rejects.toThrow(/^\[meilisearch\] searching index "documents": The provided API key is invalid/);
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
