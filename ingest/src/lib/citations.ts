import { documentTypeByCode, isoYear, normalizeNumber, parseNumber, type CitationKind, type DocumentType } from '@vanban/schema';
import { isCodeLetter, isDigitCode } from './code-chars.js';
import { dateAfter, parseDateAt, type ParsedDate } from './dates.js';
import { footnoteMarkerLength } from './footnote-markers.js';
import { issuerPhraseAt, issuerPhraseBefore, issuerSubjectBefore } from './issuer-phrase.js';
import { spacedCodeLetters } from './spaced-letters.js';
import { isLetterAt, skipBlanksBack, typeWordEndingAt, wordStartBefore, type TypeHit } from './vocabulary.js';

/** A citation found in plain text; offsets are plain-text offsets. */
export interface FoundCitation {
  kind: CitationKind;
  /** Span: type word (if any) through number and date. */
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  /** End of what describes the cited document (date, "của <issuer>"): where its own clause begins. */
  tailEnd: number;
  number: string;
  typeCode: string | null;
  type: string | null;
  issuerCode: string | null;
  date: string | null;
  year: number | null;
  issuer: string | null;
  pin: string | null;
  /** Index of the full citation a short or anaphoric reference stands for. */
  refersTo: number | null;
}

// serial [/year] separator code; the code may break across a line after a separator
// ("51/BC-\nĐGS") or hold a space between capitals ("LĐT BXH"). See DESIGN.md "Identity".
// The code part is optional: the same pass over the digits also yields the bare serials the short
// references need ("Quyết định 1863"), so the text is scanned for numbers once, not twice.
// A segment right after a separator may have its capitals spaced apart ("QĐ - U B ND"): see
// `spacedCodeLetters`.
const numberPattern = new RegExp(
  String.raw`(\d{1,6})(?:(?:[ \t]?\/[ \t]?(\d{4}))?[ \t]?([/\-–])[ \t]*\n?[ \t]*((?:${spacedCodeLetters}|[A-ZĐa-zđ][A-Za-zĐđ0-9&]*)` +
    String.raw`(?:[ \t]*[-–/][ \t]*\n?[ \t]*(?:${spacedCodeLetters}|[A-Za-zĐđ0-9&]+)|(?:\.(?=[A-Za-zĐđ])|[ \t]\.[ \t](?=[A-ZĐ]{2,}-)|[ \t](?=[A-ZĐ&]{2}))[A-Za-zĐđ0-9&]+)*))?`,
  'g',
);

// cheap guards before the end-anchored patterns, which would otherwise try every position
const formHint = /mẫu|Mẫu|MẪU|biểu|Biểu|tờ khai|Tờ khai|phụ lục|Phụ lục|bảng kê|Bảng kê|ký hiệu/;
const pinHint = /[Đđ]iều|ĐIỀU|[Cc]hương|CHƯƠNG|[Mm]ục|[Pp]hần|[Pp]hụ lục/;
const formBefore = /(?:mẫu|biểu|mẫu biểu|tờ khai|phụ lục|bảng kê|ký hiệu)[ \t\n]*(?:số)?[ \t\n]*:?[ \t\n]*$/iu;
const pinBefore =
  /((?:điểm[ \t\n]+[a-zđ][ \t\n]*,?[ \t\n]*)?(?:khoản[ \t\n]+\d+[ \t\n]*,?[ \t\n]*)?(?:Điều[ \t\n]+\d+[a-zđ]?|Chương[ \t\n]+[IVXLC]+|Mục[ \t\n]+\d+|Phần[ \t\n]+[IVX]+|Phụ lục[ \t\n]+[IVX\d]+))[ \t\n]*,?[ \t\n]*(?:của|tại)?[ \t\n]*$/iu;
const listJoin = /^[ \t\n]*(?:,|;|và|hoặc)[ \t\n]*(?:các[ \t\n]+)?(?:số)?[ \t\n]*$/iu;

function wordBefore(text: string, end: number): string {
  return text.slice(wordStartBefore(text, end), end);
}

const endsLikeSo = (text: string, j: number): boolean => {
  const c = text.charCodeAt(j - 1);
  return c === 0x1ed1 /* ố */ || c === 0x1ed0 /* Ố */ || c === 0x6f /* o */;
};
const endsLikeUrgent = (text: string, j: number): boolean => {
  const c = text.charCodeAt(j - 1);
  return c === 0x6e /* n */ || c === 0x63 /* c */;
};

