import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createScaleOutStore, createSqliteStore, type GraphEngine, type SearchEngine } from '@vanban/store';
import { buildApp, ConfigError, readConfig } from '../src/index.js';
import { tempDb } from './fixtures.js';

describe('configuration', () => {
  it('defaults to the embedded store', () => {
    expect(readConfig({})).toMatchObject({ db: './data/vanban.db', port: 3000, host: '127.0.0.1', neo4j: null, meili: null, apiKey: undefined });
  });

  it('reads the engines', () => {
    const c = readConfig({ VANBAN_NEO4J_URL: 'bolt://neo4j:7687', VANBAN_NEO4J_USER: 'neo4j', VANBAN_NEO4J_PASSWORD: 'secret-pass', VANBAN_MEILI_URL: 'http://meili:7700', VANBAN_MEILI_KEY: 'a-master-key-of-16+' });
    expect(c.neo4j).toEqual({ url: 'bolt://neo4j:7687', user: 'neo4j', password: 'secret-pass' });
    expect(c.meili).toEqual({ url: 'http://meili:7700', apiKey: 'a-master-key-of-16+' });
  });

  it('refuses an incomplete or malformed configuration, naming the variable', () => {
    expect(() => readConfig({ VANBAN_NEO4J_URL: 'bolt://neo4j:7687' })).toThrow(/VANBAN_NEO4J_USER: đã đặt VANBAN_NEO4J_URL nên cần cả VANBAN_NEO4J_USER và VANBAN_NEO4J_PASSWORD/);
    expect(() => readConfig({ VANBAN_NEO4J_URL: 'http://neo4j:7474', VANBAN_NEO4J_USER: 'u', VANBAN_NEO4J_PASSWORD: 'p' })).toThrow(/VANBAN_NEO4J_URL: phải bắt đầu bằng bolt:\/\//);
    expect(() => readConfig({ VANBAN_MEILI_URL: 'meili:7700' })).toThrow(/VANBAN_MEILI_URL: phải bắt đầu bằng http:\/\/ hoặc https:\/\//);
    expect(() => readConfig({ VANBAN_MEILI_URL: 'not a url' })).toThrow(/VANBAN_MEILI_URL: phải là một địa chỉ URL/);
    expect(() => readConfig({ VANBAN_MEILI_URL: 'http://meili:7700', VANBAN_MEILI_KEY: 'short' })).toThrow(/VANBAN_MEILI_KEY: phải dài ít nhất 16 ký tự/);
    expect(() => readConfig({ VANBAN_MEILI_KEY: 'a-master-key-of-16+' })).toThrow(/VANBAN_MEILI_URL: đã đặt VANBAN_MEILI_KEY nhưng chưa có VANBAN_MEILI_URL/);
    expect(() => readConfig({ VANBAN_PORT: 'eighty' })).toThrow(/VANBAN_PORT: phải là số nguyên từ 0 đến 65535/);
    expect(() => readConfig({ VANBAN_WORKERS: '1.5' })).toThrow(/VANBAN_WORKERS: phải là số nguyên từ 1 đến 64/);
    expect(() => readConfig({ VANBAN_RATE_LIMIT: '0' })).toThrow(/VANBAN_RATE_LIMIT: phải là số nguyên từ 1 trở lên/);
    expect(() => readConfig({ VANBAN_LOG_LEVEL: 'loud' })).toThrow(/VANBAN_LOG_LEVEL: phải là một trong: fatal, error/);
    expect(() => readConfig({ VANBAN_API_KEY: 'short' })).toThrow(ConfigError);
  });
});

describe('/ready with engines behind the store', () => {
  const engine = (backend: string, ok: boolean) => ({ checkHealth: async () => ({ backend, ok, ...(ok ? {} : { error: 'connect ECONNREFUSED 127.0.0.1:7687' }) }), close: async () => {} });

  it('reports each backend, and 503 while one is down', async () => {
    const staging = createSqliteStore(tempDb());
    const store = createScaleOutStore({ staging, graph: engine('neo4j', false) as unknown as GraphEngine, search: engine('meilisearch', true) as unknown as SearchEngine, target: 't' });
    const app: FastifyInstance = await buildApp({ store });
    const r = await app.inject('/ready');
    expect(r.statusCode).toBe(503);
    expect(r.json()).toEqual({
      status: 'unavailable',
      backends: [
        { backend: 'sqlite', ok: true },
        { backend: 'neo4j', ok: false, error: 'connect ECONNREFUSED 127.0.0.1:7687' },
        { backend: 'meilisearch', ok: true },
      ],
    });
    expect((await app.inject('/health')).statusCode).toBe(200); // alive, not ready
    await app.close();
    await store.close();
  });
});

describe('opening the configured store', () => {
  it('an unreachable engine stops the start with its reason', async () => {
    const { openConfiguredStore } = await import('../src/index.js');
    const attempt = openConfiguredStore({ db: tempDb(), neo4j: { url: 'bolt://127.0.0.1:9', user: 'neo4j', password: 'x' }, meili: null });
    await expect(attempt).rejects.toThrow(/\[neo4j\] cannot reach bolt:\/\/127\.0\.0\.1:9/);
  });

  it('without engines it is the embedded store', async () => {
    const { openConfiguredStore } = await import('../src/index.js');
    const store = await openConfiguredStore({ db: tempDb(), neo4j: null, meili: null });
    expect(await store.checkHealth()).toEqual([{ backend: 'sqlite', ok: true }]);
    await store.close();
  });
});
