import type { Db } from './open.js';
import { dataVersion, stmt } from './statements.js';

/** What a structure is derived from, as logged in `derived_changes` (schema v8). */
export const DerivedKind = {
  /** a document's facet fields, keyed by its rowid */
  Facets: 0,
  /** the implementers of a document, keyed by the rowid edges point to */
  Implementers: 1,
} as const;
export type DerivedKind = (typeof DerivedKind)[keyof typeof DerivedKind];

/**
 * An in-memory structure derived from the database, kept up to date from the change log that
 * triggers write beside every change of the rows it reads (`derived_changes`, the newest 10,000
 * kept). A commit by any connection, in any process (PRAGMA data_version moves), or this
 * connection's own write (`invalidate`), makes the next `ensure` apply the changed rows only; the
 * structure is rebuilt whole at first, and when changes it has not seen were pruned from the log.
 */
export abstract class DerivedIndex {
  /** data_version when last brought up to date; null before the first build */
  private synced: number | null = null;
  /** the last change applied */
  private seq = 0;
  private pending = false;

  constructor(
    protected readonly db: Db,
    private readonly kind: DerivedKind,
  ) {}

  /** This connection wrote (or is about to): the next `ensure` applies what changed. */
  invalidate(): void {
    this.pending = true;
  }

  /** Make sure the structure describes the database as it is now. */
  ensure(): void {
    const version = dataVersion(this.db);
    if (version === this.synced && !this.pending) return;
    this.pending = false;
    // the log's bounds are read before the rows: a change committed in between is applied again
    // next time, which is harmless (the changed rows are read afresh)
    const { last, oldest } = stmt<[], { last: number | null; oldest: number | null }>(
      this.db,
      "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'derived_changes') AS last, (SELECT min(seq) FROM derived_changes) AS oldest",
    ).get()!;
    const newest = last ?? 0;
    // changes pruned before this connection saw them, or a log that went back (another file's)
    const missed = newest < this.seq || (newest > this.seq && (oldest === null || oldest > this.seq + 1));
    if (this.synced === null || missed) this.rebuild();
    else if (newest > this.seq) {
      const keys = stmt<{ seq: number; kind: number }, number>(
        this.db,
        'SELECT DISTINCT key FROM derived_changes WHERE seq > @seq AND kind = @kind ORDER BY key',
      )
        .pluck()
        .all({ seq: this.seq, kind: this.kind });
      if (keys.length) this.apply(keys);
    }
    this.seq = newest;
    this.synced = version;
  }

  protected abstract rebuild(): void;

  /** Bring the structure up to date for these changed keys (sorted, distinct). */
  protected abstract apply(keys: readonly number[]): void;

  protected maxRowid(table: 'documents'): number {
    return (this.db.prepare(`SELECT max(rowid) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0;
  }
}
