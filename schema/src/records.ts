import { z } from 'zod';
import { IssuerLevelSchema } from './vocabulary/issuer-levels.js';
import { RelationTypeSchema } from './vocabulary/relations.js';

/** A content problem, vfile-style: reported on the file, never thrown. */
export const MessageSchema = z.object({
  reason: z.string(),
  ruleId: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  severity: z.enum(['info', 'warning', 'error']),
});
export type Message = z.infer<typeof MessageSchema>;

/** Pinpoint inside a cited document: "Điều 5", "khoản 2 Điều 3", "Chương III". */
export const CitationKindSchema = z.enum(['full', 'short', 'anaphoric']);
export type CitationKind = z.infer<typeof CitationKindSchema>;

/**
 * One citation occurrence. `start`/`end` are offsets (UTF-16 code units) into the decoded
 * original source text, so `source.slice(start, end) === raw`.
 */
export const CitationSchema = z.object({
  kind: CitationKindSchema,
  raw: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  number: z.string(),
  typeCode: z.string().nullable(),
  type: z.string().nullable(),
  issuerCode: z.string().nullable(),
  date: z.string().nullable(),
  year: z.number().int().nullable(),
  issuer: z.string().nullable(),
  pin: z.string().nullable(),
  relation: RelationTypeSchema,
  cue: z.string().nullable(),
  sentence: z.string(),
  refersTo: z.number().int().nullable(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const DocumentRefSchema = z.object({ number: z.string(), year: z.number().int().nullable() });

/** A relation the document states between two other documents. */
export const AssertionSchema = z.object({
  from: DocumentRefSchema,
  to: DocumentRefSchema,
  relation: RelationTypeSchema,
  cue: z.string(),
  sentence: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Assertion = z.infer<typeof AssertionSchema>;

export const ExtractedDocumentSchema = z.object({
  source: z.string(),
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  number: z.string().nullable(),
  draft: z.boolean(),
  typeCode: z.string().nullable(),
  type: z.string().nullable(),
  date: z.string().nullable(),
  year: z.number().int().nullable(),
  issuer: z.string().nullable(),
  parentIssuer: z.string().nullable(),
  issuerLevel: IssuerLevelSchema.nullable(),
  province: z.string().nullable(),
  district: z.string().nullable(),
  place: z.string().nullable(),
  subject: z.string().nullable(),
  recipients: z.array(z.string()),
  signer: z.string().nullable(),
  signerTitle: z.string().nullable(),
  topics: z.array(z.string()),
  citations: z.array(CitationSchema),
  assertions: z.array(AssertionSchema),
  messages: z.array(MessageSchema),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocumentSchema>;

/** What `vanban extract --json` prints and `POST /api/extract` returns. */
export const ExtractResultSchema = z.object({
  documents: z.array(ExtractedDocumentSchema),
  files: z.array(
    z.object({ source: z.string(), ok: z.boolean(), documents: z.number().int(), messages: z.array(MessageSchema) }),
  ),
});
export type ExtractResult = z.infer<typeof ExtractResultSchema>;
