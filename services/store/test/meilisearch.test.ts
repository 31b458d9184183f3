import fc from 'fast-check';
import { foldVietnamese, unifyTonePlacement } from '@vanban/schema';
import { describe, expect, it } from 'vitest';
import type { ProjectedDocument } from '../src/index.js';
import { encodeExactWord, exactWords, foldedWords, toIndexedDocument, toStoredDocument } from '../src/meilisearch/document.js';
import { facetsFromDistribution, filterConditions, filterString, MAX_QUERY_TERMS, wasCutOff, wordsSuperset } from '../src/meilisearch/search.js';
import { buildSettings, settingsDifference } from '../src/meilisearch/settings.js';
import { describeBatch, payloadBatches, reindexTimeoutFor, timeoutFor } from '../src/meilisearch/tasks.js';

/** Onsets, rhymes and tones enough to spell (and over-spell) Vietnamese syllables. */
function syllables(): string[] {
  const onsets = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
  const nuclei = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ia', 'iê', 'ua', 'uô', 'ưa', 'ươ', 'oa', 'oă', 'oe', 'uê', 'uy', 'uơ'];
  const codas = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'i', 'o', 'u', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const out: string[] = [];
  for (const o of onsets)
    for (const n of nuclei)
      for (const c of codas)
        for (const t of tones) {
          // the tone sits on the last vowel of the nucleus when a coda follows, else on the first
          const at = c || n.length === 1 ? n.length - 1 : 0;
          out.push(`${o}${n.slice(0, at + 1)}${t}${n.slice(at + 1)}${c}`.normalize('NFC'));
        }
  return [...new Set(out)];
}

describe('meilisearch: the exact-diacritic field', () => {
  it('encodes every syllable as its own ASCII word: injective, nothing Meilisearch could fold', () => {
    const words = syllables();
    expect(words.length).toBeGreaterThan(40_000);
    const codes = new Map<string, string>();
    for (const w of words) {
      const code = encodeExactWord(w);
      expect(code).toMatch(/^[a-z0-9]+$/);
      expect(codes.get(code), `${w} and ${codes.get(code)} share ${code}`).toBeUndefined();
      codes.set(code, w);
    }
  });

  it('tells đuối (drowning) from dưới (under water), đuôi (tail) and duoi, as the folded field does not', () => {
    const codes = ['đuối', 'dưới', 'đuôi', 'duối', 'duoi'].map(encodeExactWord);
    expect(new Set(codes).size).toBe(5);
    expect(encodeExactWord('duoi')).toBe('duoi');
    expect(foldedWords('đuối nước')).toEqual(foldedWords('dưới nước'));
  });

  it('is unaffected by case, NFD input, Ð and old tone placement', () => {
    const one = (s: string) => exactWords(s).map(encodeExactWord).join(' ');
    expect(one('ĐUỐI NƯỚC')).toBe(one('đuối nước'));
    expect(one('đuối nước'.normalize('NFD'))).toBe(one('đuối nước'));
    expect(one('\u00d0uối')).toBe(one('đuối'));
    expect(one('hoà thuỷ')).toBe(one('hòa thủy'));
  });

  it('is injective on any string (fast-check): equal codes only for the same normalized word', () => {
    const norm = (s: string) => unifyTonePlacement(s.normalize('NFC').toLowerCase());
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 }), (a, b) => {
        const [x, y] = [norm(a), norm(b)];
        if (encodeExactWord(x) === encodeExactWord(y)) expect(x).toBe(y);
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(encodeExactWord(norm(s))).toMatch(/^[a-z0-9]*$/);
      }),
    );
  });
});

const doc = (over: Partial<ProjectedDocument> = {}): ProjectedDocument => ({
  id: '1863-qd-ttg-2019',
  number: '1863/QĐ-TTg',
  year: 2019,
  jurisdiction: '',
  type: 'Quyết định',
  typeCode: 'QĐ',
  issuer: 'Thủ tướng Chính phủ',
  issuerLevel: 'government',
  province: null,
  district: null,
  date: '2019-12-23',
  subject: 'Phòng chống đuối nước',
  signer: null,
  topics: ['tre-em'],
  draft: false,
  known: true,
  source: 'a.md',
  text: '**QUYẾT ĐỊNH** phòng, chống đuối nước trẻ em; Số: 1863/QĐ-TTg',
  serial: '1863',
  citedNumbers: [],
  citedSerials: [],
  ...over,
});

