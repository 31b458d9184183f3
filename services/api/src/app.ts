import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { GraphStore, SearchIndex } from '@vanban/store';
import { clientErrorHandler, errorsPlugin, frameworkErrors } from './plugins/errors.js';
import { extractorPlugin } from './plugins/extractor.js';
import { openapiPlugin } from './plugins/openapi.js';
import { rateLimitPlugin } from './plugins/rate-limit.js';
import { responseCachePlugin } from './plugins/response-cache.js';
import { storePlugin } from './plugins/store.js';
import { webPlugin } from './plugins/web.js';
import { jsonSerializerCompiler } from './serializer.js';
import { auditRoutes } from './routes/audit.js';
import { documentRoutes } from './routes/documents.js';
import { extractRoutes } from './routes/extract.js';
import { healthRoutes } from './routes/health.js';
import { searchRoutes } from './routes/search.js';
import { uploadRoutes } from './routes/upload.js';
import { vocabularyRoutes } from './routes/vocabulary.js';

/**
 * Route parameters up to the longest request line Node takes (16 KB of headers): a longer id than
 * the schema allows is then a 400 naming the field, not a "no route" 404 (the router's default
 * limit is 100 characters).
 */
const MAX_PARAM_LENGTH = 16_384;

export interface AppOptions {
  store: GraphStore & SearchIndex;
  /** Close the store when the app closes (the server owns it; tests may not). */
  closeStore?: boolean;
  /** Key required to upload (`VANBAN_API_KEY`); without it uploads answer 401. */
  apiKey?: string;
  /** Requests per minute per client on the expensive routes (audit, extract, upload). */
  rateLimitPerMinute?: number;
  /** Largest uploaded file, in bytes. */
  uploadLimitBytes?: number;
  /** Answers of search and document routes cached until the data changes (default 5,000 entries, 64 MB; 0 = off). */
  cacheEntries?: number;
  /** Serve the web UI at / (default true). */
  web?: boolean;
  /** Fastify's own options (logger, timeouts, request ids). */
  fastify?: FastifyServerOptions;
}

export type App = FastifyInstance & { withTypeProvider<T extends ZodTypeProvider>(): FastifyInstance };

/** The Vanban HTTP API and web UI over a store. `server.ts` listens; tests use `inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // the router passes ids well past the route schema's 200 characters (its default stops at 100 with
  // "no route"), so the schema answers a long one with a 400 naming the field; "/api/stats/" is "/api/stats"
  const app = Fastify({ requestIdHeader: 'x-request-id', routerOptions: { maxParamLength: MAX_PARAM_LENGTH, ignoreTrailingSlash: true }, clientErrorHandler, frameworkErrors, ...options.fastify });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);

  await app.register(errorsPlugin);
  await app.register(extractorPlugin);
  await app.register(storePlugin, { store: options.store, closeStore: options.closeStore ?? false });
  await app.register(responseCachePlugin, { maxEntries: options.cacheEntries ?? 5000, maxBytes: 64 * 1024 * 1024 });
  await app.register(rateLimitPlugin, { perMinute: options.rateLimitPerMinute ?? 60 });
  await app.register(openapiPlugin);
  await app.register(healthRoutes);
  await app.register(searchRoutes, { prefix: '/api' });
  await app.register(documentRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(vocabularyRoutes, { prefix: '/api' });
  await app.register(extractRoutes, { prefix: '/api' });
  await app.register(uploadRoutes, { prefix: '/api', apiKey: options.apiKey, uploadLimitBytes: options.uploadLimitBytes ?? 20 * 1024 * 1024 });
  if (options.web ?? true) await app.register(webPlugin);
  return app;
}
