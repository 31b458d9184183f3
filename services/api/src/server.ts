import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openConfiguredStore } from './open-store.js';

export interface ServerOptions {
  db: string;
  /** Scale-out engines (null: the embedded SQLite file answers everything). */
  neo4j?: Config['neo4j'];
  meili?: Config['meili'];
  host: string;
  port: number;
  apiKey?: string;
  logLevel?: string;
  rateLimitPerMinute?: number;
  /** Where the JSON log lines go (default stdout; the CLI keeps stdout for people and logs to stderr). */
  logStream?: NodeJS.WritableStream;
  /** Called once listening, with the URL (the CLI prints it for staff). */
  onListening?: (url: string) => void;
  /**
   * Close gracefully on SIGTERM/SIGINT (default). A worker of `vanban serve --workers` passes false:
   * its primary process decides when it stops.
   */
  handleSignals?: boolean;
  /** Request ids become `<prefix>-1`, `<prefix>-2`…: each process of a cluster numbers its own. */
  requestIdPrefix?: string;
}

/**
 * Open the store (the embedded one warmed), listen, and shut down gracefully on SIGTERM/SIGINT: stop accepting
 * connections, let requests in flight finish (up to 10 s), close the store.
 */
export async function startServer(options: ServerOptions): Promise<FastifyInstance> {
  const store = await openConfiguredStore({ db: options.db, neo4j: options.neo4j ?? null, meili: options.meili ?? null });
  // the embedded store's in-memory arrays are built before listening, not by the first search
  // (~0.5 s for 100,000 documents) or the first audit (~0.2 s) while other requests wait
  if ('warm' in store) store.warm();
  const app = await buildApp({
    store,
    closeStore: true,
    apiKey: options.apiKey,
    rateLimitPerMinute: options.rateLimitPerMinute,
    fastify: {
      logger: { level: options.logLevel ?? 'info', redact: ['req.headers["x-api-key"]', 'req.headers.authorization'], ...(options.logStream ? { stream: options.logStream } : {}) },
      connectionTimeout: 60_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 10_000,
      return503OnClosing: true,
      ...(options.requestIdPrefix ? { genReqId: requestIds(options.requestIdPrefix) } : {}),
    },
  });
  let address: string;
  try {
    address = await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    // a port taken or an address this machine lacks: close the store and let the caller say so
    // (handlers on signals and uncaught errors come after this, or they would end it with exit 0)
    await app.close();
    throw error;
  }
  if (options.handleSignals !== false) {
    closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
      if (err) app.log.error({ err }, 'shutting down after an error');
      else app.log.info({ signal }, 'shutting down');
      await app.close();
    });
  }
  options.onListening?.(address.replace('://127.0.0.1', '://localhost'));
  return app;
}

function requestIds(prefix: string): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}
