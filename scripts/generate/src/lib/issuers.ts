import { provinces63, type IssuerLevel, type Province63 } from '@vanban/schema';

/** An office that signs documents: how its header reads, how others cite it, how it numbers. */
export interface Issuer {
  key: string;
  kind: IssuerKind;
  level: IssuerLevel;
  /** Full name, as gold `issuer`. */
  name: string;
  /** Upper-case lines of the header block, parent office first. */
  block: string[];
  party: boolean;
  /** Place written before the date ("Bình Thuận, ngày …"). */
  place: string;
  province: number;
  district: number;
  /** Code inside numbers: `TTg`, `TU`, `UBND`, `SLĐTBXH`, `LĐTBXH`… */
  code: string;
  /** Code of normative types for ministries (`TT-BLĐTBXH`). */
  normativeCode: string;
  /** Sub-unit codes after a công văn number (`UBND-KGVX`, `SLĐTBXH-BVCSTE`). */
  units: string[];
  /** How a document of the same jurisdiction names it after "của". */
  citeLocal: string[];
  /** How anyone else names it. */
  citeFull: string[];
  /** Signature title lines, one option per seat. */
  seats: string[][];
  /** How it names itself in its own text ("Sở Y tế đề nghị …"). */
  self: string;
  /** Activity: documents per day of each series, drives serial numbers. */
  rate: number;
}

export type IssuerKind = 'assembly' | 'politburo' | 'secretariat' | 'pm' | 'government' | 'ministry' | 'tu' | 'ubnd' | 'dept' | 'district' | 'hu';

interface MinistryDef {
  id: string;
  name: string;
  block: string[];
  code: string;
  normativeCode: string;
  units: string[];
}

export const ministries: readonly MinistryDef[] = [
  { id: 'LĐTBXH', name: 'Bộ Lao động - Thương binh và Xã hội', block: ['BỘ LAO ĐỘNG - THƯƠNG BINH', 'VÀ XÃ HỘI'], code: 'LĐTBXH', normativeCode: 'BLĐTBXH', units: ['TE', 'BTXH', 'VP'] },
  { id: 'GDĐT', name: 'Bộ Giáo dục và Đào tạo', block: ['BỘ GIÁO DỤC VÀ ĐÀO TẠO'], code: 'BGDĐT', normativeCode: 'BGDĐT', units: ['GDCTHSSV', 'GDTrH', 'GDMN'] },
  { id: 'YT', name: 'Bộ Y tế', block: ['BỘ Y TẾ'], code: 'BYT', normativeCode: 'BYT', units: ['MT', 'KCB', 'BMTE'] },
  { id: 'VHTTDL', name: 'Bộ Văn hóa, Thể thao và Du lịch', block: ['BỘ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH'], code: 'BVHTTDL', normativeCode: 'BVHTTDL', units: ['TCTDTT', 'GĐ', 'VP'] },
  { id: 'TTTT', name: 'Bộ Thông tin và Truyền thông', block: ['BỘ THÔNG TIN VÀ TRUYỀN THÔNG'], code: 'BTTTT', normativeCode: 'BTTTT', units: ['TTCS', 'BC'] },
];

interface DepartmentDef {
  id: string;
  name: string;
  block: string[];
  short: string[];
  /** Modern `S…` code and the older code without it (ambiguous with the ministry's). */
  code: string;
  bareCode: string;
  units: string[];
}

