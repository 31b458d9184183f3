import type { FileExtraction } from '@vanban/ingest';
import type {
  AuditResult,
  DocumentDetail,
  ImplementationLevel,
  IngestFileResult,
  RelationType,
  SearchResult,
  StoredDocument,
  StoreStats,
  TraceResult,
} from '@vanban/schema';

// The shapes themselves are zod schemas in @vanban/schema (api.ts), shared with the HTTP API.
export type {
  AuditResult,
  AuditRow,
  AuditStatus,
  DocumentDetail,
  Facets,
  Hop,
  ImplementationLevel,
  IngestFileResult,
  SearchHit,
  SearchResult,
  StoredDocument,
  StoreStats,
  TraceResult,
} from '@vanban/schema';

export interface BackendHealth {
  backend: string;
  ok: boolean;
  error?: string;
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

/**
 * The graph side: documents, citations, relations and the three jobs — as the embedded adapter
 * answers it, synchronously. `GraphStore` below is the same contract for any adapter: a server
 * (Neo4j, Meilisearch) answers later, so callers of the port always `await`.
 */
export interface SyncGraphStore {
  /** Store one extracted file: idempotent by content hash, atomic per file. */
  ingestFile(input: { source: string; bytes: Uint8Array; markdown?: boolean; hash?: string; extraction?: FileExtraction }): IngestFileResult;
  /** Is this content (sha256) already stored for this path? */
  isUnchanged(source: string, hash: string): boolean;
  /** Corpus-level resolution pass: deterministic, re-runnable. */
  resolve(): ResolveSummary;
  getDocument(id: string): StoredDocument | null;
  /** The documents stored from one ingested file, in file order. */
  documentsFromSource(source: string): StoredDocument[];
  describe(id: string): DocumentDetail | null;
  /** Documents an id or a number (+ year, province) names: one, several (ambiguous) or none. */
  find(ref: string, filters?: { year?: number; province?: string }): StoredDocument[];
  /** Documents whose own number is `number` (normalized or typed loosely), optionally filtered. */
  lookup(number: string, filters?: { year?: number; province?: string }): StoredDocument[];
  trace(id: string, options?: { relations?: RelationType[]; maxChains?: number }): TraceResult | null;
  implementations(id: string, options?: { relations?: RelationType[]; maxDepth?: number }): ImplementationLevel[] | null;
  audit(id: string, options?: { provinces?: 63 | 34 }): AuditResult | null;
  stats(): StoreStats;
  /** Changes whenever stored data changes (from this process or another): lets callers cache answers. */
  revision(): string;
  /** Can each backend answer? Never throws: a failure is reported with its reason. */
  checkHealth(): Promise<BackendHealth[]>;
  /** Every document then every edge, for export. */
  exportGraph(): { documents: Iterable<StoredDocument>; edges: Iterable<{ from: string; to: string; relation: RelationType; assertedBy: string; sentence: string }> };
  close(): void;
}

/** The text side: Vietnamese-aware full-text and number search with facets. */
export interface SyncSearchIndex {
  search(query: SearchQuery): SearchResult;
}

/** Each method of T answering now or later (a promise): what a caller of a port must `await`. */
export type Awaitable<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => R | Promise<Awaited<R>> : T[K];
};

/** The graph port every adapter implements (embedded SQLite, Neo4j). */
export type GraphStore = Awaitable<SyncGraphStore>;
/** The search port every adapter implements (embedded SQLite FTS5, Meilisearch). */
export type SearchIndex = Awaitable<SyncSearchIndex>;

/** Adapter failures wrap their cause. */
export class StoreError extends Error {
  /** the database file, when the error is about opening it */
  readonly path?: string;
  constructor(message: string, options?: { cause?: unknown; path?: string }) {
    super(message, options);
    this.name = 'StoreError';
    if (options?.path) this.path = options.path;
  }
}
