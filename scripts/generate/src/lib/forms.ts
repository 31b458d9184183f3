import { documentTypeByCode, type RelationType } from '@vanban/schema';
import { pad, ymdOf } from './calendar.js';
import { topicMask } from './topics.js';
import type { Rng } from './random.js';
import { typeName, type DocMeta } from './registry.js';

/** How a whole file is written: format and file-level noise. */
export interface FileStyle {
  markdown: boolean;
  /** Header as a flattened table (`| UBND … | CỘNG HÒA … |`), markdown only. */
  table: boolean;
  /** Word-segmented (`Quyết_định số …`), plain text only. */
  segmented: boolean;
  nfd: boolean;
  /** U+00D0 `Ð` written for `Đ`: nowhere, everywhere, or here and there. */
  eth: 'none' | 'all' | 'some';
}

/** One mention written in the text, as the gold needs it. */
export interface MentionRecord {
  target: DocMeta;
  /** Year written next to this mention (date, shared list date, "Ngày … ban hành …"). */
  year: number | null;
  relation: RelationType;
}

export interface CiteOptions {
  date?: boolean;
  issuer?: boolean;
  /** Tail after the citation: none, the subject in words, or the document it carries out. */
  subject?: 'none' | 'plain' | 'embedded' | 'auto';
  /** Number noise (spacing, line breaks, bold, lower case); off in titles and subject lines. */
  noise?: boolean;
  /** Type word: full name (default), abbreviation, or none ("số 13/KH-UBND" in a list). */
  typeWord?: 'full' | 'abbr' | 'none';
}

/**
 * Writes the text of one document and records, as it goes, every citation (with the relation of
 * the clause it sits in), every relation asserted between two other documents, and the topics.
 */
export class Composer {
  readonly mentions: MentionRecord[] = [];
  readonly assertions: Array<{ from: string; to: string; relation: RelationType }> = [];
  topics = 0;
  /** The name written under the signature (null for a draft). */
  signer: string | null = null;

  constructor(
    readonly rng: Rng,
    readonly style: FileStyle,
    readonly doc: DocMeta,
  ) {}

  /** Static text: records its topics. */
  t(text: string): string {
    this.topics |= topicMask(text);
    return text;
  }

  /** A citation of `target` in a clause whose relation (for this document) is `relation`. */
  cite(target: DocMeta, relation: RelationType, o: CiteOptions = {}): string {
    const rng = this.rng;
    const noise = o.noise ?? true;
    const withDate = o.date ?? rng.chance(0.85);
    const written = withDate ? this.dateText(target.day, noise) : '';
    let head = this.typeWordFor(target, o.typeWord ?? (noise && rng.chance(0.04) ? 'abbr' : 'full'));
    let number = noise ? this.numberText(target.number, target.issuer.party) : target.number;
    // a citation typed all in lower case ("nghị định số 77/2008/nđ-cp"), never with a broken code
    if (noise && number === target.number && rng.chance(0.03)) [head, number] = [head.toLowerCase(), number.toLowerCase()];
    this.mentions.push({ target, year: withDate ? target.year : null, relation });
    let text = `${head}${number}${written}`;
    if (o.issuer ?? rng.chance(0.8)) text += ` của ${this.issuerPhrase(target)}`;
    return text + this.subjectTail(target, relation, o.subject ?? 'auto');
  }

  /** "các Kế hoạch số 12/KH-UBND, số 13/KH-UBND ngày 15/01/2020 của UBND tỉnh": one date for both. */
  citeTwins(first: DocMeta, second: DocMeta, relation: RelationType): string {
    const type = typeName(first.typeCode);
    this.mentions.push({ target: first, year: first.year, relation }, { target: second, year: second.year, relation });
    return `các ${type} số ${first.number}, số ${second.number}${this.dateText(second.day, false)} của ${this.issuerPhrase(second)}`;
  }

