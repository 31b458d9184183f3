import { connect } from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { startServer } from '../src/index.js';
import { FacetIndex } from '../../store/src/sqlite/facets.js';
import { DownIndex } from '../../store/src/sqlite/down-index.js';
import { ownStore, tempDb } from './fixtures.js';

describe('startServer on the embedded store', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    vi.restoreAllMocks();
  });

  it('builds the facet and audit arrays before listening, so requests do not', async () => {
    const db = tempDb();
    ownStore(db).close();
    const facets = vi.spyOn(FacetIndex.prototype as unknown as { rebuild(): void }, 'rebuild');
    const down = vi.spyOn(DownIndex.prototype as unknown as { rebuild(): void }, 'rebuild');
    let url = '';
    app = await startServer({ db, host: '127.0.0.1', port: 0, logLevel: 'silent', handleSignals: false, onListening: (u) => (url = u) });
    expect(facets).toHaveBeenCalledTimes(1);
    expect(down).toHaveBeenCalledTimes(1);

    const search = await fetch(`${url}/api/search?q=duoi%20nuoc`);
    expect(search.status).toBe(200);
    expect(((await search.json()) as { total: number }).total).toBe(3); // folded: "dưới nước" too
    const audit = await fetch(`${url}/api/audit?number=${encodeURIComponent('20-CT/TW')}`);
    expect(audit.status).toBe(200);
    const { provinces } = (await audit.json()) as { provinces: Array<{ province: string; status: string }> };
    expect(provinces.find((p) => p.province === 'Bắc Giang')?.status).toBe('implemented');
    // served from the arrays built at start
    expect(facets).toHaveBeenCalledTimes(1);
    expect(down).toHaveBeenCalledTimes(1);
  });

  it('answers a request the HTTP parser refuses (raw UTF-8 in the address) in the one error shape, with a request id', async () => {
    const db = tempDb();
    ownStore(db).close();
    let url = '';
    app = await startServer({ db, host: '127.0.0.1', port: 0, logLevel: 'silent', handleSignals: false, onListening: (u) => (url = u) });
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    await once(socket, 'connect');
    // what curl sends for 'localhost/api/audit?number=1863/QĐ-TTg': the Đ as two raw bytes
    socket.end(Buffer.concat([Buffer.from('GET /api/audit?number=1863/Q'), Buffer.from('Đ', 'utf8'), Buffer.from('-TTg HTTP/1.1\r\nHost: x\r\n\r\n')]));
    const chunks: Buffer[] = [];
    for await (const chunk of socket) chunks.push(chunk as Buffer);
    const [head, body] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(head).toMatch(/content-type: application\/json/i);
    const error = JSON.parse(body);
    expect(error).toMatchObject({ statusCode: 400, error: 'Bad Request', requestId: expect.stringMatching(/^client-error-/) });
    expect(error.message).toMatch(/percent-encoded/);
  });
});
