import { describe, expect, it } from 'vitest';
import {
  findDistricts,
  findProvince,
  provinceAfter2025,
  provinceNamePattern,
  provinces34,
  provinces63,
} from '../src/gazetteer.js';

describe('gazetteer data', () => {
  it('has 63 old and 34 new provinces with unique codes', () => {
    expect(provinces63).toHaveLength(63);
    expect(provinces34).toHaveLength(34);
    expect(new Set(provinces63.map((p) => p.code)).size).toBe(63);
    expect(new Set(provinces34.map((p) => p.code)).size).toBe(34);
    expect(provinces63.flatMap((p) => p.districts)).toHaveLength(696);
  });

  it('stores NFC names with one tone placement', () => {
    const names = provinces63.flatMap((p) => [p.name, p.fullName, ...p.districts.map((d) => d.name)]);
    for (const n of names) expect(n).toBe(n.normalize('NFC'));
    expect(names).toContain('Hòa Bình');
    expect(names).not.toContain('Hoà Bình');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(provinces63)).toBe(true);
    expect(Object.isFrozen(provinces63[0].districts[0])).toBe(true);
  });
});

describe('findProvince', () => {
  it.each([
    ['Bắc Giang', 'Bắc Giang'],
    ['Tỉnh Bắc Giang', 'Bắc Giang'],
    ['TỈNH ĐẮK LẮK', 'Đắk Lắk'],
    ['Đắk Lắk', 'Đắk Lắk'],
    ['Dak Lak', 'Đắk Lắk'],
    ['Thừa Thiên - Huế', 'Thừa Thiên Huế'],
    ['Thừa Thiên Huế', 'Thừa Thiên Huế'],
    ['Thành phố Huế', 'Thừa Thiên Huế'],
    ['TP. Hồ Chí Minh', 'Hồ Chí Minh'],
    ['TP Hồ Chí Minh', 'Hồ Chí Minh'],
    ['Thành phố Hồ Chí Minh', 'Hồ Chí Minh'],
    ['TP.HCM', 'Hồ Chí Minh'],
    ['Sài Gòn', 'Hồ Chí Minh'],
    ['Khánh Hoà', 'Khánh Hòa'],
    ['Khánh Hòa', 'Khánh Hòa'],
    ['Thanh Hoá', 'Thanh Hóa'],
    ['tỉnh Hoà Bình', 'Hòa Bình'],
    ['Bà Rịa – Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['Bà Rịa—Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['Bà Rịa - Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['thành phố hà nội', 'Hà Nội'],
    ['Ðồng Nai', 'Đồng Nai'], // Icelandic eth
  ])('%s -> %s', (input, expected) => {
    expect(findProvince(input)?.name).toBe(expected);
  });

  it('accepts NFD input', () => {
    expect(findProvince('Tỉnh Đắk Lắk'.normalize('NFD'))?.code).toBe('66');
  });

  it('returns full name and kind', () => {
    expect(findProvince('Hà Nội')).toMatchObject({ fullName: 'Thành phố Hà Nội', kind: 'thành phố' });
    expect(findProvince('Bắc Giang')).toMatchObject({ fullName: 'Tỉnh Bắc Giang', kind: 'tỉnh' });
  });

  it('returns undefined for unknown names', () => {
    expect(findProvince('Hà Tây')).toBeUndefined();
    expect(findProvince('Atlantis')).toBeUndefined();
    expect(findProvince('')).toBeUndefined();
    expect(findProvince('Tỉnh')).toBeUndefined();
  });
});

describe('findDistricts', () => {
  it('finds Lục Nam in Bắc Giang', () => {
    const hits = findDistricts('Lục Nam');
    expect(hits).toHaveLength(1);
    expect(hits[0].province.name).toBe('Bắc Giang');
    expect(hits[0].district.kind).toBe('huyện');
    expect(findDistricts('huyện Lục Nam', 'tỉnh Bắc Giang')).toEqual(hits);
  });

  it('returns every Châu Thành and filters by province', () => {
    const all = findDistricts('Châu Thành');
    expect(all.length).toBeGreaterThan(3);
    expect(new Set(all.map((h) => h.province.code)).size).toBe(all.length);
    const inTayNinh = findDistricts('huyện Châu Thành', 'Tây Ninh');
    expect(inTayNinh).toHaveLength(1);
    expect(inTayNinh[0].province.name).toBe('Tây Ninh');
    expect(findDistricts('Châu Thành', 'Hà Nội')).toEqual([]);
    expect(findDistricts('Châu Thành', 'Atlantis')).toEqual([]);
  });

  it('uses the prefix to choose between same-named units', () => {
    const kyAnh = findDistricts('Kỳ Anh');
    expect(kyAnh.map((h) => h.district.kind).sort()).toEqual(['huyện', 'thị xã']);
    expect(findDistricts('thị xã Kỳ Anh').map((h) => h.district.kind)).toEqual(['thị xã']);
    expect(findDistricts('TX. Kỳ Anh').map((h) => h.district.kind)).toEqual(['thị xã']);
  });

  it('handles names that look like prefixes, numbered quận and tone placement', () => {
    expect(findDistricts('Quan Hóa')[0].province.name).toBe('Thanh Hóa');
    expect(findDistricts('huyện Quan Hoá')[0].province.name).toBe('Thanh Hóa');
    expect(findDistricts('Quận 1')[0].province.name).toBe('Hồ Chí Minh');
    expect(findDistricts('TP Thủ Đức')[0].district.kind).toBe('thành phố');
    expect(findDistricts('Phan Rang – Tháp Chàm')[0].province.name).toBe('Ninh Thuận');
  });

  it('folds to ASCII only when that leaves a single name', () => {
    expect(findDistricts('Luc Nam')[0]?.province.name).toBe('Bắc Giang');
    expect(findDistricts('Phu Ninh')).toEqual([]); // Phú Ninh (Quảng Nam) or Phù Ninh (Phú Thọ)
    expect(findDistricts('Phu Ninh', 'Quảng Nam')[0]?.district.name).toBe('Phú Ninh');
    expect(findDistricts('Phù Ninh')[0].province.name).toBe('Phú Thọ');
    expect(findDistricts('Nowhere')).toEqual([]);
  });
});

describe('provinceAfter2025', () => {
  it('follows the 63 -> 34 mapping', () => {
    expect(provinceAfter2025('Bắc Giang')?.name).toBe('Bắc Ninh');
    expect(provinceAfter2025('Tỉnh Bình Dương')?.name).toBe('Hồ Chí Minh');
    expect(provinceAfter2025('Thừa Thiên - Huế')).toMatchObject({ name: 'Huế', fullName: 'Thành phố Huế' });
    expect(provinceAfter2025('Hà Giang')).toMatchObject({ code: '08', name: 'Tuyên Quang', kind: 'tỉnh' });
    expect(provinceAfter2025('Atlantis')).toBeUndefined();
  });

  it('maps every old province to one of the 34', () => {
    for (const p of provinces63) expect(provinceAfter2025(p.name)).toBeDefined();
  });
});

describe('provinceNamePattern', () => {
  it('compiles with and without the u/v flags', () => {
    for (const flags of ['gi', 'giu', 'giv']) expect(() => new RegExp(provinceNamePattern, flags)).not.toThrow();
  });

  it('finds provinces in text, every match resolvable', () => {
    const re = new RegExp(`(?:tỉnh|TP\\.?)\\s*(${provinceNamePattern})`, 'giu');
    const text =
      'UBND tỉnh Hoà Bình; Sở Tài chính TP.HCM; tỉnh Bà Rịa – Vũng Tàu; tỉnh Thừa Thiên - Huế; TP Hà Nội; tỉnh Quảng Nam';
    const found = [...text.matchAll(re)].map((m) => findProvince(m[1])?.name);
    expect(found).toEqual(['Hòa Bình', 'Hồ Chí Minh', 'Bà Rịa - Vũng Tàu', 'Thừa Thiên Huế', 'Hà Nội', 'Quảng Nam']);
  });

  it('prefers the longest name', () => {
    const m = new RegExp(provinceNamePattern).exec('tỉnh Thừa Thiên Huế');
    expect(m?.[0]).toBe('Thừa Thiên Huế');
  });
});
