import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphStore, SearchIndex } from '../src/index.js';
import { describeAuditRules } from './conformance-audit.js';

export type StoreUnderTest = GraphStore & SearchIndex;
const seeds = new URL('../../../../shared/corpus/seeds/', import.meta.url).pathname;
export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
/** The same text as other editors save it: UTF-16 with a BOM (little or big endian), UTF-8 with a BOM. */
export const saved = {
  utf16le: (s: string): Uint8Array => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]),
  utf16be: (s: string): Uint8Array => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]),
  utf8bom: (s: string): Uint8Array => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]),
};

/** Letters of UBND tỉnh Bắc Giang, one file each (named after the number), all of one date. */
async function ingestLetters(store: StoreUnderTest, date: string, docs: ReadonlyArray<readonly [number: string, body: string]>): Promise<void> {
  for (const [number, body] of docs) await store.ingestFile({ source: `${number}.txt`.replace('/', '-'), bytes: enc(letter({ number, place: 'Bắc Giang', date, body })) });
}

/** A short letter of our own, with a header, in Vietnamese. */
export function letter(o: { number: string; place: string; date: string; body: string; issuer?: string }): string {
  const [d, m, y] = o.date.split('/');
  return `${o.issuer ?? 'UBND TỈNH BẮC GIANG'}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: ${o.number}\n\n${o.place}, ngày ${d} tháng ${m} năm ${y}\n\n${o.body}\n\nNơi nhận:\n- Như trên.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n`;
}

/**
 * The behaviour every GraphStore + SearchIndex adapter must show. `makeStore` returns an empty
 * store; adapters needing a live server call this inside `describe.skipIf(!url)`.
 */
