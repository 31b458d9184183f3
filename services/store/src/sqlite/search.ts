import type { Facets, SearchHit, SearchQuery, SearchResult } from '../ports.js';
import type { Db } from './open.js';
import { ftsExpression, numberMatches, parseQuery } from './query.js';
import { toDocument, type DocumentRow } from './rows.js';
import { makeSnippet } from './snippet.js';
import { inflateText } from './text.js';
import { stmt } from './statements.js';

export const MAX_PAGE_SIZE = 100;

interface Filter {
  sql: string;
  params: Record<string, unknown>;
}

function filterSql(q: SearchQuery): Filter {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.province) (parts.push('d.province = @province'), (params.province = q.province));
  if (q.yearFrom !== undefined) (parts.push('d.year >= @yearFrom'), (params.yearFrom = q.yearFrom));
  if (q.yearTo !== undefined) (parts.push('d.year <= @yearTo'), (params.yearTo = q.yearTo));
  if (q.type) (parts.push('(d.type_code = @type OR d.type = @type)'), (params.type = q.type));
  if (q.issuerLevel) (parts.push('d.issuer_level = @issuerLevel'), (params.issuerLevel = q.issuerLevel));
  if (q.topic) (parts.push('EXISTS (SELECT 1 FROM json_each(d.topics) WHERE value = @topic)'), (params.topic = q.topic));
  return { sql: parts.length ? ` AND ${parts.join(' AND ')}` : '', params };
}

const facetSql = `
  WITH h AS MATERIALIZED (SELECT d.province, d.year, d.type, d.issuer_level, d.topics FROM documents d WHERE d.rowid IN (SELECT value FROM json_each(?)))
  SELECT 'province' AS f, province AS v, count(*) AS n FROM h WHERE province IS NOT NULL GROUP BY province
  UNION ALL SELECT 'year', year, count(*) FROM h WHERE year IS NOT NULL GROUP BY year
  UNION ALL SELECT 'type', type, count(*) FROM h WHERE type IS NOT NULL GROUP BY type
  UNION ALL SELECT 'issuerLevel', issuer_level, count(*) FROM h WHERE issuer_level IS NOT NULL GROUP BY issuer_level
  UNION ALL SELECT 'topic', j.value, count(*) FROM h, json_each(h.topics) j GROUP BY j.value`;

/** Facets count at most this many hits (the best ranked); `facetSample` says when they are a sample. */
export const FACET_SAMPLE = 2000;
/** Lists with more matches than this are ordered newest first rather than by relevance. */
export const RANKED_LIMIT = 5000;

/**
 * Search: a số ký hiệu finds that document and every document citing it; words search the folded
 * text, and when typed with diacritics the documents matching them exactly rank first. Any input
 * gives results or an empty list, never an error.
 */
export function searchDocuments(db: Db, query: SearchQuery): SearchResult {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? 10)));
  const parsed = parseQuery(query.q);
  const filter = filterSql(query);
  if (parsed.kind === 'empty') return { total: 0, page, pageSize, hits: [], facets: emptyFacets(), facetSample: null };
  if (parsed.kind === 'number') return searchNumber(db, parsed, filter, page, pageSize);

  const folded = ftsExpression('folded', parsed.folded);
  const exact = parsed.exact?.length ? ftsExpression('exact', parsed.exact) : null;
  // exact-diacritic matches first, then the rest of the folded matches: two ranked FTS lists
  const lists = exact ? [exact, `(${folded}) NOT (${exact})`] : [folded];
  const from = filter.sql ? 'documents_fts f JOIN documents d ON d.rowid = f.rowid' : 'documents_fts f';
  const count = (expr: string): number =>
    stmt<Record<string, unknown>, { n: number }>(db, `SELECT count(*) AS n FROM ${from} WHERE documents_fts MATCH @expr${filter.sql}`).get({ ...filter.params, expr })!.n;
  const counts = lists.map(count);
  // Scoring every match of a very common query costs more than it tells: past RANKED_LIMIT matches
  // a list is ordered newest first (FTS5 walks rowids backwards without scoring).
  const order = (k: number): string => (counts[k] > RANKED_LIMIT ? 'f.rowid DESC' : 'f.rank');
  const ranked = (expr: string, limit: number, offset: number): number[] =>
    stmt<Record<string, unknown>, { rowid: number }>(db, `SELECT f.rowid FROM ${from} WHERE documents_fts MATCH @expr${filter.sql} ORDER BY ${order(lists.indexOf(expr))} LIMIT @limit OFFSET @offset`)
      .all({ ...filter.params, expr, limit, offset })
      .map((r) => r.rowid);
  const total = counts.reduce((a, b) => a + b, 0);
  const take = (limit: number, offset: number): Array<{ rowid: number; exact: boolean }> => {
    const out: Array<{ rowid: number; exact: boolean }> = [];
    let skip = offset;
    lists.forEach((expr, k) => {
      if (out.length >= limit) return;
      if (skip >= counts[k]) {
        skip -= counts[k];
        return;
      }
      for (const rowid of ranked(expr, limit - out.length, skip)) out.push({ rowid, exact: exact !== null && k === 0 });
      skip = 0;
    });
    return out;
  };
  const page_ = take(pageSize, (page - 1) * pageSize);
  const sample = total <= FACET_SAMPLE ? null : FACET_SAMPLE;
  const facetIds = sample === null && total <= FACET_SAMPLE ? take(total, 0) : take(FACET_SAMPLE, 0);
  const facets = readFacets(db, facetIds.map((h) => h.rowid));
  const rows = page_.map((h) => ({ ...hitRow(db, h.rowid), exact: h.exact }));
  const hits: SearchHit[] = rows.map((r) => ({
    ...toDocument(r),
    snippet: makeSnippet(r.text ?? r.subject ?? '', parsed.folded, parsed.exact),
    match: r.exact ? 'exact' : 'folded',
  }));
  return { total, page, pageSize, hits, facets, facetSample: sample };
}

