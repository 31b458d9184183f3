import { findDistricts, findProvince, issuerByCode, type IssuerLevel, type NumberParts } from '@vanban/schema';
import { joinSpacedLetters } from './spaced-letters.js';

/** Organisation names that start a new line group in the issuer block. */
const orgStart =
  /^(?:UBND|ỦY BAN|UỶ BAN|UY BAN|HĐND|HỘI ĐỒNG|SỞ|BỘ|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|QUẬN ỦY|ĐẢNG ỦY|ĐẢNG BỘ|BAN|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|PHÒNG|TỔNG CỤC|CỤC|VĂN PHÒNG|BẢO HIỂM|NGÂN HÀNG|KIỂM TOÁN|TÒA ÁN|VIỆN|CÔNG AN|BỘ CHỈ HUY)(?![\p{L}])/u;

/**
 * A national steering committee, set up by the Prime Minister ("BAN CHỈ ĐẠO QUỐC GIA VỀ …", "BAN CHỈ
 * ĐẠO 389 QUỐC GIA"): "quốc gia" right after the name, since a province's committee for national
 * programmes is "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA TỈNH …".
 */
const nationalSteeringCommittee = /^BAN CHỈ ĐẠO (?:\d+ )?QUỐC GIA(?![\p{L}])/u;

export interface IssuerInfo {
  issuer: string | null;
  parentIssuer: string | null;
  level: IssuerLevel | null;
  province: string | null;
  district: string | null;
}