  /** "Quyết định 1863": a short reference to a document cited in full before. */
  shortRef(target: DocMeta, relation: RelationType): string {
    this.mentions.push({ target, year: null, relation });
    return `${typeName(target.typeCode)} ${target.serial}`;
  }

  /** "Ngày 05/11/2012, Bộ Chính trị ban hành Chỉ thị số 20-CT/TW …": the date opens the clause. */
  issuedOn(target: DocMeta, relation: RelationType): string {
    const lead = `Ngày ${this.numericDate(target.day)}, ${this.issuerPhrase(target, true)} ban hành `;
    const text = this.cite(target, relation, { date: false, issuer: false, subject: 'plain' });
    this.mentions[this.mentions.length - 1].year = target.year;
    return lead + text;
  }

  issuerPhrase(target: DocMeta, full = false): string {
    const own = this.doc.issuer;
    const issuer = target.issuer;
    const local = !full && issuer.province !== -1 && issuer.province === own.province && (issuer.district === -1 || issuer.district === own.district);
    return local && this.rng.chance(0.7) ? this.rng.pick(issuer.citeLocal) : this.rng.pick(issuer.citeFull);
  }

  private typeWordFor(target: DocMeta, form: 'full' | 'abbr' | 'none'): string {
    const so = this.rng.chance(0.95) ? 'số ' : '';
    if (form === 'none') return 'số ';
    if (target.title) return `${target.title} số `;
    const abbr = documentTypeByCode(target.typeCode)?.aliases[0];
    if (form === 'abbr' && abbr) return `${abbr} ${so}`;
    if (target.typeCode === 'CV') return `${this.rng.weighted([['Công văn', 7], ['công văn', 2], ['Văn bản', 1]] as const)} ${so}`;
    return `${typeName(target.typeCode)} ${so}`;
  }

  /** The number as typed by a clerk: mostly clean, sometimes spaced, broken, bold or Party-spaced. */
  private numberText(number: string, party: boolean): string {
    const ampersand = number.includes('LĐTBXH');
    const form = this.rng.weighted<string>([
      ['plain', 85], ['spaced', party ? 0 : 3], ['party', party ? 8 : 0], ['split', 3], ['bold', this.style.markdown ? 6 : 0], ['dash', 1], ['code', ampersand ? 6 : 0],
    ]);
    if (form === 'party') return number.replace('-', ' -');
    // "LĐTB&XH", "LĐT BXH", "LĐT B&XH": how the Ministry's code is often typed
    if (form === 'code') return number.replace('LĐTBXH', this.rng.pick(['LĐTB&XH', 'LĐT BXH', 'LĐT B&XH']));
    if (form === 'spaced') return number.replace('/', ' / ');
    // a line break right after a dash of the code ("51/BC-\nĐGS", "20-\nCT/TW")
    const dash = party ? number.indexOf('-') : number.indexOf('-', number.search(/[A-ZĐ]/));
    if (form === 'split' && dash > 0) return `${number.slice(0, dash + 1)}\n${number.slice(dash + 1)}`;
    if (form === 'dash' && dash > 0) return `${number.slice(0, dash)}–${number.slice(dash + 1)}`;
    if (form === 'bold') {
      const cut = Math.max(number.lastIndexOf('-'), number.lastIndexOf('/'));
      return this.rng.chance(0.5) || cut < 0 ? `**${number}**` : `${number.slice(0, cut + 1)}**${number.slice(cut + 1)}**`;
    }
    return number;
  }

  /** " ngày 05/11/2012", " ngày 5/11/2012", " ngày 05 tháng 11 năm 2012", ", ngày 05/11/2012"… */
  dateText(day: number, noise: boolean): string {
    const { y, m, d } = ymdOf(day);
    const form = this.rng.weighted<number>([[0, 35], [1, 25], [2, 25], [3, noise ? 10 : 0], [4, noise ? 3 : 0], [5, noise ? 2 : 0]]);
    switch (form) {
      case 0:
        return ` ngày ${pad(d)}/${pad(m)}/${y}`;
      case 1:
        return ` ngày ${d}/${m}/${y}`;
      case 2:
        return ` ngày ${pad(d)} tháng ${m} năm ${y}`;
      case 3:
        return `, ngày ${pad(d)}/${pad(m)}/${y}`;
      case 4:
        return ` ngày ${pad(d)}-${pad(m)}-${y}`;
      default:
        return ` ban hành ngày ${d}/${m}/${y}`;
    }
  }

