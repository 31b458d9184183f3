import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthSchema, NoQuerystringSchema, ReadySchema, StoreStatsSchema } from '@vanban/schema';

/** Liveness, readiness (each backend answers) and corpus statistics. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/health', { schema: { summary: 'Liveness: the process answers', tags: ['health'], response: { 200: HealthSchema } } }, async () => ({ status: 'ok' as const }));
  api.get('/ready', { schema: { summary: 'Readiness: every store backend answers', tags: ['health'], response: { 200: ReadySchema, 503: ReadySchema } } }, async (_request, reply) => {
    const backends = await app.store.checkHealth();
    const ok = backends.every((b) => b.ok);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'unavailable', backends });
  });
  api.get('/api/stats', { schema: { summary: 'Documents, citations, resolution and edges in the store', tags: ['health'], querystring: NoQuerystringSchema, response: { 200: StoreStatsSchema } } }, async () => app.store.stats());
};
