import { canonicalFilters, foldVietnamese, MAX_PAGE_SIZE, paddedSpellings } from '@vanban/schema';
import type { Facets, SearchHit, SearchQuery, SearchResult } from '../ports.js';
import type { Db } from './open.js';
import { numberMatches, parseQuery, parseWords, type NumberQuery } from './query.js';
import { looseWordsExpression, pairsExpression, phraseExpression, wordsExpression } from './search-index.js';
import { storedDocumentSelect, toDocument, type StoredDocumentRow } from './rows.js';
import type { FacetIndex } from './facets.js';
import { makeSnippet, snippetToken } from './snippet.js';
import { inflateText } from './text.js';
import { stmt } from './statements.js';

interface Filter {
  sql: string;
  params: Record<string, unknown>;
}

function filterSql(query: SearchQuery): Filter {
  const q = canonicalFilters(query);
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

/** Facets count at most this many hits (the newest); `facetSample` says when they are a sample. */
export const FACET_SAMPLE = 2000;
/** Lists with more matches than this are ordered newest first rather than by relevance. */
export const RANKED_LIMIT = 200;
/**
 * Matches are retrieved and counted up to this many (the newest); `totalIsExact` is false at the
 * cap. "More than 2,000 letters" is all a reader needs, and it bounds the cost of a common word.
 */
export const COUNT_CAP = 2_000;

/**
 * Search: a số ký hiệu finds that document and every document citing it; words find the documents
 * holding all of them, in any order (folded; see wordsExpression), those with the words side by side
 * first, and when typed with diacritics the documents matching them exactly before the others. Any input
 * gives results or an empty list, never an error.
 */
export function searchDocuments(db: Db, query: SearchQuery, facetIndex: FacetIndex): SearchResult {
  // a page number that is not a number (NaN from a careless caller) is the first page
  const page = Number.isFinite(query.page) ? Math.max(1, Math.floor(query.page!)) : 1;
  const pageSize = Number.isFinite(query.pageSize) ? Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize!))) : 10;
  let parsed = parseQuery(query.q);
  const filter = filterSql(query);
  if (parsed.kind === 'number') {
    const byNumber = searchNumber(db, parsed, filter, page, pageSize, facetIndex);
    // a number typed without "/" or "-" that no document has or cites ("báo cáo 15", "279 người")
    // may still be words in texts
    if (byNumber.total > 0 || !parsed.mayBeWords) return byNumber;
    parsed = parseWords(query.q);
  }
  if (parsed.kind === 'empty') return { total: 0, totalIsExact: true, page, pageSize, hits: [], facets: emptyFacets(), facetSample: null };

  // One pass over the folded pair set (at most COUNT_CAP matches, see search-index.ts): count,
  // order, page and facets come from these rowids. The documents holding every word of the query
  // (wordsExpression); exact-diacritic matches first, then the other folded matches; in each part
  // the words side by side (the phrase) first. By relevance (bm25) when the list is small, newest
  // first when there are more than RANKED_LIMIT matches, where scoring every match costs more than
  // it tells.
  const join = filter.sql ? ' JOIN documents d ON d.rowid = f.rowid' : '';
  const matches = (table: 'documents_pairs' | 'documents_pairs_exact', expr: string, limit = COUNT_CAP): number[] =>
    stmt<Record<string, unknown>, number>(db, `SELECT f.rowid FROM ${table} f${join} WHERE ${table} MATCH @expr${filter.sql} ORDER BY f.rowid DESC LIMIT @limit`)
      .pluck()
      .all({ ...filter.params, expr, limit });
  const byRelevance = (expr: string): number[] =>
    stmt<Record<string, unknown>, number>(db, `SELECT f.rowid FROM documents_fts f${join} WHERE documents_fts MATCH @expr${filter.sql} ORDER BY f.rank`)
      .pluck()
      .all({ ...filter.params, expr });
  const folded = parsed.folded;
  const all = matches('documents_pairs', looseWordsExpression(folded, '_'));
  // every exact match is a folded match, so the folded list counts them all (up to the cap)
  const total = all.length;
  const wanted = page * pageSize;
  let ordered: number[];
  let exactSet: Set<number>;
  const exact = parsed.exact?.length ? parsed.exact : null;
  if (total <= RANKED_LIMIT) {
    exactSet = new Set(exact && total ? matches('documents_pairs_exact', looseWordsExpression(exact, '_')) : []);
    // the words side by side, then every word in its own place, then one syllable of them anywhere
    // (the same list for one or two syllables)
    let ranked =
      folded.length > 2
        ? [...byRelevance(phraseExpression(folded)), ...byRelevance(wordsExpression(folded, ' ')), ...byRelevance(looseWordsExpression(folded, ' '))]
        : byRelevance(phraseExpression(folded));
    // (the two indexes cut syllables alike; were one ever to differ, the pair set decides what is listed)
    const listed = new Set(all);
    ranked.push(...all);
    ranked = [...new Set(ranked.filter((r) => listed.has(r)))];
    ordered = [...ranked.filter((r) => exactSet.has(r)), ...ranked.filter((r) => !exactSet.has(r))];
  } else {
    // newest first, in tiers: exact with every pair side by side, exact with every word, exact with
    // one syllable apart, folded side by side, the rest; up to three syllables need no "every word"
    // tier (it is the phrase), up to two no "one syllable apart" (there is none)
    const apart = folded.length > 3;
    const exactTier = (expression: (tokens: readonly string[], glue: '_') => string) => (n: number) => matches('documents_pairs_exact', expression(exact!, '_'), n);
    const exactTiers = exact
      ? [exactTier(pairsExpression), ...(apart ? [exactTier(wordsExpression)] : []), ...(folded.length > 2 ? [exactTier(looseWordsExpression)] : [])]
      : [];
    ordered = newestInTiers(exactTiers, wanted);
    // fewer exact matches than the page needs means all of them (each tier read `wanted` rows)
    exactSet = new Set(ordered);
    if (ordered.length < wanted) ordered = newestInTiers([() => ordered, ...(apart ? [(n: number) => matches('documents_pairs', pairsExpression(folded), n)] : []), () => all], wanted);
  }
  const page_ = ordered.slice((page - 1) * pageSize, page * pageSize).map((rowid) => ({ rowid, exact: exactSet.has(rowid) }));
  // facets over every hit, or over the newest FACET_SAMPLE when there are more
  const sample = total > FACET_SAMPLE ? FACET_SAMPLE : null;
  const facets = facetIndex.count(all.slice(0, FACET_SAMPLE));
  const hits: SearchHit[] = hitRows(db, page_.map((h) => h.rowid)).map((r, k) => ({
    ...toDocument(r),
    snippet: makeSnippet(r.text ?? r.subject ?? '', parsed.folded, parsed.exact),
    match: page_[k].exact ? 'exact' : 'folded',
  }));
  return { total, totalIsExact: total < COUNT_CAP, page, pageSize, hits, facets, facetSample: sample };
}