const hitSql = 'SELECT d.rowid, d.*, fl.text AS blob FROM documents d LEFT JOIN files fl ON fl.path = d.source WHERE d.rowid = ?';

/** A hit's row with its document text (decompressed, sliced to the document's span). */
function hitRow(db: Db, rowid: number): DocumentRow & { text: string | null } {
  const r = stmt<[number], DocumentRow & { blob: Buffer | null }>(db, hitSql).get(rowid)!;
  const text = r.blob && r.start !== null && r.end !== null ? inflateText(r.blob).slice(r.start, r.end) : null;
  return { ...r, text };
}

function searchNumber(db: Db, q: { serial: string; year: number | null; codes: string[] }, filter: Filter, page: number, pageSize: number): SearchResult {
  const own = stmt<[string], { rowid: number; number_folded: string }>(db, 'SELECT rowid, number_folded FROM documents WHERE serial = ?')
    .all(q.serial)
    .filter((r) => numberMatches(r.number_folded, q))
    .map((r) => r.rowid);
  const ownSet = new Set(own);
  const citing = new Set(
    stmt<[string], { doc: number; number_folded: string }>(db, 'SELECT doc, number_folded FROM mentions WHERE serial = ?')
      .all(q.serial)
      .filter((r) => numberMatches(r.number_folded, q) && !ownSet.has(r.doc))
      .map((r) => r.doc),
  );
  // the document itself first, then the documents citing it, newest first; filters apply to both
  const candidates = stmt<Record<string, unknown>, { rowid: number; date: string | null }>(
    db,
    `SELECT d.rowid, d.date FROM documents d WHERE d.rowid IN (SELECT value FROM json_each(@ids))${filter.sql}`,
  ).all({ ...filter.params, ids: JSON.stringify([...own, ...citing]) });
  candidates.sort((a, b) => Number(ownSet.has(b.rowid)) - Number(ownSet.has(a.rowid)) || (b.date ?? '').localeCompare(a.date ?? '') || a.rowid - b.rowid);
  const total = candidates.length;
  const facets = readFacets(db, candidates.slice(0, FACET_SAMPLE).map((c) => c.rowid));
  const pageRows = candidates.slice((page - 1) * pageSize, page * pageSize);
  const hits: SearchHit[] = pageRows.map((c) => {
    const r = hitRow(db, c.rowid);
    return {
      ...toDocument(r),
      snippet: makeSnippet(r.text ?? r.subject ?? '', [q.serial, ...q.codes], null),
      match: ownSet.has(r.rowid) ? 'number' : 'cites-number',
    };
  });
  return { total, page, pageSize, hits, facets, facetSample: total > FACET_SAMPLE ? FACET_SAMPLE : null };
}

/** Facet counts over the given documents (the hits, or the best of them). */
function readFacets(db: Db, rowids: readonly number[]): Facets {
  const facets = emptyFacets();
  if (!rowids.length) return facets;
  for (const row of stmt<[string], { f: string; v: string | number | null; n: number }>(db, facetSql).all(JSON.stringify(rowids))) {
    facets[row.f as keyof Facets].push({ value: String(row.v), count: row.n });
  }
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return facets;
}

function emptyFacets(): Facets {
  return { province: [], year: [], type: [], issuerLevel: [], topic: [] };
}
