import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema, SearchQuerystringSchema, SearchResultSchema } from '@vanban/schema';
import { ApiError } from '../plugins/errors.js';

/** GET /api/search: full-text and number search with filters, facets and highlighted snippets. */
export const searchRoutes: FastifyPluginAsync = async (app) => {
  app.withTypeProvider<ZodTypeProvider>().get('/search', {
    config: { cache: true },
    schema: {
      summary: 'Search documents by words (with or without diacritics) or by số ký hiệu',
      tags: ['search'],
      querystring: SearchQuerystringSchema,
      response: { 200: SearchResultSchema, 400: ApiErrorSchema },
    },
    handler: async (request) => {
      const q = request.query;
      if (q.yearFrom !== undefined && q.yearTo !== undefined && q.yearFrom > q.yearTo) {
        throw new ApiError(400, `yearFrom (${q.yearFrom}) is after yearTo (${q.yearTo})`, { field: 'querystring.yearFrom' });
      }
      return app.store.search(q);
    },
  });
};
