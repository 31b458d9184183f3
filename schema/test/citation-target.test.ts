import { describe, expect, it } from 'vitest';
import { chooseTarget, issuingBodies, type JurisdictionHint, type TargetCandidate } from '../src/index.js';

const doc = (year: number, jurisdiction: string, date: string | null = null, known = true, bodies: string[] = []): TargetCandidate => ({ year, jurisdiction, date, known, bodies });
const stated = (jurisdiction: string): JurisdictionHint => ({ jurisdiction, source: 'issuer-phrase' });
const byCiting = (jurisdiction: string): JurisdictionHint => ({ jurisdiction, source: 'citing-document' });
const provincial = { province: 'Bắc Giang', district: null, date: '2020-06-05', year: 2020 };
const lucNam = { ...provincial, district: 'Lục Nam' };

describe('chooseTarget', () => {
  it('takes for a year-less citation no document issued after the citing one, by date, else by year', () => {
    const party = [doc(2012, '', '2012-11-05'), doc(2023, '', '2023-06-02')];
    expect(chooseTarget(party, { year: null, issuer: null }, stated(''), provincial)).toEqual({ target: party[0] });
    expect(chooseTarget(party, { year: null, issuer: null }, stated(''), { ...provincial, date: '2024-01-02', year: 2024 })).toEqual({ target: null, reason: 'ambiguous' });
    const sameYear = [doc(2020, 'Bắc Giang', '2020-03-01'), doc(2020, 'Bắc Giang', '2020-09-01')];
    expect(chooseTarget(sameYear, { year: null, issuer: null }, byCiting('Bắc Giang'), provincial)).toEqual({ target: sameYear[0] });
    expect(chooseTarget([doc(2021, 'Bắc Giang')], { year: null, issuer: null }, byCiting('Bắc Giang'), { ...provincial, date: null })).toEqual({ target: null, reason: 'no-year' });
  });

  it('looks past the place only the citing document gave, within its province, at known documents only', () => {
    const provinceLetter = doc(2020, 'Bắc Giang');
    expect(chooseTarget([provinceLetter], { year: 2020, issuer: null }, byCiting('Bắc Giang/Lục Nam'), lucNam)).toEqual({ target: provinceLetter });
    expect(chooseTarget([doc(2020, 'Bắc Giang', null, false)], { year: 2020, issuer: null }, byCiting('Bắc Giang/Lục Nam'), lucNam)).toEqual({ target: null, reason: 'not-found' });
    // a district's letter does not mean a neighbouring district's; a provincial one may mean any district's
    expect(chooseTarget([doc(2020, 'Bắc Giang/Yên Thế')], { year: 2020, issuer: null }, byCiting('Bắc Giang/Lục Nam'), lucNam)).toEqual({ target: null, reason: 'not-found' });
    expect(chooseTarget([doc(2020, 'Bắc Giang/Yên Thế')], { year: 2020, issuer: null }, byCiting('Bắc Giang'), provincial)).toEqual({ target: doc(2020, 'Bắc Giang/Yên Thế') });
    expect(chooseTarget([doc(2020, 'Bắc Giang/Yên Thế'), doc(2020, 'Bắc Giang/Lục Nam')], { year: 2020, issuer: null }, byCiting('Bắc Giang'), provincial)).toEqual({ target: null, reason: 'ambiguous' });
    // a place the issuer phrase states is never looked past
    expect(chooseTarget([provinceLetter], { year: 2020, issuer: null }, stated('Bắc Giang/Lục Nam'), lucNam)).toEqual({ target: null, reason: 'not-found' });
  });

  it('with no jurisdiction, takes the single document that fits, of any year when the citation has none', () => {
    const ministry = doc(2018, '', '2018-04-02');
    expect(chooseTarget([ministry], { year: null, issuer: null }, { jurisdiction: null, reason: 'ambiguous-issuer' }, provincial)).toEqual({ target: ministry });
    expect(chooseTarget([], { year: null, issuer: null }, { jurisdiction: null, reason: 'ambiguous-issuer' }, provincial)).toEqual({ target: null, reason: 'ambiguous-issuer' });
    expect(chooseTarget([ministry, doc(2018, 'Bắc Giang')], { year: 2018, issuer: null }, { jurisdiction: null, reason: 'ambiguous-issuer' }, provincial)).toEqual({ target: null, reason: 'ambiguous' });
  });

  it('among several that fit, takes the one issued by the body the issuer phrase names', () => {
    const politburo = doc(2012, '', '2012-11-05', true, issuingBodies('BAN CHẤP HÀNH TRUNG ƯƠNG', 'T/M BỘ CHÍNH TRỊ TỔNG BÍ THƯ'));
    const secretariat = doc(2023, '', '2023-06-02', true, issuingBodies('BAN CHẤP HÀNH TRUNG ƯƠNG', 'T/M BAN BÍ THƯ'));
    const later = { ...provincial, date: '2024-01-02', year: 2024 };
    expect(chooseTarget([politburo, secretariat], { year: null, issuer: 'Ban Bí thư' }, stated(''), later)).toEqual({ target: secretariat });
    expect(chooseTarget([politburo, secretariat], { year: null, issuer: 'Bộ Chính trị' }, stated(''), later)).toEqual({ target: politburo });
    // a phrase both bodies begin with, or none, decides nothing
    expect(chooseTarget([politburo, secretariat], { year: null, issuer: 'Ban Chấp hành Trung ương' }, stated(''), later)).toEqual({ target: null, reason: 'ambiguous' });
    expect(chooseTarget([politburo, secretariat], { year: null, issuer: 'Ban' }, stated(''), later)).toEqual({ target: null, reason: 'ambiguous' });
  });
});
