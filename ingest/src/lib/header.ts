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
import { classifyOrganisation, districtWithin, issuerFromNumber, issuerOrganisations, ministryNamingItself, placeToArea } from './issuer.js';
import { signerOf } from './signer.js';
import { joinSpacedLetters, spacedCodeLetters } from './spaced-letters.js';
import { subjectLine, subjectOf, titleType } from './subject.js';
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


/** Issuer levels a số ký hiệu's code tells for certain: central bodies, never a province's. */
const centralLevels = new Set<IssuerLevel | null>(['party-central', 'national-assembly', 'government']);
const HEAD = 3000;
const motto = /C[ỘO]NG H(?:[ÒOÓ]A|OÀ) X[ÃA] H[ỘO]I|Đ[ẢA]NG C[ỘO]NG S[ẢA]N VI[ỆE]T NAM|Độc lập|ĐỘC LẬP|CÔNG BÁO|^\d+$|^[-_=*.]+$/u;
const numberLine = new RegExp(
  String.raw`(?:^|\n)[ \t]*S[ốỐ][ \t]*(?:hiệu)?[ \t]*[:.]?[ \t]*(?:\n[ \t]*(?=[\d/]))?((\d{1,6})?[ \t]*(?:\/[ \t]*\d{4}[ \t]*)?[/\-–][ \t]*` +
    String.raw`(?:${spacedCodeLetters}|[A-ZĐa-zđ][A-Za-zĐđ0-9&]*)` +
    String.raw`(?:[ \t]*[-–/][ \t]*(?:${spacedCodeLetters}|[A-Za-zĐđ0-9&]+)|(?:\.(?=[A-Za-zĐđ])|[ \t](?=[A-ZĐ&]{2}))[A-Za-zĐđ0-9&]+)*)`,
  'u',
);
/** Exported with `placeDateIn` for the test that holds the shortcut to the plain scan. */
// the place never starts inside a code ("299/TTg Hà Nội", "1654/NQ-UBTVQH15 Hà Nội": a number line flattened onto it)
export const placeDate = /(?<![\p{L}\d/\-–])([\p{Lu}][\p{L}.']*(?:[ \t\-]+[\p{Lu}\d][\p{L}\d.']*){0,5})[ \t]*,[ \t]*[Nn]gày[ \t]*(\d{1,2}|[ \t.…_]*)[ \t]*tháng[ \t]*(\d{1,2}|[ \t.…_]*)[ \t]*năm[ \t]*(\d{4})/gu;
// Every place-and-date line holds ", ngày"; the place before it never crosses a line break.
const placeDateAnchor = /,[ \t]*[Nn]gày/g;
const firstTypeWord = new RegExp(`^\\s*(${typeWordSource})(?![\\p{L}])`, 'u');
const recipientsLead = /Kính[ \t]+gửi(?<=(?:^|\n)[ \t]*Kính[ \t]+gửi)[ \t]*:?[ \t*]*/iu;
const provinceInText = new RegExp(`(?:tỉnh|Tỉnh ủy|Tỉnh uỷ|thành phố|Thành phố|TP\\.?)[ \\t]+(${provinceNamePattern})(?![\\p{L}])`, 'gu');

