import { foldVietnamese, unifyTonePlacement } from '@vanban/schema';
import { normalizeText, splitDocuments, toPlainText } from '@vanban/ingest';
import type { Db } from './open.js';
import { stmt } from './statements.js';
import { inflateText } from './text.js';

/**
 * What the full-text search keeps of a document's text, in one place for ingest, query and rebuild.
 *
 * - `documents_pairs` (folded) and `documents_pairs_exact` (with diacritics) hold each syllable and
 *   each two consecutive syllables joined by "_" ("tre", "tre_em"), as sets (FTS5 detail=none: no
 *   positions). A query of n syllables is a few pair terms (`wordsExpression`), so finding and
 *   counting the matches of "tháng hành động vì trẻ em" reads five short row lists instead of
 *   comparing positions of six syllables found in nearly every letter (~5× faster at 100,000
 *   documents), and the two tables take less room than the exact column with positions did.
 *   Pairs skip punctuation ("phòng, chống" holds "phong_chong").
 * - `documents_fts` (folded, with positions) only orders a short result list by relevance (bm25).
 */
export const SEARCH_INDEX_TABLES = ['documents_fts', 'documents_pairs', 'documents_pairs_exact'] as const;

/** The syllables of a text as the FTS5 tokenizer (unicode61) cuts them: runs of letters, marks and digits. */
const syllables = (text: string): string[] => text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/** Each syllable and each two consecutive ones joined by "_", space-separated, as stored in the pair tables. */
export function pairTerms(text: string): string {
  const s = syllables(text);
  const out: string[] = [];
  for (let k = 0; k < s.length; k++) {
    out.push(s[k]);
    if (k + 1 < s.length) out.push(`${s[k]}_${s[k + 1]}`);
  }
  return out.join(' ');
}

/** Each two consecutive tokens, joined by `glue` and quoted, all required ("a_b" AND "b_c"). */
const pairsOf = (tokens: readonly string[], glue: string): string =>
  tokens
    .slice(1)
    .map((t, k) => `"${tokens[k]}${glue}${t}"`)
    .join(' AND ');

/**
 * The pair-table expression of the query side by side (letters and digits only, so no input can
 * break it): the one syllable, or every two consecutive syllables. It ranks the documents that
 * have the phrase; `wordsExpression` says which documents match.
 */
export const pairsExpression = (tokens: readonly string[]): string => (tokens.length === 1 ? `"${tokens[0]}"` : pairsOf(tokens, '_'));

/** The positional-index expression of the words side by side (a phrase: punctuation between them is no token). */
export const phraseExpression = (tokens: readonly string[]): string => `"${tokens.join(' ')}"`;

/**
 * Which documents a query matches: those holding all its words, in any order. Vietnamese words
 * are syllable pairs (or longer), so a word is never a syllable alone — every syllable of the query
 * must stand beside a neighbour of the query: the first two and the last two side by side, each
 * other syllable with the one before or the one after. This is the same as the query cut into
 * words of two or more syllables, each side by side somewhere ("lục nam đuối nước": "lục nam" and
 * "đuối nước", also where no letter writes "nam đuối"); a syllable is never matched alone in the
 * text, so "đuối nước" does not match "đuối" in one place and "nước" (water, country) in another.
 * One syllable is found anywhere; two or three syllables only side by side, as before.
 *
 * `glue` "_" gives the pair-table expression, " " the positional one (each pair a phrase) for
 * ranking. A conjunction of at most n − 2 terms, so it stays small for the longest query.
 */
export function wordsExpression(tokens: readonly string[], glue: '_' | ' '): string {
  if (tokens.length === 1) return `"${tokens[0]}"`;
  const pair = (k: number): string => `"${tokens[k]}${glue}${tokens[k + 1]}"`;
  const last = tokens.length - 2;
  const terms = [pair(0)];
  for (let k = 2; k < last; k++) terms.push(`(${pair(k - 1)} OR ${pair(k)})`);
  if (last > 0) terms.push(pair(last));
  return terms.join(' AND ');
}

/** Queries longer than this are matched by `wordsExpression` alone: the alternatives grow with the length. */
const MAX_LOOSE_SYLLABLES = 12;

/**
 * The documents holding the query's words, of which one may be a syllable alone anywhere: the
 * query cut into words of two or more syllables and at most one word of one ("phòng đuối nước":
 * "phòng" and "đuối nước"; "chống đuối nước" where the text writes "phòng, chống tai nạn đuối
 * nước"; "tháng hành động vì trẻ em" in "trẻ em vì tháng hành động"). A query of one or two
 * syllables stays as `wordsExpression` ("đuối nước" never matches "đuối" and "nước" apart).
 * Every `wordsExpression` match is one of these; search lists those first.
 */
