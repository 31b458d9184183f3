import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';

const issuer = (lines: string[]) => {
  const [doc] = extractText(lines.join('\n'), { source: 't' }).documents;
  return [doc.issuer, doc.issuerLevel];
};

describe('the issuer of a text without a header, where it speaks of itself', () => {
  it('follows a purpose clause of several parts held apart by semicolons', () => {
    const opening =
      'Để bảo_đảm chất_lượng văn_bản ; đồng_thời để khắc_phục những tồn_tại , thiếu_sót ; Uỷ_ban_nhân_dân thành_phố yêu_cầu các sở , ngành thực_hiện :';
    expect(issuer(['Chỉ_thị về công_tác kiểm_tra văn_bản', opening, '1 . Các sở'])).toEqual(['UỶ BAN NHÂN DÂN THÀNH PHỐ', 'province']);
  });

  it('is no bare kind of body ("Giám đốc Sở yêu cầu"): the number\'s code names it instead', () => {
    const text = ['Số: 85/SXD-VP', 'Thực hiện Kế hoạch số 9/KH-UBND ngày 01/4/2022 của Ủy ban nhân dân tỉnh, Giám đốc Sở yêu cầu các phòng thực hiện:', '1. Nội dung'];
    expect(issuer(text)).toEqual(['Sở Xây dựng', 'department']);
  });

  it('is the one ministry a text names in full, when it speaks of itself as "Bộ" alone ("Bộ đã trình", "Lãnh đạo Bộ")', () => {
    const report = [
      'Báo_cáo tình_hình thực_hiện nhiệm_vụ tháng 3',
      'Trong tháng , Bộ đã trình Chính_phủ dự_thảo Nghị_định về y_tế cơ_sở .',
      'Thực_hiện Kết_luận của Bộ Chính_trị , ngày 05/3 , Bộ Y_tế đã có công_văn số 12/BYT-KCB gửi các tỉnh .',
      'Lãnh_đạo Bộ đã kiểm_tra các đơn_vị thuộc Bộ .',
    ];
    expect(issuer(report)).toEqual(['BỘ Y TẾ', 'ministry']);
    // two ministries named in full, or one bare mention only, leave it open
    expect(issuer([...report, 'Bộ Tài_chính đã cấp kinh_phí .'])).toEqual([null, null]);
    expect(issuer([report[0], report[1], report[2]])).toEqual([null, null]);
  });
  it('follows a basis clause opening a sentence inside a paragraph ("… 2016- 2020. Căn cứ …; UBND huyện Lục Nam yêu cầu")', () => {
    const text = [
      'Số: 7/UBND-VX',
      'Lục Nam, ngày 26 tháng 3 năm 2015',
      'Vv tăng cường công tác phòng, chống đuối nước',
      'Năm 2015 là năm cuối thực hiện Kế hoạch giai đoạn 2011- 2015. Căn cứ công văn số 5/SLĐTBXH-BVCSTE ngày 10/3/2015 của Sở Lao động TB&XH tỉnh Bắc Giang về việc hướng dẫn công tác bảo vệ, chăm sóc trẻ em năm 2015; UBND huyện Lục Nam yêu cầu UBND các xã, thị trấn thực hiện:',
      '1. Nội dung',
    ];
    expect(issuer(text)).toEqual(['UBND HUYỆN LỤC NAM', 'district']);
    // the issuer the basis clause cites ("của Sở … hướng dẫn") is not the one speaking
    expect(issuer([...text.slice(0, 3), 'Căn cứ công văn số 5/SLĐTBXH-BVCSTE của Sở Lao động TB&XH tỉnh Bắc Giang hướng dẫn công tác năm 2015.', '1. Nội dung'])).toEqual(['Ủy ban nhân dân', 'district']);
  });
});
