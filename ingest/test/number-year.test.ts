import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';

const extract = (text: string) => extractText(text, { source: 't' }).documents[0];

// DESIGN.md "Identity": the year inside a normative number names the document; a date written
// beside it in another year is a typo, kept as written and reported, never a second document.
describe('the year inside a number', () => {
  it("is a citation's year, whatever year its date says; the date stays as written, with a warning", () => {
    const doc = extract(
      'Thực hiện Nghị định số 75/2021/NĐ-CP ngày 24/7/2023 của Chính phủ quy định mức hưởng trợ cấp.\nCác chế độ theo Nghị định số 75/2021/NĐ-CP ngày 24/7/2021 của Chính phủ.',
    );
    expect(doc.citations.map((c) => [c.number, c.year, c.date])).toEqual([
      ['75/2021/NĐ-CP', 2021, '2023-07-24'],
      ['75/2021/NĐ-CP', 2021, '2021-07-24'],
    ]);
    const warnings = doc.messages.filter((m) => m.ruleId.startsWith('citations:'));
    expect(warnings.map((m) => [m.ruleId, m.severity, m.line])).toEqual([['citations:date-contradicts-number', 'warning', 1]]);
  });

  it('joins a mistyped mention to the others of its number in the document: one identity, one issuer', () => {
    const doc = extract('Căn cứ Thông tư số 156/2013/TT-BTC ngày 06/11/2015 của Bộ Tài chính; hồ sơ khai bổ sung theo mẫu kèm theo Thông tư số 156/2013/TT-BTC.');
    expect(doc.citations.map((c) => [c.year, c.issuer])).toEqual([
      [2013, 'Bộ Tài chính'],
      [2013, 'Bộ Tài chính'],
    ]);
  });

  it("gives a list member the year of the list's date, not the year inside the number that date follows", () => {
    const doc = extract('Thực hiện Kế hoạch số 12/KH-UBND và Quyết định số 13/2020/QĐ-UBND ngày 15/01/2021 của UBND tỉnh.');
    expect(doc.citations.map((c) => [c.number, c.year, c.date])).toEqual([
      ['12/KH-UBND', 2021, '2021-01-15'],
      ['13/2020/QĐ-UBND', 2020, '2021-01-15'],
    ]);
  });

  it("is a document's own year, whatever year its date line says", () => {
    const doc = extract('BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n\nSố: 24/2020/TT-BLĐTBXH\n\nHà Nội, ngày 30 tháng 12 năm 2022\n\nTHÔNG TƯ\n\nSửa đổi, bổ sung một số điều.');
    expect([doc.number, doc.year, doc.date]).toEqual(['24/2020/TT-BLĐTBXH', 2020, '2022-12-30']);
    expect(doc.messages.map((m) => m.ruleId)).toContain('header:date-contradicts-number');
  });

  it('leaves the year of a number without one to its date', () => {
    const doc = extract('Số: 12/UBND-VX\n\nBắc Giang, ngày 05 tháng 3 năm 2021\n\nThực hiện Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ.');
    expect(doc.year).toBe(2021);
    expect(doc.citations.map((c) => c.year)).toEqual([2019]);
    expect(doc.messages).toEqual([]);
  });
});
