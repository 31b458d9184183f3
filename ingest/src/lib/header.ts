import {
  documentTypeByCode,
  documentTypeByName,
  findProvince,
  isNationalLevel,
  normalizeNumber,
  parseNumber,
  provinceNamePattern,
  type IssuerLevel,
} from '@vanban/schema';
import { parseDateAt } from './dates.js';
import { classifyOrganisation, issuerFromNumber, issuerOrganisations, placeToArea } from './issuer.js';
import { typeWordSource } from './vocabulary.js';

export interface DocumentHeader {
  number: string | null;
  draft: boolean;
  typeCode: string | null;
  type: string | null;
  date: string | null;
  year: number | null;
  place: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  issuerLevel: IssuerLevel | null;
  province: string | null;
  district: string | null;
  subject: string | null;
  recipients: string[];
  signer: string | null;
  signerTitle: string | null;
}

const HEAD = 3000;
const motto = /C[ỘO]NG H[ÒOÓ]A X[ÃA] H[ỘO]I|Đ[ẢA]NG C[ỘO]NG S[ẢA]N VI[ỆE]T NAM|Độc lập|ĐỘC LẬP|CÔNG BÁO|^\d+$|^[-_=*.]+$/u;
const numberLine =
  /(?:^|\n)[ \t]*S[ốỐ][ \t]*(?:hiệu)?[ \t]*[:.]?[ \t]*((\d{1,6})?[ \t]*(?:\/[ \t]*\d{4}[ \t]*)?[/\-–][ \t]*[A-ZĐa-zđ][A-Za-zĐđ0-9&]*(?:(?:[ \t]*[-–/][ \t]*|\.(?=[A-Za-zĐđ])|[ \t](?=[A-ZĐ&]{2}))[A-Za-zĐđ0-9&]+)*)/u;
const placeDate = /(?<![\p{L}])([\p{Lu}][\p{L}.']*(?:[ \t\-]+[\p{Lu}\d][\p{L}\d.']*){0,5})[ \t]*,[ \t]*[Nn]gày[ \t]*(\d{1,2}|[ \t.…_]*)[ \t]*tháng[ \t]*(\d{1,2}|[ \t.…_]*)[ \t]*năm[ \t]*(\d{4})/u;
const subjectLine = /(?:^|\n)[ \t]*(?:V\/v|Vv|V\/V|V\.v|Về việc)[ \t]*[:.]?[ \t]*([^\n]+(?:\n(?![ \t]*\n)[^\n]+)*)/u;
const titleType = new RegExp(`(?:^|\\n)[ \\t]*(${typeWordSource})[ \\t]*(?:\\n|$|[ \\t]+(?=về|Về|V\\/v|[\\p{Lu}]{2}))`, 'u');
const firstTypeWord = new RegExp(`^\\s*(${typeWordSource})(?![\\p{L}])`, 'u');
const leadingTypeWord = new RegExp(`^\\s*${typeWordSource}\\s+`, 'u');
const recipientsLead = /(?:^|\n)[ \t]*Kính[ \t]+gửi[ \t]*:?[ \t*]*/iu;
const signerTitle =
  /(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|TRƯỞNG PHÒNG|THỨ TRƯỞNG|VỤ TRƯỞNG|TỔNG GIÁM ĐỐC|CHỦ NHIỆM|THƯỜNG TRỰC|TRƯỞNG ĐOÀN|TỔNG BÍ THƯ|TỔNG KIỂM TOÁN)(?![\p{L}])/gu;
const nameWords = String.raw`[\p{Lu}][\p{Ll}]+(?:[ \t]+[\p{Lu}][\p{Ll}]+){1,4}`;
/** A name right after the title, past signature noise ("(Đã ký)", "[", table pipes, markdown). */
const nameAfterTitle = new RegExp(String.raw`^[\s*\\|\[\]]*(?:\(?(?:Đã ký|đã ký)\)?|\[daky\])?[\s*\\|\[\]]*(${nameWords})(?![\p{Ll}])`, 'u');
/** A line holding only a name (signature columns of flattened tables). */
const nameLine = new RegExp(String.raw`^[\s*\\|]*(${nameWords})[\s*\\|]*$`, 'u');
const notName = /^(?:Nơi|Như|Kính|Các|Sở|Bộ|Ban|Phòng|Văn|Website|Đăng|Lãnh|Chủ|Giám|Ủy|Uỷ|Thủ|Trưởng|Phó|Công|Cục|Tổng|Đảng)(?![\p{L}])/u;
const provinceInText = new RegExp(`(?:tỉnh|Tỉnh ủy|Tỉnh uỷ|thành phố|Thành phố|TP\\.?)[ \\t]+(${provinceNamePattern})(?![\\p{L}])`, 'gu');

