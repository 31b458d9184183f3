import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  DocumentDetailSchema,
  DocumentParamsSchema,
  DocumentRefQuerystringSchema,
  ImplementationLevelSchema,
  ImplementationsQuerystringSchema,
  NoQuerystringSchema,
  LookupResultSchema,
  StoredDocumentSchema,
  TraceResultSchema,
} from '@vanban/schema';
import { ApiError } from '../plugins/errors.js';

const notFound = (id: string): ApiError => new ApiError(404, `No document with id "${id}"`, { field: 'params.id' });
const errors = { 400: ApiErrorSchema, 404: ApiErrorSchema };

/** One document, its trace up and implementations down, and số ký hiệu lookup. */
export const documentRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/documents/:id', {
    config: { cache: true },
    schema: {
      summary: 'A document: header, text, citations out (relation and sentence), cited-by in, assertions',
      tags: ['documents'],
      params: DocumentParamsSchema,
      querystring: NoQuerystringSchema,
      response: { 200: DocumentDetailSchema, ...errors },
    },
    handler: async (request) => (await app.store.describe(request.params.id)) ?? Promise.reject(notFound(request.params.id)),
  });

  api.get('/documents/:id/trace', {
    config: { cache: true },
    schema: {
      summary: 'Every upward chain over IMPLEMENTS/BASED_ON to the roots, most authoritative root first',
      tags: ['documents'],
      params: DocumentParamsSchema,
      querystring: NoQuerystringSchema,
      response: { 200: TraceResultSchema, ...errors },
    },
    handler: async (request) => (await app.store.trace(request.params.id)) ?? Promise.reject(notFound(request.params.id)),
  });

  api.get('/documents/:id/implementations', {
    schema: {
      summary: 'The documents implementing this one, level by level',
      tags: ['documents'],
      params: DocumentParamsSchema,
      querystring: ImplementationsQuerystringSchema,
      response: { 200: z.object({ document: StoredDocumentSchema, levels: z.array(ImplementationLevelSchema) }), ...errors },
    },
    handler: async (request) => {
      const document = await app.store.getDocument(request.params.id);
      if (!document) throw notFound(request.params.id);
      const levels = (await app.store.implementations(document.id, { maxDepth: request.query.maxDepth })) ?? [];
      return { document, levels };
    },
  });

  api.get('/lookup', {
    schema: {
      summary: 'Số ký hiệu (typed loosely: "qd 1863", "1863/qd-ttg") to the documents with that number',
      tags: ['documents'],
      querystring: DocumentRefQuerystringSchema,
      response: { 200: LookupResultSchema, 400: ApiErrorSchema },
    },
    handler: async (request) => {
      const { number, year, province } = request.query;
      return { number, documents: await app.store.lookup(number, { year, province }) };
    },
  });
};