/** The type word right before a number ("Quyết định số ", "QĐ ", "Công văn hỏa tốc số: "), if any. */
export function typeWordBefore(text: string, at: number): TypeHit | undefined {
  let j = skipBlanksBack(text, at);
  if (j > 0 && text.charCodeAt(j - 1) === 0x3a /* : */) j = skipBlanksBack(text, j - 1);
  if (endsLikeSo(text, j) && /^(?:số|Số|SỐ|so)$/.test(wordBefore(text, j))) j = skipBlanksBack(text, wordStartBefore(text, j));
  if (endsLikeUrgent(text, j) && /^(?:khẩn|tốc)$/.test(wordBefore(text, j))) {
    j = skipBlanksBack(text, wordStartBefore(text, j));
    if (wordBefore(text, j) === 'hỏa') j = skipBlanksBack(text, wordStartBefore(text, j));
  }
  return at - j <= 24 ? typeWordEndingAt(text, j) : undefined;
}

/** A serial starts a number unless it continues a word or another number ("COVID-19", "1.426", "23/12/2019"); "số1863" is fine. */
function startsNumber(text: string, at: number): boolean {
  if (at <= 0) return true;
  if (continuesNumber(text.charCodeAt(at - 1))) return false;
  return !isLetterAt(text, at - 1) || /s[ốỐ]$/i.test(text.slice(Math.max(0, at - 2), at));
}

/** A digit or one of `/.,-` (the character before a serial that is part of another number). */
export function continuesNumber(c: number): boolean {
  return isDigitCode(c) || c === 0x2f || c === 0x2e || c === 0x2c || c === 0x2d;
}

/** Every full citation (a số ký hiệu with its code) in `text`. */
export function findFullCitations(text: string): FoundCitation[] {
  return scanNumbers(text).full;
}

const isSeparator = (c: number): boolean => c === 0x2f || c === 0x2d || c === 0x2013 || c === 0x2e;

/**
 * Does a bare serial end at `end`: not followed by a digit or a code letter, nor by a separator and
 * one (`(?![\d]|[/\-–.]?[A-Za-zĐđ\d])`)?
 */
function endsBareSerial(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (isDigitCode(c) || isCodeLetter(c)) return false;
  if (!isSeparator(c)) return true;
  const d = text.charCodeAt(end + 1);
  return !(isDigitCode(d) || isCodeLetter(d));
}

/**
 * One pass over the numbers of `text`: the full citations, and the spans of the serials that stand
 * alone (start, end pairs), candidates for short references (`findReferences`).
 */
