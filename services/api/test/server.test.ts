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
});