/** Header fields of one document (plain text of that document only). */
export function extractHeader(text: string): DocumentHeader {
  const head = text.slice(0, HEAD);
  const numberMatch = numberLine.exec(head);
  const number = numberMatch ? normalizeNumber(numberMatch[1]) : null;
  const parts = number ? parseNumber(number) : null;

  const pd = placeDateIn(head);
  const date = pd ? parseDateAt(`${pd[2].trim() || ''} tháng ${pd[3].trim()} năm ${pd[4]}`.trim(), 0) : null;
  const blankMonth = pd && !/\d/.test(pd[3]);
  const place = pd ? placeName(pd[1]) : null;

  const firstMark = Math.min(...[numberMatch?.index, pd?.index, head.search(motto)].filter((i): i is number => i !== undefined && i >= 0), head.length);
  const blockLines = issuerBlockLines(head, numberMatch ? numberMatch.index : firstMark);
  const orgs = issuerOrganisations(blockLines);
  // Documents without a header block (word-segmented corpus) may name the issuer on an early line,
  // or only where it speaks of itself.
  if (!orgs.length) orgs.push(...earlyIssuerLine(head));
  if (!orgs.length) orgs.push(...selfNamedIssuer(head, text));
  if (!orgs.length) orgs.push(...[ministryNamingItself(text)].filter((m): m is string => m !== null));
  const issuerName = orgs.length ? orgs[orgs.length - 1] : null;
  const parentIssuer = orgs.length > 1 ? orgs[orgs.length - 2] : null;

  let level: IssuerLevel | null = null;
  let province: string | null = null;
  let district: string | null = null;
  if (issuerName) ({ level, province, district } = classifyOrganisation(issuerName, parentIssuer));
  const fromNumber = parts ? issuerFromNumber(parts) : { issuer: null, level: null };
  // the number's code of a central body (NQ-UBTVQH13, QĐ-TTg, CT/TW, KH-BCĐQG1237) outweighs a name
  // that places nothing: a table cell cut to "ỦY BAN THƯỜNG VỤ" reads as a provincial committee, and
  // the place line "Hà Nội" then made a national resolution a Hà Nội one
  if (centralLevels.has(fromNumber.level) && !province && !isNationalLevel(level)) level = fromNumber.level;
  level ??= fromNumber.level;
  const area = place ? placeToArea(place) : { province: null, district: null };
  if (!isNationalLevel(level) || province) {
    province ??= area.province;
    if (!district && area.district && area.province === province) district = area.district;
    if (district && level === 'province' && !/TỈNH|THÀNH PHỐ/.test(issuerName?.toUpperCase() ?? 'TỈNH')) level = 'district';
    if (!issuerName && area.district && level === 'province') level = 'district';
    province ??= mostNamedProvince(text, level);
    if (province && !district && level === 'district') district = districtWithin(province, `${parentIssuer ?? ''} ${issuerName ?? ''}`, place);
  }

  const vv = subjectLine.exec(head);
  const title = titleType.exec(head);
  const type = documentType(head, parts, pd !== null && vv !== null, title);
  return {
    number,
    draft: number !== null && /^[/-]/.test(number),
    typeCode: type?.code ?? null,
    type: type?.name ?? null,
    date: date && !blankMonth ? date.iso : null,
    // the number's own year names the document, not a date line that may be mistyped (`identityYear`)
    year: parts?.year ?? date?.year ?? (pd ? Number(pd[4]) : null),
    place,
    issuer: issuerName ?? fromNumber.issuer,
    parentIssuer,
    issuerLevel: level,
    province,
    district,
    subject: subjectOf(head, numberMatch !== null || pd !== null, vv, title, pd ? head.indexOf(pd[4], pd.index) + 4 : null),
    recipients: recipientsOf(head),
    ...signerOf(text),
  };
}

/**
 * The first place-and-date match, tried only on the lines holding ", ngày": a match never crosses a
 * line break and always holds that anchor, and a line starts after "\n", so the look-behind sees
 * the same. Trying the \p{Lu} pattern at every position of the head cost more than the rest of
 * the header. A line it fails on, or whose place may have lost a cut-off piece (`cutBefore`), is
 * tried once more repaired (`placeDateOnRepaired`; a head without cut letters, emphasis marks or a
 * split "0 7" gives exactly the plain scan's first match).
 */
export function placeDateIn(head: string): RegExpExecArray | null {
  placeDateAnchor.lastIndex = 0;
  for (let anchor = placeDateAnchor.exec(head); anchor; anchor = placeDateAnchor.exec(head)) {
    const lineStart = head.lastIndexOf('\n', anchor.index) + 1;
    const newline = head.indexOf('\n', anchor.index);
    const lineEnd = newline === -1 ? head.length : newline;
    const line = head.slice(lineStart, lineEnd);
    const plain = placeDateOn(line);
    const m = plain && !cutBefore(line, plain.index) ? plain : (placeDateOnRepaired(line) ?? plain);
    if (m) {
      m.index += lineStart;
      return m;
    }
    placeDateAnchor.lastIndex = lineEnd;
  }
  return null;
}

// A capitalised place right after a small letter may have lost its first syllable to a cut ("Qu ả ng
// Ngãi" reads "Ngãi"): the repaired line then tells.
const smallLetterBefore = /\p{Ll}[ \t]$/u;
const cutBefore = (line: string, at: number): boolean => smallLetterBefore.test(line.slice(Math.max(0, at - 2), at));

function placeDateOn(line: string): RegExpExecArray | null {
  placeDate.lastIndex = 0;
  return placeDate.exec(line);
}

/**
 * The place-and-date line as a conversion left it, repaired: first the letters it cut apart joined
 * ("T hành phố Hồ Chí M inh, ngày …"), then, if that is not enough, the date's own noise removed
 * (`tidyDateLine`). Its groups are the repaired values, its index where the match starts in the line
 * as written.
 */
