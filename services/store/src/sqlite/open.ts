import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { makeDirectory, sqliteMigrations } from '@vanban/schema';
import { StoreError } from '../ports.js';
import { rebuildSearchIndex, searchIndexNeedsRebuild } from './search-index.js';
import { fillTextHashes, textHashesNeedFill } from './text-hash.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Hears the progress of refilling the search index after a migration (every 1,000 documents). */
  onRebuildProgress?: (done: number, total: number) => void;
}

/** Open (creating if needed) and migrate the embedded database: WAL, foreign keys, versioned schema. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    if (path !== ':memory:' && !options.readonly) makeDirectory(dirname(path));
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (cause) {
    throw new StoreError(`[sqlite] cannot open database ${path}: ${(cause as Error).message}`, { cause, path });
  }
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -16384');
    if (!options.readonly) {
      migrate(db);
      if (searchIndexNeedsRebuild(db)) rebuildSearchIndex(db, options.onRebuildProgress);
      // a reader needs no text hashes: only the duplicate check of an ingest reads them
      if (textHashesNeedFill(db)) fillTextHashes(db);
    } else if (schemaVersion(db) < sqliteMigrations.length) {
      throw new StoreError(
        `[sqlite] database ${path} has schema version ${schemaVersion(db)}, older than this Vanban's (${sqliteMigrations.length}): open it once writable (vanban ingest or vanban serve) to migrate it`,
      );
    } else if (searchIndexNeedsRebuild(db)) {
      throw new StoreError(`[sqlite] database ${path} has a search index still to be refilled after a migration: open it once writable (vanban ingest or vanban serve) to finish it`);
    } else checkNotNewer(db);
  } catch (error) {
    db.close();
    // e.g. "file is not a database" on a file that is something else
    if (error instanceof StoreError) throw error;
    throw new StoreError(`[sqlite] cannot open database ${path}: ${(error as Error).message}`, { cause: error, path });
  }
  return db;
}

/**
 * Apply the migrations this database has not seen, each in its own transaction. The version is
 * read inside a write transaction (BEGIN IMMEDIATE), so processes opening the same file at once
 * (`vanban serve --workers N`) apply each migration once: the others wait, then see it done.
 */
function migrate(db: Db): void {
  checkNotNewer(db);
  for (let v = schemaVersion(db); v < sqliteMigrations.length; v++) {
    db.transaction(() => {
      if (schemaVersion(db) !== v) return; // another process applied it meanwhile
      db.exec(sqliteMigrations[v]);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

function checkNotNewer(db: Db): void {
  if (schemaVersion(db) > sqliteMigrations.length) {
    throw new StoreError(`[sqlite] database schema version ${schemaVersion(db)} is newer than this Vanban (${sqliteMigrations.length})`);
  }
}