describe('meilisearch: document mapping', () => {
  it('indexes the folded words, the encoded words and the date as a number, keeping the document', () => {
    const d = toIndexedDocument(doc());
    expect(d.folded).toBe('quyet dinh phong chong duoi nuoc tre em so 1863 qd ttg');
    expect(d.exact.split(' ')).toEqual(exactWords(doc().text).map(encodeExactWord));
    expect(d.exact.split(' ')).toContain(encodeExactWord('đuối'));
    expect(d.exact).not.toContain(encodeExactWord('dưới'));
    expect(d.dateNumber).toBe(20191223);
    expect(toIndexedDocument(doc({ date: null })).dateNumber).toBe(0);
    expect(toStoredDocument(d as unknown as Record<string, unknown>)).toEqual(toStoredDocument(doc() as unknown as Record<string, unknown>));
    expect(Object.keys(toStoredDocument(d as unknown as Record<string, unknown>))).not.toContain('folded');
  });

  it('folds and splits as the query parser does', () => {
    expect(foldedWords('Đắk Lắk, COVID-19')).toEqual(['dak', 'lak', 'covid', '19']);
    expect(foldVietnamese('Đắk').length).toBe(3);
  });
});

describe('meilisearch: settings', () => {
  it('are built from the inputs', () => {
    const s = buildSettings({ provinceNames: 64, maxTotalHits: 5000 });
    expect(s.searchableAttributes).toEqual(['folded', 'exact']);
    expect(s.filterableAttributes).toEqual(expect.arrayContaining(['id', 'serial', 'citedSerials', 'province', 'year', 'type', 'typeCode', 'issuerLevel', 'topics']));
    expect(s.sortableAttributes).toEqual(['dateNumber', 'year']);
    expect(s.faceting).toEqual({ maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } });
    expect(buildSettings({ provinceNames: 250, maxTotalHits: 5000 }).faceting?.maxValuesPerFacet).toBe(250);
    expect(s.pagination).toEqual({ maxTotalHits: 5000 });
    expect(s.typoTolerance).toEqual({ disableOnAttributes: ['exact'] });
    expect(s.separatorTokens).toEqual(['/', '-', '.']);
    expect(s.rankingRules?.at(-1)).toBe('dateNumber:desc');
  });

  it('verification accepts the server’s own order and extra defaults, and names a setting that differs', () => {
    const s = buildSettings();
    const readBack = {
      ...s,
      sortableAttributes: [...s.sortableAttributes!].reverse(),
      filterableAttributes: [{ attributePatterns: [...(s.filterableAttributes as string[])].sort(), features: { facetSearch: true, filter: { equality: true, comparison: true } } }],
      typoTolerance: { enabled: true, disableOnAttributes: ['exact'], disableOnWords: [], minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      stopWords: [],
    };
    expect(settingsDifference(s, readBack)).toBeNull();
    expect(settingsDifference(s, { ...readBack, rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'] })).toMatchObject({ name: 'rankingRules' });
    expect(settingsDifference(s, { ...readBack, faceting: { maxValuesPerFacet: 10 } })).toMatchObject({ name: 'faceting.maxValuesPerFacet', actual: '10' });
    expect(settingsDifference(s, { ...readBack, nonSeparatorTokens: ['/'] })).toMatchObject({ name: 'nonSeparatorTokens' });
    expect(settingsDifference(s, { ...readBack, searchableAttributes: ['exact', 'folded'] })).toMatchObject({ name: 'searchableAttributes' });
  });
});

describe('meilisearch: filters and facets', () => {
  it('quotes any user string as one value', () => {
    expect(filterString('Bắc Giang')).toBe('"Bắc Giang"');
    expect(filterString('a" OR id EXISTS OR x = "')).toBe('"a\\" OR id EXISTS OR x = \\""');
    expect(filterString('C:\\"')).toBe('"C:\\\\\\""');
    expect(filterConditions({ province: 'Bắc Giang', yearFrom: 2015, yearTo: 2020, type: 'QĐ', issuerLevel: 'province', topic: 'tre-em' })).toEqual([
      'province = "Bắc Giang"',
      'year >= 2015',
      'year <= 2020',
      '(typeCode = "QĐ" OR type = "QĐ")',
      'issuerLevel = "province"',
      'topics = "tre-em"',
    ]);
    expect(filterConditions({ yearFrom: Number.NaN, yearTo: 1e300 })).toEqual(['year <= 1000000000']);
    expect(filterConditions({ province: 'x'.repeat(10_000) })).toBeNull();
    // typed without diacritics, in the stored form (as the embedded store does)
    expect(filterConditions({ province: 'bac giang', type: 'qd', topic: 'duoi nuoc' })).toEqual(['province = "Bắc Giang"', '(typeCode = "QĐ" OR type = "QĐ")', 'topics = "đuối nước"']);
  });

  it('facets come most frequent first, ties by value', () => {
    expect(facetsFromDistribution({ province: { 'Quảng Nam': 1, 'Bắc Giang': 3, 'Đắk Lắk': 1 }, year: { '2019': 2 } })).toEqual({
      province: [
        { value: 'Bắc Giang', count: 3 },
        { value: 'Quảng Nam', count: 1 },
        { value: 'Đắk Lắk', count: 1 },
      ],
      year: [{ value: '2019', count: 2 }],
      type: [],
      issuerLevel: [],
      topic: [],
    });
  });
});

describe('meilisearch: payload batches', () => {
  it('stay under the byte cap, measured in UTF-8, and say which documents they hold', () => {
    const docs = Array.from({ length: 50 }, (_, k) => ({ id: `d${k}`, text: 'đuối nước '.repeat(20) }));
    const batches = [...payloadBatches(docs, 2_000)];
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) {
      expect(Buffer.byteLength(b.json)).toBe(b.bytes);
      expect(b.bytes).toBeLessThanOrEqual(2_000);
      expect(JSON.parse(b.json)).toEqual(docs.slice(b.from, b.to));
    }
    expect(batches.map((b) => b.to - b.from).reduce((a, b) => a + b)).toBe(50);
    expect(describeBatch(batches[1], 50)).toMatch(/^documents \d+-\d+ of 50 \(ids d\d+ … d\d+\)$/);
    // a document larger than the cap goes alone
    expect([...payloadBatches([{ id: 'big', text: 'x'.repeat(5000) }, { id: 'small' }], 2_000)].map((b) => b.to - b.from)).toEqual([1, 1]);
  });
});

describe('meilisearch: query terms, cutoffs and timeouts', () => {
  it('the words of a query are the rule of the embedded store up to four syllables, a superset past them or past the 10 terms Meilisearch reads', () => {
    expect(MAX_QUERY_TERMS).toBe(10);
    const words = (n: number) => Array.from({ length: n }, (_, k) => `w${k}`);
    for (const n of [1, 2, 3, 4]) expect(wordsSuperset(words(n)), String(n)).toBe(false);
    for (const n of [5, 12, 16]) expect(wordsSuperset(words(n)), String(n)).toBe(true);
  });

  it('a search is cut off when a hit’s ranking score details hold a skipped rule', () => {
    expect(wasCutOff(null)).toBe(false);
    expect(wasCutOff({ hits: [{ id: 'a' }] })).toBe(false);
    expect(wasCutOff({ hits: [{ id: 'a', _rankingScoreDetails: { words: { order: 0, matchingWords: 2, maxMatchingWords: 2, score: 1 } } }] })).toBe(false);
    expect(wasCutOff({ hits: [{ id: 'a', _rankingScoreDetails: { words: { order: 0 } } }, { id: 'b', _rankingScoreDetails: { words: { order: 0 }, skipped: { order: 1 } } }] })).toBe(true);
  });

  it('a settings update gets the base timeout plus a share per document of the index', () => {
    const timing = { baseMs: 60_000, perMbMs: 20_000, perDocumentMs: 2, pollMs: 100 };
    expect(reindexTimeoutFor(timing, 0)).toBe(60_000);
    expect(reindexTimeoutFor(timing, 1_000_000)).toBe(2_060_000);
    expect(timeoutFor(timing, 1_048_576)).toBe(80_000);
  });
});
