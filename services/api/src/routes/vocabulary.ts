import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditStatusLabels, issuerLevelLabels, MAX_PAGE, MAX_PAGE_SIZE, messageLabels, NoQuerystringSchema, provinces34, provinces63, relationLabels, topics, unresolvedReasonLabels } from '@vanban/schema';

const labels = z.record(z.string(), z.string());
const VocabularySchema = z.object({
  relations: labels,
  issuerLevels: labels,
  auditStatuses: labels,
  unresolvedReasons: labels.describe('why a citation found no document (`unresolved`)'),
  messages: labels.describe('extraction and upload messages by ruleId'),
  topics: z.array(z.string()),
  provinces63: z.array(z.string()),
  provinces34: z.array(z.string()),
  limits: z.object({ maxPage: z.number().int(), maxPageSize: z.number().int() }).describe('the last search page served, and the largest page'),
});

/** GET /api/vocabulary: the Vietnamese labels of codes the API returns, for the web UI and other clients. */
export const vocabularyRoutes: FastifyPluginAsync = async (app) => {
  const body = {
    relations: relationLabels,
    issuerLevels: issuerLevelLabels,
    auditStatuses: auditStatusLabels,
    unresolvedReasons: unresolvedReasonLabels,
    messages: messageLabels,
    topics: topics.map((t) => t.label),
    provinces63: provinces63.map((p) => p.name),
    provinces34: provinces34.map((p) => p.name),
    limits: { maxPage: MAX_PAGE, maxPageSize: MAX_PAGE_SIZE },
  };
  app.withTypeProvider<ZodTypeProvider>().get('/vocabulary', {
    schema: { summary: 'Vietnamese labels for relation, issuer-level, audit-status and unresolved-reason codes and message rules; topics; provinces; search paging limits', tags: ['vocabulary'], querystring: NoQuerystringSchema, response: { 200: VocabularySchema } },
    handler: async (_request, reply) => reply.header('cache-control', 'public, max-age=600').send(body),
  });
};
