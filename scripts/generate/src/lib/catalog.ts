import type { RelationType } from '@vanban/schema';
import { dayOf, FIRST_DAY, workingDay, ymdOf } from './calendar.js';
import { government, ministry, nationalAssembly, politburo, primeMinister, secretariat, type Issuer } from './issuers.js';
import { subjects, themes } from './paragraphs.js';
import { Rng } from './random.js';
import type { DocMeta, Registry, Subject, Theme } from './registry.js';

/**
 * National documents: a fixed core the whole corpus revolves around (numbers as the demo shows
 * them, subjects in our own words), a yearly guidance letter for the Tháng hành động, then extra
 * documents in proportion to the corpus size. Laws and older decrees are cited but never
 * ingested (`known: false`), as in a real collection.
 */
interface CoreDoc {
  issuer: () => Issuer;
  type: string;
  number: string;
  date: [number, number, number];
  theme: Theme;
  text: string;
  verbal?: boolean;
  /** Number of a catalog document named in the subject, with the verb and relation. */
  parent?: [string, string, RelationType];
  /** Numbers of catalog documents cited as legal basis in the body. */
  basis?: string[];
  normative?: boolean;
}

const externals: Array<CoreDoc & { title?: string }> = [
  { issuer: nationalAssembly, type: 'L', number: '102/2016/QH13', date: [2016, 4, 5], theme: 'child', text: 'Luật Trẻ em', title: 'Luật Trẻ em', normative: true },
  { issuer: nationalAssembly, type: 'L', number: '77/2015/QH13', date: [2015, 6, 19], theme: 'child', text: 'Luật Tổ chức chính quyền địa phương', title: 'Luật Tổ chức chính quyền địa phương', normative: true },
  { issuer: government, type: 'NĐ', number: '71/2011/NĐ-CP', date: [2011, 8, 22], theme: 'child', text: 'hướng dẫn Luật Bảo vệ, chăm sóc và giáo dục trẻ em', verbal: true, normative: true },
];