function placeDateOnRepaired(line: string): RegExpExecArray | null {
  const joined = joinSpacedLetters(line);
  let read = joined;
  let m = joined === line ? null : placeDateOn(joined);
  if (!m) {
    read = tidyDateLine(joined);
    m = read === joined ? null : placeDateOn(read);
  }
  if (m) m.index = sourceIndex(line, read, m.index);
  return m;
}

// Emphasis marks the markdown parser left as text: "Hà Nội*, ngày* *2**5* tháng 8**năm 2014". Between
// two letters the joiner has already dealt with them; anywhere else they only break up the date.
const strayEmphasis = /\*+/g;
// A day or month of two digits a conversion spaced apart after its leading zero ("tháng 0 7 năm"): a
// lone "0" is never a day or a month, so only the joined "07" reads.
const zeroSpacedFromDigit = /(?<=[Nn]gày[ \t]*0|tháng[ \t]*0) (?=\d[ \t]*(?:tháng|năm))/g;

function tidyDateLine(line: string): string {
  const unmarked = line.includes('*') ? line.replace(strayEmphasis, '') : line;
  return unmarked.includes(' 0 ') ? unmarked.replace(zeroSpacedFromDigit, '') : unmarked;
}

/** Where `joined[at]` stands in `line`: repairing drops spaces and emphasis marks, or puts one space for a run of marks. */
function sourceIndex(line: string, joined: string, at: number): number {
  let i = 0;
  for (let j = 0; j < at; j++) {
    while (i < line.length && line[i] !== joined[j] && (line[i] === ' ' || line[i] === '*')) i++;
    if (line[i] === joined[j]) i++;
  }
  while (i < line.length && line[i] !== joined[at] && (line[i] === ' ' || line[i] === '*')) i++;
  return i;
}