/** Split the upper-case issuer block into organisations ("UBND TỈNH ĐẮK LẮK" / "SỞ LAO ĐỘNG…"). */
export function issuerOrganisations(lines: string[]): string[] {
  const orgs: string[] = [];
  for (const raw of lines) {
    // markdown marks (bold "**SỞ LAO ĐỘNG…", a hard break's "\\") are no part of a name and would hide where it starts
    const line = joinSpacedLetters(raw.replace(/[-_=]{3,}/g, ' ').replace(/\s+/g, ' '))
      .replace(/[*\\]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (!line) continue;
    if (orgStart.test(line) || orgs.length === 0) orgs.push(line);
    else orgs[orgs.length - 1] += ` ${line}`;
  }
  return orgs;
}

/** Level, province and district of an organisation named in upper or mixed case. */
export function classifyOrganisation(name: string, parent: string | null): Omit<IssuerInfo, 'issuer' | 'parentIssuer'> {
  const upper = name.toUpperCase();
  const where = locate(`${parent ?? ''} ${name}`);
  let level: IssuerLevel | null = null;
  if (/BỘ CHÍNH TRỊ|BAN BÍ THƯ|BAN CHẤP HÀNH TRUNG ƯƠNG|TRUNG ƯƠNG ĐẢNG|^BAN .*TRUNG ƯƠNG/.test(upper)) level = 'party-central';
  else if (/QUỐC HỘI/.test(upper)) level = 'national-assembly';
  else if (/CHÍNH PHỦ|THỦ TƯỚNG/.test(upper)) level = 'government';
  else if (nationalSteeringCommittee.test(upper) && !where.province) level = 'government';
  else if (/^(?:SỞ|BAN)(?![\p{L}])/u.test(upper) && !/TRUNG ƯƠNG/.test(upper)) level = 'department';
  else if (/^PHÒNG(?![\p{L}])/u.test(upper)) level = where.district || /HUYỆN|QUẬN|THỊ XÃ/.test(parent?.toUpperCase() ?? '') ? 'district' : 'department';
  else if (/^(?:BỘ|TỔNG CỤC|CỤC|BẢO HIỂM XÃ HỘI|NGÂN HÀNG NHÀ NƯỚC|KIỂM TOÁN NHÀ NƯỚC)(?![\p{L}])/u.test(upper)) level = 'ministry';
  else if (/(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HĐND|ĐẢNG ỦY|HỘI ĐỒNG NHÂN DÂN)\s+(?:XÃ|PHƯỜNG|THỊ TRẤN)\s/.test(upper)) level = 'commune';
  else if (/HUYỆN|QUẬN|THỊ XÃ/.test(upper)) level = 'district';
  else if (/ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|ĐẢNG BỘ/.test(upper)) level = where.district && !where.provinceNamed ? 'district' : 'province';
  return { level, province: where.province, district: where.district };
}

// A Party committee is named after its unit: "TỈNH ỦY BẠC LIÊU", "THÀNH ỦY CẦN THƠ", "HUYỆN ỦY AN LÃO".
// Some urban districts are numbered ("QUẬN 5", "QUẬN ỦY 7", "Quận ủy Quận 7"): a number names only a quận.
const committeeUnit: Record<string, string> = { TỈNH: 'TỈNH', THÀNH: 'THÀNH PHỐ', HUYỆN: 'HUYỆN', QUẬN: 'QUẬN', THỊ: 'THỊ XÃ' };
const unitName =
  /(?:(?:TỈNH|Tỉnh|THÀNH|Thành|HUYỆN|Huyện|QUẬN|Quận|THỊ|Thị)[ \t]+(?:ỦY|UỶ|ủy|uỷ)|TỈNH|tỉnh|Tỉnh|THÀNH PHỐ|[Tt]hành phố|TP\.?|Tp\.?|HUYỆN|[Hh]uyện|QUẬN|[Qq]uận|THỊ XÃ|[Tt]hị xã)[ \t]+([\p{Lu}][\p{L}\- ]{1,30}?|(?<=(?:QUẬN|Quận|quận)(?:[ \t]+(?:ỦY|UỶ|ủy|uỷ))?[ \t]+)\d{1,2}(?![\p{L}\d]))(?=$|[,.;:()\n]|[ \t]+(?:TỈNH|tỉnh|THÀNH PHỐ|thành phố|(?:HUYỆN|QUẬN|THỊ) (?:ỦY|UỶ)|[a-zđ])|\s{2})/gu;

/**
 * Province (and district) named in an organisation or place: "TỈNH ĐẮK LẮK", "huyện Lục Nam". A
 * district name several provinces share ("HUYỆN CHÂU THÀNH") is read within `withinProvince` when
 * the text names no province itself.
 */
export function locate(text: string, withinProvince: string | null = null): { province: string | null; district: string | null; provinceNamed: boolean } {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  unitName.lastIndex = 0;
  let province: string | null = null;
  let district: string | null = null;
  let provinceNamed = false;
  for (let m = unitName.exec(cleaned); m; m = unitName.exec(cleaned)) {
    const written = m[0].slice(0, m[0].length - m[1].length).trim().toUpperCase();
    const committee = /^(\S+) (?:ỦY|UỶ)$/u.exec(written);
    const kind = committee ? committeeUnit[committee[1]] : written;
    const name = m[1].trim();
    const asProvince = /^(?:TỈNH|THÀNH PHỐ|TP)/.test(kind) ? findProvince(name) : undefined;
    // "THÀNH PHỐ BẠC LIÊU" is the provincial city (a district-level unit) when Bạc Liêu is a tỉnh;
    // only the centrally-run cities (Hà Nội, Hồ Chí Minh…) are provinces named "thành phố"
    if (asProvince && !kind.startsWith('TỈNH') && asProvince.kind === 'tỉnh') {
      const city = findDistricts(`thành phố ${name}`, asProvince.name);
      if (city.length === 1) {
        province = asProvince.name;
        district = city[0].district.name;
        continue;
      }
    }
    if (asProvince) {
      province = asProvince.name;
      provinceNamed = true;
      continue;
    }
    const districts = findDistricts(`${kind.startsWith('TP') ? 'thành phố' : kind.toLowerCase()} ${name}`, province ?? withinProvince ?? undefined);
    if (districts.length === 1) {
      district = districts[0].district.name;
      province ??= districts[0].province.name;
    }
  }
  return { province, district, provinceNamed };
}

/** A place line name ("Bình Thuận", "Lục Nam", "TP. Hồ Chí Minh") as province and district (a shared district name read within `withinProvince`). */
export function placeToArea(place: string, withinProvince?: string): { province: string | null; district: string | null } {
  const name = place.replace(/^(?:TP\.?|Tp\.?|Thành phố|thành phố|Tỉnh|tỉnh)\s*/u, '').trim();
  const province = findProvince(place) ?? findProvince(name);
  if (province) return { province: province.name, district: null };
  const districts = findDistricts(name, withinProvince);
  if (districts.length === 1) return { province: districts[0].province.name, district: districts[0].district.name };
  return { province: null, district: null };
}

/**
 * The district a district body's name or place line gives within a province found elsewhere (its
 * text): "UBND HUYỆN CHÂU THÀNH", place "Châu Thành", is one of several until the province is known.
 */
export function districtWithin(province: string, organisation: string, place: string | null): string | null {
  const named = locate(organisation, province);
  if (named.province === province && named.district) return named.district;
  return place ? placeToArea(place, province).district : null;
}

// A ministry's text without a header speaks of itself as "Bộ" alone ("Bộ đã trình …", "Lãnh đạo Bộ",
// "các đơn vị thuộc Bộ") and names itself in full only where it tells its own acts ("Bộ Lao động -
// Thương binh và Xã hội đã có công văn số …", which the self-naming verbs leave out). The Politburo
// and the military commands are "Bộ" too, but no ministry.
const bareMinistry =
  /(?<![\p{L}])(?:(?:Lãnh đạo|cơ quan|thuộc)[ \t]+Bộ(?![\p{L}])(?![ \t]+\p{Lu})|Bộ[ \t]+(?:đã|đang|sẽ|vừa|cũng|chủ trì|chủ động|tiếp tục|ban hành)(?![\p{L}]))/gu;
const ministryNamed =
  /(?<![\p{L}])Bộ[ \t]+(\p{Lu}\p{L}*(?:[ \t]+(?:-[ \t]+)?(?:và[ \t]+)?(?!(?:Sở|Bộ|Ủy|Uỷ|UBND|các|của|và)(?![\p{L}]))\p{L}+){0,10}?)(?=[ \t]*[,.;:()\n]|[ \t]+(?:đã|đang|sẽ|vừa|về|tại|có|ban hành|gửi|theo|trong|để|và[ \t]+(?:(?!\p{Lu})|(?:Sở|Bộ|Ủy|Uỷ|UBND)(?![\p{L}]))|phối hợp|chủ trì)(?![\p{L}]))/gu;
const notMinistry = /^(?:Chính trị|Tư lệnh|Chỉ huy)(?![\p{L}])/u;

/** The ministry a text without a header speaks for: bare "Bộ" at least twice, and one ministry named in full. */
export function ministryNamingItself(text: string): string | null {
  if ((text.match(bareMinistry)?.length ?? 0) < 2) return null;
  const named = new Set<string>();
  for (const m of text.matchAll(ministryNamed)) if (!notMinistry.test(m[1])) named.add(m[1].replace(/\s+/g, ' '));
  return named.size === 1 ? `BỘ ${[...named][0].toUpperCase()}` : null;
}

/** What the số ký hiệu alone tells about the issuer (`SXD` -> a provincial department). */
export function issuerFromNumber(parts: NumberParts): { issuer: string | null; level: IssuerLevel | null } {
  const code = parts.issuerCode;
  if (!code) return { issuer: null, level: null };
  const known = issuerByCode(code);
  return known ? { issuer: known.name, level: known.level } : { issuer: null, level: null };
}