/**
 * The first `wanted` rows of tiers, each tier's rows newest first (read `wanted` at a time: the
 * rows of earlier tiers it repeats are skipped, and it holds no more than `wanted` of them).
 */
function newestInTiers(tiers: ReadonlyArray<(limit: number) => number[]>, wanted: number): number[] {
  const out = new Set<number>();
  for (const tier of tiers) {
    if (out.size >= wanted) break;
    for (const r of tier(wanted)) out.add(r);
  }
  return [...out];
}

const hitSql = `SELECT d.rowid, ${storedDocumentSelect('d')}, d.start, d.end, fl.text AS blob FROM documents d LEFT JOIN files fl ON fl.path = d.source
  WHERE d.rowid IN (SELECT value FROM json_each(?))`;
/** `spanStart`: where the document starts in its file's text (mention offsets are in the file's). */
type HitRow = StoredDocumentRow & { rowid: number; text: string | null; spanStart: number };

/**
 * The rows of a page of hits, in the page's order, each with its document text (decompressed,
 * sliced to the document's span): one query for the page, not one per hit (~45 % less time).
 */
function hitRows(db: Db, rowids: readonly number[]): HitRow[] {
  type Row = StoredDocumentRow & { rowid: number; start: number | null; end: number | null; blob: Buffer | null };
  const byRowid = new Map<number, Row>();
  for (const r of stmt<[string], Row>(db, hitSql).all(JSON.stringify(rowids))) byRowid.set(r.rowid, r);
  return rowids.map((rowid) => {
    const { blob, start, end, ...r } = byRowid.get(rowid)!;
    return { ...r, text: blob && start !== null && end !== null ? inflateText(blob).slice(start, end) : null, spanStart: start ?? 0 };
  });
}

