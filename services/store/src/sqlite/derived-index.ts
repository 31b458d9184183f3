import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';

/**
 * An in-memory structure derived from the database, rebuilt when the database changed: this
 * connection's writes call `invalidate`; other connections' show in PRAGMA data_version.
 */
export abstract class DerivedIndex {
  private built = '';
  private generation = 0;
  private dataVersion: Statement<[], number> | undefined;

  constructor(protected readonly db: Db) {}

  invalidate(): void {
    this.generation++;
  }

  /** Make sure the structure describes the database as it is now. */
  ensure(): void {
    // a prepared statement: db.pragma() prepares one on every call (~10 µs, once per search)
    const version = `${(this.dataVersion ??= this.db.prepare<[], number>('PRAGMA data_version').pluck()).get()}:${this.generation}`;
    if (version === this.built) return;
    this.rebuild();
    this.built = version;
  }

  protected abstract rebuild(): void;

  protected maxRowid(table: 'documents'): number {
    return (this.db.prepare(`SELECT max(rowid) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0;
  }
}
