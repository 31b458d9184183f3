import { canonicalFilters, foldVietnamese, MAX_PAGE_SIZE } from '@vanban/schema';
import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import type { Facets, SearchFilters, SearchHit, SearchQuery, SearchResult } from '../ports.js';
import { numberMatches, parseQuery, parseWords, type NumberQuery } from '../sqlite/query.js';
import { COUNT_CAP, FACET_SAMPLE } from '../sqlite/search.js';
import { makeSnippet } from '../sqlite/snippet.js';
import { encodeExactWord, storedFields, toStoredDocument } from './document.js';
import { facetFields } from './settings.js';

/** What one search of the multi-search answer holds, as far as we read it. */
export interface Answer {
  hits: Array<Record<string, unknown>>;
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

export interface SearchContext {
  client: Meilisearch;
  index: string;
  /** the index's pagination.maxTotalHits: how many candidates a number search reads */
  maxTotalHits: number;
}

/** A longer filter value names nothing stored; it gives an empty list rather than a truncated filter. */
const MAX_FILTER_VALUE = 500;

/** A string literal of Meilisearch's filter syntax: any user string stays one value. */
export const filterString = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A number literal without exponent notation (the filter grammar has none). */
const filterNumber = (n: number): string => String(Math.max(-1e9, Math.min(1e9, n)));

/** The search filters as Meilisearch filter conditions (ANDed), or null when they cannot match. */
export function filterConditions(filters: SearchFilters): string[] | null {
  const q = canonicalFilters(filters);
  const strings = [q.province, q.type, q.issuerLevel, q.topic];
  if (strings.some((s) => typeof s === 'string' && s.length > MAX_FILTER_VALUE)) return null;
  const out: string[] = [];
  if (q.province) out.push(`province = ${filterString(q.province)}`);
  if (typeof q.yearFrom === 'number' && Number.isFinite(q.yearFrom)) out.push(`year >= ${filterNumber(q.yearFrom)}`);
  if (typeof q.yearTo === 'number' && Number.isFinite(q.yearTo)) out.push(`year <= ${filterNumber(q.yearTo)}`);
  if (q.type) out.push(`(typeCode = ${filterString(q.type)} OR type = ${filterString(q.type)})`);
  if (q.issuerLevel) out.push(`issuerLevel = ${filterString(q.issuerLevel)}`);
  if (q.topic) out.push(`topics = ${filterString(q.topic)}`);
  return out;
}

const whole = (n: number | undefined, fallback: number): number => (typeof n === 'number' && Number.isFinite(n) ? Math.floor(n) : fallback);

/**
 * Search, answering as the embedded store does (sqlite/search.ts): a số ký hiệu finds that
 * document and every document citing it; words find the documents containing all of them, in any
 * order (folded), those with the diacritics as typed first, the words side by side first.
 */
export async function searchIndex(ctx: SearchContext, query: SearchQuery): Promise<SearchResult> {
  const page = Math.max(1, whole(query.page, 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, whole(query.pageSize, 10)));
  const parsed = parseQuery(typeof query.q === 'string' ? query.q : '');
  const filter = filterConditions(query);
  const empty: SearchResult = { total: 0, totalIsExact: true, page, pageSize, hits: [], facets: emptyFacets(), facetSample: null };
  if (parsed.kind === 'empty' || filter === null) return empty;
  if (parsed.kind === 'number') {
    const byNumber = await searchNumber(ctx, parsed, filter, page, pageSize);
    // as the embedded store: a number typed without "/" or "-" that names no document may be words in texts
    if (byNumber.total > 0 || !parsed.mayBeWords) return byNumber;
    const words = parseWords(typeof query.q === 'string' ? query.q : '');
    return words.kind === 'empty' ? empty : searchText(ctx, words, filter, page, pageSize);
  }
  return searchText(ctx, parsed, filter, page, pageSize);
}

/**
 * Meilisearch reads at most this many terms of a query and ignores the rest (its known
 * limitations; milli's query parser stops at the limit); a quoted phrase is one term, however
 * many words it holds.
 */
export const MAX_QUERY_TERMS = 10;

/** Words as one phrase (no typos, no prefixes: whole words, as FTS5 matches). */
const phrase = (words: readonly string[]): string => `"${words.join(' ')}"`;
/**
 * The terms of the embedded store's rule (wordsExpression in sqlite/search-index.ts: every
 * syllable beside a neighbour of the query, so the words in any order) as far as one search can
 * say it — Meilisearch has no OR: the first two syllables and the last two side by side, each
 * other syllable anywhere. For up to four syllables that is the rule; for more, a superset (the
 * middle syllables need not stand beside a neighbour). Meilisearch's proximity rule ranks the
 * documents with the words side by side first.
 */
const wordTerms = (words: readonly string[]): string[] =>
  words.length < 3 ? [phrase(words)] : [phrase(words.slice(0, 2)), ...words.slice(2, -2).map((w) => phrase([w])), phrase(words.slice(-2))];
/**
 * The terms, all required — but only the first MAX_QUERY_TERMS of them are sent: Meilisearch would
 * ignore the rest anyway. With terms left out the hits are a superset, as they are for more than
 * four syllables, so the result then says its total is not exact.
 */
const wordsQuery = (words: readonly string[]): string => wordTerms(words).slice(0, MAX_QUERY_TERMS).join(' ');
/** Whether `wordsQuery` may find more than the embedded store's rule for these words. */
export const wordsSuperset = (words: readonly string[]): boolean => words.length > 4 || wordTerms(words).length > MAX_QUERY_TERMS;

/**
 * Whether Meilisearch cut this search off (searchCutoffMs; 1500 ms when the setting is null): it
 * then stops ranking and fills the page with candidates in no particular order. The response has
 * no flag for it — the engine's `degraded` is kept for its analytics and never serialized — but
 * the ranking score details of every hit added after the cutoff hold a `skipped` rule; searches
 * whose order matters ask for those details (`showRankingScoreDetails`).
 */
export const wasCutOff = (answer: Answer | null): boolean =>
  answer?.hits.some((h) => {
    const details = h._rankingScoreDetails;
    return typeof details === 'object' && details !== null && 'skipped' in details;
  }) ?? false;

/**
 * Words. One multi-search asks for the ids of the hits of the folded words (`wordsQuery`,
 * counting them and their facets) and, when the query was typed with diacritics, of the exact
 * words on the `exact` field (see document.ts). The list is the exact hits, then the folded hits that are not exact —
 * each part in Meilisearch's relevance order — so page p needs the first p × pageSize ids of each
 * (the k-th non-exact hit is at most E places lower in the folded list than in its own, E being
 * the exact hits); a second request fetches the page's documents.
 */
async function searchText(
  ctx: SearchContext,
  parsed: { folded: string[]; exact: string[] | null },
  filter: string[],
  page: number,
  pageSize: number,
): Promise<SearchResult> {
  const want = Math.min(page * pageSize, COUNT_CAP);
  const exactWords = parsed.exact?.length ? parsed.exact.map(encodeExactWord) : null;
  const ask = (q: string, field: 'folded' | 'exact', facets: boolean): MultiSearchQuery => ({
    indexUid: ctx.index,
    q,
    attributesToSearchOn: [field],
    matchingStrategy: 'all',
    filter: filter.length ? filter : undefined,
    page: 1,
    hitsPerPage: want,
    attributesToRetrieve: ['id'],
    // the only way to see whether the search was cut off before ranking every hit (wasCutOff)
    showRankingScoreDetails: true,
    ...(facets ? { facets: Object.values(facetFields) } : {}),
  });
  const run = async (shape: (words: readonly string[]) => string): Promise<[Answer, Answer | null]> => {
    const queries = [ask(shape(parsed.folded), 'folded', true)];
    if (exactWords) queries.push(ask(shape(exactWords), 'exact', false));
    const { results } = await multiSearch(ctx, queries);
    return [results[0], results[1] ?? null];
  };
  // every word of the query, in any order (the words side by side rank first)
  const [folded, exact] = await run(wordsQuery);
  const dropped = wordsSuperset(parsed.folded) || (exactWords !== null && wordsSuperset(exactWords));

  const foldedTotal = countOf(folded);
  const exactIds = (exact?.hits ?? []).map((h) => String(h.id));
  const exactSet = new Set(exactIds);
  const ordered = countOf(exact) > exactIds.length ? exactIds : [...exactIds, ...folded.hits.map((h) => String(h.id)).filter((id) => !exactSet.has(id))];
  const pageIds = ordered.slice(0, COUNT_CAP).slice((page - 1) * pageSize, page * pageSize);
  const documents = await fetchDocuments(ctx, pageIds);
  const hits: SearchHit[] = pageIds.flatMap((id) => {
    const doc = documents.get(id);
    if (!doc) return [];
    return [{ ...toStoredDocument(doc), snippet: makeSnippet(textOf(doc), parsed.folded, parsed.exact), match: exactSet.has(id) ? 'exact' : 'folded' }];
  });
  return {
    total: Math.min(foldedTotal, COUNT_CAP),
    // not exact: past the cap, a superset (see wordsQuery), or hits Meilisearch did not rank (cut off)
    totalIsExact: foldedTotal < COUNT_CAP && !dropped && !wasCutOff(folded) && !wasCutOff(exact),
    page,
    pageSize,
    hits,
    facets: facetsFromDistribution(folded.facetDistribution ?? {}),
    facetSample: null,
  };
}

const candidateFields = ['id', 'number', 'typeCode', 'citedNumbers', 'dateNumber', 'province', 'year', 'type', 'issuerLevel', 'topics'];

/**
 * A số ký hiệu: the documents with that serial and those citing it come by filter (one
 * multi-search, at most maxTotalHits of each, the citing ones newest first); `numberMatches` on
 * their numbers keeps those that are that number, as in the embedded store. The document itself
 * first, then the documents citing it, newest first; facets over the first FACET_SAMPLE.
 *
 * Meilisearch caps totalHits at maxTotalHits, so a count that reaches it may hide more
 * candidates: the total is exact only when both counts are below it. A search cut off by
 * searchCutoffMs still returns every candidate when they fit in the page (the cutoff skips
 * ranking, never candidates, and these are ordered here), so no ranking details are asked for.
 */
async function searchNumber(
  ctx: SearchContext,
  q: NumberQuery,
  filter: string[],
  page: number,
  pageSize: number,
): Promise<SearchResult> {
  const ask = (condition: string, sort?: string[]): MultiSearchQuery => ({
    indexUid: ctx.index,
    q: '',
    filter: [condition, ...filter],
    page: 1,
    hitsPerPage: ctx.maxTotalHits,
    attributesToRetrieve: candidateFields,
    ...(sort ? { sort } : {}),
  });
  const {
    results: [withSerial, citingSerial],
  } = await multiSearch(ctx, [ask(`serial = ${filterString(q.serial)}`), ask(`citedSerials = ${filterString(q.serial)}`, ['dateNumber:desc'])]);
  const matches = (n: unknown): boolean => typeof n === 'string' && numberMatches(foldVietnamese(n), q);
  const candidates = new Map<string, { doc: Record<string, unknown>; own: boolean }>();
  // the document's own type counts for a type typed as a word ("công văn 279"); a citing document's
  // index entry keeps only the numbers it cites, so there the type must be in the number
  for (const doc of withSerial.hits) {
    if (typeof doc.number === 'string' && numberMatches(foldVietnamese(doc.number), q, typeof doc.typeCode === 'string' ? doc.typeCode : null)) candidates.set(String(doc.id), { doc, own: true });
  }
  for (const doc of citingSerial.hits) {
    const id = String(doc.id);
    if (!candidates.has(id) && Array.isArray(doc.citedNumbers) && doc.citedNumbers.some(matches)) candidates.set(id, { doc, own: false });
  }
  const date = (d: Record<string, unknown>): number => (typeof d.dateNumber === 'number' ? d.dateNumber : 0);
  const sorted = [...candidates.entries()].sort(([ia, a], [ib, b]) => Number(b.own) - Number(a.own) || date(b.doc) - date(a.doc) || (ia < ib ? -1 : ia > ib ? 1 : 0));
  const total = sorted.length;
  const pageRows = sorted.slice((page - 1) * pageSize, page * pageSize);
  const documents = await fetchDocuments(ctx, pageRows.map(([id]) => id));
  const hits: SearchHit[] = pageRows.flatMap(([id, c]) => {
    const doc = documents.get(id);
    if (!doc) return [];
    return [{ ...toStoredDocument(doc), snippet: makeSnippet(textOf(doc), [q.serial, ...q.codes], null), match: c.own ? 'number' : 'cites-number' }];
  });
  return {
    total,
    totalIsExact: [withSerial, citingSerial].every((a) => countOf(a) < ctx.maxTotalHits && countOf(a) <= a.hits.length),
    page,
    pageSize,
    hits,
    facets: countFacets(sorted.slice(0, FACET_SAMPLE).map(([, c]) => c.doc)),
    facetSample: total > FACET_SAMPLE ? FACET_SAMPLE : null,
  };
}

async function multiSearch(ctx: SearchContext, queries: MultiSearchQuery[]): Promise<{ results: Answer[] }> {
  return (await ctx.client.multiSearch({ queries })) as unknown as { results: Answer[] };
}

const countOf = (answer: Answer | null): number => answer?.totalHits ?? answer?.estimatedTotalHits ?? answer?.hits.length ?? 0;

/** The page's documents, with their text, by id. */
async function fetchDocuments(ctx: SearchContext, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (!ids.length) return new Map();
  const answer = (await ctx.client.index(ctx.index).search(null, {
    filter: `id IN [${ids.map(filterString).join(', ')}]`,
    limit: ids.length,
    attributesToRetrieve: [...storedFields, 'text'],
  })) as unknown as Answer;
  return new Map(answer.hits.map((h) => [String(h.id), h]));
}

/** The text a snippet is cut from: the document's, or its subject for a document known only from citations. */
const textOf = (doc: Record<string, unknown>): string => (typeof doc.text === 'string' && doc.text ? doc.text : typeof doc.subject === 'string' ? doc.subject : '');

type FacetList = Facets[keyof Facets];

/** Most frequent first; ties by value (as the embedded store lists them). */
const sortFacet = (list: FacetList): FacetList => list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

export function facetsFromDistribution(distribution: Record<string, Record<string, number>>): Facets {
  const list = (field: string): FacetList => sortFacet(Object.entries(distribution[field] ?? {}).map(([value, count]) => ({ value, count })));
  return {
    province: list(facetFields.province),
    year: list(facetFields.year),
    type: list(facetFields.type),
    issuerLevel: list(facetFields.issuerLevel),
    topic: list(facetFields.topic),
  };
}

/** Facets of candidates counted here (the number search reads them all anyway). */
function countFacets(docs: ReadonlyArray<Record<string, unknown>>): Facets {
  const distribution: Record<string, Record<string, number>> = {};
  const add = (field: string, value: unknown): void => {
    if (value === null || value === undefined || value === '' || value === 0) return;
    const counts = (distribution[field] ??= {});
    counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  };
  for (const d of docs) {
    add(facetFields.province, d.province);
    add(facetFields.year, d.year);
    add(facetFields.type, d.type);
    add(facetFields.issuerLevel, d.issuerLevel);
    if (Array.isArray(d.topics)) for (const t of new Set(d.topics)) add(facetFields.topic, t);
  }
  return facetsFromDistribution(distribution);
}

function emptyFacets(): Facets {
  return { province: [], year: [], type: [], issuerLevel: [], topic: [] };
}
