import { provinces34, provinces63 } from '@vanban/schema';
import type { Settings } from 'meilisearch';
import { storedFields } from './document.js';

/** Filterable: the search filters, the facets, the number search (serials) and fetching hits by id. */
export const filterableAttributes = ['id', 'serial', 'citedSerials', 'province', 'year', 'type', 'typeCode', 'issuerLevel', 'topics'];
/** The facet fields, by the name the API gives each facet. */
export const facetFields = { province: 'province', year: 'year', type: 'type', issuerLevel: 'issuerLevel', topic: 'topics' } as const;

export interface SettingsInput {
  /** distinct province names documents can carry (the 63 before 2025 and the 34 after) */
  provinceNames: number;
  /** how many hits a search can reach and count exactly (the number search reads all its candidates) */
  maxTotalHits: number;
}

export const defaultSettingsInput: SettingsInput = {
  provinceNames: new Set([...provinces63, ...provinces34].map((p) => p.name)).size,
  maxTotalHits: 10_000,
};

/**
 * The index settings. Only `folded` and `exact` are searchable: both are words our own tokenizer
 * wrote (document.ts), so a phrase of the query's words matches as the embedded store's FTS does.
 * Numbers are not found through the text: a number query filters on `serial` / `citedSerials` and
 * checks every candidate with `numberMatches` (search.ts). The separator settings keep `/`, `-`
 * and `.` separators and declare no non-separator, so a number in a searched text splits into its
 * parts ("1863", "qd", "ttg" — found by any part, and whole as the phrase of its parts) on every
 * server, whatever its defaults.
 */
export function buildSettings(input: SettingsInput = defaultSettingsInput): Settings {
  return {
    searchableAttributes: ['folded', 'exact'],
    displayedAttributes: [...storedFields, 'text', 'serial', 'citedNumbers', 'citedSerials', 'dateNumber'],
    filterableAttributes,
    sortableAttributes: ['dateNumber', 'year'],
    // relevance first; among equally relevant documents the newest first
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'dateNumber:desc'],
    faceting: { maxValuesPerFacet: Math.max(100, input.provinceNames), sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: input.maxTotalHits },
    separatorTokens: ['/', '-', '.'],
    nonSeparatorTokens: [],
    // an encoded word one letter away is another word ("đuôi" tail, "đuối" drowning)
    typoTolerance: { disableOnAttributes: ['exact'] },
  };
}

type Shape = 'ordered' | 'set' | 'value';
/** How each setting we declare is compared with what the server reads back. */
const compared: Array<{ name: string; get: (s: Settings) => unknown; shape: Shape }> = [
  { name: 'searchableAttributes', get: (s) => s.searchableAttributes, shape: 'ordered' },
  { name: 'displayedAttributes', get: (s) => s.displayedAttributes, shape: 'set' },
  // a server may answer with granular entries ({ attributePatterns, features })
  {
    name: 'filterableAttributes',
    get: (s) => s.filterableAttributes?.flatMap((a) => (typeof a === 'string' ? [a] : a.attributePatterns)),
    shape: 'set',
  },
  { name: 'sortableAttributes', get: (s) => s.sortableAttributes, shape: 'set' },
  { name: 'rankingRules', get: (s) => s.rankingRules, shape: 'ordered' },
  { name: 'faceting.maxValuesPerFacet', get: (s) => s.faceting?.maxValuesPerFacet, shape: 'value' },
  { name: 'faceting.sortFacetValuesBy', get: (s) => s.faceting?.sortFacetValuesBy?.['*'], shape: 'value' },
  { name: 'pagination.maxTotalHits', get: (s) => s.pagination?.maxTotalHits, shape: 'value' },
  { name: 'separatorTokens', get: (s) => s.separatorTokens, shape: 'set' },
  { name: 'nonSeparatorTokens', get: (s) => s.nonSeparatorTokens, shape: 'set' },
  { name: 'typoTolerance.disableOnAttributes', get: (s) => s.typoTolerance?.disableOnAttributes, shape: 'set' },
];

const canonical = (value: unknown, shape: Shape): string => {
  if (shape === 'value') return JSON.stringify(value ?? null);
  if (!Array.isArray(value)) return JSON.stringify(value ?? null);
  return JSON.stringify(shape === 'set' ? [...new Set(value as unknown[])].map(String).sort() : value);
};

/** The first declared setting the server holds differently, or null when all agree. */
export function settingsDifference(expected: Settings, actual: Settings): { name: string; expected: string; actual: string } | null {
  for (const { name, get, shape } of compared) {
    const want = canonical(get(expected), shape);
    const have = canonical(get(actual), shape);
    if (want !== have) return { name, expected: want, actual: have };
  }
  return null;
}
