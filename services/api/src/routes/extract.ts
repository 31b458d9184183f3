import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema, ExtractBodySchema, ExtractResponseSchema, MAX_EXTRACT_BYTES } from '@vanban/schema';
import { ApiError } from '../plugins/errors.js';
import { expensive } from '../plugins/rate-limit.js';

/** POST /api/extract: text in, header, citations, relations and assertions out; nothing is stored. */
export const extractRoutes: FastifyPluginAsync = async (app) => {
  app.withTypeProvider<ZodTypeProvider>().post('/extract', {
    config: expensive,
    // room for the JSON envelope around a text of the largest accepted size
    bodyLimit: MAX_EXTRACT_BYTES + 64 * 1024,
    schema: {
      summary: 'Extract citations from a text without storing it (a citation-lookup service for other systems)',
      tags: ['extract'],
      body: ExtractBodySchema,
      response: { 200: ExtractResponseSchema, 400: ApiErrorSchema, 413: ApiErrorSchema, 429: ApiErrorSchema },
    },
    handler: async (request) => {
      const { text, markdown, source = 'request' } = request.body;
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > MAX_EXTRACT_BYTES) throw new ApiError(413, `body.text is ${bytes} bytes; the limit is ${MAX_EXTRACT_BYTES}`, { field: 'body.text' });
      const result = await app.extract(source, Buffer.from(text, 'utf8'), markdown);
      return { documents: result.documents, messages: result.messages };
    },
  });
};
