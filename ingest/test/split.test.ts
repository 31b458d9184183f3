import { describe, expect, it } from 'vitest';
import { extractText, splitDocuments } from '../src/index.js';

/** Where each document of `text` starts, with its first line to read a failure by. */
const starts = (text: string): string[] => splitDocuments(text).map((s) => text.slice(s.start, text.indexOf('\n', s.start)));

// Synthetic fixtures, laid out as the PDF conversions of the gazette lay them out: one field a line.
const decision = `BỘ GIÁO DỤC VÀ ĐÀO TẠO
Số: 512/QĐ-BGDĐT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 05 tháng 3 năm 2024
QUYẾT ĐỊNH
Công bố danh mục văn bản quy phạm pháp luật còn hiệu lực
BỘ TRƯỞNG BỘ GIÁO DỤC VÀ ĐÀO TẠO
Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Công bố danh mục văn bản còn hiệu lực kèm theo Quyết định này.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Lưu: VT, PC.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Phạm Văn Cường
`;

// The annex repeats the issuer block and the quốc hiệu but has no "Số:" line: the "Số …" lines
// close below it are cells of its table.
const annex = `BỘ GIÁO DỤC VÀ ĐÀO TẠO
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
DANH MỤC
Văn bản quy phạm pháp luật còn hiệu lực thuộc lĩnh vực quản lý của Bộ
(Ban hành kèm theo Quyết định số 512/QĐ-BGDĐT ngày 05 tháng 3 năm 2024)
TT
Tên loại văn bản
Số, ký hiệu; ngày, tháng, năm ban hành
Trích yếu nội dung
1
Luật
Số 74/2014/QH13
ngày 27/11/2014
Luật Giáo dục nghề nghiệp
2
Nghị định
Số 15/2019/NĐ-CP
ngày 01/02/2019
Quy định chi tiết một số điều của Luật Giáo dục nghề nghiệp
`;

const implementingLetter = `SỞ GIÁO DỤC VÀ ĐÀO TẠO
TỈNH BẮC GIANG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 88/SGDĐT-VP
Bắc Giang, ngày 20 tháng 3 năm 2024
V/v triển khai Quyết định số 512/QĐ-BGDĐT
Kính gửi: Phòng Giáo dục và Đào tạo các huyện, thành phố.
Thực hiện Quyết định số 512/QĐ-BGDĐT ngày 05/3/2024 của Bộ Giáo dục và Đào tạo, Sở đề nghị các đơn vị rà soát văn bản./.
Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Lê Văn Dũng
`;

// A letter so short that its signature and "Nơi nhận" come within 200 characters of its quốc hiệu.
const shortLetter = `ỦY BAN NHÂN DÂN
HUYỆN LỤC NAM
Số: 279/UBND-VP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lục Nam, ngày 10 tháng 3 năm 2015
Kính gửi: UBND các xã, thị trấn.
Đề nghị báo cáo trước ngày 20/3/2015./.
KT. CHỦ TỊCH
Nơi nhận:
- Như trên;
- Lưu: VT.
PHÓ CHỦ TỊCH
Nguyễn Văn An
`;

// A Party letter: its number and a subject wrapped over two lines come before the quốc hiệu.
const partyLetter = `HUYỆN ỦY LỤC NAM
*
Số 15-CV/HU
V/v triển khai công tác
bảo vệ trẻ em năm 2015

ĐẢNG CỘNG SẢN VIỆT NAM
Lục Nam, ngày 12 tháng 3 năm 2015

Kính gửi: Các chi bộ, đảng bộ trực thuộc.

Ban Thường vụ Huyện ủy đề nghị các chi bộ, đảng bộ triển khai kế hoạch năm 2015./.

Nơi nhận:
- Như trên;
- Lưu VPHU.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Thị Bình
`;

describe('splitDocuments', () => {
  it('keeps an annex whose table lists numbers ("Số 74/2014/QH13") with its decision', () => {
    const text = decision + annex + implementingLetter;
    expect(starts(text)).toEqual(['BỘ GIÁO DỤC VÀ ĐÀO TẠO', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO']);
    expect(splitDocuments(text)[1].start).toBe((decision + annex).length);
    expect(extractText(text, { source: 'decision.txt' }).documents.map((d) => d.number)).toEqual(['512/QĐ-BGDĐT', '88/SGDĐT-VP']);
  });

  it('splits after a letter whose signature comes within 200 characters of its quốc hiệu', () => {
    const text = `${shortLetter}\n${partyLetter}`;
    expect(text.indexOf('Nơi nhận') - text.indexOf('CỘNG HÒA')).toBeLessThan(200);
    expect(starts(text)).toEqual(['ỦY BAN NHÂN DÂN', 'HUYỆN ỦY LỤC NAM']);
    expect(extractText(text, { source: 'letters.txt' }).documents.map((d) => d.number)).toEqual(['279/UBND-VP', '15-CV/HU']);
  });

  it('keeps a form an annex prints under "Mẫu số", with its blank "Số:", in the document; a draft forwarded by a letter still splits', () => {
    const form = (label: string) => `${label}\n\nUBND TỈNH, (TP)...... -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: /QĐ-UBND\n......., ngày ... tháng ... năm ......\nQUYẾT ĐỊNH\nVề việc trợ cấp một lần\nĐiều 1. Giải quyết trợ cấp cho ông (bà) ...\nNơi nhận:\n- Như Điều 1;\nCHỦ TỊCH\n\n`;
    const text = decision + form('Mẫu số 09') + form('MẪU SỐ 10');
    expect(starts(text)).toEqual(['BỘ GIÁO DỤC VÀ ĐÀO TẠO']);
    expect(extractText(text, { source: 'forms.txt' }).documents.map((d) => d.number)).toEqual(['512/QĐ-BGDĐT']);
    // the same header without the label is a draft of its own
    expect(starts(decision + form('Phụ lục'))).toHaveLength(2);
  });
});