export function describeGraphStore(name: string, makeStore: () => StoreUnderTest | Promise<StoreUnderTest>): void {
  describe(`${name}: conformance`, () => {
    describeAuditRules(makeStore);

    describe.skipIf(!existsSync(seeds))('the five seeds', async () => {
      const load = async (): Promise<StoreUnderTest> => {
        const store = await makeStore();
        for (const f of readdirSync(seeds).sort()) await store.ingestFile({ source: join(seeds, f), bytes: readFileSync(join(seeds, f)) });
        return store;
      };
      const ids = async (store: StoreUnderTest, q: string) => (await store.search({ q, pageSize: 50 })).hits.map((h) => h.number ?? h.id).sort();

      it('trace from 279/UBND-LĐTBXH and from 851/SXD-VP reaches 20-CT/TW', async () => {
        const store = await load();
        for (const number of ['279/UBND-LĐTBXH', '851/SXD-VP']) {
          const [doc] = await store.find(number);
          const trace = (await store.trace(doc.id))!;
          expect(trace.chains.some((chain) => chain[chain.length - 1].document.number === '20-CT/TW')).toBe(true);
          for (const chain of trace.chains) for (const hop of chain) expect(hop.sentence.length).toBeGreaterThan(10);
        }
        await store.close();
      });

      it('audit of 20-CT/TW lists the five provinces; of 1863/QĐ-TTg, Quảng Nam implemented and Đắk Lắk with only a draft', async () => {
        const store = await load();
        const provinces = async (number: string) =>
          (await store.audit((await store.find(number))[0].id))!.provinces.filter((p) => p.status !== 'none').map((p) => p.province).sort();
        expect(await provinces('20-CT/TW')).toEqual(['Bắc Giang', 'Bình Phước', 'Bình Thuận', 'Quảng Nam', 'Đắk Lắk'].sort());
        expect(await provinces('1863/QĐ-TTg')).toEqual(['Quảng Nam', 'Đắk Lắk'].sort());
        // Đắk Lắk's only document below 1863/QĐ-TTg is the draft letter /UBND-KGVX: not implemented
        const dakLak = (await store.audit((await store.find('1863/QĐ-TTg'))[0].id))!.provinces.find((p) => p.province === 'Đắk Lắk')!;
        expect(dakLak).toMatchObject({ status: 'draft', documentCount: 0, firstDate: null, draftCount: 1 });
        expect(dakLak.drafts.map((d) => d.number)).toEqual(['/UBND-KGVX']);
        const audit = (await store.audit((await store.find('20-CT/TW'))[0].id))!;
        expect(audit.provinces).toHaveLength(63);
        const bacGiang = audit.provinces.find((p) => p.province === 'Bắc Giang')!;
        expect(bacGiang).toMatchObject({ status: 'implemented', firstDate: '2013-01-28', lagDays: 84 });
        // and below 20-CT/TW, Đắk Lắk is implemented by the Tỉnh ủy's plan, not by that draft
        expect(audit.provinces.find((p) => p.province === 'Đắk Lắk')).toMatchObject({ status: 'implemented', documentCount: 1, firstDate: '2013-03-07', draftCount: 1 });
        expect((await store.audit((await store.find('20-CT/TW'))[0].id, { provinces: 34 }))!.provinces).toHaveLength(34);
        await store.close();
      });

      it('search "đuối nước" and "duoi nuoc" return exactly the three seed documents that mention it', async () => {
        const store = await load();
        const expected = ['2868-CV/TU', '279/UBND-LĐTBXH', '851/SXD-VP'].sort();
        expect(await ids(store, 'đuối nước')).toEqual(expected);
        expect(await ids(store, 'duoi nuoc')).toEqual(expected);
        expect(await ids(store, 'ĐUỐI NƯỚC')).toEqual(expected);
        await store.close();
      });

      it('search "phòng chống đuối nước trẻ em" finds the three letters about it, written with the words apart too; the phrase first', async () => {
        const store = await load();
        const expected = ['2868-CV/TU', '279/UBND-LĐTBXH', '851/SXD-VP'].sort();
        for (const q of ['phòng chống đuối nước trẻ em', 'phong chong duoi nuoc tre em', 'trẻ em phòng chống đuối nước']) {
          const result = await store.search({ q, pageSize: 50 });
          expect(result.hits.map((h) => h.number ?? h.id).sort(), q).toEqual(expected);
        }
        // 279/UBND-LĐTBXH alone writes "phòng chống đuối nước trẻ em"
        expect((await store.search({ q: 'phòng chống đuối nước trẻ em' })).hits[0].number).toBe('279/UBND-LĐTBXH');
        expect(await ids(store, 'Lục Nam đuối nước')).toEqual(['279/UBND-LĐTBXH']);
        await store.close();
      });

      it('a number query finds the document and every document citing it', async () => {
        const store = await load();
        for (const q of ['1863/QĐ-TTg', '1863/qd-ttg', 'qd 1863', 'QĐ 1863', '1863 / QĐ-TTg', '1863', 'số 1863', '1863 QĐ TTg']) {
          const result = (await store.search({ q }));
          expect(result.hits[0], q).toMatchObject({ number: '1863/QĐ-TTg', match: 'number' });
          expect(result.total, q).toBe(3);
          expect(result.hits.slice(1).every((h) => h.match === 'cites-number'), q).toBe(true);
        }
        // the directive as staff type it: bare, spaced, any case and separators
        const directive = await store.search({ q: '20-CT/TW', pageSize: 50 });
        for (const q of ['20 CT TW', '20 ct tw', '20-CT TW', '20 CT/TW', '20.CT.TW']) {
          const result = await store.search({ q, pageSize: 50 });
          expect(result.hits.map((h) => [h.id, h.match]), q).toEqual(directive.hits.map((h) => [h.id, h.match]));
        }
        expect(directive.hits[0]).toMatchObject({ number: '20-CT/TW', match: 'number' });
        await store.close();
      });

      it('lookup and resolution: the district plan, the department letter, the cited-only nodes', async () => {
        const store = await load();
        expect((await store.lookup('279/UBND-LĐT BXH')).map((d) => d.id)).toEqual(['279-ubnd-ldtbxh-2015-bac-giang-luc-nam']);
        expect((await store.getDocument('41-kh-tu-2013-bac-giang'))).toMatchObject({ known: false, province: 'Bắc Giang', source: null });
        expect((await store.getDocument('1067-kh-ubnd-2011-bac-giang-luc-nam'))).toMatchObject({ district: 'Lục Nam' });
        expect((await store.stats()).unresolved).toEqual({});
        await store.close();
      });
    });

    it('a number written zero-padded or not is one document, found by either spelling, and no other serial', async () => {
      const store = await makeStore();
      await ingestLetters(store, '01/09/2020', [
        ['1/UBND-VX', 'Thực hiện Thông tư số 07/2018/TT-BLĐTBXH ngày 01/8/2018 của Bộ Lao động - Thương binh và Xã hội.'],
        ['2/UBND-VX', 'Căn cứ Thông tư số 7/2018/TT-BLĐTBXH ngày 01/8/2018 của Bộ Lao động - Thương binh và Xã hội.'],
        ['3/UBND-VX', 'Căn cứ Thông tư số 70/2018/TT-BLĐTBXH và Thông tư số 17/2018/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội.'],
        ['4/UBND-VX', 'Thực hiện Chỉ thị số 7-CT/TW của Ban Bí thư.'],
      ]);
      await store.resolve();
      for (const q of ['7/2018/TT-BLĐTBXH', '07/2018/TT-BLĐTBXH', '7/2018/tt-bldtbxh']) {
        const result = await store.search({ q });
        const citing = result.hits.filter((h) => h.match === 'cites-number').map((h) => h.number);
        expect(citing.sort(), q).toEqual(['1/UBND-VX', '2/UBND-VX']);
        // the cited document itself (not in the store: cited only), one node, as the first letter wrote it
        expect(result.hits.filter((h) => h.match === 'number').map((h) => h.number), q).toEqual(['07/2018/TT-BLĐTBXH']);
      }
      const targets = await Promise.all(['1-ubnd-vx-2020-bac-giang', '2-ubnd-vx-2020-bac-giang'].map(async (id) => (await store.describe(id))!.citations[0].target));
      expect(targets).toEqual(['07-2018-tt-bldtbxh', '07-2018-tt-bldtbxh']);
      const citingOf = async (q: string) => (await store.search({ q })).hits.filter((h) => h.match === 'cites-number').map((h) => h.number);
      expect(await citingOf('7-CT/TW')).toEqual(['4/UBND-VX']);
      expect(await citingOf('70/2018/TT-BLĐTBXH')).toEqual(['3/UBND-VX']);
      expect(await citingOf('17/2018/TT-BLĐTBXH')).toEqual(['3/UBND-VX']);
      // the type as a word, with or without "số" and the year of a normative number
      expect(await citingOf('Chỉ thị 7')).toEqual(['4/UBND-VX']);
      expect(await citingOf('chi thi so 7')).toEqual(['4/UBND-VX']);
      expect((await citingOf('Thông tư 7/2018')).sort()).toEqual(['1/UBND-VX', '2/UBND-VX']);
      expect(await citingOf('tt 17/2018')).toEqual(['3/UBND-VX']);
      // as some documents write the code: with "&", or cut by a space
      expect((await citingOf('7/2018/TT-BLĐTB&XH')).sort()).toEqual(['1/UBND-VX', '2/UBND-VX']);
      expect((await citingOf('7/2018/TT-BLĐT BXH')).sort()).toEqual(['1/UBND-VX', '2/UBND-VX']);
      await store.close();
    });

    it('a bare serial or a spaced number lists the documents with that number first, then those citing it; words otherwise', async () => {
      const store = await makeStore();
      await store.ingestFile({ source: 'tu.txt', bytes: enc(letter({ issuer: 'TỈNH ỦY BẮC GIANG', number: '20-CT/TU', place: 'Bắc Giang', date: '02/01/2013', body: 'Chỉ thị về phòng, chống đuối nước.' })) });
      await ingestLetters(store, '01/09/2020', [
        ['1/UBND-VX', 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị, năm 2020 có 20 xã đạt chuẩn.'],
        ['2/UBND-VX', 'Thực hiện Chỉ thị số 20-CT/TU ngày 02/01/2013 của Tỉnh ủy, hỗ trợ 15 hộ nghèo.'],
        ['20/UBND-VX', 'Về phòng, chống đuối nước cho trẻ em năm 2019.'],
      ]);
      const listed = async (q: string) => (await store.search({ q, pageSize: 50 })).hits.map((h) => [h.number, h.match]);
      // every document numbered 20 (its own number first), then those citing one, newest first
      expect((await listed('20')).slice(0, 3).map(([, match]) => match)).toEqual(['number', 'number', 'number']);
      expect((await listed('20')).map(([number]) => number).sort()).toEqual(['1/UBND-VX', '2/UBND-VX', '20-CT/TU', '20-CT/TW', '20/UBND-VX'].sort());
      for (const q of ['20 CT TW', '20 ct tw', '20-CT TW', 'so 20 CT/TW']) {
        expect(await listed(q), q).toEqual([['20-CT/TW', 'number'], ['1/UBND-VX', 'cites-number']]);
      }
      expect(await listed('20 CT TU')).toEqual([['20-CT/TU', 'number'], ['2/UBND-VX', 'cites-number']]);
      expect(await listed('20 vx')).toEqual([['20/UBND-VX', 'number']]);
      // a serial and words that name no number are words; a bare year is the documents of that year's words
      expect(await listed('15 hộ')).toEqual([['2/UBND-VX', 'exact']]);
      expect(await listed('2019')).toEqual([['20/UBND-VX', 'folded']]);
      await store.close();
    });

    it('words: all of them in any order, punctuation between them apart; the words side by side first; a syllable alone is no word', async () => {
      const store = await makeStore();
      await ingestLetters(store, '01/06/2020', [
        ['1/UBND-VX', 'Tăng cường công tác phòng, chống đuối nước cho trẻ em trong dịp hè.'],
        ['2/UBND-VX', 'Kế hoạch phòng chống đuối nước trẻ em năm 2020.'],
        ['3/UBND-VX', 'Bảo vệ trẻ em; phòng, chống tai nạn thương tích, đặc biệt là đuối nước.'],
        ['4/UBND-VX', 'Phòng họp số 2; chống lấn chiếm; đuối sức; nước sạch; trẻ hóa đội ngũ; em bé.'],
      ]);
      const listed = async (q: string) => (await store.search({ q, pageSize: 50 })).hits.map((h) => h.number);
      for (const q of ['phòng chống đuối nước trẻ em', 'phong chong duoi nuoc tre em', 'Phòng, chống: đuối nước - trẻ em']) {
        const hits = await listed(q);
        expect(hits[0], q).toBe('2/UBND-VX');
        expect(hits.slice(1).sort(), q).toEqual(['1/UBND-VX', '3/UBND-VX']);
      }
      expect((await listed('trẻ em đuối nước')).sort()).toEqual(['1/UBND-VX', '2/UBND-VX', '3/UBND-VX']);
      // 4 holds every syllable, none beside its neighbour of the query
      expect(await listed('đuối nước trẻ em')).not.toContain('4/UBND-VX');
      const drowning = await store.search({ q: 'phòng chống đuối nước trẻ em' });
      expect(drowning.hits.map((h) => h.match)).toEqual(['exact', 'exact', 'exact']);
      expect(drowning.hits.find((h) => h.number === '3/UBND-VX')!.snippet).toMatch(/<mark>đuối<\/mark> <mark>nước<\/mark>/);
      await store.close();
    });

    it('ranks exact-diacritic matches first: "dưới nước" does not drown in "đuối nước"', async () => {
      const store = await makeStore();
      await ingestLetters(store, '01/06/2020', [
        ['1/UBND-VX', 'Tăng cường phòng, chống đuối nước cho trẻ em trong mùa hè; đuối nước là nguyên nhân hàng đầu.'],
        ['2/UBND-VX', 'Kiểm tra các công trình dưới nước và phương tiện đường thủy.'],
        ['3/UBND-VX', 'Phòng chống đuối nước tại các ao hồ.'],
      ]);
      expect((await store.search({ q: 'dưới nước' })).hits[0].number).toBe('2/UBND-VX');
      expect((await store.search({ q: 'đuối nước' })).hits.slice(0, 2).map((h) => h.number).sort()).toEqual(['1/UBND-VX', '3/UBND-VX']);
      expect((await store.search({ q: 'duoi nuoc' })).total).toBe(3);
      const exact = (await store.search({ q: 'đuối nước' }));
      expect(exact.hits.map((h) => h.match)).toEqual(['exact', 'exact', 'folded']);
      expect(exact.hits[0].snippet).toContain('<mark>đuối</mark>');
      await store.close();
    });

    it('filters and facets: province, year range, type, topic', async () => {
      const store = await makeStore();
      await store.ingestFile({ source: 'a.txt', bytes: enc(letter({ number: '5/KH-UBND', place: 'Bắc Giang', date: '01/06/2019', body: 'Kế hoạch phòng chống đuối nước năm 2019.' })) });
      await store.ingestFile({ source: 'b.txt', bytes: enc(letter({ issuer: 'UBND TỈNH NAM ĐỊNH', number: '6/UBND-VX', place: 'Nam Định', date: '01/06/2021', body: 'Về phòng chống đuối nước năm 2021.' })) });
      const all = (await store.search({ q: 'đuối nước' }));
      expect(all.facets.province.map((f) => f.value).sort()).toEqual(['Bắc Giang', 'Nam Định']);
      expect(all.facets.topic).toContainEqual({ value: 'đuối nước', count: 2 });
      expect((await store.search({ q: 'đuối nước', province: 'Nam Định' })).hits.map((h) => h.number)).toEqual(['6/UBND-VX']);
      expect((await store.search({ q: 'đuối nước', yearFrom: 2020, yearTo: 2022 })).hits.map((h) => h.number)).toEqual(['6/UBND-VX']);
      expect((await store.search({ q: 'đuối nước', type: 'KH' })).hits.map((h) => h.number)).toEqual(['5/KH-UBND']);
      expect((await store.search({ q: 'đuối nước', page: 2, pageSize: 1 })).hits).toHaveLength(1);
      await store.close();
    });

    it('filter values match typed without diacritics or by full name, as staff type them', async () => {
      const store = await makeStore();
      await store.ingestFile({ source: 'a.txt', bytes: enc(letter({ number: '5/KH-UBND', place: 'Bắc Giang', date: '01/06/2019', body: 'Kế hoạch phòng chống đuối nước năm 2019.' })) });
      await store.ingestFile({ source: 'b.txt', bytes: enc(letter({ issuer: 'UBND TỈNH NAM ĐỊNH', number: '6/UBND-VX', place: 'Nam Định', date: '01/06/2021', body: 'Về phòng chống đuối nước năm 2021.' })) });
      const numbers = async (filters: Record<string, string>) => (await store.search({ q: 'duoi nuoc', ...filters })).hits.map((h) => h.number);
      for (const province of ['Nam Định', 'nam dinh', 'tỉnh Nam Định', 'NAM DINH']) expect(await numbers({ province })).toEqual(['6/UBND-VX']);
      for (const type of ['KH', 'kh', 'Kế hoạch', 'ke hoach']) expect(await numbers({ type })).toEqual(['5/KH-UBND']);
      for (const topic of ['đuối nước', 'duoi nuoc', 'duoi-nuoc']) expect((await numbers({ topic })).sort()).toEqual(['5/KH-UBND', '6/UBND-VX']);
      // a value that names nothing still matches nothing
      expect(await numbers({ province: 'Atlantis' })).toEqual([]);
      expect((await store.lookup('6/UBND-VX', { province: 'nam dinh' })).map((d) => d.number)).toEqual(['6/UBND-VX']);
      await store.close();
    });

    it('any string a user types gives results or an empty list, never an error', async () => {
      const store = await makeStore();
      await store.ingestFile({ source: 'a.txt', bytes: enc(letter({ number: '5/KH-UBND', place: 'Bắc Giang', date: '01/06/2019', body: 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012.' })) });
      for (const q of ['"', 'AND', 'NEAR(a b)', '*', 'a:b', '^', '(', ')', '-x', '20-CT/TW', '{folded}:x', "'; DROP TABLE documents; --", '\u0000', 'đ'.repeat(5000)]) {
        await expect(Promise.resolve(store.search({ q }))).resolves.toHaveProperty('hits');
      }
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 60 }), async (q) => {
          const r = (await store.search({ q }));
          expect(Array.isArray(r.hits)).toBe(true);
        }),
        { numRuns: 200 },
      );
      await store.close();
    });

    it('is idempotent: the same file twice changes nothing; a changed file replaces its documents', async () => {
      const store = await makeStore();
      const v1 = enc(letter({ number: '7/KH-UBND', place: 'Bắc Giang', date: '01/02/2020', body: 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.' }));
      expect((await store.ingestFile({ source: 'k.txt', bytes: v1 })).status).toBe('stored');
      const before = (await store.stats());
      expect((await store.ingestFile({ source: 'k.txt', bytes: v1 })).status).toBe('unchanged');
      expect((await store.stats())).toEqual(before);
      const v2 = enc(letter({ number: '7/KH-UBND', place: 'Bắc Giang', date: '01/02/2020', body: 'Thực hiện Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ.' }));
      expect((await store.ingestFile({ source: 'k.txt', bytes: v2 })).status).toBe('replaced');
      const detail = (await store.describe('7-kh-ubnd-2020-bac-giang'))!;
      expect(detail.citations.map((c) => c.number)).toEqual(['1863/QĐ-TTg']);
      expect((await store.stats()).knownDocuments).toBe(1);
      await store.close();
    });

    it('the same content under another path (a copy, a re-upload) is stored once', async () => {
      const store = await makeStore();
      const bytes = enc(letter({ number: '9/KH-UBND', place: 'Bắc Giang', date: '01/02/2020', body: 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012.' }));
      await store.ingestFile({ source: 'a/9.txt', bytes });
      const before = (await store.stats());
      const copy = (await store.ingestFile({ source: 'b/copy-of-9.txt', bytes }));
      expect(copy).toMatchObject({ status: 'unchanged', duplicateOf: 'a/9.txt', documents: 1, citations: 1 });
      expect(copy.messages[0].ruleId).toBe('store:duplicate');
      expect((await store.stats())).toEqual(before);
      expect((await store.documentsFromSource('a/9.txt')).map((d) => d.id)).toEqual(['9-kh-ubnd-2020-bac-giang']);
      expect((await store.documentsFromSource('b/copy-of-9.txt'))).toEqual([]);
      await store.close();
    });

    it('a path that held other content and now holds a copy of a stored file drops what it held and stores no second copy', async () => {
      const store = await makeStore();
      const nine = enc(letter({ number: '9/KH-UBND', place: 'Bắc Giang', date: '01/02/2020', body: 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012.' }));
      const other = enc(letter({ number: '10/KH-UBND', place: 'Bắc Giang', date: '01/03/2020', body: 'Về phòng chống đuối nước.' }));
      await store.ingestFile({ source: 'a/9.txt', bytes: nine });
      expect((await store.ingestFile({ source: 'upload/x.txt', bytes: other })).status).toBe('stored');
      const again = await store.ingestFile({ source: 'upload/x.txt', bytes: nine });
      expect(again).toMatchObject({ status: 'replaced', duplicateOf: 'a/9.txt', documents: 1 });
      expect(again.messages.map((m) => m.ruleId)).toEqual(['store:duplicate']);
      // one 9/KH-UBND, not a second one with a suffixed id; 10/KH-UBND went with the content that held it
      expect((await store.lookup('9/KH-UBND')).map((d) => d.id)).toEqual(['9-kh-ubnd-2020-bac-giang']);
      expect(await store.lookup('10/KH-UBND')).toEqual([]);
      expect(await store.documentsFromSource('upload/x.txt')).toEqual([]);
      // and the same bytes once more under that path: still the copy, nothing changes
      const before = await store.stats();
      expect(await store.ingestFile({ source: 'upload/x.txt', bytes: nine })).toMatchObject({ status: 'unchanged', duplicateOf: 'a/9.txt' });
      expect(await store.stats()).toEqual(before);
      await store.close();
    });

    it('the same document saved in another encoding, with a BOM or CRLF line ends, is a copy: stored once', async () => {
      const store = await makeStore();
      const text = letter({ number: '9/KH-UBND', place: 'Bắc Giang', date: '01/02/2020', body: 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị về phòng chống đuối nước.' });
      await store.ingestFile({ source: 'a/9.txt', bytes: enc(text) });
      const before = await store.stats();
      const copies = { 'utf16le.txt': saved.utf16le(text), 'utf16be.txt': saved.utf16be(text), 'bom.txt': saved.utf8bom(text), 'crlf.txt': saved.utf16le(text.replace(/\n/g, '\r\n')) };
      for (const [source, bytes] of Object.entries(copies)) {
        const copy = await store.ingestFile({ source, bytes });
        expect(copy, source).toMatchObject({ status: 'unchanged', duplicateOf: 'a/9.txt', documents: 1, citations: 1 });
        expect(copy.messages.map((m) => m.ruleId), source).toEqual(['store:duplicate']);
        expect(await store.documentsFromSource(source), source).toEqual([]);
      }
      expect(await store.stats()).toEqual(before);
      expect((await store.lookup('9/KH-UBND')).map((d) => d.id)).toEqual(['9-kh-ubnd-2020-bac-giang']);
      expect((await store.search({ q: 'đuối nước' })).total).toBe(1);
      // a path that held other content and now holds a UTF-16 copy: what it held goes, no second copy
      await store.ingestFile({ source: 'upload/x.txt', bytes: enc(letter({ number: '10/KH-UBND', place: 'Bắc Giang', date: '01/03/2020', body: 'Về phòng chống đuối nước.' })) });
      expect(await store.ingestFile({ source: 'upload/x.txt', bytes: copies['utf16le.txt'] })).toMatchObject({ status: 'replaced', duplicateOf: 'a/9.txt' });
      expect(await store.lookup('10/KH-UBND')).toEqual([]);
      expect(await store.stats()).toEqual(before);
      // the file itself saved again in another encoding is that file, not a copy of itself
      const resaved = await store.ingestFile({ source: 'a/9.txt', bytes: copies['utf16le.txt'] });
      expect(resaved).toMatchObject({ status: 'replaced', documents: 1 });
      expect(resaved.duplicateOf).toBeUndefined();
      expect(await store.stats()).toEqual(before);
      // and a copy of it, as it is stored now, is still found by its text
      expect(await store.ingestFile({ source: 'again.txt', bytes: enc(text) })).toMatchObject({ status: 'unchanged', duplicateOf: 'a/9.txt' });
      await store.close();
    });

    it('re-ingesting an edited file leaves the store as a fresh ingest of the files as they are now, without a resolve', async () => {
      const ingest = (store: StoreUnderTest, source: string, number: string, body: string) => store.ingestFile({ source, bytes: enc(letter({ number, place: 'Bắc Giang', date: '01/03/2020', body })) });
      const first = 'Thực hiện Kế hoạch số 3/KH-UBND ngày 05/01/2020 của UBND tỉnh Bắc Giang và Chỉ thị số 05-CT/TW ngày 15/5/2016 của Ban Bí thư.';
      const other = 'Căn cứ Chỉ thị số 05-CT/TW ngày 16/5/2016 của Bộ Chính trị về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.';
      const edits = [
        // the plan's number corrected; the directive no longer cited
        'Thực hiện Kế hoạch số 4/KH-UBND ngày 06/01/2020 của UBND tỉnh Bắc Giang.',
        // no citation left
        'Về phòng chống đuối nước cho trẻ em.',
      ];
      const dump = async (store: StoreUnderTest) => ({
        graph: JSON.stringify([[...(await store.exportGraph()).documents], [...(await store.exportGraph()).edges]]),
        stats: await store.stats(),
      });
      const store = await makeStore();
      await ingest(store, 'a.txt', '9/UBND-VX', first);
      await ingest(store, 'b.txt', '10/UBND-VX', other);
      expect(await store.getDocument('05-ct-tw-2016')).toMatchObject({ known: false, issuer: 'Ban Bí thư', date: '2016-05-15' });
      for (const edit of edits) {
        expect((await ingest(store, 'a.txt', '9/UBND-VX', edit)).status).toBe('replaced');
        // known only from the citation taken out: gone from lookup, search and stats
        expect(await store.lookup('3/KH-UBND')).toEqual([]);
        expect(await store.getDocument('3-kh-ubnd-2020-bac-giang')).toBeNull();
        expect((await store.search({ q: '3/KH-UBND' })).hits.filter((h) => h.match === 'number')).toEqual([]);
        // still cited by b.txt: named and dated by that citation alone now
        expect(await store.getDocument('05-ct-tw-2016')).toMatchObject({ known: false, issuer: 'Bộ Chính trị', issuerLevel: 'party-central', date: '2016-05-16' });
        const fresh = await makeStore();
        await ingest(fresh, 'a.txt', '9/UBND-VX', edit);
        await ingest(fresh, 'b.txt', '10/UBND-VX', other);
        expect(await dump(store)).toEqual(await dump(fresh));
        await fresh.close();
        const now = await dump(store);
        await store.resolve();
        expect(await dump(store)).toEqual(now);
      }
      expect((await store.stats()).citedOnly).toBe(1);
      expect(await store.lookup('4/KH-UBND')).toEqual([]);
      // the letter's own file gone to a copy of another: what it cited goes with it
      expect((await store.ingestFile({ source: 'b.txt', bytes: enc(letter({ number: '9/UBND-VX', place: 'Bắc Giang', date: '01/03/2020', body: edits[1] })) })).duplicateOf).toBe('a.txt');
      expect(await store.getDocument('05-ct-tw-2016')).toBeNull();
      expect((await store.stats()).citedOnly).toBe(0);
      await store.close();
    });

    it('a document whose file now holds another keeps, while cited, only what its citations say of it', async () => {
      const store = await makeStore();
      await store.ingestFile({ source: 'plan.txt', bytes: enc(letter({ number: '3/KH-UBND', place: 'Bắc Giang', date: '05/01/2020', body: 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.' })) });
      await store.ingestFile({ source: 'district.txt', bytes: enc(letter({ number: '9/UBND-VX', place: 'Bắc Giang', date: '01/03/2020', body: 'Thực hiện Kế hoạch số 3/KH-UBND ngày 06/01/2020 của Ủy ban nhân dân tỉnh Bắc Giang.' })) });
      expect(await store.getDocument('3-kh-ubnd-2020-bac-giang')).toMatchObject({ known: true, date: '2020-01-05' });
      // the plan's file now holds another plan: 3/KH-UBND is known from the letter's citation alone
      await store.ingestFile({ source: 'plan.txt', bytes: enc(letter({ number: '5/KH-UBND', place: 'Bắc Giang', date: '07/01/2020', body: 'Nội dung kế hoạch.' })) });
      expect(await store.getDocument('3-kh-ubnd-2020-bac-giang')).toMatchObject({ known: false, source: null, issuer: 'Ủy ban nhân dân tỉnh Bắc Giang', date: '2020-01-06' });
      // 20-CT/TW was cited by the old plan alone
      expect(await store.getDocument('20-ct-tw-2012')).toBeNull();
      const now = JSON.stringify([...(await store.exportGraph()).documents]);
      await store.resolve();
      expect(JSON.stringify([...(await store.exportGraph()).documents])).toEqual(now);
      await store.close();
    });

    it('a bad file never loses what was stored before', async () => {
      const store = await makeStore();
      const good = enc(letter({ number: '8/KH-UBND', place: 'Bắc Giang', date: '01/02/2020', body: 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012.' }));
      await store.ingestFile({ source: 'g.txt', bytes: good });
      // binary bytes, then a file of blanks and markup alone (a truncated save): both refused, nothing replaced
      for (const [bytes, ruleId] of [[Uint8Array.from([0, 1, 2, 0xff, 0]), 'read:binary'], [enc(' \n\n**  **\n\t\n'), 'read:no-text']] as const) {
        const result = await store.ingestFile({ source: 'g.txt', bytes });
        expect(result.status, ruleId).toBe('failed');
        expect(result.messages[0].ruleId).toBe(ruleId);
        expect((await store.getDocument('8-kh-ubnd-2020-bac-giang')), ruleId).toMatchObject({ known: true });
        expect((await store.describe('8-kh-ubnd-2020-bac-giang'))!.citations).toHaveLength(1);
      }
      await store.close();
    });

    it('a document cited before it is ingested becomes the same node', async () => {
      const store = await makeStore();
      await store.ingestFile({ source: 'district.txt', bytes: enc(letter({ number: '9/UBND-VX', place: 'Bắc Giang', date: '01/03/2020', body: 'Thực hiện Kế hoạch số 3/KH-UBND ngày 05/01/2020 của UBND tỉnh Bắc Giang.' })) });
      expect((await store.getDocument('3-kh-ubnd-2020-bac-giang'))).toMatchObject({ known: false });
      await store.ingestFile({ source: 'plan.txt', bytes: enc(letter({ number: '3/KH-UBND', place: 'Bắc Giang', date: '05/01/2020', body: 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.' })) });
      expect((await store.getDocument('3-kh-ubnd-2020-bac-giang'))).toMatchObject({ known: true, source: 'plan.txt' });
      const trace = (await store.trace('9-ubnd-vx-2020-bac-giang'))!;
      expect(trace.chains[0].map((h) => h.document.id)).toEqual(['3-kh-ubnd-2020-bac-giang', '20-ct-tw-2012']);
      await store.close();
    });

    it('zero padding never splits a document: cited padded or not, before or after it is ingested, with or without a year', async () => {
      const store = await makeStore();
      const ingest = (source: string, number: string, date: string, body: string) => store.ingestFile({ source, bytes: enc(letter({ number, place: 'Bắc Giang', date, body })) });
      await ingest('yearless.txt', '31/UBND-VX', '01/03/2020', 'Căn cứ Kế hoạch số 003/KH-UBND của UBND tỉnh.');
      expect((await store.stats()).unresolved).toEqual({ 'no-year': 1 });
      await ingest('before.txt', '30/UBND-VX', '01/03/2020', 'Thực hiện Kế hoạch số 03/KH-UBND ngày 05/01/2020 của UBND tỉnh Bắc Giang.');
      await ingest('plan.txt', '3/KH-UBND', '05/01/2020', 'Nội dung kế hoạch.');
      await ingest('after.txt', '32/UBND-VX', '01/03/2020', 'Thực hiện Kế hoạch số 0003/KH-UBND ngày 05/01/2020 của UBND tỉnh Bắc Giang.');
      const [plan] = await store.find('3/KH-UBND');
      expect(plan).toMatchObject({ known: true, source: 'plan.txt' });
      for (const id of ['30-ubnd-vx-2020-bac-giang', '31-ubnd-vx-2020-bac-giang', '32-ubnd-vx-2020-bac-giang']) {
        expect((await store.describe(id))!.citations[0].target, id).toBe(plan.id);
      }
      expect((await store.stats()).unresolved).toEqual({});
      await store.close();
    });

    it('never guesses: a year-less citation resolves only to the single document that fits', async () => {
      const store = await makeStore();
      await store.ingestFile({ source: 'x.txt', bytes: enc(letter({ number: '10/UBND-VX', place: 'Bắc Giang', date: '01/03/2020', body: 'Căn cứ Kế hoạch số 11/KH-UBND của UBND tỉnh.' })) });
      expect((await store.stats()).unresolved).toEqual({ 'no-year': 1 });
      await store.ingestFile({ source: 'y.txt', bytes: enc(letter({ number: '11/KH-UBND', place: 'Bắc Giang', date: '02/01/2020', body: 'Nội dung kế hoạch.' })) });
      expect((await store.stats()).unresolved).toEqual({});
      expect((await store.describe('10-ubnd-vx-2020-bac-giang'))!.citations[0].target).toBe('11-kh-ubnd-2020-bac-giang');
      await store.close();
    });

    it('resolve is deterministic and re-runnable', async () => {
      const store = await makeStore();
      for (const [i, body] of ['Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012.', 'Căn cứ Quyết định số 1863/QĐ-TTg ngày 23/12/2019; Kế hoạch số 12/KH-UBND ngày 02/01/2020 của UBND tỉnh thực hiện Chỉ thị số 20-CT/TW.'].entries()) {
        await store.ingestFile({ source: `r${i}.txt`, bytes: enc(letter({ number: `${20 + i}/UBND-VX`, place: 'Bắc Giang', date: '01/03/2020', body })) });
      }
      const dump = async (): Promise<string> => JSON.stringify([[...(await store.exportGraph()).documents], [...(await store.exportGraph()).edges]]);
      const before = await dump();
      await store.resolve();
      expect(await dump()).toEqual(before);
      await store.resolve();
      expect(await dump()).toEqual(before);
      await store.close();
    });
  });
}
