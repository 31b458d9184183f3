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
    // the office acting for the body ("Chủ tịch UBND tỉnh") and the body's name spelled out name one body
    expect(
      issuers('Thực hiện Công văn số 7/UBND-VX ngày 01/3/2022 của Chủ tịch UBND tỉnh về phòng, chống đuối nước. Công văn số 7/UBND-VX ngày 01/3/2022 của Ủy ban nhân dân tỉnh Cà Mau yêu cầu. Công văn số 7/UBND-VX ngày 01/3/2022 nêu rõ.')[2],
    ).toBe('7/UBND-VX Chủ tịch UBND tỉnh');
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

describe('issuer as the subject of the clause introducing the citation', () => {
  it('"<issuer> (đã) ban hành / có / ký <citation>", after a date or at the start of the sentence', () => {
    expect(issuers('Ngày 14/3/2023, Ủy ban nhân dân tỉnh Lạng Sơn đã ban hành Kế hoạch số 57/KH-UBND về phòng, chống đuối nước cho trẻ em.')).toEqual([
      '57/KH-UBND Ủy ban nhân dân tỉnh Lạng Sơn',
    ]);
    expect(issuers('Tỉnh ủy Nam Định ban hành Kế hoạch số 63-KH/TU ngày 02/3/2021 về công tác trẻ em.')).toEqual(['63-KH/TU Tỉnh ủy Nam Định']);
    expect(issuers('Ngày 10 tháng 6 năm 2021 Bộ Y tế đã ban hành Thông tư số 9/2021/TT-BYT hướng dẫn phòng bệnh.')).toEqual(['9/2021/TT-BYT Bộ Y tế']);
    // a type word inside the body's name is no document
    expect(issuers('Sở Kế hoạch và Đầu tư đã có Công văn số 230/SKHĐT-TH ngày 05/5/2022 gửi các huyện.')).toEqual(['230/SKHĐT-TH Sở Kế hoạch và Đầu tư']);
  });

  it('reaches the list the subject introduces, and the next clause has its own subject', () => {
    expect(issuers('UBND huyện đã ban hành Kế hoạch số 15/KH-UBND và Kế hoạch số 16/KH-UBND ngày 09/01/2024 về phòng, chống dịch bệnh.')).toEqual([
      '15/KH-UBND UBND huyện',
      '16/KH-UBND UBND huyện',
    ]);
    expect(issuers('Thực hiện Kế hoạch số 71/KH-UBND ngày 02/02/2022 của UBND tỉnh, Sở Y tế đã xây dựng Kế hoạch số 48/KH-SYT ngày 20/02/2022.')).toEqual([
      '71/KH-UBND UBND tỉnh',
      '48/KH-SYT Sở Y tế',
    ]);
  });

  it('not when the subject is someone else than the issuer alone', () => {
    expect(
      issuers(
        'Sở Y tế tham mưu UBND tỉnh ban hành Quyết định số 12/QĐ-UBND ngày 01/02/2020. Phòng Giáo dục triển khai Công văn số 13/UBND-VX ngày 03/02/2020. Bộ Y tế, Bộ Tài chính ban hành Thông tư liên tịch số 3/2019/TTLT-BYT-BTC. Bộ Y tế đã có Công văn số 14/BYT-KH ngày 04/02/2020.',
      ),
    ).toEqual(['12/QĐ-UBND null', '13/UBND-VX null', '3/2019/TTLT-BYT-BTC null', '14/BYT-KH Bộ Y tế']);
  });
});

describe('issuer phrase after the number', () => {
  it('ends before "như sau"', () => {
    expect(issuers('UBND huyện báo cáo kết quả thực hiện Kế hoạch số 120/KH-UBND ngày 19/4/2019 của UBND tỉnh như sau:')).toEqual(['120/KH-UBND UBND tỉnh']);
  });
});

describe('issuer phrase with an abbreviation joined by "&"', () => {
  it('"Sở Lao động - TB&XH" is one name: its "TB" is no type word (Thông báo) ending the phrase', () => {
    expect(issuers('Thực hiện Kế hoạch số 45/KH-SLĐTBXH ngày 02/3/2021 của Sở Lao động - TB&XH tỉnh Nghệ An về phòng, chống đuối nước.')).toEqual([
      '45/KH-SLĐTBXH Sở Lao động - TB&XH tỉnh Nghệ An',
    ]);
  });

  it('keeps "luật" in a committee\'s name, and leaves the comma closing the clause out', () => {
    expect(issuers('Xét Báo cáo thẩm tra số 445/BC-UBPLTP15 ngày 03 tháng 6 năm 2025 của Ủy ban Pháp luật và Tư\npháp,\n\nQUYẾT NGHỊ:')).toEqual([
      '445/BC-UBPLTP15 Ủy ban Pháp luật và Tư pháp',
    ]);
  });
});
