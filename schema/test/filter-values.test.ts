import { describe, expect, it } from 'vitest';
import { canonicalFilters, canonicalProvince, canonicalTopic, canonicalTypeFilter, findIssuerLevel } from '../src/index.js';

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
});