export function scanNumbers(text: string): { full: FoundCitation[]; serials: number[] } {
  const found: FoundCitation[] = [];
  const serials: number[] = [];
  // "các Quyết định của Bộ trưởng Bộ X: Số 1/QĐ-BX …; số 2/QĐ-BX …": the head's issuer, for the list
  let listHead: { phrase: string; end: number; list: boolean } | null = null;
  numberPattern.lastIndex = 0;
  for (let m = numberPattern.exec(text); m; m = numberPattern.exec(text)) {
    const numberStart = m.index;
    const digitsEnd = numberStart + m[1].length;
    if (endsBareSerial(text, digitsEnd)) serials.push(numberStart, digitsEnd);
    if (m[4] === undefined) continue;
    const codeEnd = m.index + m[0].length;
    if (!startsNumber(text, numberStart) || isLetterAt(text, codeEnd) || isDigitCode(text.charCodeAt(codeEnd))) continue;
    const marker = footnoteMarkerLength(text, numberStart, m[4], codeEnd);
    const code = marker ? m[4].slice(0, -marker) : m[4];
    // a footnote marker ends the number, not the citation: the date or issuer after it still count
    const numberEnd = codeEnd - marker;
    if (!plausibleCode(code)) continue;
    const before = text.slice(Math.max(0, numberStart - 60), numberStart);
    if (formHint.test(before) && formBefore.test(before)) continue;
    const { number, parts } = parsedNumber(`${m[1]}${m[2] ? `/${m[2]}` : ''}${m[3]}${code}`);
    const typeHit = typeWordBefore(text, numberStart);
    if (!parts.type && !parts.issuer && !typeHit && !listJoinedTo(found, text, numberStart)) continue;

    let start = numberStart;
    let typeFromText: DocumentType | null = null;
    if (typeHit) {
      start = typeHit.start;
      typeFromText = typeHit.type ?? null;
    } else {
      const previous = listJoinedTo(found, text, numberStart);
      if (previous && !parts.type) typeFromText = previous.typeCode ? (documentTypeByCode(previous.typeCode) ?? null) : null;
    }
    const type = parts.type ?? typeFromText ?? (!parts.party && !parts.year && parts.issuer ? documentTypeByCode('CV')! : null);

    const dateRightAfter = dateAfter(text, codeEnd);
    const end = dateRightAfter ? dateRightAfter.end : numberEnd;
    const issuer = issuerPhraseAt(text, dateRightAfter ? end : codeEnd);
    // "Thông báo số 87/TB-VPCP của Văn phòng Chính phủ ngày 02/3/2012"; "Ngày 18-7-1977, … ban hành Chỉ thị số 169-CP"
    const dateAfterIssuer = !dateRightAfter && issuer ? dateAfter(text, issuer.end) : null;
    const date = dateRightAfter ?? dateAfterIssuer ?? dateBefore(text, start);
    let issuerPhrase = issuer?.phrase ?? null;
    if (!issuerPhrase) {
      const before = issuerPhraseBefore(text, start) ?? issuerSubjectBefore(text, start);
      if (before) {
        issuerPhrase = before.phrase;
        listHead = before;
      } else if (listHead && continuesListHead(text, listHead, found, start)) issuerPhrase = listHead.phrase;
      else listHead = null;
    }
    const pinWindow = text.slice(Math.max(0, start - 60), start);
    const pinMatch = pinHint.test(pinWindow) ? pinBefore.exec(pinWindow) : null;
    found.push({
      kind: 'full',
      start,
      end,
      numberStart,
      numberEnd,
      tailEnd: Math.max(end, codeEnd, issuer?.end ?? 0, dateAfterIssuer?.end ?? 0),
      number,
      typeCode: type?.code ?? null,
      type: type?.name ?? null,
      issuerCode: parts.issuerCode,
      date: date?.iso ?? null,
      // the number's own year names the document, not a date beside it that may be mistyped (`identityYear`)
      year: parts.year ?? date?.year ?? null,
      issuer: issuerPhrase,
      pin: pinMatch ? pinMatch[1].replace(/\s+/g, ' ') : null,
      refersTo: null,
    });
  }
  shareListDates(found, text);
  shareListIssuers(found, text);
  return { full: found, serials };
}

// The same numbers recur across a document and its neighbours: normalize and parse each spelling
// once. Kept small: each extraction worker holds one, and ingest's peak RSS has little room left.
const parsedNumbers = new Map<string, { number: string; parts: ReturnType<typeof parseNumber> }>();
function parsedNumber(raw: string): { number: string; parts: ReturnType<typeof parseNumber> } {
  let hit = parsedNumbers.get(raw);
  if (!hit) {
    if (parsedNumbers.size >= 2_000) parsedNumbers.clear();
    const number = normalizeNumber(raw);
    hit = { number, parts: parseNumber(number) };
    parsedNumbers.set(raw, hit);
  }
  return hit;
}

/**
 * A later item of a list under a leading issuer phrase: joined to the previous citation, which took
 * that phrase ("của UBND tỉnh tại Công văn số 1/UBND, số 2/UBND"), or, after a colon, an item of the
 * same paragraph opening with at most "số" ("của Bộ trưởng Bộ X: Số 1/QĐ-BX …; số 2/QĐ-BX …").
 */
function continuesListHead(text: string, head: { phrase: string; end: number; list: boolean }, found: FoundCitation[], start: number): boolean {
  const previous = found[found.length - 1];
  if (previous?.issuer === head.phrase && listJoinedTo(found, text, start)) return true;
  if (!head.list) return false;
  const between = text.slice(head.end, start);
  if (between.includes('\n')) return false;
  const item = between.slice(Math.max(between.lastIndexOf(';'), between.lastIndexOf(',')) + 1);
  return /^[ \t]*(?:và[ \t]+)?(?:số[ \t]*)?$/iu.test(item);
}