// a number no unit word introduces ("Quận 8") ends the line before the place: "… Luật DN 2014 Hà Nội"
const beforeStrayNumber = /^.*(?<!(?:Quận|Phường|Q\.|P\.))[ \t]+\d[\p{L}\d.']*[ \t-]+(?=\p{Lu})/u;

function placeName(raw: string): string {
  return raw.replace(beforeStrayNumber, '').replace(/\s+/g, ' ').trim();
}

/** Upper-case lines at the top of the document, before the number line (or after it, if none before). */
function issuerBlockLines(head: string, stopAt: number): string[] {
  const lines = head.slice(0, Math.max(stopAt, 0)).split('\n');
  const block: string[] = [];
  for (const raw of lines) {
    // letters cut apart are joined first: "C****Ộ****NG HÒA" is the quốc hiệu, not part of the issuer
    // (only where they matter: an upper-case line, markdown, or a line holding the quốc hiệu's "NAM")
    const joined = raw.length > 2 && (raw === raw.toUpperCase() || raw.includes('*') || raw.includes('NAM')) ? joinSpacedLetters(raw) : raw;
    const line = joined.replace(/[-_=*]{3,}/g, ' ').trim();
    if (!line || line === '*') continue;
    if (motto.test(line)) {
      // the quốc hiệu may share a flattened table line with the issuer: keep what comes before it
      // (an upper-case part only: a blog's lead sentence running into a pasted header is not the issuer)
      const cut = line.search(motto);
      const before = line.slice(0, cut);
      if (cut > 2 && before === before.toUpperCase()) block.push(before);
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
  if (!line) return [];
  // a sentence in which the issuer speaks ("Cục Văn thư … hướng dẫn việc …") gives only its name
  selfNaming.lastIndex = 0;
  return [(selfNaming.exec(line)?.[1] ?? line).toUpperCase()];
}

// "UBND Thành phố xây dựng Kế hoạch…", "Văn phòng Chính phủ xin thông báo…", "Uỷ ban nhân dân tỉnh
// yêu cầu…", "Bộ Tư pháp quy định chi tiết…": an organisation opening a line and, straight after its
// name, the verb by which an issuer addresses its readers (a word like "đã" between them makes it a
// report on someone else). The organisation may follow its head's title ("Bộ trưởng Bộ Khoa học và
// Công nghệ hướng dẫn…", after the "Căn cứ" lines of a text without a header) or the purpose or basis
// clause of its opening sentence, however many parts it has ("Để tăng cường …, Ủy ban nhân dân thành
// phố yêu cầu…", "Để bảo đảm …; đồng thời để khắc phục …; Ủy ban nhân dân thành phố yêu cầu…"), also
// a basis clause opening a sentence mid-paragraph ("… 2020. Căn cứ công văn …; UBND huyện Lục Nam yêu cầu…"); a
// title alone ("Tổng cục trưởng yêu cầu…") names no organisation.
const selfNaming = new RegExp(
  String.raw`(?:(?:^|\n)[ \t]*(?:(?:Để|Thực hiện|Căn cứ)[ \t][^\n]*?[,;][ \t]*)?|\.[ \t]+(?:Để|Thực hiện|Căn cứ)[ \t][^\n]*?[,;][ \t]*)(?:(?:Bộ trưởng|Chủ tịch|Giám đốc|Cục trưởng|Tổng cục trưởng|Trưởng ban)[ \t]+)?` +
    String.raw`((?:Ủy ban|Uỷ ban|ỦY BAN|UBND|Hội đồng|HĐND|Bộ|Sở|Chính phủ|Thủ tướng|Văn phòng|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Ban|Cục|Tổng cục)(?![ \t]+trưởng)` +
    String.raw`(?:[ \t]+(?!(?:đã|đang|sẽ|cũng|vừa|mới|được|có|không|chưa|xin|thông|yêu|đề|ban|xây|hướng|quy)(?![\p{L}]))[\p{L}&-]+){0,8}?)` +
    // a kind of body alone ("Giám đốc Sở yêu cầu…") names none
    String.raw`(?<!(?:^|[^\p{L}])(?:Ủy ban|Uỷ ban|ỦY BAN|Hội đồng|Bộ|Sở|Văn phòng|Ban|Cục|Tổng cục))` +
    String.raw`[ \t]+(?:xin[ \t]+)?(?:thông báo|yêu cầu|đề nghị|ban hành|hướng dẫn|quy định|xây dựng[ \t]+${typeWordSource})(?![\p{L}])`,
  'gu',
);
const TAIL = 1500;

/** The issuer naming itself in an opening line (the first one) or a closing line (the last one). */
function selfNamedIssuer(head: string, text: string): string[] {
  selfNaming.lastIndex = 0;
  const opening = selfNaming.exec(head);
  if (opening) return [opening[1].toUpperCase()];
  let closing: RegExpExecArray | null = null;
  const tail = text.slice(-TAIL);
  selfNaming.lastIndex = 0;
  for (let m = selfNaming.exec(tail); m; m = selfNaming.exec(tail)) closing = m;
  return closing ? [closing[1].toUpperCase()] : [];
}

function documentType(head: string, parts: ReturnType<typeof parseNumber> | null, hasSubjectLine: boolean, title: RegExpExecArray | null) {
  // a consolidated text (số …/VBHN-…) repeats the title of the text it consolidates ("NGHỊ ĐỊNH")
  if (parts?.type?.code === 'VBHN') return parts.type;
  const fromTitle = title ? documentTypeByName(title[1]) : undefined;
  if (fromTitle && title && title[1] === title[1].toUpperCase()) return fromTitle;
  if (parts?.type) return parts.type;
  if (fromTitle && title && title.index < 200) return fromTitle;
  const firstWord = firstTypeWord.exec(head);
  if (firstWord && !/^\s*(?:Số|số)/u.test(head)) return documentTypeByName(firstWord[1]) ?? null;
  if (hasSubjectLine || (parts && !parts.party && !parts.year && parts.issuerCode)) return documentTypeByCode('CV') ?? null;
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
 * The province named most often in the text ("tỉnh Quảng Nam"), for documents without a header. An
 * issuer known to be local (a level below national) is most likely in the province it names most.
 * With no issuer found, a national report names provinces in passing ("tổ chức Lễ phát động … tại
 * tỉnh Thái Nguyên"), so the province must lead alone and be named either more than once or in the
 * opening lines, where a document without a header names where it speaks for.
 */
function mostNamedProvince(text: string, level: IssuerLevel | null): string | null {
  const counts = new Map<string, { count: number; first: number }>();
  provinceInText.lastIndex = 0;
  for (let m = provinceInText.exec(text); m; m = provinceInText.exec(text)) {
    const p = findProvince(m[1]);
    if (!p) continue;
    const seen = counts.get(p.name);
    if (seen) seen.count++;
    else counts.set(p.name, { count: 1, first: m.index });
  }
  let best: string | null = null;
  let bestCount = 0;
  let tied = false;
  for (const [name, { count }] of counts) {
    if (count > bestCount) [best, bestCount, tied] = [name, count, false];
    else if (count === bestCount) tied = true;
  }
  if (!best || level !== null) return best;
  return !tied && (bestCount > 1 || counts.get(best)!.first < HEAD) ? best : null;
}
