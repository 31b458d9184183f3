import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache this GET route's 200 answers until the store's revision changes. */
    cache?: boolean;
  }
}

export interface ResponseCacheOptions {
  /** Entries kept (least recently used dropped first); 0 turns the cache off. */
  maxEntries: number;
  /** Total bytes of cached bodies. */
  maxBytes: number;
}

const MAX_BODY = 512 * 1024;

/**
 * Answers of read routes (search, documents) cached by URL while the stored data stays the same:
 * staff ask the same things ("đuối nước", the directive of the month) again and again. Any write —
 * an upload here or `vanban ingest` in another process — changes the store's revision and empties
 * the cache. Responses say `x-cache: hit|miss`.
 */
export const responseCachePlugin = fp<ResponseCacheOptions>(
  async (app, { maxEntries, maxBytes }) => {
    if (maxEntries <= 0) return;
    const entries = new Map<string, { body: string; type: string }>();
    let bytes = 0;
    let revision = '';
    const fresh = async (): Promise<void> => {
      const now = await app.store.revision();
      if (now !== revision) {
        entries.clear();
        bytes = 0;
        revision = now;
      }
    };
    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || !request.routeOptions.config.cache) return;
      await fresh();
      const hit = entries.get(request.url);
      if (!hit) return;
      entries.delete(request.url); // most recently used last
      entries.set(request.url, hit);
      return reply.header('x-cache', 'hit').type(hit.type).send(hit.body);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'GET' || !request.routeOptions.config.cache || reply.getHeader('x-cache') === 'hit') return payload;
      reply.header('x-cache', 'miss');
      if (reply.statusCode !== 200 || typeof payload !== 'string' || payload.length > MAX_BODY) return payload;
      entries.set(request.url, { body: payload, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') });
      bytes += payload.length;
      for (const [key, entry] of entries) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        entries.delete(key);
        bytes -= entry.body.length;
      }
      return payload;
    });
  },
  { name: 'vanban-response-cache', dependencies: ['vanban-store'] },
);
