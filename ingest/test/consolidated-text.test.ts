import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';

describe('header: a consolidated text', () => {
  it('is a Văn bản hợp nhất, though it repeats the title of the decree it consolidates', () => {
    const text = [
      'BỘ Y TẾ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/VBHN-BYT',
      'Hà Nội, ngày 05 tháng 3 năm 2024',
      '',
      'NGHỊ ĐỊNH',
      '',
      'QUY ĐỊNH VỀ PHÒNG, CHỐNG ĐUỐI NƯỚC',
      '',
      'Nghị định số 20/2021/NĐ-CP ngày 01 tháng 3 năm 2021 của Chính phủ, được sửa đổi, bổ sung bởi Nghị định số 30/2023/NĐ-CP.',
    ].join('\n');
    const [doc] = extractText(text, { source: 'vbhn.txt' }).documents;
    expect([doc.number, doc.typeCode, doc.type]).toEqual(['12/VBHN-BYT', 'VBHN', 'Văn bản hợp nhất']);
  });
});
