import type { Db } from './open.js';
import { dataVersion, stmt } from './statements.js';

/** Above this many changed rows, a full rebuild is cheaper than applying them one by one. */
const MAX_CHANGES_APPLIED = 20_000;

/**
 * An in-memory structure derived from the database. Another connection's commits (PRAGMA
 * data_version moves) make the next `ensure` rebuild it whole. This connection's own writes
 * (`invalidate`) are applied row by row instead, where the connection can write: after the first
 * build, temporary triggers note the rows each write touches (in this connection's temp schema,
 * never in the file), so an upload does not stall the next search for a whole rebuild.
 */
export abstract class DerivedIndex {
  private built: number | null = null;
  private pending = false;
  private tracking = false;

  constructor(
    protected readonly db: Db,
    /** The temp table of changed keys, and the triggers filling it (`note(expr)`: the statement noting one key). */
    private readonly changes: { table: string; triggers: (note: (key: string) => string) => string[] },
  ) {}

  /** This connection wrote (or is about to): the next `ensure` applies what changed. */
  invalidate(): void {
    this.pending = true;
  }

  /** Make sure the structure describes the database as it is now. */
  ensure(): void {
    const version = dataVersion(this.db);
    if (version !== this.built) return this.rebuildAll(version);
    if (!this.pending) return;
    if (!this.tracking) return this.rebuildAll(version);
    this.pending = false;
    const keys = stmt<[], number>(this.db, `SELECT key FROM temp.${this.changes.table} ORDER BY key`).pluck().all();
    if (!keys.length) return;
    if (keys.length > MAX_CHANGES_APPLIED) return this.rebuildAll(version);
    this.apply(keys);
    stmt(this.db, `DELETE FROM temp.${this.changes.table}`).run();
  }

  private rebuildAll(version: number): void {
    this.pending = false;
    this.track();
    if (this.tracking) stmt(this.db, `DELETE FROM temp.${this.changes.table}`).run();
    this.rebuild();
    this.built = version;
  }

  /** Start noting changed keys (once; not on a read-only connection, which never writes). */
  private track(): void {
    if (this.tracking || this.db.readonly) return;
    const { table, triggers } = this.changes;
    const note = (key: string): string => `INSERT OR IGNORE INTO temp.${table} (key) VALUES (${key});`;
    this.db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (key INTEGER PRIMARY KEY);\n${triggers(note).join('\n')}`);
    this.tracking = true;
  }

  protected abstract rebuild(): void;

  /** Bring the structure up to date for these changed keys (sorted, distinct). */
  protected abstract apply(keys: readonly number[]): void;

  protected maxRowid(table: 'documents'): number {
    return (this.db.prepare(`SELECT max(rowid) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0;
  }
}