/** Header fields of one document (plain text of that document only). */
export function extractHeader(text: string): DocumentHeader {
  const head = text.slice(0, HEAD);
  const numberMatch = numberLine.exec(head);
  const number = numberMatch ? normalizeNumber(numberMatch[1]) : null;
  const parts = number ? parseNumber(number) : null;

  const pd = placeDate.exec(head);
  const date = pd ? parseDateAt(`${pd[2].trim() || ''} tháng ${pd[3].trim()} năm ${pd[4]}`.trim(), 0) : null;
  const blankMonth = pd && !/\d/.test(pd[3]);
  const place = pd ? pd[1].replace(/\s+/g, ' ').trim() : null;

  const firstMark = Math.min(...[numberMatch?.index, pd?.index, head.search(motto)].filter((i): i is number => i !== undefined && i >= 0), head.length);
  const blockLines = issuerBlockLines(head, numberMatch ? numberMatch.index : firstMark);
  const orgs = issuerOrganisations(blockLines);
  // Documents without a header block (word-segmented corpus) may name the issuer on an early line.
  if (!orgs.length) orgs.push(...earlyIssuerLine(head));
  const issuerName = orgs.length ? orgs[orgs.length - 1] : null;
  const parentIssuer = orgs.length > 1 ? orgs[orgs.length - 2] : null;

  let level: IssuerLevel | null = null;
  let province: string | null = null;
  let district: string | null = null;
  if (issuerName) ({ level, province, district } = classifyOrganisation(issuerName, parentIssuer));
  const fromNumber = parts ? issuerFromNumber(parts) : { issuer: null, level: null };
  level ??= fromNumber.level;
  const area = place ? placeToArea(place) : { province: null, district: null };
  if (!isNationalLevel(level) || province) {
    province ??= area.province;
    if (!district && area.district && area.province === province) district = area.district;
    if (district && level === 'province' && !/TỈNH|THÀNH PHỐ/.test(issuerName?.toUpperCase() ?? 'TỈNH')) level = 'district';
    if (!issuerName && area.district && level === 'province') level = 'district';
    province ??= mostNamedProvince(text);
  }

  const type = documentType(head, parts, pd !== null && subjectLine.test(head));
  return {
    number,
    draft: number !== null && /^[/-]/.test(number),
    typeCode: type?.code ?? null,
    type: type?.name ?? null,
    date: date && !blankMonth ? date.iso : null,
    year: date?.year ?? (pd ? Number(pd[4]) : null),
    place,
    issuer: issuerName ?? fromNumber.issuer,
    parentIssuer,
    issuerLevel: level,
    province,
    district,
    subject: subjectOf(head, numberMatch !== null || pd !== null),
    recipients: recipientsOf(head),
    ...signerOf(text),
  };
}

/** Upper-case lines at the top of the document, before the number line (or after it, if none before). */
function issuerBlockLines(head: string, stopAt: number): string[] {
  const lines = head.slice(0, Math.max(stopAt, 0)).split('\n');
  const block: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/[-_=*]{3,}/g, ' ').trim();
    if (!line || line === '*') continue;
    if (motto.test(line)) {
      // the quốc hiệu may share a flattened table line with the issuer: keep what comes before it
      const cut = line.search(motto);
      if (cut > 2) block.push(line.slice(0, cut));
      continue;
    }
    if (line !== line.toUpperCase() || !/\p{Lu}{2}/u.test(line) || line.length > 120) {
      if (block.length) break;
      continue;
    }
    block.push(line);
  }
  return block;
}

const orgLine = /^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|BỘ|SỞ|CHÍNH PHỦ|THỦ TƯỚNG|VĂN PHÒNG|TỈNH ỦY|THÀNH ỦY|BAN|CỤC|TỔNG CỤC)(?![\p{L}])/u;

function earlyIssuerLine(head: string): string[] {
  const lines = head.split('\n', 6).map((l) => l.trim()).filter(Boolean).slice(0, 4);
  const line = lines.find((l) => l.length <= 100 && orgLine.test(l.toUpperCase()));
  return line ? [line.toUpperCase()] : [];
}

function documentType(head: string, parts: ReturnType<typeof parseNumber> | null, hasSubjectLine: boolean) {
  const title = titleType.exec(head);
  const fromTitle = title ? documentTypeByName(title[1]) : undefined;
  if (fromTitle && title && title[1] === title[1].toUpperCase()) return fromTitle;
  if (parts?.type) return parts.type;
  if (fromTitle && title && title.index < 200) return fromTitle;
  const firstWord = firstTypeWord.exec(head);
  if (firstWord && !/^\s*(?:Số|số)/u.test(head)) return documentTypeByName(firstWord[1]) ?? null;
  if (hasSubjectLine || (parts && !parts.party && !parts.year && parts.issuerCode)) return documentTypeByCode('CV') ?? null;
  return null;
}

