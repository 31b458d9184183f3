import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';
import { joinSpacedLetters } from '../src/lib/spaced-letters.js';

describe('joinSpacedLetters', () => {
  it('joins a glide final cut off a nucleus that needs a final ("ĐI Ề U", "NGƯỜ I", "CHÂ U")', () => {
    for (const [cut, joined] of [
      ['ĐI Ề U 5', 'ĐIỀU 5'],
      ['Đ I Ề U', 'ĐIỀU'],
      ['NGƯỜ I ĐỨNG ĐẦU, MƯƠ I', 'NGƯỜI ĐỨNG ĐẦU, MƯƠI'],
      ['HUYỆN CHÂ U THÀNH, TÂ Y NINH, QUẦ Y', 'HUYỆN CHÂU THÀNH, TÂY NINH, QUẦY'],
      ['Nguyễn Thị Kiề u', 'Nguyễn Thị Kiều'],
    ]) expect(joinSpacedLetters(cut)).toBe(joined);
  });

  it('joins the u and y of "uyê" when the toned rest is cut off too ("HU Y Ệ N")', () => {
    expect(joinSpacedLetters('ỦY BAN NHÂN DÂN HU Y Ệ N LỤC NAM')).toBe('ỦY BAN NHÂN DÂN HUYỆN LỤC NAM');
    expect(joinSpacedLetters('H U Y Ệ N')).toBe('HUYỆN');
    expect(joinSpacedLetters('QU Y Ế T')).toBe('QUYẾT');
  });

  it('joins a toned u standing alone before a lone y ("Ủ Y BAN", "TH Ủ Y")', () => {
    expect(joinSpacedLetters('Ủ Y  B A N  N H Â N  D Â N')).toBe('ỦY  BAN  NHÂN  DÂN');
    expect(joinSpacedLetters('ĐẢNG Ủ Y, T H Ủ Y')).toBe('ĐẢNG ỦY, THỦY');
  });

  it('joins a final cluster whose letters are spaced apart when no vowel follows it ("Đ Ị N H", "T H À N H  P H Ố")', () => {
    expect(joinSpacedLetters('Q U Y Ế T  Đ Ị N H')).toBe('QUYẾT  ĐỊNH');
    expect(joinSpacedLetters('T H À N H  P H Ố')).toBe('THÀNH  PHỐ');
    // a cluster before a vowel starts the next syllable
    expect(joinSpacedLetters('HỒ C H Í M I NH')).toBe('HỒ CHÍ MINH');
  });

  it('keeps words that only look cut: a lone vowel after a whole syllable, a name in two words', () => {
    for (const line of ['BỘ Y TẾ', 'SỞ LAO ĐỘNG VÀ Y TẾ', 'CHI CỤC THÚ Y', 'QUỐC HỘI KHÓA I', 'LẦN THỨ I', 'QUÝ I', 'KHỐI U', 'ĐỖ THU YẾN', 'NHIỀU Ý KIẾN']) {
      expect(joinSpacedLetters(line)).toBe(line);
    }
  });

  it('lets the header read a district whose letters were spaced apart', () => {
    const text = ['Ủ Y  B A N  N H Â N  D Â N', 'H U Y Ệ N  L Ụ C  N A M', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 12/UBND-VP', 'V/v trồng cây', '', 'Nội dung tại tỉnh Bắc Giang.'].join('\n');
    expect(extractText(text, { source: 't' }).documents[0]).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN HUYỆN LỤC NAM',
      issuerLevel: 'district',
      province: 'Bắc Giang',
      district: 'Lục Nam',
    });
  });
});