const core: CoreDoc[] = [
  { issuer: politburo, type: 'CT', number: '20-CT/TW', date: [2012, 11, 5], theme: 'child', text: 'tăng cường sự lãnh đạo của Đảng đối với công tác chăm sóc, giáo dục và bảo vệ trẻ em trong tình hình mới' },
  { issuer: primeMinister, type: 'QĐ', number: '234/QĐ-TTg', date: [2013, 2, 5], theme: 'injury', text: 'phê duyệt Chương trình phòng, chống tai nạn, thương tích trẻ em giai đoạn 2013 - 2015', verbal: true },
  { issuer: () => ministry('LĐTBXH'), type: 'TT', number: '15/2014/TT-BLĐTBXH', date: [2014, 6, 19], theme: 'child', text: 'hướng dẫn xây dựng xã, phường, thị trấn phù hợp với trẻ em', verbal: true, parent: ['71/2011/NĐ-CP', 'hướng dẫn thi hành', 'GUIDES'], normative: true },
  { issuer: government, type: 'NĐ', number: '56/2017/NĐ-CP', date: [2017, 5, 9], theme: 'child', text: 'quy định chi tiết một số điều của Luật Trẻ em', verbal: true, parent: ['102/2016/QH13', 'quy định chi tiết một số điều của', 'GUIDES'], basis: ['102/2016/QH13'], normative: true },
  { issuer: primeMinister, type: 'CT', number: '18/CT-TTg', date: [2017, 5, 16], theme: 'abuse', text: 'tăng cường giải pháp phòng, chống bạo lực, xâm hại trẻ em' },
  { issuer: () => ministry('LĐTBXH'), type: 'QĐ', number: '1235/QĐ-LĐTBXH', date: [2017, 9, 12], theme: 'hotline', text: 'ban hành Quy chế hoạt động của Tổng đài điện thoại quốc gia bảo vệ trẻ em 111', verbal: true },
  { issuer: () => ministry('LĐTBXH'), type: 'TT', number: '07/2018/TT-BLĐTBXH', date: [2018, 8, 1], theme: 'child', text: 'hướng dẫn về công tác bảo vệ trẻ em ở cơ sở', verbal: true, parent: ['56/2017/NĐ-CP', 'hướng dẫn thi hành một số điều của', 'GUIDES'], basis: ['56/2017/NĐ-CP'], normative: true },
  { issuer: () => ministry('VHTTDL'), type: 'CV', number: '2055/BVHTTDL-TCTDTT', date: [2019, 5, 14], theme: 'summer', text: 'tổ chức các hoạt động thể thao hè cho thanh thiếu niên, nhi đồng' },
  { issuer: primeMinister, type: 'QĐ', number: '1863/QĐ-TTg', date: [2019, 12, 23], theme: 'abuse', text: 'phê duyệt Kế hoạch hành động quốc gia phòng, chống bạo lực, xâm hại trẻ em giai đoạn 2020 - 2025', verbal: true, basis: ['102/2016/QH13'] },
  { issuer: () => ministry('GDĐT'), type: 'CV', number: '1776/BGDĐT-GDCTHSSV', date: [2020, 5, 12], theme: 'drowning', text: 'tăng cường công tác phòng, chống đuối nước cho học sinh' },
  { issuer: primeMinister, type: 'QĐ', number: '1248/QĐ-TTg', date: [2021, 7, 19], theme: 'drowning', text: 'phê duyệt Chương trình phòng, chống đuối nước trẻ em giai đoạn 2021 - 2030', verbal: true, basis: ['102/2016/QH13'] },
  { issuer: primeMinister, type: 'QĐ', number: '2238/QĐ-TTg', date: [2021, 12, 30], theme: 'labour', text: 'phê duyệt Chương trình phòng ngừa, giảm thiểu lao động trẻ em giai đoạn 2021 - 2025, định hướng đến năm 2030', verbal: true, basis: ['102/2016/QH13'] },
  { issuer: primeMinister, type: 'CT', number: '16/CT-TTg', date: [2022, 5, 6], theme: 'drowning', text: 'tăng cường các giải pháp phòng, chống đuối nước cho trẻ em, học sinh' },
  // Party numbers restart each term: a second 20-CT/TW, eleven years after the first.
  { issuer: secretariat, type: 'CT', number: '20-CT/TW', date: [2023, 6, 2], theme: 'injury', text: 'tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tai nạn, thương tích cho trẻ em' },
];

/** How many documents open the catalog as its fixed core (the rest are generated). */
export const CORE_COUNT = core.length;

export interface NationalCatalog {
  /** Ingested national documents, in the order they are written. */
  docs: DocMeta[];
  /** Cited-only documents by number (laws, older decrees). */
  external: Map<string, DocMeta>;
}

function subjectOf(c: CoreDoc, byNumber: Map<string, DocMeta>): Subject {
  const parent = c.parent ? byNumber.get(c.parent[0]) : undefined;
  return { text: c.text, verbal: c.verbal ?? false, ...(parent && c.parent ? { parent, verb: c.parent[1], relation: c.parent[2] } : {}) };
}

function addCore(registry: Registry, c: CoreDoc & { title?: string }, byNumber: Map<string, DocMeta>, known: boolean): DocMeta {
  const day = dayOf(...c.date);
  const issuer = c.issuer();
  registry.reserve(c.number, day, issuer);
  const subject = subjectOf(c, byNumber);
  const doc = registry.add({
    number: c.number, serial: Number(/^\d+/.exec(c.number)?.[0] ?? 0), typeCode: c.type, day, year: c.date[0], issuer, theme: c.theme,
    subject, normativeYear: c.normative ? c.date[0] : null, known, role: known ? 'national' : 'external', title: c.title,
    parents: [
      ...(subject.parent ? [{ doc: subject.parent, relation: subject.relation ?? 'IMPLEMENTS' }] : []),
      ...(c.basis ?? []).flatMap((n) => (byNumber.get(n) ? [{ doc: byNumber.get(n)!, relation: 'BASED_ON' as RelationType }] : [])),
    ],
  });
  byNumber.set(c.number, doc);
  return doc;
}