function subjectOf(head: string, hasHeader: boolean): string | null {
  const vv = subjectLine.exec(head);
  if (vv) return clean(vv[1]);
  const title = titleType.exec(head);
  if (title) {
    // up to four title lines, ending at a blank line or where the preamble starts
    const lines: string[] = [];
    for (const line of head.slice(title.index + title[0].length).split('\n', 8)) {
      if (!line.trim()) {
        if (lines.length) break;
        continue;
      }
      if (/^\s*(?:Căn cứ|CĂN CỨ|ỦY BAN|UBND|BỘ TRƯỞNG|THỦ TƯỚNG|Thực hiện)/u.test(line) || lines.length === 4) break;
      lines.push(line);
    }
    if (lines.length) return clean(lines.join(' '));
  }
  if (!hasHeader) {
    const first = head.split('\n').find((l) => l.trim());
    if (first && first.length <= 300) return clean(first.replace(leadingTypeWord, ''));
  }
  return null;
}

function recipientsOf(head: string): string[] {
  const lead = recipientsLead.exec(head);
  if (!lead) return [];
  const rest = head.slice(lead.index + lead[0].length).replace(/^\s*\n/, '');
  const out: string[] = [];
  for (const line of rest.split('\n')) {
    const item = line.replace(/^[\s\-+•*]+/, '').replace(/[\s,;.*]+$/, '').trim();
    if (!item) {
      if (out.length) break;
      continue;
    }
    if (item.length > 200 || out.length >= 25) break;
    out.push(...item.split(/;\s*/).filter(Boolean));
    if (/\.\s*$/.test(line) && !/,\s*$/.test(line)) break;
  }
  return out;
}

/**
 * Signer: the name after the last signing title ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Đức Toàn"),
 * inline or on a line of its own within a few lines; annexes may follow the signature, so the whole
 * document is searched and the title nearest to "Nơi nhận" wins.
 */
function signerOf(text: string): { signer: string | null; signerTitle: string | null } {
  const receivers = text.search(/N[ơƠ]i\s+nh[ậẬ]n/u);
  let best: { signer: string; title: string; distance: number } | null = null;
  signerTitle.lastIndex = 0;
  for (let m = signerTitle.exec(text); m; m = signerTitle.exec(text)) {
    const from = m.index + m[0].length;
    const after = text.slice(from, from + 900);
    const inline = nameAfterTitle.exec(after);
    let name = inline?.[1] ?? null;
    if (!name) {
      for (const line of after.split('\n').slice(1, 25)) {
        const only = nameLine.exec(line);
        if (only && !notName.test(only[1])) {
          name = only[1];
          break;
        }
      }
    }
    if (!name || notName.test(name)) continue;
    const distance = receivers === -1 ? text.length - m.index : Math.abs(m.index - receivers);
    if (!best || distance <= best.distance) best = { signer: name.replace(/\s+/g, ' '), title: titleBefore(text, m.index, from), distance };
  }
  return best ? { signer: best.signer, signerTitle: best.title || null } : { signer: null, signerTitle: null };
}

/** The upper-case title lines ending at `end` ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), at most three. */
function titleBefore(text: string, start: number, end: number): string {
  const lines = text.slice(Math.max(0, start - 200), end).split('\n');
  const kept: string[] = [];
  for (let k = lines.length - 1; k >= 0 && kept.length < 3; k--) {
    const line = lines[k].replace(/[*\\|\[\]]|\(?(?:Đã ký|đã ký)\)?/g, ' ').trim();
    if (!line) {
      if (kept.length) break;
      continue;
    }
    if (line !== line.toUpperCase()) {
      if (k === lines.length - 1) kept.unshift(line.replace(/^.*?(?=(?:KT\.|TM\.|T\/M|TL\.|Q\.)|\p{Lu}{2})/u, ''));
      break;
    }
    kept.unshift(line);
  }
  return clean(kept.join(' '));
}

/** The province named most often in the text ("tỉnh Quảng Nam"), for documents without a header. */
function mostNamedProvince(text: string): string | null {
  const counts = new Map<string, number>();
  provinceInText.lastIndex = 0;
  for (let m = provinceInText.exec(text); m; m = provinceInText.exec(text)) {
    const p = findProvince(m[1]);
    if (p) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, count] of counts) if (count > bestCount) [best, bestCount] = [name, count];
  return best;
}

function clean(s: string): string {
  return s.replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim();
}
