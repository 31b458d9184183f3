import { createHash } from 'node:crypto';
import { normalizeText } from '@vanban/ingest';
import type { Db } from './open.js';
import { stmt } from './statements.js';
import { inflateText } from './text.js';

/**
 * What makes two files one for the duplicate check: their decoded text (UTF-8 or UTF-16, BOM or
 * not, Windows-1258), normalised as extraction reads it (NFC, `Ð` -> `Đ`, CR and zero-width
 * characters dropped…). Files with the same normalised text give the same documents and citations.
 */
export function textHash(decoded: string): string {
  return createHash('sha256').update(normalizeText(decoded).text).digest('hex');
}

/** Record the text hash of a stored file (replacing the one of its previous content). */
export function setTextHash(db: Db, path: string, hash: string): void {
  stmt(db, 'INSERT INTO text_hashes (path, hash) VALUES (?, ?) ON CONFLICT (path) DO UPDATE SET hash = excluded.hash').run(path, hash);
}

/** The first stored file, under another path, whose text has this hash. */
export function fileWithText(db: Db, hash: string, path: string): string | undefined {
  // the prefix finds the rows by the index; the whole hash is then compared on each
  return stmt<{ hash: string; path: string }, { path: string }>(
    db,
    `SELECT f.path FROM text_hashes h JOIN files f ON f.path = h.path
     WHERE substr(h.hash, 1, 12) = substr(@hash, 1, 12) AND h.hash = @hash AND f.ok = 1 AND f.path != @path ORDER BY f.ingested_seq LIMIT 1`,
  ).get({ hash, path })?.path;
}

/** Set by the schema migration (v10) that added `text_hashes`; cleared once every stored file has one. */
const FILL_KEY = 'text_hash_fill';

export const textHashesNeedFill = (db: Db): boolean => stmt<[string], number>(db, 'SELECT count(*) FROM meta WHERE key = ?').pluck().get(FILL_KEY)! > 0;

/**
 * Hash the text of every file stored before v10, so that a copy of one in another encoding is found.
 * One write transaction, so that processes opening the database at once do it once. Returns the
 * number of files hashed.
 */
export function fillTextHashes(db: Db): number {
  return db
    .transaction(() => {
      if (!textHashesNeedFill(db)) return 0; // another process did it meanwhile
      // the paths first: a connection writes nothing while a query of it is being read
      const paths = stmt<[], string>(db, 'SELECT path FROM files WHERE ok = 1 AND path NOT IN (SELECT path FROM text_hashes)').pluck().all();
      const textOf = stmt<[string], Buffer>(db, 'SELECT text FROM files WHERE path = ?').pluck();
      for (const path of paths) setTextHash(db, path, textHash(inflateText(textOf.get(path)!)));
      stmt(db, 'DELETE FROM meta WHERE key = ?').run(FILL_KEY);
      return paths.length;
    })
    .immediate();
}
