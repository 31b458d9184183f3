import type { FileExtraction } from '@vanban/ingest';
import type { IssuerLevel, Message, RelationType } from '@vanban/schema';

/** A document node: ingested (`known`) or known only from citations. */
export interface StoredDocument {
  id: string;
  number: string | null;
  year: number | null;
  jurisdiction: string;
  type: string | null;
  typeCode: string | null;
  issuer: string | null;
  issuerLevel: IssuerLevel | null;
  province: string | null;
  district: string | null;
  date: string | null;
  subject: string | null;
  signer: string | null;
  topics: string[];
  draft: boolean;
  known: boolean;
  /** Path of the ingested file, or null for a node known only from citations. */
  source: string | null;
}

export interface Hop {
  document: StoredDocument;
  relation: RelationType;
  sentence: string;
  cue: string | null;
  /** The document whose text states this relation. */
  assertedBy: string;
}

export interface IngestFileResult {
  source: string;
  status: 'stored' | 'unchanged' | 'replaced' | 'failed';
  documents: number;
  citations: number;
  messages: Message[];
}

export interface ResolveSummary {
  mentions: number;
  resolved: number;
  unresolved: Record<string, number>;
  edges: number;
  citedOnly: number;
}

export interface SearchFilters {
  province?: string;
  yearFrom?: number;
  yearTo?: number;
  type?: string;
  issuerLevel?: string;
  topic?: string;
}

export interface SearchQuery extends SearchFilters {
  q: string;
  page?: number;
  pageSize?: number;
}

export interface SearchHit extends StoredDocument {
  snippet: string;
  /** Why it matched: the text (exact diacritics or folded), its own number, or a citation of the number. */
  match: 'exact' | 'folded' | 'number' | 'cites-number';
}

export type Facets = Record<'province' | 'year' | 'type' | 'issuerLevel' | 'topic', Array<{ value: string; count: number }>>;

export interface SearchResult {
  /** Matching documents, counted up to 2,000 (see `totalIsExact`). */
  total: number;
  totalIsExact: boolean;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: Facets;
  /** Facets count the newest `facetSample` hits when there are more; null when they count them all. */
  facetSample: number | null;
}

export interface TraceResult {
  document: StoredDocument;
  /** Each chain starts at the first hop above the document and ends at a root. */
  chains: Hop[][];
}

export interface ImplementationLevel {
  depth: number;
  documents: Array<Hop & { parent: string }>;
}

export interface AuditRow {
  province: string;
  status: 'implemented' | 'mentioned' | 'none';
  /** The earliest documents (at most 10); `documentCount` counts them all. */
  documents: Array<StoredDocument & { relation: RelationType }>;
  documentCount: number;
  firstDate: string | null;
  lagDays: number | null;
}

export interface AuditResult {
  decree: StoredDocument;
  provinces: AuditRow[];
  scheme: 63 | 34;
}

export interface StoreStats {
  files: number;
  failedFiles: number;
  documents: number;
  knownDocuments: number;
  citedOnly: number;
  mentions: number;
  resolved: number;
  unresolved: Record<string, number>;
  edges: number;
}

export interface DocumentDetail {
  document: StoredDocument & { subject: string | null; signerTitle: string | null; recipients: string[] };
  /** The document's text as ingested (source coordinates of citation spans), or null. */
  text: string | null;
  citations: Array<{
    kind: string;
    raw: string;
    start: number;
    end: number;
    number: string;
    year: number | null;
    relation: RelationType;
    sentence: string;
    cue: string | null;
    pin: string | null;
    target: string | null;
    unresolved: string | null;
  }>;
  /** Edges into this document: who implements, is based on, cites it. */
  citedBy: Hop[];
  /** Edges out of this document (its own citations and what other documents assert about it). */
  relatesTo: Hop[];
  assertions: Array<{ from: string | null; to: string | null; fromNumber: string; toNumber: string; relation: RelationType; sentence: string }>;
  messages: Message[];
}

/** The graph side: documents, citations, relations and the three jobs. */
export interface GraphStore {
  /** Store one extracted file: idempotent by content hash, atomic per file. */
  ingestFile(input: { source: string; bytes: Uint8Array; markdown?: boolean; hash?: string; extraction?: FileExtraction }): IngestFileResult;
  /** Is this content (sha256) already stored for this path? */
  isUnchanged(source: string, hash: string): boolean;
  /** Corpus-level resolution pass: deterministic, re-runnable. */
  resolve(): ResolveSummary;
  getDocument(id: string): StoredDocument | null;
  describe(id: string): DocumentDetail | null;
  /** Documents an id or a number (+ year, province) names: one, several (ambiguous) or none. */
  find(ref: string, filters?: { year?: number; province?: string }): StoredDocument[];
  /** Documents whose own number is `number` (normalized or typed loosely), optionally filtered. */
  lookup(number: string, filters?: { year?: number; province?: string }): StoredDocument[];
  trace(id: string, options?: { relations?: RelationType[]; maxChains?: number }): TraceResult | null;
  implementations(id: string, options?: { relations?: RelationType[]; maxDepth?: number }): ImplementationLevel[] | null;
  audit(id: string, options?: { provinces?: 63 | 34 }): AuditResult | null;
  stats(): StoreStats;
  /** Every document then every edge, for export. */
  exportGraph(): { documents: Iterable<StoredDocument>; edges: Iterable<{ from: string; to: string; relation: RelationType; assertedBy: string; sentence: string }> };
  close(): void;
}

/** The text side: Vietnamese-aware full-text and number search with facets. */
export interface SearchIndex {
  search(query: SearchQuery): SearchResult;
}

/** Adapter failures wrap their cause. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
