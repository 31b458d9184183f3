import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';

const header = (lines: string[]) => {
  const [d] = extractText(lines.join('\n'), { source: 't' }).documents;
  return { issuer: d.issuer, level: d.issuerLevel, province: d.province, district: d.district };
};

describe('issuer', () => {
  it('reads a numbered urban district from the issuer block alone ("QUẬN 5", "QUẬN ỦY 7", "QUẬN ỦY QUẬN 3")', () => {
    const body = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 40/KH-UBND', '', 'KẾ HOẠCH', 'Về việc trồng cây'];
    expect(header(['ỦY BAN NHÂN DÂN', 'QUẬN 5', ...body])).toEqual({ issuer: 'ỦY BAN NHÂN DÂN QUẬN 5', level: 'district', province: 'Hồ Chí Minh', district: '5' });
    const party = ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 73-KH/QU', '', 'KẾ HOẠCH', 'Về việc trồng cây'];
    expect(header(['THÀNH ỦY HỒ CHÍ MINH', 'QUẬN ỦY 7', ...party])).toMatchObject({ level: 'district', province: 'Hồ Chí Minh', district: '7' });
    expect(header(['THÀNH ỦY HỒ CHÍ MINH', 'QUẬN ỦY QUẬN 3', ...party])).toMatchObject({ level: 'district', province: 'Hồ Chí Minh', district: '3' });
    // a number names no huyện
    expect(header(['ỦY BAN NHÂN DÂN', 'HUYỆN 5', ...body]).district).toBeNull();
  });
});
