import { z } from 'zod';
import { ExtractedDocumentSchema, MessageSchema } from './records.js';
import { IngestFileResultSchema, StoredDocumentSchema } from './api.js';
import { IssuerLevelSchema } from './vocabulary/issuer-levels.js';
import { findProvinceName, findTopicLabel, findTypeCode } from './vocabulary/filter-values.js';

/** Requests the HTTP API accepts, with their limits: one definition for validation and OpenAPI. */

export const MAX_QUERY_LENGTH = 300;
export const MAX_PAGE = 100;
export const MAX_PAGE_SIZE = 50;
export const MAX_EXTRACT_BYTES = 1_000_000;

const year = z.coerce.number().int().min(1945).max(2100);
/** Text is measured after NFC: a query typed in decomposed form (NFD) is not longer than the same query composed. */
const filterText = z.string().trim().normalize('NFC').min(1).max(200);

/**
 * Filter values must name something: "province=Hanoi" used to match nothing and answer 0 hits,
 * which reads as "no documents" rather than "misspelt".
 */
const provinceFilter = filterText.refine((v) => findProvinceName(v) !== undefined, {
  error: (issue) => `no province "${String(issue.input)}"; give one of the 63 provinces by name, with or without diacritics ("Bắc Giang", "bac giang", "TP.HCM")`,
});
const typeFilter = filterText.refine((v) => findTypeCode(v) !== undefined, {
  error: (issue) => `no document type "${String(issue.input)}"; give a code (KH, QĐ, CT, CV) or a name ("Kế hoạch", "quyet dinh")`,
});
const topicFilter = filterText.refine((v) => findTopicLabel(v) !== undefined, {
  error: (issue) => `no topic "${String(issue.input)}"; GET /api/vocabulary lists the topics`,
});

/**
 * Querystrings are strict: a parameter the route does not take (`limit=` for `pageSize=`) is a 400
 * naming it, not silently ignored.
 */
export const SearchQuerystringSchema = z.strictObject({
  q: z.string().trim().normalize('NFC').min(1, 'q must not be empty').max(MAX_QUERY_LENGTH, `q is longer than ${MAX_QUERY_LENGTH} characters`).describe('words with or without diacritics, or a số ký hiệu such as 1863/QĐ-TTg or "qd 1863"'),
  province: provinceFilter.optional().describe('province name, with or without diacritics (Bắc Giang, bac giang)'),
  yearFrom: year.optional(),
  yearTo: year.optional(),
  type: typeFilter.optional().describe('type code (KH, QĐ/qd) or name (Kế hoạch, ke hoach)'),
  issuerLevel: IssuerLevelSchema.optional().describe('issuer level code, as in the issuerLevel facet'),
  topic: topicFilter.optional().describe('topic label or id, with or without diacritics (đuối nước, duoi-nuoc)'),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(10),
});
export type SearchQuerystring = z.infer<typeof SearchQuerystringSchema>;

/** For routes that take no parameters: `?depth=2` on a trace is a 400 naming it, not silently ignored. */
export const NoQuerystringSchema = z.strictObject({});

export const DocumentParamsSchema = z.object({
  id: z.string().min(1).max(200).describe('document id (slug), e.g. 20-ct-tw-2012'),
});

/** A document named by id or by số ký hiệu, narrowed by year and province when the number is shared. */
export const DocumentRefQuerystringSchema = z.strictObject({
  number: z.string().trim().normalize('NFC').min(1, 'number must not be empty').max(200).describe('id or số ký hiệu, e.g. 20-CT/TW'),
  year: year.optional(),
  province: provinceFilter.optional().describe('the province of the document, when the number is shared'),
});

export const AuditQuerystringSchema = DocumentRefQuerystringSchema.extend({
  provinces: z.enum(['63', '34']).default('63').describe('63 provinces before 1 July 2025, or the 34 after'),
  format: z.enum(['json', 'csv']).optional().describe('csv also when the request sends Accept: text/csv'),
});

export const ImplementationsQuerystringSchema = z.strictObject({
  maxDepth: z.coerce.number().int().min(1).max(10).default(6),
});

export const LookupResultSchema = z.object({ number: z.string(), documents: z.array(StoredDocumentSchema) });

export const ExtractBodySchema = z.object({
  text: z.string().min(1, 'text must not be empty').describe(`the document text, at most ${MAX_EXTRACT_BYTES.toLocaleString('en')} bytes of UTF-8`),
  markdown: z.boolean().optional().describe('parse as markdown (default: guessed)'),
  source: z.string().max(300).optional().describe('a name to report the text under'),
});

export const ExtractResponseSchema = z.object({
  documents: z.array(ExtractedDocumentSchema),
  messages: z.array(MessageSchema),
});

export const UploadResponseSchema = z.object({
  files: z.array(
    IngestFileResultSchema.extend({
      name: z.string().describe('the uploaded file name'),
      ids: z.array(z.string()).describe('documents stored from this file'),
    }),
  ),
});

export const ApiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  field: z.string().optional().describe('the request field at fault, e.g. querystring.q'),
  requestId: z.string(),
  candidates: z.array(StoredDocumentSchema).optional().describe('when a number names several documents'),
  file: z.string().optional().describe('the uploaded file at fault (413 on an upload)'),
  limit: z.number().int().optional().describe('the limit exceeded: bytes per file or files per upload (413)'),
});

export const HealthSchema = z.object({ status: z.literal('ok') });
export const ReadySchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  backends: z.array(z.object({ backend: z.string(), ok: z.boolean(), error: z.string().optional() })),
});
