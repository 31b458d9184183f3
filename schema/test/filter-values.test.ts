import { describe, expect, it } from 'vitest';
import { canonicalFilters, canonicalProvince, canonicalTopic, canonicalTypeFilter, documentTypes, findIssuerLevel, findProvinceName, findTopicLabel, findTypeCode, topics } from '../src/index.js';

describe('filter values typed by staff', () => {
  it('map provinces, types and topics written without diacritics to their stored form', () => {
    expect(canonicalProvince('bac giang')).toBe('Bắc Giang');
    expect(canonicalProvince('Thành phố Hồ Chí Minh')).toBe('Hồ Chí Minh');
    expect(canonicalTypeFilter('qd')).toBe('QĐ');
    expect(canonicalTypeFilter('Quyet dinh')).toBe('QĐ');
    expect(canonicalTypeFilter('chi thi')).toBe('CT');
    expect(canonicalTopic('Tong dai 111')).toBe('Tổng đài 111');
    expect(canonicalTopic('thang-hanh-dong')).toBe('Tháng hành động vì trẻ em');
    expect(findIssuerLevel('cap huyen')).toBe('district');
    expect(findIssuerLevel('Department')).toBe('department');
    expect(findIssuerLevel('tỉnh ủy')).toBeUndefined();
  });

  it('keep a value that names nothing as typed, and leave other filters alone', () => {
    expect(canonicalProvince('Atlantis')).toBe('Atlantis');
    expect(canonicalTypeFilter('XYZ')).toBe('XYZ');
    expect(canonicalFilters({ yearFrom: 2019, issuerLevel: 'province', province: '' })).toEqual({ yearFrom: 2019, issuerLevel: 'province', province: '' });
    expect(canonicalFilters({ province: 'ha noi', type: 'ke hoach', topic: 'dat dai' })).toEqual({ province: 'Hà Nội', type: 'KH', topic: 'đất đai' });
  });

  it('find every stored code and label, codes that differ only by đ included (HD/HĐ, ĐA/DA)', () => {
    for (const t of documentTypes) expect(findTypeCode(t.code)).toBe(t.code);
    for (const t of topics) expect(findTopicLabel(t.label)).toBe(t.label);
    expect(findTypeCode('huong dan')).toBe('HD');
    expect(findTypeCode('de an')).toBe('ĐA');
    expect(findTypeCode('xyz')).toBeUndefined();
    expect(findTopicLabel('xyz')).toBeUndefined();
  });

  it('find a province written run together, as in "Hanoi" or "Daklak", but not a part of a name', () => {
    expect(findProvinceName('Hanoi')).toBe('Hà Nội');
    expect(findProvinceName('Daklak')).toBe('Đắk Lắk');
    expect(findProvinceName('Saigon')).toBe('Hồ Chí Minh');
    expect(findProvinceName('TP.HCM')).toBe('Hồ Chí Minh');
    expect(findProvinceName('Hà')).toBeUndefined();
    expect(findProvinceName('Xanadu')).toBeUndefined();
  });
});
