import { describe, expect, it } from 'vitest';
import { citedJurisdiction, issuerByCode } from '../src/index.js';

describe('steering committee codes (Ban Chỉ đạo)', () => {
  it('reads BCĐQG and BCĐTW as national, with or without the decision number they are named after', () => {
    expect(issuerByCode('BCĐQG1237')).toMatchObject({ level: 'government', scope: 'national' });
    expect(issuerByCode('BCĐQG')).toMatchObject({ level: 'government', scope: 'national' });
    expect(issuerByCode('BCĐTW')).toMatchObject({ level: 'party-central', scope: 'national' });
  });

  it('reads any other BCĐ… code as a committee the issuer phrase places, never as a ministry', () => {
    for (const code of ['BCĐ', 'BCĐ389', 'BCĐBVMT', 'bcđ35']) {
      expect(issuerByCode(code)).toMatchObject({ name: 'Ban Chỉ đạo', level: 'department', scope: 'ambiguous' });
    }
    expect(issuerByCode('BTC')?.level).toBe('ministry');
  });

  it('places a cited committee by its phrase, and leaves a bare BCĐ without one undecided', () => {
    const citing = { province: 'Bình Dương', district: null, issuerLevel: 'province' as const };
    expect(citedJurisdiction({ issuerCode: 'BCĐ', issuer: 'Ban Chỉ đạo Trung ương về hoàn thiện thể chế' }, citing)).toEqual({ jurisdiction: '', source: 'issuer-phrase' });
    expect(citedJurisdiction({ issuerCode: 'BCĐ', issuer: 'Ban Chỉ đạo quốc gia về phòng, chống thiên tai' }, citing)).toEqual({ jurisdiction: '', source: 'issuer-phrase' });
    expect(citedJurisdiction({ issuerCode: 'BCĐ', issuer: null }, citing)).toEqual({ jurisdiction: null, reason: 'ambiguous-issuer' });
    expect(citedJurisdiction({ issuerCode: 'BCĐ', issuer: 'Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Bắc Giang' }, citing)).toEqual({ jurisdiction: 'Bắc Giang', source: 'issuer-phrase' });
    expect(citedJurisdiction({ issuerCode: 'BCĐQG1237', issuer: null }, citing)).toEqual({ jurisdiction: '', source: 'issuer-code' });
  });
});

describe("the National Assembly's committees", () => {
  it('reads their codes, with the term suffix, as national: a report of the committee is one node wherever it is cited', () => {
    expect(issuerByCode('UBPLTP15')).toMatchObject({ name: 'Ủy ban Pháp luật và Tư pháp', level: 'national-assembly', scope: 'national' });
    expect(issuerByCode('UBTCNS14')).toMatchObject({ level: 'national-assembly', scope: 'national' });
    const citing = { province: 'Vĩnh Long', district: null, issuerLevel: 'national-assembly' as const };
    expect(citedJurisdiction({ issuerCode: 'UBPLTP15', issuer: null }, citing)).toEqual({ jurisdiction: '', source: 'issuer-code' });
  });
});
