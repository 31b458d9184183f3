import { z } from 'zod';
import { MessageSchema } from './records.js';
import { IssuerLevelSchema } from './vocabulary/issuer-levels.js';
import { RelationTypeSchema } from './vocabulary/relations.js';

/**
 * The shapes the store returns and the HTTP API sends: one definition, used for the store's
 * TypeScript types, the API's validation and serialization, and the OpenAPI document.
 */

/** A document node: ingested (`known`) or known only from citations. */
export const StoredDocumentSchema = z.object({
  id: z.string().describe('readable slug, e.g. 20-ct-tw-2012'),
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  jurisdiction: z.string().describe('empty for national issuers, else the province (and district)'),
  type: z.string().nullable(),
  typeCode: z.string().nullable(),
  issuer: z.string().nullable(),
  issuerLevel: IssuerLevelSchema.nullable(),
  province: z.string().nullable(),
  district: z.string().nullable(),
  date: z.string().nullable(),
  subject: z.string().nullable(),
  signer: z.string().nullable(),
  topics: z.array(z.string()),
  draft: z.boolean(),
  known: z.boolean().describe('false for a document known only from citations'),
  source: z.string().nullable().describe('path of the ingested file, or null'),
});
export type StoredDocument = z.infer<typeof StoredDocumentSchema>;

/** One step of the graph, with the sentence that states it. */
export const HopSchema = z.object({
  document: StoredDocumentSchema,
  relation: RelationTypeSchema,
  sentence: z.string(),
  cue: z.string().nullable(),
  assertedBy: z.string().describe('id of the document whose text states this relation'),
});
export type Hop = z.infer<typeof HopSchema>;

export const FacetValuesSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const FacetsSchema = z.object({
  province: FacetValuesSchema,
  year: FacetValuesSchema,
  type: FacetValuesSchema,
  issuerLevel: FacetValuesSchema,
  topic: FacetValuesSchema,
});
export type Facets = z.infer<typeof FacetsSchema>;

export const SearchHitSchema = StoredDocumentSchema.extend({
  snippet: z.string().describe('HTML-escaped text with <mark> around the matches'),
  match: z.enum(['exact', 'folded', 'number', 'cites-number']),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({
  total: z.number().int().describe('matching documents, counted up to 2,000'),
  totalIsExact: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  hits: z.array(SearchHitSchema),
  facets: FacetsSchema,
  facetSample: z.number().int().nullable().describe('facets count the newest N hits when there are more'),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const TraceResultSchema = z.object({
  document: StoredDocumentSchema,
  chains: z.array(z.array(HopSchema)).describe('each chain starts at the first hop above the document and ends at a root'),
});
export type TraceResult = z.infer<typeof TraceResultSchema>;

export const ImplementationLevelSchema = z.object({
  depth: z.number().int(),
  documents: z.array(HopSchema.extend({ parent: z.string() })),
});
export type ImplementationLevel = z.infer<typeof ImplementationLevelSchema>;

/**
 * A province's status for one decree, from issued documents only: implemented (a path of
 * IMPLEMENTS/BASED_ON to it), mentioned (only other relations, e.g. CITES), draft (nothing issued,
 * only drafts below or citing it: not yet implemented), none.
 */
export const AuditStatusSchema = z.enum(['implemented', 'mentioned', 'draft', 'none']);
export type AuditStatus = z.infer<typeof AuditStatusSchema>;
const AuditDocumentSchema = StoredDocumentSchema.extend({ relation: RelationTypeSchema });
export const AuditRowSchema = z.object({
  province: z.string(),
  status: AuditStatusSchema,
  documents: z.array(AuditDocumentSchema).describe('the issued documents the status rests on, earliest first (at most 10); never a draft'),
  documentCount: z.number().int().describe('all of them'),
  firstDate: z.string().nullable().describe('date of the earliest of them'),
  lagDays: z.number().int().nullable().describe('days from the decree to firstDate'),
  drafts: z.array(AuditDocumentSchema).describe('drafts (not issued) below or citing the decree, earliest first (at most 10); never evidence'),
  draftCount: z.number().int(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

export const AuditResultSchema = z.object({
  decree: StoredDocumentSchema,
  provinces: z.array(AuditRowSchema),
  scheme: z.union([z.literal(63), z.literal(34)]),
});
export type AuditResult = z.infer<typeof AuditResultSchema>;

export const StoreStatsSchema = z.object({
  files: z.number().int(),
  failedFiles: z.number().int(),
  documents: z.number().int(),
  knownDocuments: z.number().int(),
  citedOnly: z.number().int(),
  mentions: z.number().int(),
  resolved: z.number().int(),
  unresolved: z.record(z.string(), z.number().int()),
  edges: z.number().int(),
});
export type StoreStats = z.infer<typeof StoreStatsSchema>;

export const DocumentDetailSchema = z.object({
  document: StoredDocumentSchema.extend({ signerTitle: z.string().nullable(), recipients: z.array(z.string()) }),
  text: z.string().nullable().describe('the text as ingested; citation spans index into it'),
  citations: z.array(
    z.object({
      kind: z.string(),
      raw: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      number: z.string(),
      year: z.number().int().nullable(),
      relation: RelationTypeSchema,
      sentence: z.string(),
      cue: z.string().nullable(),
      pin: z.string().nullable(),
      target: z.string().nullable().describe('id of the cited document, when resolved'),
      unresolved: z.string().nullable().describe('why it was not resolved'),
    }),
  ),
  citedBy: z.array(HopSchema).describe('edges into this document (the first 200; see citedByCount)'),
  citedByCount: z.number().int().describe('all edges into this document'),
  relatesTo: z.array(HopSchema).describe('edges out of this document'),
  assertions: z.array(
    z.object({ from: z.string().nullable(), to: z.string().nullable(), fromNumber: z.string(), toNumber: z.string(), relation: RelationTypeSchema, sentence: z.string() }),
  ),
  messages: z.array(MessageSchema),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const IngestFileResultSchema = z.object({
  source: z.string(),
  status: z.enum(['stored', 'unchanged', 'replaced', 'failed']),
  documents: z.number().int(),
  citations: z.number().int(),
  messages: z.array(MessageSchema),
  duplicateOf: z.string().optional().describe('the stored file with the same content, when this one was not stored again'),
});
export type IngestFileResult = z.infer<typeof IngestFileResultSchema>;

// Named in the OpenAPI document (components/schemas), referenced instead of repeated.
for (const [id, schema] of Object.entries({
  StoredDocument: StoredDocumentSchema,
  Hop: HopSchema,
  Facets: FacetsSchema,
  SearchHit: SearchHitSchema,
  SearchResult: SearchResultSchema,
  TraceResult: TraceResultSchema,
  ImplementationLevel: ImplementationLevelSchema,
  AuditRow: AuditRowSchema,
  AuditResult: AuditResultSchema,
  StoreStats: StoreStatsSchema,
  DocumentDetail: DocumentDetailSchema,
  IngestFileResult: IngestFileResultSchema,
})) {
  if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}
