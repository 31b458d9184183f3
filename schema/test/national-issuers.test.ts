import { describe, expect, it } from 'vitest';
import { citedJurisdiction, nationalLevelOfIssuerPhrase } from '../src/index.js';

describe('national issuer phrases', () => {
  it('name the level of the national body a phrase starts with', () => {
    expect(nationalLevelOfIssuerPhrase('Bộ Chính trị')).toBe('party-central');
    expect(nationalLevelOfIssuerPhrase('Ban Chỉ đạo 35 Trung ương')).toBe('party-central');
    expect(nationalLevelOfIssuerPhrase('Ủy ban Thường vụ Quốc hội')).toBe('national-assembly');
    expect(nationalLevelOfIssuerPhrase('Ban Chỉ đạo quốc gia về phòng, chống thiên tai')).toBe('government');
    expect(nationalLevelOfIssuerPhrase('Bộ Y tế')).toBe('ministry');
    expect(nationalLevelOfIssuerPhrase('Viện kiểm sát nhân dân tối cao')).toBe('ministry');
    expect(nationalLevelOfIssuerPhrase('UBND tỉnh Bắc Giang')).toBeUndefined();
    expect(nationalLevelOfIssuerPhrase('Sở Y tế')).toBeUndefined();
  });

  it('place a cited document nationally whatever its code', () => {
    const citing = { province: 'Bắc Giang', district: null, issuerLevel: 'province' as const };
    expect(citedJurisdiction({ issuerCode: null, issuer: 'Kiểm toán Nhà nước' }, citing)).toEqual({ jurisdiction: '', source: 'issuer-phrase' });
    expect(citedJurisdiction({ issuerCode: null, issuer: 'Sở Tài chính' }, citing)).toEqual({ jurisdiction: 'Bắc Giang', source: 'citing-document' });
  });
});
