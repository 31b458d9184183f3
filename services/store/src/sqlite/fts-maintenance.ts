import type { Db } from './open.js';
import { stmt } from './statements.js';

/**
 * The full-text index grows by segments: each committed transaction (one per ingested file) writes
 * a small one and FTS5 merges them in the background, leaving tens of segments after a bulk
 * ingest. Every query reads each segment's part of its terms, so merging them into one makes a
 * first page of results 3–6× cheaper and a 2,000-match scan 15–25 % cheaper (100,000 documents).
 */
export function searchIndexSegments(db: Db): number {
  return stmt<[], number>(db, 'SELECT count(DISTINCT segid) FROM documents_fts_idx').pluck().get()!;
}

/** Merge the full-text index into one segment (FTS5 'optimize': ~3.5 s for 100,000 documents). */
export function optimizeSearchIndex(db: Db): void {
  db.transaction(() => stmt(db, "INSERT INTO documents_fts (documents_fts) VALUES ('optimize')").run()).immediate();
}