  numericDate(day: number): string {
    const { y, m, d } = ymdOf(day);
    return this.rng.chance(0.5) ? `${pad(d)}/${pad(m)}/${y}` : `${d}/${m}/${y}`;
  }

  private subjectTail(target: DocMeta, relation: RelationType, mode: CiteOptions['subject']): string {
    const s = target.subject;
    const rng = this.rng;
    let form = mode;
    if (form === 'auto') form = s.parent && rng.chance(0.4) ? 'embedded' : rng.chance(0.7) ? 'plain' : 'none';
    if (form === 'embedded' && s.parent && s.verb) {
      const joiner = s.verbal || s.relation !== 'IMPLEMENTS' ? ' ' : rng.pick([' về việc ', ' về ', ' ']);
      this.assertions.push({ from: target.number, to: s.parent.number, relation: s.relation ?? 'IMPLEMENTS' });
      return `${joiner}${s.verb} ${this.cite(s.parent, relation, { subject: 'none', noise: false, date: rng.chance(0.5), issuer: rng.chance(0.7) })}`;
    }
    if (form === 'none' || (form === 'embedded' && !s.parent) || target.title) return '';
    const joiner = s.verbal ? ' ' : rng.pick([' về ', ' về việc ']);
    return !s.verbal && rng.chance(0.1) ? `${joiner}“${this.t(s.text)}”` : joiner + this.t(s.text);
  }
}

// --- file-level noise -------------------------------------------------------------------------

const compounds = [
  'Quyết định', 'Chỉ thị', 'Kế hoạch', 'Công văn', 'Nghị định', 'Thông tư', 'Báo cáo', 'Căn cứ', 'Thực hiện', 'thực hiện',
  'triển khai', 'Triển khai', 'Thủ tướng', 'Chính phủ', 'Bộ Chính trị', 'Ủy ban nhân dân', 'ỦY BAN NHÂN DÂN', 'trẻ em', 'Trẻ em',
  'bảo vệ', 'chăm sóc', 'giáo dục', 'xâm hại', 'bạo lực', 'đuối nước', 'tai nạn', 'thương tích', 'tuyên truyền', 'Lao động',
  'Thương binh', 'Xã hội', 'Giáo dục', 'Đào tạo', 'Y tế', 'địa bàn', 'cơ quan', 'đơn vị', 'gia đình', 'cộng đồng', 'tổ chức',
  'hoạt động', 'kiểm tra', 'nhiệm vụ', 'giải pháp', 'đề nghị', 'Kính gửi', 'Nơi nhận', 'CHỦ TỊCH', 'GIÁM ĐỐC', 'Tổng đài',
];
const segmentPattern = new RegExp(`(?<![\\p{L}_])(?:${compounds.sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}_])`, 'gu');

/** Apply the file-level noise of `style` to finished text. */
export function applyFileNoise(text: string, style: FileStyle, rng: Rng): string {
  let out = text;
  if (style.segmented) out = out.replace(segmentPattern, (w) => w.replace(/ /g, '_')).replace(/(\p{L}) ?([,;:])(?= )/gu, '$1 $2');
  if (style.eth === 'all') out = out.replace(/Đ/g, '\u00d0').replace(/đ/g, '\u00f0');
  else if (style.eth === 'some') out = out.replace(/Đ/g, (c) => (rng.chance(0.5) ? '\u00d0' : c));
  if (style.nfd) out = out.normalize('NFD');
  return out;
}