function searchNumber(db: Db, q: NumberQuery, filter: Filter, page: number, pageSize: number, facetIndex: FacetIndex): SearchResult {
  const own = stmt<[string], { rowid: number; number_folded: string; type_code: string | null }>(db, 'SELECT rowid, number_folded, type_code FROM documents WHERE serial = ?')
    .all(q.serial)
    .filter((r) => numberMatches(r.number_folded, q, r.type_code))
    .map((r) => r.rowid);
  const ownSet = new Set(own);
  // the distinct numbers written with this serial are few: a stored number is the serial, maybe
  // zero-padded, then "/" or "-", so they are ranges of the number index (read without the rows)
  const numbers: string[] = [];
  const inRange = stmt<{ lo: string; hi: string }, string>(db, 'SELECT DISTINCT number FROM mentions WHERE number >= @lo AND number < @hi');
  const typesOf = stmt<[string], string | null>(db, 'SELECT DISTINCT type_code FROM mentions WHERE number = ?');
  const untyped = q.typeCode ? { ...q, typeCode: undefined } : null;
  for (const digits of paddedSpellings(q.serial)) {
    // "-" < "." < "/" < "0": the range holds every number that goes on with "-", "." or "/"
    for (const n of inRange.pluck().all({ lo: `${digits}-`, hi: `${digits}0` })) {
      const f = foldVietnamese(n);
      // a type typed as a word and not in the number ("công văn 279") is the citing mention's type
      if (numberMatches(f, q) || (untyped && numberMatches(f, untyped) && typesOf.pluck().all(n).some((t) => numberMatches(f, q, t)))) numbers.push(n);
    }
  }
  // their citing documents by index, as plain rowids (one Set instead of SQL's DISTINCT)
  const citingSet = new Set<number>();
  const docsOf = stmt<[string], number>(db, 'SELECT doc FROM mentions WHERE number = ?');
  for (const n of numbers) for (const d of docsOf.pluck().all(n)) if (!ownSet.has(d)) citingSet.add(d);
  const citing = [...citingSet];
  // the document itself first, then the documents citing it, newest first; filters apply to both
  facetIndex.ensure();
  let rowids = [...own, ...citing];
  if (filter.sql) {
    rowids = stmt<Record<string, unknown>, number>(db, `SELECT d.rowid FROM documents d WHERE d.rowid IN (SELECT value FROM json_each(@ids))${filter.sql}`)
      .pluck()
      .all({ ...filter.params, ids: JSON.stringify(rowids) });
  }
  const candidates = rowids.map((rowid) => ({ rowid, date: facetIndex.dateOf(rowid), own: ownSet.has(rowid) }));
  candidates.sort((a, b) => Number(b.own) - Number(a.own) || b.date - a.date || a.rowid - b.rowid);
  const total = candidates.length;
  const facets = facetIndex.count(candidates.slice(0, FACET_SAMPLE).map((c) => c.rowid));
  const pageRows = candidates.slice((page - 1) * pageSize, page * pageSize);
  // a citing document's passage is around its first citation of the number, as written there;
  // the document itself, around its number (in its header)
  const firstCitation = stmt<[number, string], { start: number; end: number }>(
    db,
    'SELECT start, end FROM mentions WHERE doc = ? AND number IN (SELECT value FROM json_each(?)) ORDER BY start LIMIT 1',
  );
  const citedNumbers = JSON.stringify(numbers);
  const hits: SearchHit[] = hitRows(db, pageRows.map((c) => c.rowid)).map((r) => {
    const at = ownSet.has(r.rowid) ? null : firstCitation.get(r.rowid, citedNumbers);
    const written = at && r.text ? r.text.slice(at.start - r.spanStart, at.end - r.spanStart) : ownSet.has(r.rowid) ? r.number : null;
    const token = written ? snippetToken(written) : '';
    return {
      ...toDocument(r),
      snippet: makeSnippet(r.text ?? r.subject ?? '', token ? [token] : [q.serial, ...q.codes], null),
      match: ownSet.has(r.rowid) ? 'number' : 'cites-number',
    };
  });
  return { total, totalIsExact: true, page, pageSize, hits, facets, facetSample: total > FACET_SAMPLE ? FACET_SAMPLE : null };
}

function emptyFacets(): Facets {
  return { province: [], year: [], type: [], issuerLevel: [], topic: [] };
}