export function buildNational(registry: Registry, seed: number, total: number): NationalCatalog {
  const byNumber = new Map<string, DocMeta>();
  const external = new Map<string, DocMeta>();
  for (const c of externals) external.set(c.number, addCore(registry, c, byNumber, false));
  const docs: DocMeta[] = core.map((c) => addCore(registry, c, byNumber, true));
  // The Ministry's yearly guidance for the Tháng hành động vì trẻ em (June), issued in spring.
  for (let y = 2013; y <= 2025; y++) {
    const rng = Rng.for(seed, 'month-guidance', y);
    const issuer = ministry('LĐTBXH');
    const day = workingDay(dayOf(y, 3, 1) + rng.int(0, 45));
    const { number, serial } = registry.allocate(rng, issuer, 'CV', day, { unit: 'TE' });
    docs.push(registry.add({
      number, serial, typeCode: 'CV', day, year: y, issuer, theme: 'month', role: 'national', known: true, normativeYear: null,
      subject: { text: `hướng dẫn tổ chức Tháng hành động vì trẻ em năm ${y}`, verbal: true }, parents: [],
    }));
  }
  const extra = Math.max(0, total - docs.length);
  for (let k = 0; k < extra; k++) docs.push(extraNational(registry, Rng.for(seed, 'national', k), docs));
  return { docs: docs.slice(0, total), external };
}

/** Another national document: a random issuer, theme and date; it may build on an earlier one. */
function extraNational(registry: Registry, rng: Rng, earlier: DocMeta[]): DocMeta {
  const [issuer, typeCode, normative] = rng.weighted<[Issuer, string, boolean]>([
    [[primeMinister(), 'QĐ', false], 4],
    [[primeMinister(), 'CT', false], 1],
    [[government(), 'NĐ', true], 1],
    [[ministry(rng.pick(['LĐTBXH', 'GDĐT', 'YT', 'VHTTDL', 'TTTT'])), 'CV', false], 5],
    [[ministry(rng.pick(['LĐTBXH', 'GDĐT', 'YT'])), 'TT', true], 1],
    [[ministry('LĐTBXH'), 'QĐ', false], 2],
    [[rng.chance(0.5) ? politburo() : secretariat(), rng.pick(['CT', 'KL', 'NQ']), false], 1],
  ]);
  const theme = rng.pick(themes);
  const day = workingDay(FIRST_DAY + rng.int(0, dayOf(2024, 12, 31) - FIRST_DAY));
  const year = ymdOf(day).y;
  const { number, serial } = registry.allocate(rng, issuer, typeCode, day, { normative });
  const before = earlier.filter((d) => d.day < day - 30 && !d.issuer.party && d.issuer.level !== 'ministry');
  const parent = issuer.level === 'ministry' && before.length && rng.chance(0.6) ? rng.pick(before) : undefined;
  const topic = parent?.theme ?? theme;
  const text = rng.pick(subjects[topic]).replace('{y}', String(year));
  const verbal = typeCode === 'QĐ' || typeCode === 'TT' || typeCode === 'NĐ';
  const lead = typeCode === 'QĐ' ? 'phê duyệt Kế hoạch' : typeCode === 'NĐ' ? 'quy định về' : 'hướng dẫn';
  return registry.add({
    number, serial, typeCode, day, year, issuer, theme: topic, role: 'national', known: true, normativeYear: normative ? year : null,
    subject: { text: verbal ? `${lead} ${text}` : text, verbal, ...(parent ? { parent, verb: 'triển khai thực hiện', relation: 'IMPLEMENTS' as const } : {}) },
    parents: parent ? [{ doc: parent, relation: 'IMPLEMENTS' }] : [],
  });
}
