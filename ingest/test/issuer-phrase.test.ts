import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';

/** Citations of a one-document text, as `number issuer`. */
function issuers(text: string): string[] {
  const [doc] = extractText(text, { source: 'test' }).documents;
  return doc.citations.map((c) => `${c.number} ${c.issuer}`);
}

describe('issuer phrase written before the number', () => {
  it('"của <issuer> tại <citation>"', () => {
    expect(issuers('Thực hiện ý kiến chỉ đạo của UBND tỉnh Hà Giang tại Công văn số 321/UBND-KT ngày 04/5/2021, Phòng Kinh tế báo cáo như sau.')).toEqual([
      '321/UBND-KT UBND tỉnh Hà Giang',
    ]);
    expect(issuers('Xét đề nghị của Giám đốc Sở Y tế tại Tờ trình số 88/SYT-KHTC ngày 12/3/2020.')).toEqual(['88/SYT-KHTC Giám đốc Sở Y tế']);
  });

  it('"các Quyết định của <issuer>: Số …; số …" gives every item of the list the issuer', () => {
    expect(
      issuers('Căn cứ các Quyết định của Bộ trưởng Bộ Nội vụ: Số 12/QĐ-BNV ngày 02/01/2019 về việc giao chỉ tiêu, biên chế năm 2019; số 40/QĐ-BNV ngày 11/02/2020 về việc điều chỉnh.'),
    ).toEqual(['12/QĐ-BNV Bộ trưởng Bộ Nội vụ', '40/QĐ-BNV Bộ trưởng Bộ Nội vụ']);
  });

  it('the phrase after the number wins, and a phrase of another clause is not taken', () => {
    expect(issuers('Theo đề nghị của Sở Tài chính tại Công văn số 77/STC-NS ngày 01/6/2022 của Sở Tài chính tỉnh Hà Nam.')).toEqual(['77/STC-NS Sở Tài chính tỉnh Hà Nam']);
    expect(issuers('Căn cứ Luật số 10/2015/QH13 của Quốc hội; Căn cứ Kế hoạch số 15/KH-UBND ngày 02/02/2021.')).toEqual(['10/2015/QH13 Quốc hội', '15/KH-UBND null']);
  });
});

describe('issuer phrase shared', () => {
  it('by a list written under one phrase', () => {
    expect(issuers('Thực hiện các Kế hoạch số 21/KH-UBND, số 22/KH-UBND ngày 03/3/2023 của UBND tỉnh Phú Yên.')).toEqual([
      '21/KH-UBND UBND tỉnh Phú Yên',
      '22/KH-UBND UBND tỉnh Phú Yên',
    ]);
  });

  it('with the same number cited elsewhere in the document, when the phrases agree', () => {
    expect(
      issuers('V/v triển khai Công văn số 450/UBND-VX ngày 05/4/2022\n\nThực hiện Công văn số 450/UBND-VX ngày 05/4/2022 của Ủy ban nhân dân tỉnh Cà Mau, Phòng Văn hóa đề nghị như sau.'),
    ).toEqual(['450/UBND-VX Ủy ban nhân dân tỉnh Cà Mau', '450/UBND-VX Ủy ban nhân dân tỉnh Cà Mau']);
    // one body spelled shorter and longer: the beginning they share
    expect(
      issuers('Thực hiện Công văn số 450/UBND-VX ngày 05/4/2022 của UBND tỉnh Cà Mau về việc phòng, chống đuối nước. Ngày 05/4/2022, UBND tỉnh đã có Công văn số 450/UBND-VX. Công văn số 450/UBND-VX ngày 05/4/2022 của UBND tỉnh về việc tăng cường kiểm tra.'),
    ).toEqual(['450/UBND-VX UBND tỉnh Cà Mau', '450/UBND-VX UBND tỉnh', '450/UBND-VX UBND tỉnh']);
    // two bodies: no guess
    expect(issuers('Thực hiện Công văn số 9/UBND-VX ngày 01/02/2022 của UBND tỉnh Cà Mau và Công văn số 9/UBND-VX ngày 01/02/2022 của UBND huyện Năm Căn; Công văn số 9/UBND-VX ngày 01/02/2022 nêu.')[2]).toBe(
      '9/UBND-VX null',
    );
  });

  it('ends at a comma before the subject of the citing clause', () => {
    expect(issuers('Thực hiện Kế hoạch số 31/KH-UBND ngày 02/02/2024 của Ủy ban nhân dân tỉnh, UBND huyện đề nghị các cơ quan thực hiện.')).toEqual([
      '31/KH-UBND Ủy ban nhân dân tỉnh',
    ]);
  });
});
