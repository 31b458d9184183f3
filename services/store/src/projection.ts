import type { RelationType } from '@vanban/schema';
import type { AuditResult, BackendHealth, ImplementationLevel, SearchQuery, SearchResult, StoredDocument, TraceResult } from './ports.js';

/**
 * What the embedded store hands to the scale-out engines: the embedded SQLite file stays the place
 * where files are extracted and citations resolved (one implementation of identity and
 * resolution); Neo4j and Meilisearch receive the result and answer the heavy reads.
 */

/** A document as the search engine indexes it. */
export interface ProjectedDocument extends StoredDocument {
  /** The document's text as ingested (NFC; markdown kept), '' for a document known only from citations. */
  text: string;
  /** The serial of its own number ("1863" for 1863/QĐ-TTg), null without a number. */
  serial: string | null;
  /** Every number the document cites (normalized, distinct), and their serials. */
  citedNumbers: string[];
  citedSerials: string[];
}

/** One relation, with its provenance, as the graph engine stores it (one per src, dst, relation, assertedBy). */
export interface ProjectedEdge {
  from: string;
  to: string;
  relation: RelationType;
  sentence: string;
  cue: string | null;
  /** id of the document whose text states it */
  assertedBy: string;
}

/** The graph engine behind the GraphStore port's graph reads. */
export interface GraphEngine {
  /** Constraints and indexes, created if missing (idempotent). */
  ensureSchema(): Promise<void>;
  /** Create or update these documents (by id), in batches. */
  upsertDocuments(documents: readonly StoredDocument[]): Promise<void>;
  /** Replace every edge asserted by these documents with `edges` (all of which are asserted by them). */
  replaceEdgesAssertedBy(assertedBy: readonly string[], edges: readonly ProjectedEdge[]): Promise<void>;
  /** Remove these documents and their edges. */
  removeDocuments(ids: readonly string[]): Promise<void>;
  getDocument(id: string): Promise<StoredDocument | null>;
  trace(id: string, options?: { relations?: RelationType[]; maxChains?: number }): Promise<TraceResult | null>;
  implementations(id: string, options?: { relations?: RelationType[]; maxDepth?: number }): Promise<ImplementationLevel[] | null>;
  audit(id: string, options?: { provinces?: 63 | 34 }): Promise<AuditResult | null>;
  checkHealth(): Promise<BackendHealth>;
  /** Remove everything (tests and a full re-sync). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** The search engine behind the SearchIndex port. */
export interface SearchEngine {
  /** Index settings applied and read back to verify them. */
  ensureSettings(): Promise<void>;
  /** Add or replace these documents (by id), in batches under the payload limit; every task awaited and checked. */
  upsertDocuments(documents: readonly ProjectedDocument[]): Promise<void>;
  removeDocuments(ids: readonly string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  checkHealth(): Promise<BackendHealth>;
  clear(): Promise<void>;
  close(): Promise<void>;
}
