import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  ApiErrorSchema,
  AuditResultSchema,
  DocumentDetailSchema,
  ExtractResponseSchema,
  HealthSchema,
  ImplementationLevelSchema,
  LookupResultSchema,
  ReadySchema,
  SearchResultSchema,
  StoredDocumentSchema,
  StoreStatsSchema,
  TraceResultSchema,
} from '@vanban/schema';
import { z as zod } from 'zod';
import type { SqliteStore } from '@vanban/store';
import { buildApp } from '../src/index.js';
import { ownLetters, ownStore } from './fixtures.js';

/** Zod object schemas made strict all the way down: an unexpected field is an error, not stripped. */
function strict(schema: z.ZodType): z.ZodType {
  if (schema instanceof zod.ZodObject) return zod.strictObject(Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, strict(v as z.ZodType)])));
  if (schema instanceof zod.ZodArray) return zod.array(strict(schema.element as z.ZodType));
  if (schema instanceof zod.ZodNullable) return strict(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof zod.ZodOptional) return strict(schema.unwrap() as z.ZodType).optional();
  return schema;
}

/** Every route's answer, as sent, matches its published schema exactly (responses are not re-validated at run time). */
describe('API responses match their zod schemas', () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  beforeAll(async () => {
    store = ownStore();
    app = await buildApp({ store });
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  const cases: Array<[string, z.ZodType, () => Promise<{ statusCode: number; body: string }>]> = [
    ['search', SearchResultSchema, () => app.inject(`/api/search?q=${encodeURIComponent('đuối nước')}`)],
    ['number search', SearchResultSchema, () => app.inject('/api/search?q=qd%201863')],
    ['document', DocumentDetailSchema, () => app.inject('/api/documents/41-kh-ubnd-2013-bac-giang')],
    ['cited-only document', DocumentDetailSchema, () => app.inject('/api/documents/20-ct-tw-2012')],
    ['trace', TraceResultSchema, () => app.inject('/api/documents/279-ubnd-ldtbxh-2015-bac-giang-luc-nam/trace')],
    ['implementations', zod.object({ document: StoredDocumentSchema, levels: zod.array(ImplementationLevelSchema) }), () => app.inject('/api/documents/20-ct-tw-2012/implementations')],
    ['audit', AuditResultSchema, () => app.inject('/api/audit?number=20-CT/TW')],
    ['lookup', LookupResultSchema, () => app.inject('/api/lookup?number=41/KH-UBND')],
    ['extract', ExtractResponseSchema, () => app.inject({ method: 'POST', url: '/api/extract', payload: { text: ownLetters['district.txt'] } })],
    ['stats', StoreStatsSchema, () => app.inject('/api/stats')],
    ['health', HealthSchema, () => app.inject('/health')],
    ['ready', ReadySchema, () => app.inject('/ready')],
    ['error', ApiErrorSchema, () => app.inject('/api/documents/nope')],
  ];
  it('the check itself catches a stray or missing field', async () => {
    const doc = JSON.parse((await app.inject('/api/lookup?number=41/KH-UBND')).body).documents[0];
    expect(strict(StoredDocumentSchema).safeParse(doc).success).toBe(true);
    expect(strict(StoredDocumentSchema).safeParse({ ...doc, rowid: 7 }).success).toBe(false);
    expect(strict(zod.array(StoredDocumentSchema)).safeParse([{ ...doc, id: undefined }]).success).toBe(false);
  });

  for (const [name, schema, request] of cases) {
    it(name, async () => {
      const response = await request();
      const parsed = strict(schema).safeParse(JSON.parse(response.body));
      expect(parsed.success ? 'ok' : parsed.error.issues.slice(0, 3)).toBe('ok');
    });
  }
});
