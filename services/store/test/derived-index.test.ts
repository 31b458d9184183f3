import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSqliteStore, type SqliteStore } from '../src/index.js';
import { DownIndex } from '../src/sqlite/down-index.js';
import { FacetIndex } from '../src/sqlite/facets.js';
import { enc, letter } from './conformance.js';

const provinces = [
  ['Bắc Giang', 'UBND TỈNH BẮC GIANG'],
  ['Quảng Nam', 'UBND TỈNH QUẢNG NAM'],
  ['Đắk Lắk', 'UBND TỈNH ĐẮK LẮK'],
  ['Bình Thuận', 'UBND TỈNH BÌNH THUẬN'],
] as const;
// letters of our own: plans implementing the directive, letters implementing a plan (cited before
// or after it is stored), letters that only mention it; two versions of each file
const bodies = [
  'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị, phòng chống đuối nước cho trẻ em.',
  'Thực hiện Kế hoạch số 3/KH-UBND ngày 05/01/2020 của UBND tỉnh về bảo vệ trẻ em.',
  'Căn cứ Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị về lao động trẻ em.',
  'Về việc tháng hành động vì trẻ em, xâm hại trẻ em, tai nạn thương tích.',
];
const numbers = ['3/KH-UBND', '9/UBND-VX', '12/KH-UBND', '15/UBND-LĐTBXH', '21/UBND-VX', '30/KH-UBND'];

function version(file: number, variant: number): Uint8Array {
  const [place, issuer] = provinces[(file + variant * 3) % provinces.length];
  const year = 2020 + variant;
  return enc(letter({ number: numbers[file], place, issuer, date: `${String(5 + file).padStart(2, '0')}/0${1 + variant}/${year}`, body: bodies[(file + variant) % bodies.length] }));
}

/** What the in-memory arrays decide: facets, the order of a number search, the audit. */
async function snapshot(store: SqliteStore): Promise<unknown> {
  const words = await store.search({ q: 'trẻ em', pageSize: 100 });
  const number = await store.search({ q: '20-CT/TW', pageSize: 100 });
  const [decree] = await store.find('20-CT/TW');
  return {
    words: { ids: words.hits.map((h) => h.id), facets: words.facets },
    number: { ids: number.hits.map((h) => h.id), facets: number.facets },
    audit: decree ? (await store.audit(decree.id))!.provinces.filter((p) => p.status !== 'none') : null,
  };
}

