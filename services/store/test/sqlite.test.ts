import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractBytes } from '@vanban/ingest';
import { createScaleOutStore, createSqliteStore } from '../src/index.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGraphStore, enc, letter, saved } from './conformance.js';

// The real SQLite file on disk, a fresh one per test.
describeGraphStore('sqlite', () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db')));

// The scale-out store delegates to its staging SQLite file what no engine answers: same behaviour.
describeGraphStore('scale-out store without engines', () =>
  createScaleOutStore({ staging: createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db')), target: 'none' }),
);

describe('sqlite: number queries typed as words', () => {
  const store = () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db'));

  it('"công văn 12" finds a letter whose number does not carry its type, and the letters citing it', async () => {
    const s = store();
    s.ingestFile({ source: 'a.txt', bytes: enc(letter({ number: '12/UBND-VX', place: 'Bắc Giang', date: '01/03/2020', body: 'V/v phòng, chống đuối nước\n\nCác đơn vị thực hiện.' })) });
    s.ingestFile({ source: 'b.txt', bytes: enc(letter({ number: '13/SGDĐT-VP', place: 'Bắc Giang', date: '05/03/2020', body: 'Thực hiện Công văn số 12/UBND-VX ngày 01/3/2020 của UBND tỉnh Bắc Giang.' })) });
    s.resolve();
    const result = s.search({ q: 'Công văn 12' });
    expect(result.hits.map((h) => [h.number, h.match])).toEqual([['12/UBND-VX', 'number'], ['13/SGDĐT-VP', 'cites-number']]);
    expect(s.search({ q: 'cv 12' }).total).toBe(2);
    expect(s.search({ q: 'Quyết định 12' }).total).toBe(0);
    s.close();
  });

  it('a type word and a serial that name no document are searched as words ("báo cáo 15")', async () => {
    const s = store();
    s.ingestFile({ source: 'a.txt', bytes: enc(letter({ number: '1/UBND-VX', place: 'Bắc Giang', date: '01/03/2020', body: 'Đã nhận báo cáo 15 huyện về phòng, chống đuối nước.' })) });
    const result = s.search({ q: 'báo cáo 15' });
    expect(result.hits.map((h) => [h.number, h.match])).toEqual([['1/UBND-VX', 'exact']]);
    s.close();
  });
});

describe('sqlite: number search passages', () => {
  it("a citing document's passage is around its citation of the number, as written there", () => {
    const s = createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db'));
    const filler = 'Các đơn vị tiếp tục tuyên truyền, phổ biến, giáo dục pháp luật về quyền trẻ em. '.repeat(6);
    s.ingestFile({ source: 'a.txt', bytes: enc(letter({ number: '5/UBND-VX', place: 'Bắc Giang', date: '02/03/2020', body: `Kế hoạch năm 2020. ${filler}Tiếp tục thực hiện Chỉ thị số 20 -CT/TW ngày 05/11/2012 của Bộ Chính trị.` })) });
    // the directive itself (known only from the citation) first, then the letter
    const hit = s.search({ q: '20-CT/TW' }).hits.find((h) => h.number === '5/UBND-VX')!;
    expect(hit.match).toBe('cites-number');
    // not at the first "20" of the text (in "2020"), and marked as the document writes it
    expect(hit.snippet).toContain('<mark>Chỉ thị số 20 -CT/TW');
    s.close();
  });
});

describe('sqlite: words are found as syllable pairs', () => {
  const store = () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db'));
  const add = (s: ReturnType<typeof store>, n: number, body: string) =>
    s.ingestFile({ source: `${n}.txt`, bytes: enc(letter({ number: `${n}/UBND-VX`, place: 'Bắc Giang', date: `0${n}/03/2020`, body })) });

  it('every word of the query must be there, each syllable beside a neighbour; the whole phrase side by side ranks first', () => {
    const s = store();
    add(s, 1, 'Về việc phòng chống tai nạn giao thông và các thương tích khác.');
    add(s, 2, 'Tổ chức Tháng hành động vì trẻ em năm 2020, phòng chống tai nạn thương tích.');
    add(s, 3, 'Về tai nạn: thương tích. Tuyên truyền tháng hành động; lao động vì trẻ em.');
    add(s, 4, 'Trẻ em vì tháng hành động.');
    // "tai nạn" and "thương tích" apart in 1: a match, after those with the words side by side
    // (punctuation between them does not matter: 3's "tai nạn: thương tích")
    const term = s.search({ q: 'tai nạn thương tích' }).hits.map((h) => h.number);
    expect(term.slice(0, 2).sort()).toEqual(['2/UBND-VX', '3/UBND-VX']);
    expect(term[2]).toBe('1/UBND-VX');
    // 3 has every pair ("tháng hành động; lao động vì trẻ em"), 2 the words side by side and comes
    // first, though longer; 4 has every word in another order, "vì" alone: last
    expect(s.search({ q: 'tháng hành động vì trẻ em' }).hits.map((h) => h.number)).toEqual(['2/UBND-VX', '3/UBND-VX', '4/UBND-VX']);
    expect(s.search({ q: 'thang hanh dong vi tre em' }).hits.map((h) => h.number)).toEqual(['2/UBND-VX', '3/UBND-VX', '4/UBND-VX']);
    // one syllable alone is found anywhere
    expect(s.search({ q: 'thương' }).total).toBe(3);
    s.close();
  });

  it('one syllable of the query may stand alone, after the matches with every word: "chống đuối nước", "phòng đuối nước"', () => {
    const s = store();
    add(s, 1, 'Về phòng, chống đuối nước cho trẻ em.');
    add(s, 2, 'Về phòng chống tai nạn thương tích, đuối nước ở trẻ em.');
    add(s, 3, 'Về cấp nước sạch; người bị đuối sức được hỗ trợ; phòng chống dịch.');
    for (const q of ['chống đuối nước', 'chong duoi nuoc', 'phòng đuối nước']) {
      const found = s.search({ q }).hits.map((h) => h.number);
      // 1 has the words side by side (punctuation apart), 2 "đuối nước" with the syllable elsewhere;
      // 3 has every syllable but "đuối nước" nowhere: no match
      expect(found, q).toEqual(['1/UBND-VX', '2/UBND-VX']);
    }
    // two syllables are one word: never apart
    expect(s.search({ q: 'đuối nước' }).hits.map((h) => h.number).sort()).toEqual(['1/UBND-VX', '2/UBND-VX']);
    expect(s.search({ q: 'nước đuối' }).total).toBe(0);
    s.close();
  });
});

describe('sqlite: documents known only from citations', () => {
  it("take a national level from a steering committee's issuer phrase", () => {
    const s = createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db'));
    const body =
      'Thực hiện Chương trình số 12-CTr/BCĐ ngày 30/12/2025 của Ban Chỉ đạo Trung ương và Kế hoạch số 45/KH-BCĐQG ngày 02/01/2026 của Ban Chỉ đạo quốc gia.';
    s.ingestFile({ source: 'a.txt', bytes: enc(letter({ number: '7/UBND-VX', place: 'Bắc Giang', date: '05/01/2026', body })) });
    s.resolve();
    const cited = Object.fromEntries(s.describe('7-ubnd-vx-2026-bac-giang')!.citations.map((c) => [c.number, c.target && s.getDocument(c.target)]));
    expect(cited['12-CTr/BCĐ']).toMatchObject({ known: false, province: null, issuerLevel: 'party-central' });
    expect(cited['45/KH-BCĐQG']).toMatchObject({ known: false, province: null, issuerLevel: 'government' });
    s.close();
  });
});

describe('sqlite: the issuer of a document known only from citations', () => {
  const store = () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db'));
  const cite = (s: ReturnType<typeof store>, n: number, by: string) =>
    s.ingestFile({ source: `${n}.txt`, bytes: enc(letter({ number: `${n}/UBND-VX`, place: 'Bắc Giang', date: `0${n}/03/2020`, body: `Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của ${by} về đẩy mạnh học tập.` })) });
  const directive = (s: ReturnType<typeof store>) => s.getDocument('05-ct-tw-2016');

  it('is the one most citations give, not the first: as letters come in, and after a full resolve', () => {
    const s = store();
    cite(s, 1, 'Ban Bí thư');
    expect(directive(s)).toMatchObject({ known: false, issuer: 'Ban Bí thư' });
    cite(s, 2, 'Bộ Chính trị');
    // one each: the first
    expect(directive(s)!.issuer).toBe('Ban Bí thư');
    cite(s, 3, 'Bộ Chính trị');
    expect(directive(s)!.issuer).toBe('Bộ Chính trị');
    s.resolve();
    expect(directive(s)!.issuer).toBe('Bộ Chính trị');
    s.close();
  });

  it('a letter ingested again cites after the others: a tie goes to the name now given first, as a full resolve decides it', () => {
    const s = store();
    cite(s, 1, 'Ban Bí thư');
    cite(s, 2, 'Bộ Chính trị');
    expect(directive(s)!.issuer).toBe('Ban Bí thư');
    // the first letter saved again as UTF-16: the same citation, now the later one
    const text = letter({ number: '1/UBND-VX', place: 'Bắc Giang', date: '01/03/2020', body: 'Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Ban Bí thư về đẩy mạnh học tập.' });
    expect(s.ingestFile({ source: '1.txt', bytes: saved.utf16le(text) }).status).toBe('replaced');
    expect(directive(s)!.issuer).toBe('Bộ Chính trị');
    s.resolve();
    expect(directive(s)!.issuer).toBe('Bộ Chính trị');
    s.close();
  });

  it('counts spellings apart only by case and punctuation as one, written as most write it; its level follows', () => {
    const s = store();
    const body = (by: string) => `Thực hiện Chương trình số 12-CTr/BCĐ ngày 30/12/2025 của ${by} về chuyển đổi số.`;
    const letters = ['Ban Chỉ đạo quốc gia', 'Ban chỉ đạo Trung ương', 'Ban Chỉ đạo Trung ương', 'Ban Chỉ đạo Trung ương'];
    letters.forEach((by, k) => s.ingestFile({ source: `${k}.txt`, bytes: enc(letter({ number: `${k + 1}/UBND-VX`, place: 'Bắc Giang', date: '05/01/2026', body: body(by) })) }));
    s.resolve();
    expect(s.getDocument('12-ctr-bcd-2025')).toMatchObject({ known: false, issuer: 'Ban Chỉ đạo Trung ương', issuerLevel: 'party-central' });
    s.close();
  });
});

describe('sqlite: files edited and ingested again', () => {
  // what letters may cite: one plan and one directive, each named and dated variously, or nothing;
  // each citation with a year and a place, so that any of them makes the node in a fresh resolve
  // (one without a year reaches a node only while another makes it; as written first, the number)
  const citations = [
    'Kế hoạch số 3/KH-UBND ngày 05/01/2020 của UBND tỉnh Bắc Giang',
    'Kế hoạch số 3/KH-UBND ngày 06/01/2020 của Ủy ban nhân dân tỉnh Bắc Giang',
    'Kế hoạch số 3/KH-UBND ngày 05/01/2020',
    'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Ban Bí thư',
    'Chỉ thị số 05-CT/TW ngày 16/5/2016 của Bộ Chính trị',
    'Chỉ thị số 05-CT/TW ngày 17/5/2016 của Ban Bí thư',
  ];
  const version = (file: number, cited: number[]) =>
    enc(letter({ number: `${file + 1}/UBND-VX`, place: 'Bắc Giang', date: '01/03/2020', body: cited.length ? `Thực hiện ${cited.map((c) => citations[c]).join(' và ')}.` : 'Về phòng chống đuối nước.' }));

  it('leave the store as resolving every citation afresh would: no node left from a citation taken out, names and dates from those left', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(3), fc.uniqueArray(fc.nat(citations.length - 1), { maxLength: 3 })), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          const s = createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db'));
          const dump = () => JSON.stringify([[...s.exportGraph().documents], [...s.exportGraph().edges], s.stats()]);
          for (const [file, cited] of steps) {
            s.ingestFile({ source: `${file}.txt`, bytes: version(file, cited) });
            const now = dump();
            s.resolve();
            expect(dump()).toEqual(now);
          }
          s.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('sqlite: national issuer phrases', () => {
  it('give a cited-only document of a supreme court or the state audit office its national level when the code does not', () => {
    const s = createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db'));
    const body =
      'Thực hiện Công văn số 25/TH-PC ngày 02/01/2026 của Tòa án nhân dân tối cao và Công văn số 31/TH-KH ngày 03/01/2026 của Kiểm toán Nhà nước.';
    s.ingestFile({ source: 'a.txt', bytes: enc(letter({ number: '8/UBND-VX', place: 'Bắc Giang', date: '05/01/2026', body })) });
    s.resolve();
    const cited = Object.fromEntries(s.describe('8-ubnd-vx-2026-bac-giang')!.citations.map((c) => [c.number, c.target && s.getDocument(c.target)]));
    expect(cited['25/TH-PC']).toMatchObject({ known: false, province: null, issuerLevel: 'ministry' });
    expect(cited['31/TH-KH']).toMatchObject({ known: false, province: null, issuerLevel: 'ministry' });
    s.close();
  });
});

describe('sqlite: the year inside a number names the document (DESIGN.md "Identity")', () => {
  const store = () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db'));
  const cite = (s: ReturnType<typeof store>, n: number, body: string) =>
    s.ingestFile({ source: `${n}.txt`, bytes: enc(letter({ number: `${n}/UBND-VX`, place: 'Bắc Giang', date: `0${n}/03/2024`, body })) });
  const mistyped = 'Thực hiện Nghị định số 75/2021/NĐ-CP ngày 24/7/2023 của Chính phủ về trợ cấp.';
  const right = 'Thực hiện Nghị định số 75/2021/NĐ-CP ngày 24/7/2021 của Chính phủ về trợ cấp.';

  it('a citation dated in another year reaches the document of its number, which keeps a date of its own year', () => {
    // the mistyped citation first: it must neither make a 2023 node nor date the decree 2023
    for (const order of [[mistyped, right], [right, mistyped]]) {
      const s = store();
      order.forEach((body, k) => cite(s, k + 1, body));
      const check = () => {
        expect(s.find('75/2021/NĐ-CP').map((d) => [d.id, d.year, d.date])).toEqual([['75-2021-nd-cp', 2021, '2021-07-24']]);
        for (const k of [1, 2]) expect(s.describe(`${k}-ubnd-vx-2024-bac-giang`)!.citations.map((c) => c.target)).toEqual(['75-2021-nd-cp']);
      };
      check();
      s.resolve();
      check();
      s.close();
    }
  });

  it('a document dated in another year than its number is the one its citations name', () => {
    const s = store();
    cite(s, 1, 'Thực hiện Thông tư số 24/2020/TT-BLĐTBXH ngày 30/12/2020 của Bộ Lao động - Thương binh và Xã hội.');
    const circular = 'BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 24/2020/TT-BLĐTBXH\n\nHà Nội, ngày 30 tháng 12 năm 2022\n\nTHÔNG TƯ\n\nSửa đổi, bổ sung một số điều.\n';
    s.ingestFile({ source: 'tt.txt', bytes: enc(circular) });
    expect(s.find('24/2020/TT-BLĐTBXH').map((d) => [d.id, d.year, d.known])).toEqual([['24-2020-tt-bldtbxh', 2020, true]]);
    expect(s.describe('1-ubnd-vx-2024-bac-giang')!.citations.map((c) => c.target)).toEqual(['24-2020-tt-bldtbxh']);
    s.close();
  });

  it('decides, not the year an extraction gave: a mention or a header stored with the year of its mistyped date', () => {
    const s = store();
    // what extraction gave before it took the number's year: the date's
    const stale = (source: string, text: string) => {
      const extraction = extractBytes(enc(text), { source });
      for (const doc of extraction.documents) {
        if (doc.date) doc.year = Number(doc.date.slice(0, 4));
        for (const c of doc.citations) if (c.date) c.year = Number(c.date.slice(0, 4));
      }
      s.ingestFile({ source, bytes: enc(text), extraction });
    };
    stale('1.txt', letter({ number: '1/UBND-VX', place: 'Bắc Giang', date: '01/03/2024', body: mistyped }));
    stale('tt.txt', 'BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 24/2020/TT-BLĐTBXH\n\nHà Nội, ngày 30 tháng 12 năm 2022\n\nTHÔNG TƯ\n\nSửa đổi, bổ sung một số điều.\n');
    cite(s, 2, right);
    cite(s, 3, 'Thực hiện Thông tư số 24/2020/TT-BLĐTBXH ngày 30/12/2020 của Bộ Lao động - Thương binh và Xã hội.');
    s.resolve();
    expect(s.find('75/2021/NĐ-CP').map((d) => [d.id, d.date])).toEqual([['75-2021-nd-cp', '2021-07-24']]);
    expect(s.describe('1-ubnd-vx-2024-bac-giang')!.citations.map((c) => c.target)).toEqual(['75-2021-nd-cp']);
    expect(s.find('24/2020/TT-BLĐTBXH').map((d) => [d.id, d.year, d.known])).toEqual([['24-2020-tt-bldtbxh', 2020, true]]);
    expect(s.describe('3-ubnd-vx-2024-bac-giang')!.citations.map((c) => c.target)).toEqual(['24-2020-tt-bldtbxh']);
    s.close();
  });
});
