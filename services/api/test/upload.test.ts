import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '@vanban/store';
import { buildApp } from '../src/index.js';
import { API_KEY, letter, multipart, ownStore } from './fixtures.js';

const congvan = (number: string, date: string, body: string): string =>
  letter({ issuer: 'UBND TỈNH ĐẮK LẮK', number, place: 'Đắk Lắk', date, subject: 'phòng, chống đuối nước', body });
const uploadSource = (name: string) => expect.stringMatching(new RegExp(`^upload/[0-9a-f]{16}/${name.replace('.', '\\.')}$`));

describe('uploads: a file is stored under its content, never over another upload', () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  beforeAll(async () => {
    store = ownStore();
    app = await buildApp({ store, apiKey: API_KEY, web: false });
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });
  const upload = async (files: Array<{ name: string; content: string | Buffer }>) => {
    const body = multipart(files);
    const r = await app.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...body.headers, 'x-api-key': API_KEY } });
    expect(r.statusCode).toBe(200);
    return r.json().files as Array<Record<string, unknown> & { source: string; ids: string[] }>;
  };

  it('two offices uploading different congvan.txt keep both: the second is stored, not "replaced"', async () => {
    const [first] = await upload([{ name: 'congvan.txt', content: congvan('81/UBND-VX', '01/06/2021', 'Về phòng, chống đuối nước.') }]);
    const [second] = await upload([{ name: 'congvan.txt', content: congvan('82/UBND-VX', '02/06/2021', 'Về phòng, chống đuối nước.') }]);
    expect(first).toMatchObject({ name: 'congvan.txt', source: uploadSource('congvan.txt'), status: 'stored', ids: ['81-ubnd-vx-2021-dak-lak'] });
    expect(second).toMatchObject({ name: 'congvan.txt', source: uploadSource('congvan.txt'), status: 'stored', ids: ['82-ubnd-vx-2021-dak-lak'] });
    expect(second.source).not.toBe(first.source);
    expect((await app.inject('/api/documents/81-ubnd-vx-2021-dak-lak')).statusCode).toBe(200);
    expect((await app.inject('/api/documents/82-ubnd-vx-2021-dak-lak')).statusCode).toBe(200);
  });

  it('two files of one name in one upload are both stored', async () => {
    const files = await upload([
      { name: 'baocao.txt', content: congvan('91/UBND-VX', '01/07/2021', 'Báo cáo quý III.') },
      { name: 'baocao.txt', content: congvan('92/UBND-VX', '02/07/2021', 'Báo cáo quý IV.') },
    ]);
    expect(files.map((f) => [f.status, f.ids])).toEqual([['stored', ['91-ubnd-vx-2021-dak-lak']], ['stored', ['92-ubnd-vx-2021-dak-lak']]]);
  });

  it('the same bytes or text again is recognised as already stored, under any name or encoding', async () => {
    const text = congvan('101/UBND-VX', '01/08/2021', 'Về an toàn giao thông.');
    const [stored] = await upload([{ name: 'giaothong.txt', content: text }]);
    expect(stored).toMatchObject({ status: 'stored', ids: ['101-ubnd-vx-2021-dak-lak'] });
    const [again] = await upload([{ name: 'giaothong.txt', content: text }]);
    expect(again).toMatchObject({ source: stored.source, status: 'unchanged', ids: ['101-ubnd-vx-2021-dak-lak'] });
    const [renamed] = await upload([{ name: 'ban-sao.txt', content: text }]);
    expect(renamed).toMatchObject({ source: uploadSource('ban-sao.txt'), status: 'unchanged', duplicateOf: stored.source, ids: ['101-ubnd-vx-2021-dak-lak'], messages: [{ ruleId: 'store:duplicate' }] });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const [reencoded] = await upload([{ name: 'giaothong.txt', content: utf16 }]);
    expect(reencoded).toMatchObject({ status: 'unchanged', duplicateOf: stored.source, ids: ['101-ubnd-vx-2021-dak-lak'] });
  });

  it('a corrected version of an uploaded document is stored beside it, with a warning, not over it', async () => {
    const [original] = await upload([{ name: 'kehoach.txt', content: congvan('111/KH-UBND', '01/09/2021', 'Kế hoạch năm học mới.') }]);
    const [corrected] = await upload([{ name: 'kehoach.txt', content: congvan('111/KH-UBND', '01/09/2021', 'Kế hoạch năm học mới (bản sửa).') }]);
    expect(original).toMatchObject({ status: 'stored', ids: ['111-kh-ubnd-2021-dak-lak'] });
    expect(corrected).toMatchObject({ status: 'stored', messages: expect.arrayContaining([expect.objectContaining({ ruleId: 'store:duplicate-identity', severity: 'warning' })]) });
    expect(corrected.ids).toHaveLength(1);
    expect(corrected.ids[0]).not.toBe('111-kh-ubnd-2021-dak-lak');
    expect((await app.inject('/api/documents/111-kh-ubnd-2021-dak-lak')).statusCode).toBe(200);
  });
});

describe('uploads: a malformed multipart body', () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  let log = '';
  beforeAll(async () => {
    store = ownStore();
    const stream = new Writable({ write: (chunk, _enc, done) => ((log += chunk), done()) });
    app = await buildApp({ store, apiKey: API_KEY, web: false, fastify: { logger: { level: 'info', stream } } });
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });
  const post = (contentType: string, payload: string | Buffer) =>
    app.inject({ method: 'POST', url: '/api/documents', payload, headers: { 'content-type': contentType, 'x-api-key': API_KEY, 'x-request-id': 'mp-1' } });
  const logLines = () => log.trim().split('\n').map((l) => JSON.parse(l) as { level: number; reqId?: string; msg: string });

  it('is a 400 naming the problem, logged at info without a stack, and stores nothing', async () => {
    const before = store.stats();
    const noBoundary = await post('multipart/form-data', 'garbage');
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/no boundary/), field: 'headers.content-type', requestId: 'mp-1' });

    const garbage = await post('multipart/form-data; boundary=xyz', 'garbage');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ field: 'body', message: expect.stringMatching(/malformed or was cut off/), requestId: 'mp-1' });

    // the first file whole, the second cut off mid-file: neither is stored
    const whole = multipart([{ name: 'a.txt', content: congvan('121/UBND-VX', '01/10/2021', 'Về phòng cháy.') }, { name: 'b.txt', content: congvan('122/UBND-VX', '02/10/2021', 'Về phòng cháy, chữa cháy trong mùa khô.') }]);
    const cut = await post(whole.headers['content-type'], whole.payload.subarray(0, whole.payload.length - 60));
    expect(cut.statusCode).toBe(400);
    expect(cut.json()).toMatchObject({ field: 'body.files', file: 'b.txt', message: 'The multipart body was cut off in file "b.txt": no closing boundary; nothing from this upload was stored' });
    expect(store.stats()).toEqual(before);

    for (const r of [noBoundary, garbage, cut]) expect(r.body).not.toMatch(/\bat |busboy|stack/i);
    const refused = logLines().filter((l) => l.reqId === 'mp-1');
    expect(refused.filter((l) => l.msg.startsWith('upload refused'))).toHaveLength(3);
    expect(refused.filter((l) => l.level >= 40)).toEqual([]);
    expect(log).not.toMatch(/"stack"/);
  });
});