describe('facet and implementation arrays after a write', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are brought up to date row by row, and answer as arrays built afresh from the file', async () => {
    const facetBuilds = vi.spyOn(FacetIndex.prototype as unknown as { rebuild(): void }, 'rebuild');
    const downBuilds = vi.spyOn(DownIndex.prototype as unknown as { rebuild(): void }, 'rebuild');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(numbers.length - 1), fc.nat(1)), { minLength: 1, maxLength: 10 }), async (steps) => {
        const path = join(mkdtempSync(join(tmpdir(), 'vanban-derived-')), 'vanban.db');
        const store = createSqliteStore(path);
        await store.ingestFile({ source: 'seed.txt', bytes: version(0, 0) });
        await snapshot(store); // the arrays are built once here
        const builds = (spy: typeof facetBuilds): number => spy.mock.contexts.filter((c) => (c as { db: unknown }).db === store.db).length;
        const [facetsBefore, downBefore] = [builds(facetBuilds), builds(downBuilds)];
        expect(facetsBefore).toBeGreaterThan(0);
        for (const [file, variant] of steps) {
          await store.ingestFile({ source: `f${file}.txt`, bytes: version(file, variant) });
          const fresh = createSqliteStore(path, { readonly: true });
          try {
            expect(await snapshot(store)).toEqual(await snapshot(fresh));
          } finally {
            fresh.close();
          }
        }
        // every write above was applied to the arrays in place: no rebuild after the first
        expect([builds(facetBuilds), builds(downBuilds)]).toEqual([facetsBefore, downBefore]);
        store.close();
      }),
      { numRuns: 15 },
    );
  });

  it("another process's write is applied row by row too, from the change log in the file", async () => {
    const facetBuilds = vi.spyOn(FacetIndex.prototype as unknown as { rebuild(): void }, 'rebuild');
    const path = join(mkdtempSync(join(tmpdir(), 'vanban-derived-')), 'vanban.db');
    const reader = createSqliteStore(path);
    const readOnly = createSqliteStore(path, { readonly: true });
    await reader.ingestFile({ source: 'seed.txt', bytes: version(0, 0) });
    await snapshot(reader);
    await snapshot(readOnly);
    const builds = (store: SqliteStore): number => facetBuilds.mock.contexts.filter((c) => (c as { db: unknown }).db === store.db).length;
    const before = [builds(reader), builds(readOnly)];
    const writer = createSqliteStore(path);
    await writer.ingestFile({ source: 'other.txt', bytes: version(2, 1) });
    await writer.ingestFile({ source: 'seed.txt', bytes: version(0, 1) });
    writer.close();
    const fresh = createSqliteStore(path, { readonly: true });
    const expected = await snapshot(fresh);
    fresh.close();
    expect((expected as { words: { ids: string[] } }).words.ids).toContain('12-kh-ubnd-2021-quang-nam');
    expect(await snapshot(reader)).toEqual(expected);
    expect(await snapshot(readOnly)).toEqual(expected);
    expect([builds(reader), builds(readOnly)]).toEqual(before);
    reader.close();
    readOnly.close();
  });

  it('a connection that missed changes pruned from the log rebuilds them whole', async () => {
    const facetBuilds = vi.spyOn(FacetIndex.prototype as unknown as { rebuild(): void }, 'rebuild');
    const path = join(mkdtempSync(join(tmpdir(), 'vanban-derived-')), 'vanban.db');
    const reader = createSqliteStore(path);
    await reader.ingestFile({ source: 'seed.txt', bytes: version(0, 0) });
    await snapshot(reader);
    const builds = (): number => facetBuilds.mock.contexts.filter((c) => (c as { db: unknown }).db === reader.db).length;
    const before = builds();
    const writer = createSqliteStore(path);
    await writer.ingestFile({ source: 'other.txt', bytes: version(2, 1) });
    // as if more than DERIVED_CHANGES_KEPT changes had come since: the log no longer has these
    writer.db.exec('DELETE FROM derived_changes');
    writer.close();
    const fresh = createSqliteStore(path, { readonly: true });
    const expected = await snapshot(fresh);
    fresh.close();
    expect(await snapshot(reader)).toEqual(expected);
    expect(builds()).toBe(before + 1);
    reader.close();
  });

  it('a draft, then its issued version in the same file: the draft flag is applied row by row too', async () => {
    const facetBuilds = vi.spyOn(FacetIndex.prototype as unknown as { rebuild(): void }, 'rebuild');
    const path = join(mkdtempSync(join(tmpdir(), 'vanban-derived-')), 'vanban.db');
    const store = createSqliteStore(path);
    await store.ingestFile({ source: 'seed.txt', bytes: version(0, 0) });
    await snapshot(store);
    const before = facetBuilds.mock.contexts.filter((c) => (c as { db: unknown }).db === store.db).length;
    const plan = (number: string) => enc(letter({ number, place: 'Quảng Nam', issuer: 'UBND TỈNH QUẢNG NAM', date: '10/02/2020', body: bodies[0] }));
    const quangNam = async (s: SqliteStore) => (await s.audit('20-ct-tw-2012'))!.provinces.find((p) => p.province === 'Quảng Nam')!;
    for (const [number, status] of [['/KH-UBND', 'draft'], ['31/KH-UBND', 'implemented']] as const) {
      // the issued version takes the row the draft left (the highest rowid is given again)
      await store.ingestFile({ source: 'qn.txt', bytes: plan(number) });
      const fresh = createSqliteStore(path, { readonly: true });
      try {
        expect(await quangNam(store)).toMatchObject({ status, draftCount: status === 'draft' ? 1 : 0 });
        expect(await snapshot(store)).toEqual(await snapshot(fresh));
      } finally {
        fresh.close();
      }
    }
    expect(facetBuilds.mock.contexts.filter((c) => (c as { db: unknown }).db === store.db).length).toBe(before);
    store.close();
  });

  it('a failed write leaves them as they were', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vanban-derived-')), 'vanban.db');
    const store = createSqliteStore(path);
    await store.ingestFile({ source: 'seed.txt', bytes: version(0, 0) });
    const before = await snapshot(store);
    expect((await store.ingestFile({ source: 'seed.txt', bytes: Uint8Array.from([0, 1, 2, 0xff, 0]) })).status).toBe('failed');
    expect(await snapshot(store)).toEqual(before);
    store.close();
  });
});

describe('topic facet', () => {
  it('counts every topic a database holds, however many (a file written with a larger vocabulary)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vanban-derived-')), 'vanban.db');
    const store = createSqliteStore(path);
    for (let file = 0; file < numbers.length; file++) await store.ingestFile({ source: `f${file}.txt`, bytes: version(file, 0) });
    // 40 topics of our own (more than the bits of a 32-bit mask), document k holding topics k..k+34
    const labels = Array.from({ length: 40 }, (_, t) => `chủ đề ${t}`);
    const rowids = store.db.prepare<[], number>('SELECT rowid FROM documents WHERE known = 1 ORDER BY rowid').pluck().all();
    const setTopics = store.db.prepare<[string, number]>('UPDATE documents SET topics = ? WHERE rowid = ?');
    rowids.forEach((rowid, k) => setTopics.run(JSON.stringify(labels.slice(k, k + 35)), rowid));
    const expected = store.db
      .prepare<[], { value: string; count: number }>(
        'SELECT j.value, count(*) AS count FROM documents d, json_each(d.topics) j WHERE d.known = 1 GROUP BY j.value ORDER BY count DESC, j.value',
      )
      .all();
    expect(expected.length).toBe(40);
    const fresh = createSqliteStore(path, { readonly: true });
    const { facets, total } = await fresh.search({ q: 'trẻ em' });
    fresh.close();
    expect(total).toBe(rowids.length);
    expect(facets.topic).toEqual(expected.map(({ value, count }) => ({ value, count })));
    store.close();
  });
});