export const departments: readonly DepartmentDef[] = [
  { id: 'LĐTBXH', name: 'Sở Lao động - Thương binh và Xã hội', block: ['SỞ LAO ĐỘNG - THƯƠNG BINH', 'VÀ XÃ HỘI'], short: ['Sở Lao động - Thương binh và Xã hội', 'Sở LĐTBXH', 'Sở Lao động - TB&XH'], code: 'SLĐTBXH', bareCode: 'LĐTBXH', units: ['BVCSTE', 'TE', 'BTXH', 'VP'] },
  { id: 'GDĐT', name: 'Sở Giáo dục và Đào tạo', block: ['SỞ GIÁO DỤC VÀ ĐÀO TẠO'], short: ['Sở Giáo dục và Đào tạo', 'Sở GDĐT'], code: 'SGDĐT', bareCode: 'SGDĐT', units: ['CTTT', 'GDTrH', 'GDMN', 'VP'] },
  { id: 'YT', name: 'Sở Y tế', block: ['SỞ Y TẾ'], short: ['Sở Y tế'], code: 'SYT', bareCode: 'SYT', units: ['NVY', 'KHTC', 'VP'] },
  { id: 'VHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', block: ['SỞ VĂN HÓA, THỂ THAO', 'VÀ DU LỊCH'], short: ['Sở Văn hóa, Thể thao và Du lịch', 'Sở VHTTDL'], code: 'SVHTTDL', bareCode: 'SVHTTDL', units: ['QLVH', 'QLTDTT', 'VP'] },
  { id: 'TTTT', name: 'Sở Thông tin và Truyền thông', block: ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG'], short: ['Sở Thông tin và Truyền thông', 'Sở TTTT'], code: 'STTTT', bareCode: 'STTTT', units: ['TTBCXB', 'VP'] },
];

const upper = (s: string): string => s.toUpperCase();
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const cities = new Set(['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ']);

/** "tỉnh" or "thành phố" as this province calls itself before 2025. */
export const unitWord = (p: Province63): string => (cities.has(p.name) ? 'thành phố' : 'tỉnh');
const placeOf = (p: Province63): string => (p.name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : p.name);

const cache = new Map<string, Issuer>();

function cached(key: string, make: () => Omit<Issuer, 'key'>): Issuer {
  let issuer = cache.get(key);
  if (!issuer) cache.set(key, (issuer = { key, ...make() }));
  return issuer;
}

// Serial rates: a stable spread per office, so the same numbers recur across provinces and years.
const rateOf = (key: string, min: number, max: number): number => {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return min + ((h % 1000) / 1000) * (max - min);
};

const national = (kind: IssuerKind, level: IssuerLevel, name: string, block: string[], code: string, seats: string[][], party = false, rate = 1): Issuer =>
  cached(kind, () => ({
    kind, level, name, block, party, place: 'Hà Nội', province: -1, district: -1, code, normativeCode: code, units: [],
    citeLocal: [name], citeFull: [name], seats, self: name, rate,
  }));

export const politburo = (): Issuer =>
  national('politburo', 'party-central', 'Bộ Chính trị', ['BAN CHẤP HÀNH TRUNG ƯƠNG'], 'TW', [['T/M BỘ CHÍNH TRỊ', 'TỔNG BÍ THƯ'], ['T/M BỘ CHÍNH TRỊ', 'THƯỜNG TRỰC BAN BÍ THƯ']], true, 0.05);
export const secretariat = (): Issuer =>
  national('secretariat', 'party-central', 'Ban Bí thư', ['BAN CHẤP HÀNH TRUNG ƯƠNG'], 'TW', [['T/M BAN BÍ THƯ', 'THƯỜNG TRỰC']], true, 0.05);
export const primeMinister = (): Issuer =>
  national('pm', 'government', 'Thủ tướng Chính phủ', ['THỦ TƯỚNG CHÍNH PHỦ'], 'TTg', [['THỦ TƯỚNG'], ['KT. THỦ TƯỚNG', 'PHÓ THỦ TƯỚNG']], false, 5);
export const government = (): Issuer =>
  national('government', 'government', 'Chính phủ', ['CHÍNH PHỦ'], 'CP', [['TM. CHÍNH PHỦ', 'THỦ TƯỚNG']], false, 0.5);

export const nationalAssembly = (): Issuer =>
  national('assembly', 'national-assembly', 'Quốc hội', ['QUỐC HỘI'], 'QH13', [['TM. QUỐC HỘI', 'CHỦ TỊCH']]);

export const ministry = (id: string): Issuer => {
  const def = ministries.find((m) => m.id === id) ?? ministries[0];
  return cached(`ministry:${def.id}`, () => ({
    kind: 'ministry', level: 'ministry', name: def.name, block: def.block, party: false, place: 'Hà Nội', province: -1, district: -1,
    code: def.code, normativeCode: def.normativeCode, units: def.units, citeLocal: [def.name], citeFull: [def.name],
    seats: [['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'], ['BỘ TRƯỞNG']], self: def.name, rate: rateOf(def.id, 8, 20),
  }));
};

export const provincialCommittee = (province: number): Issuer => {
  const p = provinces63[province];
  const word = cities.has(p.name) ? 'Thành ủy' : 'Tỉnh ủy';
  return cached(`tu:${province}`, () => ({
    kind: 'tu', level: 'province', name: `${word} ${p.name}`, block: [upper(`${word} ${p.name}`)], party: true, place: placeOf(p),
    province, district: -1, code: 'TU', normativeCode: 'TU', units: [],
    citeLocal: [word, `Ban Thường vụ ${word}`, `${word} ${p.name}`], citeFull: [`${word} ${p.name}`],
    seats: [['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ THƯỜNG TRỰC'], ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'], ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ']],
    self: `Ban Thường vụ ${word}`, rate: rateOf(`tu${p.name}`, 0.04, 0.12),
  }));
};

