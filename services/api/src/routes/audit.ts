import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, AuditQuerystringSchema, AuditResultSchema, slugPart } from '@vanban/schema';
import { auditCsv } from '../audit-csv.js';
import { expensive } from '../plugins/rate-limit.js';
import { findOne } from './find.js';

/** GET /api/audit: for one decree, every province's status; JSON, or CSV for a spreadsheet. */
export const auditRoutes: FastifyPluginAsync = async (app) => {
  app.withTypeProvider<ZodTypeProvider>().get('/audit', {
    config: expensive,
    schema: {
      summary: 'Which provinces implemented a decree, when, and which did not (JSON, or CSV with Accept: text/csv or format=csv)',
      tags: ['audit'],
      querystring: AuditQuerystringSchema,
      response: { 200: AuditResultSchema.or(z.string().describe('text/csv')), 400: ApiErrorSchema, 404: ApiErrorSchema, 429: ApiErrorSchema },
      produces: ['application/json', 'text/csv'],
    },
    handler: async (request, reply) => {
      const { number, year, province, provinces, format } = request.query;
      const decree = await findOne(app.store, number, { year, province }, 'querystring.number');
      const result = (await app.store.audit(decree.id, { provinces: provinces === '34' ? 34 : 63 }))!;
      const wantsCsv = format === 'csv' || (format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''));
      if (!wantsCsv) return result;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kiem-tra-${slugPart(decree.id)}-${provinces}.csv"`)
        .send(auditCsv(result));
    },
  });
};