/** The previous citation when this number continues its list ("số 12/KH-UBND, số 13/KH-UBND"). */
function listJoinedTo(found: FoundCitation[], text: string, numberStart: number): FoundCitation | undefined {
  const previous = found[found.length - 1];
  if (!previous || numberStart - previous.end > 20) return undefined;
  return listJoin.test(text.slice(previous.end, numberStart)) ? previous : undefined;
}

/** "các Kế hoạch số 12/KH-UBND, số 13/KH-UBND ngày 15/01/2020": the date belongs to the whole list. */
function shareListDates(found: FoundCitation[], text: string): void {
  for (let k = found.length - 1; k > 0; k--) {
    const current = found[k];
    const previous = found[k - 1];
    if (previous.date || previous.year !== null || !current.date) continue;
    const join = text.slice(previous.end, current.start);
    // "số 12/KH-UBND, số 13/KH-UBND ngày …" and "Tờ trình số 347/TTr-CP và Đề án số 348/ĐA-CP ngày …"
    // share the date; "Quyết định số 62/QĐ-TTg, Quyết định số 40/2011/QĐ-TTg ngày …" does not.
    const shared = current.start === current.numberStart ? listJoin.test(join) : /^[ \t\n]*(?:và|hoặc)[ \t\n]*$/u.test(join);
    if (previous.end === previous.numberEnd && join.length <= 20 && shared) {
      previous.date = current.date;
      // the date's year: current's own may be the one inside its number
      previous.year = isoYear(current.date);
    }
  }
}

/** "các Kế hoạch số 12/KH-UBND, số 13/KH-UBND của UBND tỉnh": the issuer, like the date, is the whole list's. */
function shareListIssuers(found: FoundCitation[], text: string): void {
  for (let k = found.length - 1; k > 0; k--) {
    const current = found[k];
    const previous = found[k - 1];
    if (previous.issuer !== null || current.issuer === null || previous.end !== previous.numberEnd) continue;
    const join = text.slice(previous.end, current.start);
    const shared = current.start === current.numberStart ? listJoin.test(join) : /^[ \t\n]*(?:và|hoặc)[ \t\n]*$/u.test(join);
    if (join.length <= 20 && shared) previous.issuer = current.issuer;
  }
}

/**
 * Codes are upper case (`QĐ-TTg`, `LĐTBXH`), allowing the mixed-case codes (`TTg`, `CTr`) and
 * wholly lower-case citations (`77/2008/nđ-cp`); "302/Ngày" in a gazette running header is not a code.
 */
function plausibleCode(code: string): boolean {
  const letters = code.replace(/[^A-Za-zĐđ]/g, '');
  if (letters.length < 2) return false;
  if (code === code.toUpperCase()) return true;
  if (code === code.toLowerCase()) return true;
  // unit codes may carry a lower-case letter or two: GDTrH (Giáo dục Trung học), TTg, CTr, QyĐ
  return code.split(/[-–—/.\s&]+/).every((segment) => segment === segment.toUpperCase() || /^[A-ZĐ]+[a-zđ]{1,2}[A-ZĐ]*\d*$/.test(segment));
}

const issuedOn = /(?:^|[\s(])[Nn]gày[ \t\n]+(?=\d)/g;

/** "Ngày 18-7-1977, Hội đồng Chính phủ đã ban hành Chỉ thị số 169-CP": a date opening the clause. */
function dateBefore(text: string, start: number): ParsedDate | null {
  // the verb ends at most 20 characters before the citation: a cheap look at those comes first, as
  // the end-anchored pattern is tried from every position of the window
  const tail = text.slice(Math.max(0, start - 24), start);
  if (!tail.includes('ký') && !tail.includes('có') && !tail.includes('hành')) return null;
  const from = Math.max(0, start - 160);
  const window = text.slice(from, start);
  if (!/(?:ban[ \t\n]+hành|đã[ \t\n]+có|đã[ \t\n]+ký|ký)[^.;]{0,20}$/u.test(window)) return null;
  let last: ParsedDate | null = null;
  issuedOn.lastIndex = 0;
  for (let m = issuedOn.exec(window); m; m = issuedOn.exec(window)) {
    const parsed = parseDateAt(text, from + m.index + m[0].length);
    if (parsed && !/[.;]/.test(text.slice(parsed.end, start))) last = parsed;
  }
  return last;
}