export const provincialCommittees = (province: number): Issuer => {
  const p = provinces63[province];
  const w = unitWord(p);
  const units = [['KGVX', 'VX', 'VHXH', 'KGVX'][province % 4], 'TH'];
  return cached(`ubnd:${province}`, () => ({
    kind: 'ubnd', level: 'province', name: `Ủy ban nhân dân ${w} ${p.name}`,
    block: province % 3 === 0 ? [upper(`UBND ${w} ${p.name}`)] : ['ỦY BAN NHÂN DÂN', upper(`${w} ${p.name}`)],
    party: false, place: placeOf(p), province, district: -1, code: 'UBND', normativeCode: 'UBND', units,
    citeLocal: [`UBND ${w}`, `Ủy ban nhân dân ${w}`, `Chủ tịch UBND ${w}`, `UBND ${w} ${p.name}`],
    citeFull: [`UBND ${w} ${p.name}`, `Ủy ban nhân dân ${w} ${p.name}`],
    seats: [['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']],
    self: `Ủy ban nhân dân ${w}`, rate: rateOf(`ubnd${p.name}`, 6, 30),
  }));
};

export const department = (province: number, id: string): Issuer => {
  const p = provinces63[province];
  const def = departments.find((d) => d.id === id) ?? departments[0];
  const w = unitWord(p);
  // about a quarter of the provinces still number with the code without "S" (`813/LĐTBXH-BVCSTE`)
  const code = (province * 7 + def.id.length) % 4 === 0 ? def.bareCode : def.code;
  return cached(`dept:${province}:${def.id}`, () => ({
    kind: 'dept', level: 'department', name: `${def.name} ${w} ${p.name}`, block: [upper(`UBND ${w} ${p.name}`), ...def.block],
    party: false, place: placeOf(p), province, district: -1, code, normativeCode: def.code, units: def.units,
    citeLocal: def.short, citeFull: [`${def.name} ${w} ${p.name}`], seats: [['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], ['GIÁM ĐỐC']],
    self: def.short[0], rate: rateOf(`${def.id}${p.name}`, 2, 12),
  }));
};

const districtWord: Record<string, string> = { huyện: 'huyện', quận: 'quận', 'thị xã': 'thị xã', 'thành phố': 'thành phố' };

export const districtCommittee = (province: number, district: number): Issuer => {
  const p = provinces63[province];
  const dd = p.districts[district];
  const w = districtWord[dd.kind];
  return cached(`district:${province}:${district}`, () => ({
    kind: 'district', level: 'district', name: `Ủy ban nhân dân ${w} ${dd.name}`,
    block: district % 2 === 0 ? ['ỦY BAN NHÂN DÂN', upper(`${w} ${dd.name}`)] : [upper(`UBND ${w} ${dd.name}`)],
    party: false, place: /^\d/.test(dd.name) ? `${upperFirst(w)} ${dd.name}` : dd.name, province, district, code: 'UBND', normativeCode: 'UBND',
    units: ['LĐTBXH', 'VX', 'VHXH', 'GDĐT', 'VP'].slice(district % 3, district % 3 + 3),
    citeLocal: [`UBND ${w}`, `Ủy ban nhân dân ${w}`, `UBND ${w} ${dd.name}`], citeFull: [`UBND ${w} ${dd.name}`, `Ủy ban nhân dân ${w} ${dd.name}`],
    seats: [['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']], self: `UBND ${w}`,
    rate: rateOf(`d${p.name}${dd.name}`, 1.5, 8),
  }));
};

/** Huyện ủy / Quận ủy (only these two: a town's or city's committee shares names with others). */
export const districtPartyCommittee = (province: number, district: number): Issuer | undefined => {
  const p = provinces63[province];
  const dd = p.districts[district];
  if (dd.kind !== 'huyện' && dd.kind !== 'quận') return undefined;
  const word = dd.kind === 'huyện' ? 'Huyện ủy' : 'Quận ủy';
  const parent = cities.has(p.name) ? 'Thành ủy' : 'Tỉnh ủy';
  return cached(`hu:${province}:${district}`, () => ({
    kind: 'hu', level: 'district', name: `${word} ${dd.name}`, block: [upper(`${parent} ${p.name}`), upper(`${word} ${dd.name}`)],
    party: true, place: dd.name, province, district, code: dd.kind === 'huyện' ? 'HU' : 'QU', normativeCode: 'HU', units: [],
    citeLocal: [word, `Ban Thường vụ ${word}`], citeFull: [`${word} ${dd.name}`], seats: [['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ'], ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ']],
    self: `Ban Thường vụ ${word}`, rate: rateOf(`hu${dd.name}`, 0.03, 0.1),
  }));
};
