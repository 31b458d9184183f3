import { describe, expect, it } from 'vitest';
import { foldVietnamese, identityNumber, normalizeNumber, paddedSpellings, parseNumber, serialOf, unifyTonePlacement } from '../src/index.js';

describe('normalizeNumber (DESIGN.md identity rules)', () => {
  it.each([
    ['2868 -CV/TU', '2868-CV/TU'],
    ['279/UBND-LĐT BXH', '279/UBND-LĐTBXH'],
    ['813/LĐTB&XH-BVCSTE', '813/LĐTBXH-BVCSTE'],
    ['1863 / QĐ-TTg', '1863/QĐ-TTg'],
    ['77/2008/nđ-cp', '77/2008/NĐ-CP'],
    ['1863/qđ-ttg', '1863/QĐ-TTg'],
    ['12/2019/QÐ-UBND', '12/2019/QĐ-UBND'], // U+00D0 read as Đ
    ['10/2020/TT\u2013BLĐTBXH', '10/2020/TT-BLĐTBXH'], // en dash
    ['5/CTr-UBND', '5/CTr-UBND'],
    ['1863/Q\u0110-TTg'.normalize('NFD'), '1863/QĐ-TTg'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeNumber(raw)).toBe(expected);
  });

  it('never folds Đ to D (HĐ Hợp đồng is not HD Hướng dẫn)', () => {
    expect(normalizeNumber('12/HĐ-UBND')).not.toBe(normalizeNumber('12/HD-UBND'));
    expect(normalizeNumber('3/ĐA-UBND')).toBe('3/ĐA-UBND');
  });
});

describe('identityNumber: one document however its serial is padded', () => {
  it.each([
    ['04/2023/NĐ-CP', '4/2023/NĐ-CP'],
    ['008/GDĐT', '8/GDĐT'],
    ['05-CT/TW', '5-CT/TW'],
    ['1863/QĐ-TTg', '1863/QĐ-TTg'],
    ['10/KH-UBND', '10/KH-UBND'],
    ['0/KH', '0/KH'], // a lone zero is the serial itself
    ['00/KH', '0/KH'],
    ['/UBND-KGVX', '/UBND-KGVX'], // a draft's blank number
  ])('%s -> %s', (number, expected) => {
    expect(identityNumber(number)).toBe(expected);
    expect(serialOf(number)).toBe(/^\d*/.exec(expected)![0]);
  });

  it('lists every padded spelling of one identity, unpadded first, up to six digits', () => {
    expect(paddedSpellings('04/2023/NĐ-CP')).toEqual(['4/2023/NĐ-CP', '04/2023/NĐ-CP', '004/2023/NĐ-CP', '0004/2023/NĐ-CP', '00004/2023/NĐ-CP', '000004/2023/NĐ-CP']);
    expect(paddedSpellings('12345/BTC-TCT')).toEqual(['12345/BTC-TCT', '012345/BTC-TCT']);
    expect(paddedSpellings('/UBND-KGVX')).toEqual(['/UBND-KGVX']);
    for (const spelling of paddedSpellings('7-CT/TW')) expect(identityNumber(spelling)).toBe('7-CT/TW');
  });
});

describe('parseNumber', () => {
  it('reads type, issuer and year from a number', () => {
    expect(parseNumber('56/2017/NĐ-CP')).toMatchObject({ serial: '56', year: 2017, party: false, issuerCode: 'CP' });
    expect(parseNumber('56/2017/NĐ-CP').type?.name).toBe('Nghị định');
    expect(parseNumber('20-CT/TW')).toMatchObject({ serial: '20', party: true, issuerCode: 'TW' });
    expect(parseNumber('20-CT/TW').issuer?.level).toBe('party-central');
    expect(parseNumber('851/SXD-VP')).toMatchObject({ type: null, issuerCode: 'SXD' });
    expect(parseNumber('851/SXD-VP').issuer?.level).toBe('department');
    expect(parseNumber('/UBND-KGVX')).toMatchObject({ serial: '', issuerCode: 'UBND' });
  });

  it('tells Chỉ thị (CT-TTg) from Cục Thuế (CT-TTHT)', () => {
    expect(parseNumber('18/CT-TTg').type?.code).toBe('CT');
    expect(parseNumber('11819/CT-TTHT').type).toBeNull();
    expect(parseNumber('11819/CT-TTHT').issuerCode).toBe('CT');
  });
});

describe('folding', () => {
  it('removes diacritics and đ, keeping length', () => {
    expect(foldVietnamese('Đuối nước')).toBe('duoi nuoc');
    expect(foldVietnamese('dưới nước')).toBe('duoi nuoc');
    expect(foldVietnamese('Thanh Hoá').length).toBe('Thanh Hoá'.length);
  });

  it('unifies old and new tone placement in open syllables only', () => {
    expect(unifyTonePlacement('hoà bình, uỷ ban, thuỷ')).toBe('hòa bình, ủy ban, thủy');
    expect(unifyTonePlacement('hoàn thành, quý')).toBe('hoàn thành, quý');
  });
});
