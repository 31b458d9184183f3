import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExtractPool } from '@vanban/ingest/pool';
import { buildApp } from '../src/index.js';
import { API_KEY, letter as fixtureLetter, multipart, ownLetters, ownStore, tempDb } from './fixtures.js';

const letter = (issuer: string, number: string, place: string, date: string, body = 'Các đơn vị tổ chức thực hiện.'): string =>
  fixtureLetter({ issuer, number, place, date, subject: 'triển khai thực hiện', body });
import { createSqliteStore, type SqliteStore } from '@vanban/store';

describe('HTTP API over a real SQLite store', () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  beforeAll(async () => {
    store = ownStore();
    app = await buildApp({ store, apiKey: API_KEY, rateLimitPerMinute: 1000, uploadLimitBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  it('searches with and without diacritics, exact-diacritic matches first, with facets and snippets', async () => {
    const folded = (await app.inject('/api/search?q=duoi%20nuoc')).json();
    expect(folded.hits.map((h: { id: string }) => h.id).sort()).toEqual(['12-ubnd-vx-2020-quang-nam', '279-ubnd-ldtbxh-2015-bac-giang-luc-nam', '41-kh-ubnd-2013-bac-giang']);
    const exact = (await app.inject(`/api/search?q=${encodeURIComponent('dưới nước')}`)).json();
    expect(exact.hits[0].id).toBe('12-ubnd-vx-2020-quang-nam');
    expect(exact.hits[0].match).toBe('exact');
    const drowning = (await app.inject(`/api/search?q=${encodeURIComponent('đuối nước')}&province=${encodeURIComponent('Bắc Giang')}`)).json();
    expect(drowning.hits.map((h: { id: string }) => h.id).sort()).toEqual(['279-ubnd-ldtbxh-2015-bac-giang-luc-nam', '41-kh-ubnd-2013-bac-giang']);
    expect(drowning.hits[0].snippet).toContain('<mark>');
    expect(drowning.facets.province).toEqual([{ value: 'Bắc Giang', count: 2 }]);
  });

  it('finds a number typed loosely: the document and every document citing it', async () => {
    const r = (await app.inject(`/api/search?q=${encodeURIComponent('qd 1863')}`)).json();
    expect(r.hits.map((h: { id: string }) => h.id)).toContain('12-ubnd-vx-2020-quang-nam');
    const lookup = (await app.inject(`/api/lookup?number=${encodeURIComponent('41/kh-ubnd')}`)).json();
    expect(lookup.documents.map((d: { id: string }) => d.id)).toEqual(['41-kh-ubnd-2013-bac-giang']);
  });

  it('any string a user types gives results or an empty list, never an error', async () => {
    for (const q of ['"', 'NEAR(', 'a OR', '*', '-)', 'đuối" AND (', '^^^', '1863/', '/QĐ']) {
      const r = await app.inject(`/api/search?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, q).toBe(200);
    }
  });

  it('describes a document: header, text with citation spans, citations out, cited-by in', async () => {
    const r = (await app.inject('/api/documents/41-kh-ubnd-2013-bac-giang')).json();
    expect(r.document.number).toBe('41/KH-UBND');
    expect(r.document.province).toBe('Bắc Giang');
    const c = r.citations.find((x: { number: string }) => x.number === '20-CT/TW');
    expect(r.text.slice(c.start, c.end)).toBe(c.raw);
    expect(c.relation).toBe('IMPLEMENTS');
    expect(c.target).toBe('20-ct-tw-2012');
    expect(r.citedBy.map((h: { document: { id: string }; relation: string }) => [h.document.id, h.relation])).toEqual([['279-ubnd-ldtbxh-2015-bac-giang-luc-nam', 'IMPLEMENTS']]);
  });

  it('traces up to the root and lists implementations down, level by level', async () => {
    const trace = (await app.inject('/api/documents/279-ubnd-ldtbxh-2015-bac-giang-luc-nam/trace')).json();
    expect(trace.chains.map((c: Array<{ document: { id: string } }>) => c.map((h) => h.document.id))).toEqual([['41-kh-ubnd-2013-bac-giang', '20-ct-tw-2012']]);
    expect(trace.chains[0][0].sentence).toContain('Kế hoạch số 41/KH-UBND');
    const down = (await app.inject('/api/documents/20-ct-tw-2012/implementations')).json();
    expect(down.levels.map((l: { documents: Array<{ document: { id: string } }> }) => l.documents.map((d) => d.document.id))).toEqual([['41-kh-ubnd-2013-bac-giang'], ['279-ubnd-ldtbxh-2015-bac-giang-luc-nam']]);
  });

  it('audits a decree over the 63 or the 34 provinces, as JSON or CSV', async () => {
    const r = (await app.inject('/api/audit?number=20-CT/TW')).json();
    expect(r.provinces).toHaveLength(63);
    const bg = r.provinces.find((p: { province: string }) => p.province === 'Bắc Giang');
    expect(bg).toMatchObject({ status: 'implemented', documentCount: 2, firstDate: '2013-01-28', lagDays: 84 });
    const after = (await app.inject('/api/audit?number=20-CT/TW&provinces=34')).json();
    expect(after.provinces).toHaveLength(34);
    // Bắc Giang merged into Bắc Ninh on 1 July 2025
    expect(after.provinces.find((p: { province: string }) => p.province === 'Bắc Ninh').status).toBe('implemented');
    const csv = await app.inject({ url: '/api/audit?number=20-CT/TW', headers: { accept: 'text/csv' } });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="kiem-tra-20-ct-tw-2012-63\.csv"/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(64);
    expect(lines[0]).toBe('Tỉnh/thành,Trạng thái,Mã trạng thái,Số văn bản,Ngày đầu tiên,Độ trễ (ngày),Văn bản,Số dự thảo,Dự thảo (chưa ban hành)');
    expect(lines.find((l) => l.startsWith('Bắc Giang,'))).toBe('Bắc Giang,Đã thực hiện,implemented,2,2013-01-28,84,41/KH-UBND (2013-01-28); 279/UBND-LĐTBXH (2015-03-26),0,');
  });

  it('extracts citations from posted text without storing it', async () => {
    const before = store.stats().documents;
    const r = await app.inject({ method: 'POST', url: '/api/extract', payload: { text: ownLetters['district.txt'] } });
    expect(r.statusCode).toBe(200);
    const [doc] = r.json().documents;
    expect(doc.number).toBe('279/UBND-LĐTBXH');
    expect(doc.citations.map((c: { number: string; relation: string }) => [c.number, c.relation])).toEqual([['41/KH-UBND', 'IMPLEMENTS']]);
    expect(store.stats().documents).toBe(before);
  });

  it('extracts on the worker thread also when the caller says whether the text is markdown', async () => {
    const toWorker = vi.spyOn(ExtractPool.prototype, 'extract');
    try {
      for (const markdown of [true, false]) {
        const r = await app.inject({ method: 'POST', url: '/api/extract', payload: { text: ownLetters['district.txt'], markdown } });
        expect([r.statusCode, r.json().documents[0].number]).toEqual([200, '279/UBND-LĐTBXH']);
      }
      // before, an explicit choice was extracted on the main thread, stalling every other request
      expect(toWorker.mock.calls.map((call) => call[2])).toEqual([true, false]);
    } finally {
      toWorker.mockRestore();
    }
  });

  it('serves stats, health, readiness and the OpenAPI document', async () => {
    expect((await app.inject('/health')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/ready')).json()).toEqual({ status: 'ready', backends: [{ backend: 'sqlite', ok: true }] });
    expect((await app.inject('/api/stats')).json()).toMatchObject({ knownDocuments: 3, edges: 3 });
    const spec = (await app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/api/audit', '/api/documents', '/api/documents/{id}', '/api/documents/{id}/implementations', '/api/documents/{id}/trace',
      '/api/extract', '/api/lookup', '/api/search', '/api/stats', '/api/vocabulary', '/health', '/ready',
    ]);
    expect(spec.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name)).toContain('q');
    // the published contract changes only on purpose: review the diff, then `pnpm vitest run -u`
    await expect(`${JSON.stringify(spec, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/openapi.json');
    expect((await app.inject('/api/docs/')).statusCode).toBe(200);
  });

  describe('errors', () => {
    it('400 names the offending field and the reason', async () => {
      const missing = await app.inject('/api/search');
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ statusCode: 400, field: 'querystring.q' });
      const page = (await app.inject('/api/search?q=x&page=0')).json();
      expect(page).toMatchObject({ field: 'querystring.page' });
      expect(page.message).toMatch(/page/);
      expect((await app.inject('/api/search?q=x&pageSize=1000')).json().field).toBe('querystring.pageSize');
      expect((await app.inject(`/api/search?q=${'x'.repeat(301)}`)).json().message).toMatch(/longer than 300/);
      expect((await app.inject('/api/search?q=x&yearFrom=2020&yearTo=2010')).json().field).toBe('querystring.yearFrom');
      expect((await app.inject('/api/audit?number=20-CT/TW&provinces=40')).json().field).toBe('querystring.provinces');
      const level = await app.inject('/api/search?q=x&issuerLevel=bogus');
      expect([level.statusCode, level.json().field]).toEqual([400, 'querystring.issuerLevel']);
      expect((await app.inject('/api/search?q=x&issuerLevel=department')).statusCode).toBe(200);
      // a filter value that names nothing is misspelt, not a search with no hits
      const province = (await app.inject('/api/search?q=x&province=Xanadu')).json();
      expect([province.statusCode, province.field]).toEqual([400, 'querystring.province']);
      expect(province.message).toMatch(/no province "Xanadu"/);
      expect((await app.inject('/api/search?q=x&type=xyz')).json().field).toBe('querystring.type');
      expect((await app.inject('/api/search?q=x&topic=xyz')).json().field).toBe('querystring.topic');
      expect((await app.inject('/api/audit?number=20-CT/TW&province=zz')).json().field).toBe('querystring.province');
      const together = (await app.inject('/api/search?q=duoi%20nuoc&province=BacGiang&type=cong%20van')).json();
      expect(together.total).toBeGreaterThan(0);
      expect(together.hits.every((h: { province: string; typeCode: string }) => h.province === 'Bắc Giang' && h.typeCode === 'CV')).toBe(true);
      expect((await app.inject({ method: 'POST', url: '/api/extract', payload: { text: '' } })).json().field).toBe('body.text');
    });

    it('extract takes JSON or the text itself as text/plain; another body type is a 415 saying which; bad JSON names the body', async () => {
      const plain = await app.inject({ method: 'POST', url: '/api/extract', headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: ownLetters['district.txt'] });
      expect(plain.statusCode).toBe(200);
      expect(plain.json().documents[0]).toMatchObject({ source: 'request', number: '279/UBND-LĐTBXH' });
      const form = await app.inject({ method: 'POST', url: '/api/extract', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'text=x' });
      expect(form.statusCode).toBe(415);
      expect(form.json()).toEqual({
        statusCode: 415, error: 'Unsupported Media Type', field: 'headers.content-type', requestId: expect.any(String),
        message: 'Content-Type "application/x-www-form-urlencoded" is not accepted here; send application/json {"text": "…"} or the text itself as text/plain',
      });
      for (const payload of ['{"text":', '']) {
        const bad = await app.inject({ method: 'POST', url: '/api/extract', headers: { 'content-type': 'application/json' }, payload });
        expect([payload, bad.statusCode, bad.json().field, typeof bad.json().requestId]).toEqual([payload, 400, 'body', 'string']);
      }
      const upload = await app.inject({ method: 'POST', url: '/api/documents', headers: { 'content-type': 'application/xml', 'x-api-key': API_KEY }, payload: '<a/>' });
      expect([upload.statusCode, upload.json().field, upload.json().message]).toEqual([415, 'headers.content-type', expect.stringContaining('multipart/form-data')]);
    });

    it('an address that is not valid percent-encoded UTF-8 gets the one error shape, with a request id', async () => {
      for (const url of ['/api/documents/%E0%A4', '/api/documents/%E0%A4/trace', '/api/documents/abc%zz']) {
        const r = await app.inject({ url, headers: { 'x-request-id': 'bad-url-1' } });
        expect([url, r.statusCode, r.headers['content-type']]).toEqual([url, 400, 'application/json; charset=utf-8']);
        expect(r.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: `The address is not valid: ${url} is not valid percent-encoded UTF-8 (encode each part with encodeURIComponent)`, requestId: 'bad-url-1' });
      }
    });

    it('400 names a parameter the route does not take, and lists those it does', async () => {
      const limit = await app.inject('/api/search?q=duoi%20nuoc&limit=5');
      expect(limit.statusCode).toBe(400);
      expect(limit.json()).toMatchObject({ field: 'querystring.limit' });
      expect(limit.json().message).toMatch(/unknown parameter "limit"; this route takes q, .*pageSize/);
      const two = (await app.inject('/api/audit?number=20-CT/TW&sort=lag&q=x')).json();
      expect([two.field, two.message]).toEqual(['querystring.sort', expect.stringMatching(/unknown parameters "sort", "q"; this route takes number, year, province, provinces, format/)]);
      expect((await app.inject('/api/lookup?number=20-CT/TW&yaer=2012')).json().field).toBe('querystring.yaer');
      expect((await app.inject('/api/documents/20-ct-tw-2012/implementations?depth=2')).json().field).toBe('querystring.depth');
      const none = (await app.inject('/api/documents/20-ct-tw-2012/trace?depth=2')).json();
      expect([none.field, none.message]).toEqual(['querystring.depth', 'querystring.depth: unknown parameter "depth"; this route takes no parameters']);
      expect((await app.inject('/api/documents/20-ct-tw-2012?foo=1')).json().field).toBe('querystring.foo');
      expect((await app.inject('/api/stats?x=1')).statusCode).toBe(400);
      expect((await app.inject('/api/vocabulary?x=1')).statusCode).toBe(400);
      expect((await app.inject('/api/search?q=duoi%20nuoc&pageSize=5')).statusCode).toBe(200);
    });

    it('measures text after composing it: a decomposed (NFD) query is as long as the composed one', async () => {
      const composed = 'đuối nước '.repeat(30).trim(); // 299 characters composed, 359 decomposed
      expect(composed.normalize('NFD').length).toBeGreaterThan(300);
      const reply = await app.inject(`/api/search?q=${encodeURIComponent(composed.normalize('NFD'))}`);
      expect(reply.statusCode).toBe(200);
    });

    it('400 lists the candidates when a number names several documents', async () => {
      const extra = letter('UBND TỈNH QUẢNG NAM', '41/KH-UBND', 'Quảng Nam', '15/03/2013');
      store.ingestFile({ source: 'fixtures/qn-41.txt', bytes: new TextEncoder().encode(extra) });
      store.resolve();
      const r = await app.inject('/api/audit?number=41/KH-UBND');
      expect(r.statusCode).toBe(400);
      expect(r.json().candidates.map((d: { id: string }) => d.id).sort()).toEqual(['41-kh-ubnd-2013-bac-giang', '41-kh-ubnd-2013-quang-nam']);
      expect((await app.inject(`/api/audit?number=41/KH-UBND&province=${encodeURIComponent('Quảng Nam')}`)).statusCode).toBe(200);
    });

    it('404 names the id', async () => {
      for (const url of ['/api/documents/no-such-id', '/api/documents/no-such-id/trace', '/api/documents/no-such-id/implementations']) {
        const r = await app.inject(url);
        expect(r.statusCode).toBe(404);
        expect(r.json().message).toContain('"no-such-id"');
      }
      expect((await app.inject('/api/audit?number=999/XX-YY')).statusCode).toBe(404);
      expect((await app.inject('/api/nothing-here')).statusCode).toBe(404);
      // a long id (up to the schema's 200 characters) is looked up, not a missing route
      const long = await app.inject(`/api/documents/${'x'.repeat(150)}`);
      expect(long.statusCode).toBe(404);
      expect(long.json().message).toContain(`"${'x'.repeat(150)}"`);
      expect((await app.inject(`/api/documents/${'x'.repeat(201)}`)).statusCode).toBe(400);
      // however long, up to what a request line may hold: the field is named, never "no route"
      for (const n of [2000, 5000, 12_000]) {
        for (const url of [`/api/documents/${'x'.repeat(n)}`, `/api/documents/${'x'.repeat(n)}/trace`]) {
          const r = await app.inject(url);
          expect([n, r.statusCode, r.json().field]).toEqual([n, 400, 'params.id']);
        }
      }
      expect((await app.inject('/api/stats/')).statusCode).toBe(200);
    });

    it('OPTIONS lists the methods of a route; another method gets 405 with Allow, an unknown path 404', async () => {
      const options = await app.inject({ method: 'OPTIONS', url: '/api/search?q=x' });
      expect(options.statusCode).toBe(204);
      expect(options.headers.allow).toBe('GET, HEAD');
      expect((await app.inject({ method: 'OPTIONS', url: '/api/documents' })).headers.allow).toBe('POST');
      const wrong = await app.inject({ method: 'DELETE', url: '/api/documents/no-such-id' });
      expect(wrong.statusCode).toBe(405);
      expect(wrong.headers.allow).toBe('GET, HEAD');
      expect(wrong.json()).toMatchObject({ error: 'Method Not Allowed', message: 'DELETE is not allowed on /api/documents/no-such-id; use GET or HEAD' });
      expect((await app.inject({ method: 'OPTIONS', url: '/api/nothing-here' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'PUT', url: '/api/nothing-here' })).statusCode).toBe(404);
    });

    it('401 on an upload without a valid key; 415 when not multipart', async () => {
      const body = multipart([{ name: 'a.txt', content: ownLetters['plan.txt'] }]);
      expect((await app.inject({ method: 'POST', url: '/api/documents', ...body })).statusCode).toBe(401);
      const wrong = await app.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...body.headers, 'x-api-key': 'wrong-key-0123456789' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().message).toMatch(/API key/);
      const json = await app.inject({ method: 'POST', url: '/api/documents', payload: { text: 'x' }, headers: { 'x-api-key': API_KEY } });
      expect(json.statusCode).toBe(415);
    });

    it('413 over the size limits', async () => {
      const before = store.stats();
      const big = multipart([{ name: 'big.txt', content: Buffer.alloc(65 * 1024, 'a') }]);
      const r = await app.inject({ method: 'POST', url: '/api/documents', payload: big.payload, headers: { ...big.headers, 'x-api-key': API_KEY } });
      expect(r.statusCode).toBe(413);
      expect(r.json()).toMatchObject({ field: 'body.files', file: 'big.txt', limit: 64 * 1024, message: `File "big.txt" is larger than ${64 * 1024} bytes; nothing from this upload was stored` });
      expect(store.stats()).toEqual(before);
      const many = multipart(Array.from({ length: 51 }, (_, i) => ({ name: `m${i}.txt`, content: 'x' })));
      const tooMany = await app.inject({ method: 'POST', url: '/api/documents', payload: many.payload, headers: { ...many.headers, 'x-api-key': API_KEY } });
      expect(tooMany.statusCode).toBe(413);
      expect(tooMany.json()).toMatchObject({ field: 'body.files', limit: 50, message: expect.stringContaining('More than 50 files') });
      expect(store.stats()).toEqual(before);
      const text = await app.inject({ method: 'POST', url: '/api/extract', payload: { text: 'a'.repeat(1_000_001) } });
      expect(text.statusCode).toBe(413);
      expect(text.json()).toMatchObject({ field: 'body.text', message: 'body.text is 1000001 bytes; the limit is 1000000' });
      const huge = await app.inject({ method: 'POST', url: '/api/extract', payload: { text: 'đ'.repeat(600_000) } });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().field).toBe('body');
    });
  });

  it('uploads files with the key: each stored with its result, a bad one reported, the others kept', async () => {
    const body = multipart([
      { name: 'new-letter.txt', content: letter('UBND TỈNH ĐẮK LẮK', '77/KH-UBND', 'Đắk Lắk', '01/06/2021', 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.') },
      { name: 'binary.txt', content: Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0]) },
    ]);
    const r = await app.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${API_KEY}` } });
    expect(r.statusCode).toBe(200);
    const [good, bad] = r.json().files;
    expect(good).toMatchObject({ name: 'new-letter.txt', source: expect.stringMatching(/^upload\/[0-9a-f]{16}\/new-letter\.txt$/), status: 'stored', documents: 1, citations: 1, ids: ['77-kh-ubnd-2021-dak-lak'] });
    expect(bad).toMatchObject({ name: 'binary.txt', status: 'failed', ids: [] });
    expect(bad.messages[0].reason).toMatch(/binary/i);
    const audit = (await app.inject('/api/audit?number=20-CT/TW')).json();
    expect(audit.provinces.find((p: { province: string }) => p.province === 'Đắk Lắk').status).toBe('implemented');
    // the same file again changes nothing
    const again = await app.inject({ method: 'POST', url: '/api/documents', payload: multipart([{ name: 'new-letter.txt', content: letter('UBND TỈNH ĐẮK LẮK', '77/KH-UBND', 'Đắk Lắk', '01/06/2021', 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.') }]).payload, headers: { ...body.headers, 'x-api-key': API_KEY } });
    expect(again.json().files[0].status).toBe('unchanged');
  });
});


describe('HTTP API: audit of a province with many documents', () => {
  it('lists the earliest ones and says how many more there are, in JSON counts and in the CSV', async () => {
    const store = createSqliteStore(tempDb());
    for (let k = 1; k <= 13; k++) {
      const date = `${String(k).padStart(2, '0')}/03/2020`;
      store.ingestFile({ source: `bg-${k}.txt`, bytes: new TextEncoder().encode(letter('UBND TỈNH BẮC GIANG', `${k}/KH-UBND`, 'Bắc Giang', date, 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.')) });
    }
    const app = await buildApp({ store });
    const json = (await app.inject('/api/audit?number=20-CT/TW')).json();
    const bacGiang = json.provinces.find((p: { province: string }) => p.province === 'Bắc Giang');
    expect([bacGiang.documentCount, bacGiang.documents.length]).toEqual([13, 10]);
    const csv = (await app.inject({ url: '/api/audit?number=20-CT/TW', headers: { accept: 'text/csv' } })).body;
    const row = csv.split('\r\n').find((l) => l.startsWith('Bắc Giang,'))!;
    expect(row).toMatch(/,13,2020-03-01,.*1\/KH-UBND \(2020-03-01\);.*; và 3 văn bản khác,0,$/);
    await app.close();
    store.close();
  });
});

describe('HTTP API: audit with drafts', () => {
  it('a draft is not evidence: a province with only drafts is "Chỉ có dự thảo", and an issued document outranks a draft, in JSON and CSV', async () => {
    const store = createSqliteStore(tempDb());
    const ct20 = 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.';
    const files: Array<[name: string, issuer: string, number: string, place: string, date: string, body: string]> = [
      ['bg.txt', 'UBND TỈNH BẮC GIANG', '41/KH-UBND', 'Bắc Giang', '28/01/2013', ct20],
      ['lc.txt', 'UBND TỈNH LÀO CAI', '/KH-UBND', 'Lào Cai', '15/01/2013', `DỰ THẢO\n\n${ct20}`],
      ['dl-draft.txt', 'UBND TỈNH ĐẮK LẮK', '/KH-UBND', 'Đắk Lắk', '01/12/2012', `DỰ THẢO\n\n${ct20}`],
      ['dl.txt', 'UBND TỈNH ĐẮK LẮK', '61/KH-UBND', 'Đắk Lắk', '07/03/2013', ct20],
    ];
    for (const [name, ...o] of files) store.ingestFile({ source: name, bytes: new TextEncoder().encode(letter(...o)) });
    const app = await buildApp({ store });
    const json = (await app.inject('/api/audit?number=20-CT/TW')).json();
    const row = (province: string) => json.provinces.find((p: { province: string }) => p.province === province);
    expect(json.provinces.filter((p: { status: string }) => p.status === 'implemented').map((p: { province: string }) => p.province)).toEqual(['Bắc Giang', 'Đắk Lắk']);
    expect(row('Lào Cai')).toMatchObject({ status: 'draft', documents: [], documentCount: 0, firstDate: null, lagDays: null, draftCount: 1 });
    expect(row('Lào Cai').drafts[0]).toMatchObject({ number: '/KH-UBND', draft: true, relation: 'IMPLEMENTS' });
    expect(row('Đắk Lắk')).toMatchObject({ status: 'implemented', documentCount: 1, firstDate: '2013-03-07', lagDays: 122, draftCount: 1 });
    const csv = (await app.inject('/api/audit?number=20-CT/TW&format=csv')).body.split('\r\n');
    expect(csv.find((l) => l.startsWith('Lào Cai,'))).toBe('Lào Cai,Chỉ có dự thảo,draft,0,,,,1,/KH-UBND (2013-01-15)');
    expect(csv.find((l) => l.startsWith('Đắk Lắk,'))).toBe('Đắk Lắk,Đã thực hiện,implemented,1,2013-03-07,122,61/KH-UBND (2013-03-07),1,/KH-UBND (2012-12-01)');
    expect((await app.inject('/api/vocabulary')).json().auditStatuses.draft).toBe('Chỉ có dự thảo');
    await app.close();
    store.close();
  });
});

describe('HTTP API: cached answers', () => {
  it('answers a repeated search from the cache until the data changes, here or from another process', async () => {
    const path = tempDb();
    const store = ownStore(path);
    const app = await buildApp({ store, apiKey: API_KEY });
    const url = `/api/search?q=${encodeURIComponent('đuối nước')}`;
    const first = await app.inject(url);
    const second = await app.inject(url);
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['miss', 'hit']);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    // another connection (as `vanban ingest` in another process) adds a drowning letter
    const other = createSqliteStore(path);
    other.ingestFile({ source: 'fixtures/more.txt', bytes: new TextEncoder().encode(letter('UBND TỈNH ĐẮK LẮK', '5/UBND-VX', 'Đắk Lắk', '01/05/2021', 'Phòng, chống đuối nước cho học sinh trong dịp hè.')) });
    other.close();
    const third = await app.inject(url);
    expect(third.headers['x-cache']).toBe('miss');
    expect(third.json().total).toBe(first.json().total + 1);
    await app.close();
    store.close();
  });

  it('can be turned off', async () => {
    const store = ownStore();
    const app = await buildApp({ store, cacheEntries: 0 });
    await app.inject('/api/search?q=x');
    expect((await app.inject('/api/search?q=x')).headers['x-cache']).toBeUndefined();
    await app.close();
    store.close();
  });
});

describe('HTTP API: limits and failures', () => {
  it('429 from the rate limit on expensive routes, with Retry-After; cheap routes are not limited', async () => {
    const store = ownStore();
    const app = await buildApp({ store, rateLimitPerMinute: 2 });
    const codes = [];
    for (let k = 0; k < 3; k++) codes.push((await app.inject('/api/audit?number=20-CT/TW')).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const limited = await app.inject('/api/audit?number=20-CT/TW');
    expect(limited.json()).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(limited.headers['retry-after']).toBeDefined();
    for (let k = 0; k < 5; k++) expect((await app.inject('/api/search?q=x')).statusCode).toBe(200);
    await app.close();
    store.close();
  });

  it('500 sends a generic message with the request id; the real error goes to the log only', async () => {
    const store = ownStore();
    const failing = Object.create(store) as SqliteStore;
    failing.search = () => {
      throw new Error('SQLITE_CORRUPT: database disk image is malformed (SELECT * FROM documents_fts)');
    };
    let log = '';
    const stream = new Writable({ write: (chunk, _enc, done) => ((log += chunk), done()) });
    const app = await buildApp({ store: failing, fastify: { logger: { level: 'error', stream } } });
    const r = await app.inject({ url: '/api/search?q=x', headers: { 'x-request-id': 'abc-123' } });
    expect(r.statusCode).toBe(500);
    expect(r.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side; quote request id abc-123 when reporting it', requestId: 'abc-123' });
    expect(r.body).not.toMatch(/SQLITE|SELECT|at /);
    expect(log).toContain('SQLITE_CORRUPT');
    expect(log).toContain('abc-123');
    await app.close();
    store.close();
  });

  it('without a configured key, uploads are refused with 401 and a reason', async () => {
    const store = ownStore(tempDb());
    const app = await buildApp({ store });
    const r = await app.inject({ method: 'POST', url: '/api/documents', ...multipart([{ name: 'a.txt', content: 'x' }]) });
    expect(r.statusCode).toBe(401);
    expect(r.json().message).toMatch(/VANBAN_API_KEY/);
    await app.close();
    store.close();
  });
});