export function looseWordsExpression(tokens: readonly string[], glue: '_' | ' '): string {
  const strict = wordsExpression(tokens, glue);
  if (tokens.length < 3 || tokens.length > MAX_LOOSE_SYLLABLES) return strict;
  const alternatives = [strict];
  for (let k = 0; k < tokens.length; k++) {
    const [before, after] = [tokens.slice(0, k), tokens.slice(k + 1)];
    // the syllable at k alone; the rest on either side cut into words of two or more
    if (before.length === 1 || after.length === 1) continue;
    const terms = [...(before.length ? [wordsExpression(before, glue)] : []), `"${tokens[k]}"`, ...(after.length ? [wordsExpression(after, glue)] : [])];
    alternatives.push(terms.join(' AND '));
  }
  return alternatives.map((a) => `(${a})`).join(' OR ');
}

/** Index a stored document's plain text (its rowid is the documents row). */
export function indexDocumentText(db: Db, rowid: number, plain: string): void {
  const folded = foldVietnamese(plain);
  stmt(db, 'INSERT INTO documents_fts (rowid, folded) VALUES (?, ?)').run(rowid, folded);
  stmt(db, 'INSERT INTO documents_pairs (rowid, terms) VALUES (?, ?)').run(rowid, pairTerms(folded));
  stmt(db, 'INSERT INTO documents_pairs_exact (rowid, terms) VALUES (?, ?)').run(rowid, pairTerms(unifyTonePlacement(plain.toLowerCase())));
}

export function unindexDocument(db: Db, rowid: number): void {
  for (const table of SEARCH_INDEX_TABLES) stmt(db, `DELETE FROM ${table} WHERE rowid = ?`).run(rowid);
}

/** Set by the schema migration that made the tables empty; cleared once they are filled again. */
const REBUILD_KEY = 'search_index_rebuild';

export const searchIndexNeedsRebuild = (db: Db): boolean =>
  stmt<[string], number>(db, 'SELECT count(*) FROM meta WHERE key = ?').pluck().get(REBUILD_KEY)! > 0;

/**
 * Fill the search tables again from the stored texts, after a migration that changed what they
 * hold: each file's text is parsed and split as ingest does, and each of its documents indexed.
 * One write transaction, so that processes opening the database at once fill it once. Returns the
 * number of documents indexed; `onProgress` hears the start, every 1,000 and the end.
 */
export function rebuildSearchIndex(db: Db, onProgress?: (done: number, total: number) => void): number {
  return db.transaction(() => {
    if (!searchIndexNeedsRebuild(db)) return 0; // another process did it meanwhile
    for (const table of SEARCH_INDEX_TABLES) db.exec(`DELETE FROM ${table}`);
    const total = stmt<[], number>(db, 'SELECT count(*) FROM documents WHERE source IS NOT NULL').pluck().get()!;
    type Row = { rowid: number; source: string; doc_index: number | null; start: number | null; end: number | null };
    const docsOf = stmt<[string], Row>(db, 'SELECT rowid, source, doc_index, start, end FROM documents WHERE source = ? ORDER BY rowid');
    // the paths first: a connection writes nothing while a query of it is being read
    const paths = stmt<[], string>(db, 'SELECT path FROM files WHERE ok = 1').pluck().all();
    const textOf = stmt<[string], Buffer>(db, 'SELECT text FROM files WHERE path = ?');
    let done = 0;
    onProgress?.(0, total);
    for (const path of paths) {
      const docs = docsOf.all(path);
      if (!docs.length) continue;
      const source = inflateText(textOf.pluck().get(path)!);
      // markdown or not by its content, as ingest decides when not told
      const plain = toPlainText(normalizeText(source).text).text;
      const slices = plain.trim() ? splitDocuments(plain) : [];
      for (const d of docs) {
        const slice = d.doc_index !== null ? slices[d.doc_index] : undefined;
        // the split as at ingest; if it differs now, the document's own span of the source
        const text = slice ? plain.slice(slice.start, slice.end) : source.slice(d.start ?? 0, d.end ?? source.length);
        indexDocumentText(db, d.rowid, text);
        if (++done % 1000 === 0) onProgress?.(done, total);
      }
    }
    stmt(db, 'DELETE FROM meta WHERE key = ?').run(REBUILD_KEY);
    onProgress?.(done, total);
    return done;
  }).immediate();
}
