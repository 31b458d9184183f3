import type { Db } from './open.js';
import { dataVersion } from './statements.js';

/**
 * An in-memory structure derived from the database, rebuilt when the database changed: this
 * connection's writes call `invalidate`; other connections' show in PRAGMA data_version.
 */
export abstract class DerivedIndex {
  private built = '';
  private generation = 0;

  constructor(protected readonly db: Db) {}

  invalidate(): void {
    this.generation++;
  }

  /** Make sure the structure describes the database as it is now. */
  ensure(): void {
    const version = `${dataVersion(this.db)}:${this.generation}`;
    if (version === this.built) return;
    this.rebuild();
    this.built = version;
  }

  protected abstract rebuild(): void;

  protected maxRowid(table: 'documents'): number {
    return (this.db.prepare(`SELECT max(rowid) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0;
  }
}
