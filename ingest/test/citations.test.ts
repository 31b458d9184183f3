import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';

/** Citations of a one-document text, as `number year relation`. */
function cites(text: string, markdown = false): string[] {
  const [doc] = extractText(text, { source: 'test', markdown }).documents;
  return doc.citations.map((c) => `${c.number} ${c.year} ${c.relation}`);
}

describe('citation forms', () => {
  it.each([
    ['state', 'Thực hiện Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ.', '1863/QĐ-TTg 2019 IMPLEMENTS'],
    ['normative with year', 'Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ;', '56/2017/NĐ-CP 2017 BASED_ON'],
    ['joint circular', 'Căn cứ Thông tư liên tịch số 01/2017/TTLT-A-B-C;', '01/2017/TTLT-A-B-C 2017 BASED_ON'],
    ['party', 'Quán triệt Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.', '20-CT/TW 2012 IMPLEMENTS'],
    ['party with a space', 'Công văn số 2868 -CV/TU ngày 07/5/2019 của Tỉnh ủy.', '2868-CV/TU 2019 CITES'],
    ['abbreviated type', 'Triển khai QĐ 1863/QĐ-TTg ngày 23/12/2019.', '1863/QĐ-TTg 2019 IMPLEMENTS'],
    ['abbreviated party', 'Thực hiện CT số 20-CT/TW ngày 5/11/2012.', '20-CT/TW 2012 IMPLEMENTS'],
    ['spaced', 'Thực hiện Quyết định số 1863 / QĐ-TTg ngày 23 / 12 / 2019.', '1863/QĐ-TTg 2019 IMPLEMENTS'],
    ['date in words', 'Thực hiện Kế hoạch số 959/KH-UBND ngày 01 tháng 4 năm 2022 của UBND tỉnh.', '959/KH-UBND 2022 IMPLEMENTS'],
    ['lower case', 'căn cứ nghị định số 77/2008/nđ-cp ngày 16/7/2008 của chính phủ;', '77/2008/NĐ-CP 2008 BASED_ON'],
    ['word-segmented', 'Căn_cứ Quyết_định số 167/2008/QĐ-TTg ngày 12/12/2008 của Thủ_tướng Chính_phủ ;', '167/2008/QĐ-TTg 2008 BASED_ON'],
    ['mixed-case code', 'Thực hiện Chương trình số 51-CTr/TU ngày 09/02/2018.', '51-CTr/TU 2018 IMPLEMENTS'],
    ['ampersand and space in code', 'Căn cứ công văn số 813/LĐT B&XH-BVCSTE ngày 10/3/2015 của Sở;', '813/LĐTBXH-BVCSTE 2015 BASED_ON'],
  ])('%s', (_name, text, expected) => {
    expect(cites(text)).toEqual([expected]);
  });

  it('reads NFD text and U+00D0 as Đ', () => {
    expect(cites('Thực hiện Quyết định số 1863/QĐ-TTg ngày 23/12/2019.'.normalize('NFD'))).toEqual(['1863/QĐ-TTg 2019 IMPLEMENTS']);
    expect(cites('Thực hiện Quyết định số 1863/Q\u00d0-TTg ngày 23/12/2019.')).toEqual(['1863/QĐ-TTg 2019 IMPLEMENTS']);
  });

  it('joins the capitals of a code a conversion spaced apart after a separator', () => {
    const numbers = (text: string) => extractText(text, { source: 't' }).documents[0].citations.map((c) => c.number);
    expect(numbers('Thực hiện Quyết định số 45/QĐ-U B ND ngày 03/4/2015 của UBND tỉnh.')).toEqual(['45/QĐ-UBND']);
    expect(numbers('Thực hiện Nghị quyết số 9/NQ - H Đ ND, các đơn vị báo cáo.')).toEqual(['9/NQ-HĐND']);
    expect(numbers('Theo Kế hoạch số 7/KH-B C Đ ngày 05/3/2020.')).toEqual(['7/KH-BCĐ']);
    expect(numbers('Quán triệt Chỉ thị số 20-CT/T W Về việc tăng cường.')).toEqual(['20-CT/TW']);
  });

  it('joins no word after a whole code, nor the first letter of a syllable cut off', () => {
    const numbers = (text: string) => extractText(text, { source: 't' }).documents[0].citations.map((c) => c.number);
    expect(numbers('Quán triệt Chỉ thị số 20-CT/TW Về việc tăng cường.')).toEqual(['20-CT/TW']);
    expect(numbers('Thực hiện Quyết định số 12/QĐ-UBND A. Mục tiêu chung')).toEqual(['12/QĐ-UBND']);
    expect(numbers('Thực hiện Công văn số 12/UBND-VP V/v báo cáo.')).toEqual(['12/UBND-VP']);
    // "T hành", "Đ ồng": a consonant that starts the next syllable, not a letter of the code
    expect(numbers('Theo Kế hoạch số 5/KH-U B T hành phố giao.')).toEqual(['5/KH-UB']);
    expect(numbers('Theo Kế hoạch số 5/KH-U B Đ ồng Nai giao.')).toEqual(['5/KH-UB']);
    // a capital followed by a separator belongs to what follows ("V/v")
    expect(numbers('Thực hiện Công văn số 3/UBND-T U V/v báo cáo.')).toEqual(['3/UBND-TU']);
  });

  it('joins a number split across lines or markdown markers', () => {
    expect(cites('Triển khai Báo cáo số 51/BC-\nĐGS, ngày 05/12/2019 của Ủy ban Thường vụ Quốc hội.')).toEqual(['51/BC-ĐGS 2019 IMPLEMENTS']);
    expect(cites('Thực hiện Quyết định số 1863/QĐ-**TTg** ngày 23/12/2019.', true)).toEqual(['1863/QĐ-TTg 2019 IMPLEMENTS']);
  });

  describe('a footnote marker glued to a code (PDF text drops the superscript)', () => {
    const found = (text: string) => extractText(text, { source: 't' }).documents[0].citations.filter((c) => c.kind === 'full');

    it('is not part of an issuer code that never takes digits', () => {
      const text =
        'Thực hiện Nghị quyết số 66-NQ/TW1 ngày 30/4/2025 của Bộ Chính trị; Nghị quyết số 140/NQ-CP12 của Chính phủ; ' +
        'Căn cứ Luật số 72/2025/QH15, Nghị quyết số 1654/NQ-UBTVQH15 và Nghị quyết số 22/NQ-HĐND8;';
      expect(found(text).map((c) => [c.number, c.date, c.issuer])).toEqual([
        ['66-NQ/TW', '2025-04-30', 'Bộ Chính trị'],
        ['140/NQ-CP', null, 'Chính phủ'],
        ['72/2025/QH15', null, null],
        ['1654/NQ-UBTVQH15', null, null],
        ['22/NQ-HĐND8', null, null],
      ]);
    });

    it('ends the span before the marker', () => {
      const [c] = found('Căn cứ Nghị định số 09/2026/NĐ-\nCP4 \n14 Xây dựng cơ sở dữ liệu');
      expect([c.number, c.raw]).toEqual(['09/2026/NĐ-CP', 'Nghị định số 09/2026/NĐ-\nCP']);
    });

    it('is read after any other code when the footnote below repeats the number', () => {
      const text =
        'Thực hiện Chương trình số 12-\nCTr/BCĐ3 \nvà Kế hoạch số 5/KH-BCĐ35, Kế hoạch số 7/KH-BCĐ38 \ncác bộ triển khai.\n' +
        '3 Chương trình số 12-CTr/BCĐ ngày 30/12/2025 của Ban Chỉ đạo.\n38 Kế hoạch số 7/KH-BCĐ38 ngày 02/01/2026.';
      expect(found(text).map((c) => c.number)).toEqual(['12-CTr/BCĐ', '5/KH-BCĐ35', '7/KH-BCĐ38', '12-CTr/BCĐ', '7/KH-BCĐ38']);
    });
  });

  it('gives a list under one type word and one date to every member', () => {
    expect(cites('Thực hiện các Kế hoạch số 12/KH-UBND, số 13/KH-UBND ngày 15/01/2020 của UBND tỉnh.')).toEqual([
      '12/KH-UBND 2020 IMPLEMENTS',
      '13/KH-UBND 2020 IMPLEMENTS',
    ]);
  });

  it('is never a date, ratio, period, phone number or 24/7', () => {
    const text =
      'Ngày 23/12/2019 và ngày 01/6, 12/15 xã đạt chuẩn; giai đoạn 2016-2020, niên khóa 2011-12; gọi 111 hoặc 18001567; trực 24/7. Mẫu số 01/GTGT. CÔNG BÁO/Số 302/Ngày 02-06-2026';
    expect(cites(text)).toEqual([]);
  });

  it('records the issuer phrase and the pinpoint', () => {
    const [doc] = extractText('Theo quy định tại khoản 2 Điều 5 Nghị định số 56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ về chăm sóc trẻ em.', { source: 't' }).documents;
    expect(doc.citations[0]).toMatchObject({ issuer: 'Chính phủ', pin: 'khoản 2 Điều 5', type: 'Nghị định', typeCode: 'NĐ' });
  });

  it('links short and anaphoric references to the full citation', () => {
    const [doc] = extractText(
      'Thực hiện Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ. Các đơn vị báo cáo kết quả thực hiện Quyết định 1863 và Quyết định nêu trên trước ngày 30/6.',
      { source: 't' },
    ).documents;
    expect(doc.citations.map((c) => [c.kind, c.number, c.year, c.refersTo])).toEqual([
      ['full', '1863/QĐ-TTg', 2019, null],
      ['short', '1863/QĐ-TTg', 2019, 0],
      ['anaphoric', '1863/QĐ-TTg', 2019, 0],
    ]);
  });

  it('does not count the document\'s own number', () => {
    const [doc] = extractText('Số: 851/SXD-VP\n\nBình Thuận, ngày 05 tháng 4 năm 2022\n\nThực hiện Kế hoạch số 959/KH-UBND ngày 01/4/2022.', { source: 't' }).documents;
    expect(doc.number).toBe('851/SXD-VP');
    expect(doc.citations.map((c) => c.number)).toEqual(['959/KH-UBND']);
  });
});
