import type { Facets, SearchHit, SearchQuery, SearchResult } from '../ports.js';
import type { Db } from './open.js';
import { ftsExpression, numberMatches, parseQuery } from './query.js';
import { toDocument, type DocumentRow } from './rows.js';
import { makeSnippet } from './snippet.js';

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

const facetSql = (source: string): string => `
  WITH h AS MATERIALIZED (${source})
  SELECT 'province' AS f, province AS v, count(*) AS n FROM h WHERE province IS NOT NULL GROUP BY province
  UNION ALL SELECT 'year', year, count(*) FROM h WHERE year IS NOT NULL GROUP BY year
  UNION ALL SELECT 'type', type, count(*) FROM h WHERE type IS NOT NULL GROUP BY type
  UNION ALL SELECT 'issuerLevel', issuer_level, count(*) FROM h WHERE issuer_level IS NOT NULL GROUP BY issuer_level
  UNION ALL SELECT 'topic', j.value, count(*) FROM h, json_each(h.topics) j GROUP BY j.value
  UNION ALL SELECT 'total', NULL, count(*) FROM h`;

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
  if (parsed.kind === 'empty') return { total: 0, page, pageSize, hits: [], facets: emptyFacets() };
  if (parsed.kind === 'number') return searchNumber(db, parsed, filter, page, pageSize);

  const folded = ftsExpression('folded', parsed.folded);
  const exact = parsed.exact?.length ? ftsExpression('exact', parsed.exact) : null;
  const source = `SELECT d.rowid, d.province, d.year, d.type, d.issuer_level, d.topics
    FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH @folded${filter.sql}`;
  const { total, facets } = readFacets(db, source, { ...filter.params, folded });
  const exactCte = exact ? ', ex AS (SELECT rowid AS r FROM documents_fts WHERE documents_fts MATCH @exact)' : '';
  const exactColumn = exact ? '(hits.r IN (SELECT r FROM ex))' : '0';
  const rows = db
    .prepare<Record<string, unknown>, DocumentRow & { exact_match: number; text: string | null }>(
      `WITH hits AS (SELECT rowid AS r, rank AS score FROM documents_fts WHERE documents_fts MATCH @folded)${exactCte}
       SELECT d.rowid, d.*, ${exactColumn} AS exact_match, substr(fl.text, d.start + 1, d.end - d.start) AS text
       FROM hits JOIN documents d ON d.rowid = hits.r LEFT JOIN files fl ON fl.path = d.source
       WHERE 1${filter.sql}
       ORDER BY exact_match DESC, hits.score, d.date DESC, d.rowid LIMIT @limit OFFSET @offset`,
    )
    .all({ ...filter.params, folded, ...(exact ? { exact } : {}), limit: pageSize, offset: (page - 1) * pageSize });
  const hits: SearchHit[] = rows.map((r) => ({
    ...toDocument(r),
    snippet: makeSnippet(r.text ?? r.subject ?? '', parsed.folded, parsed.exact),
    match: r.exact_match ? 'exact' : 'folded',
  }));
  return { total, page, pageSize, hits, facets };
}

function searchNumber(db: Db, q: { serial: string; year: number | null; codes: string[] }, filter: Filter, page: number, pageSize: number): SearchResult {
  const own = db
    .prepare<{ serial: string }, { rowid: number; number_folded: string }>('SELECT rowid, number_folded FROM documents WHERE serial = @serial')
    .all({ serial: q.serial })
    .filter((r) => numberMatches(r.number_folded, q))
    .map((r) => r.rowid);
  const citing = db
    .prepare<{ serial: string }, { doc: number; number_folded: string; target: number | null }>('SELECT doc, number_folded, target FROM mentions WHERE serial = @serial')
    .all({ serial: q.serial })
    .filter((r) => numberMatches(r.number_folded, q))
    .map((r) => r.doc);
  const ownSet = new Set(own);
  const ids = [...own, ...[...new Set(citing)].filter((d) => !ownSet.has(d))];
  const idList = ids.length ? ids.join(',') : '-1';
  const source = `SELECT d.rowid, d.province, d.year, d.type, d.issuer_level, d.topics FROM documents d WHERE d.rowid IN (${idList})${filter.sql}`;
  const { total, facets } = readFacets(db, source, filter.params);
  const rows = db
    .prepare<Record<string, unknown>, DocumentRow & { text: string | null }>(
      `SELECT d.rowid, d.*, substr(fl.text, d.start + 1, d.end - d.start) AS text FROM documents d LEFT JOIN files fl ON fl.path = d.source
       WHERE d.rowid IN (${idList})${filter.sql}
       ORDER BY (d.rowid IN (${own.length ? own.join(',') : '-1'})) DESC, d.date DESC, d.rowid LIMIT @limit OFFSET @offset`,
    )
    .all({ ...filter.params, limit: pageSize, offset: (page - 1) * pageSize });
  const hits: SearchHit[] = rows.map((r) => ({
    ...toDocument(r),
    snippet: makeSnippet(r.text ?? r.subject ?? '', [q.serial, ...q.codes], null),
    match: ownSet.has(r.rowid) ? 'number' : 'cites-number',
  }));
  return { total, page, pageSize, hits, facets };
}

function readFacets(db: Db, source: string, params: Record<string, unknown>): { total: number; facets: Facets } {
  const facets = emptyFacets();
  let total = 0;
  for (const row of db.prepare<Record<string, unknown>, { f: string; v: string | number | null; n: number }>(facetSql(source)).all(params)) {
    if (row.f === 'total') total = row.n;
    else facets[row.f as keyof Facets].push({ value: String(row.v), count: row.n });
  }
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { total, facets };
}

function emptyFacets(): Facets {
  return { province: [], year: [], type: [], issuerLevel: [], topic: [] };
}
