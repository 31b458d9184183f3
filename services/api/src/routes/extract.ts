import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema, ExtractBodySchema, ExtractResponseSchema, MAX_EXTRACT_BYTES } from '@vanban/schema';
import { ApiError } from '../plugins/errors.js';
import { expensive } from '../plugins/rate-limit.js';

/** POST /api/extract: text in, header, citations, relations and assertions out; nothing is stored. */
export const extractRoutes: FastifyPluginAsync = async (app) => {
  app.withTypeProvider<ZodTypeProvider>().post('/extract', {
    config: { ...expensive, bodyTypes: 'application/json {"text": "…"} or the text itself as text/plain' },
    // room for the JSON envelope around a text of the largest accepted size
    bodyLimit: MAX_EXTRACT_BYTES + 64 * 1024,
    schema: {
      summary: 'Extract citations from a text without storing it (a citation-lookup service for other systems)',
      description: 'The body is JSON `{ "text": … }`, or the text itself sent as `text/plain` (markdown then guessed).',
      tags: ['extract'],
      body: ExtractBodySchema,
      response: { 200: ExtractResponseSchema, 400: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema, 429: ApiErrorSchema },
    },
    // a system that has only the text can send just that (Fastify parses text/plain to a string);
    // a JSON string is still refused: JSON bodies are the object
    preValidation: async (request) => {
      if (typeof request.body === 'string' && /^text\/plain\b/i.test(request.headers['content-type'] ?? '')) request.body = { text: request.body };
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
