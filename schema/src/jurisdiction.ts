import { findDistricts, findProvince } from './gazetteer.js';
import { foldVietnamese } from './text/fold.js';
import { isNationalLevel, issuerByCode } from './vocabulary/issuer-codes.js';
import type { IssuerLevel } from './vocabulary/issuer-levels.js';
import { nationalLevelOfIssuerPhrase } from './vocabulary/national-issuers.js';

/**
 * Jurisdiction of a document (DESIGN.md "Identity"): '' for national issuers, the province for
 * provincial bodies, "Province/District" for district bodies.
 */
export function jurisdictionOf(doc: { issuerLevel: IssuerLevel | null; province: string | null; district: string | null }): string {
  if (isNationalLevel(doc.issuerLevel)) return '';
  if (!doc.province) return '';
  return doc.issuerLevel === 'district' && doc.district ? `${doc.province}/${doc.district}` : doc.province;
}

export type JurisdictionHint =
  | { jurisdiction: string; source: 'issuer-code' | 'issuer-phrase' | 'citing-document' }
  | { jurisdiction: null; reason: 'ambiguous-issuer' | 'unknown-issuer' | 'no-province' };

const districtPhrase = /(?:huyện|quận|thị xã|thành phố)\s+([\p{Lu}][\p{L}\d]*(?:\s+[\p{Lu}\d][\p{L}\d]*){0,3})/u;
const provincePhrase = /(?:tỉnh|Tỉnh ủy|Tỉnh uỷ|thành phố|Thành phố|TP\.?)\s+([\p{Lu}][\p{L}]*(?:[\s-]+[\p{Lu}][\p{L}]*){0,3})/u;
const districtBody = /(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Huyện ủy|Huyện uỷ|HĐND|Hội đồng nhân dân)\s+(?:huyện|quận|thị xã)|\bhuyện\b/iu;

/**
 * Where a cited document belongs, from its issuer code and the issuer phrase next to the citation
 * ("của UBND tỉnh Bắc Giang", "của Bộ…"), else the citing document's own province (a provincial
 * letter's "Kế hoạch số 959/KH-UBND … của Chủ tịch UBND tỉnh" is its own province's). Never guesses:
 * an ambiguous code without a deciding phrase gives a reason instead.
 */
export function citedJurisdiction(
  cited: { issuerCode: string | null; issuer: string | null },
  citing: { province: string | null; district: string | null; issuerLevel: IssuerLevel | null },
): JurisdictionHint {
  const code = cited.issuerCode ? issuerByCode(cited.issuerCode) : undefined;
  const phrase = cited.issuer?.trim() ?? '';
  if (code?.scope === 'national') return { jurisdiction: '', source: 'issuer-code' };
  if (phrase && nationalLevelOfIssuerPhrase(phrase)) return { jurisdiction: '', source: 'issuer-phrase' };
  const named = phrase ? placeInPhrase(phrase, citing.province) : null;
  if (named) return { jurisdiction: named, source: 'issuer-phrase' };
  if (code?.scope === 'ambiguous' && !phrase) return { jurisdiction: null, reason: 'ambiguous-issuer' };
  if (!code && !phrase) return { jurisdiction: null, reason: 'unknown-issuer' };
  if (!citing.province) return { jurisdiction: null, reason: 'no-province' };
  // a district body's own documents ("của UBND huyện", code HU) stay in its district
  const districtLevel = code?.level === 'district' || (phrase ? districtBody.test(phrase) : false);
  if (districtLevel && citing.district) return { jurisdiction: `${citing.province}/${citing.district}`, source: 'citing-document' };
  const provincial = /tỉnh|Tỉnh/u.test(phrase);
  if (!provincial && !phrase && citing.issuerLevel === 'district' && citing.district && code?.code === 'UBND') {
    return { jurisdiction: `${citing.province}/${citing.district}`, source: 'citing-document' };
  }
  return { jurisdiction: citing.province, source: 'citing-document' };
}

/** "UBND tỉnh Bắc Giang" -> "Bắc Giang"; "UBND huyện Lục Nam" -> "Bắc Giang/Lục Nam". */
function placeInPhrase(phrase: string, citingProvince: string | null): string | null {
  const p = provincePhrase.exec(phrase);
  const province = p ? findProvince(p[1]) : undefined;
  const d = districtPhrase.exec(phrase);
  if (d) {
    const matches = findDistricts(d[0], province?.name ?? citingProvince ?? undefined);
    if (matches.length === 1) return `${matches[0].province.name}/${matches[0].district.name}`;
  }
  return province ? province.name : null;
}

/** URL-safe readable id: `20-ct-tw-2012`, `56-2017-nd-cp`, `959-kh-ubnd-2022-binh-thuan`. */
export function documentSlug(number: string, year: number | null, jurisdiction: string): string {
  const parts = [slugPart(number)];
  if (year !== null && !new RegExp(`(^|/)${year}(/|$)`).test(number)) parts.push(String(year));
  if (jurisdiction) parts.push(...jurisdiction.split('/').map(slugPart));
  return parts.filter(Boolean).join('-');
}

export function slugPart(s: string): string {
  return foldVietnamese(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
