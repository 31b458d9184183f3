import { documentTypeByCode, documentTypeByName, normalizeNumber, parseNumber, type CitationKind } from '@vanban/schema';
import { dateAfter, parseDateAt, type ParsedDate } from './dates.js';
import { issuerPhraseAt } from './issuer-phrase.js';
import { typeBeforeNumber, typeWordSource } from './vocabulary.js';

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
const numberPattern =
  /(?:(?<![\p{L}\d/.,\-])|(?<=[Ss][ốỐ]))(\d{1,6})(?:[ \t]?\/[ \t]?(\d{4}))?[ \t]?([/\-–])[ \t]*\n?[ \t]*([A-ZĐa-zđ][A-Za-zĐđ0-9&]*(?:(?:[ \t]*[-–/][ \t]*\n?[ \t]*|\.(?=[A-Za-zĐđ])|[ \t]\.[ \t](?=[A-ZĐ]{2,}-)|[ \t](?=[A-ZĐ&]{2}))[A-Za-zĐđ0-9&]+)*)(?![\p{L}\d])/gu;

const formBefore = /(?:mẫu|biểu|mẫu biểu|tờ khai|phụ lục|bảng kê|ký hiệu)[ \t\n]*(?:số)?[ \t\n]*:?[ \t\n]*$/iu;
const pinBefore =
  /((?:điểm[ \t\n]+[a-zđ][ \t\n]*,?[ \t\n]*)?(?:khoản[ \t\n]+\d+[ \t\n]*,?[ \t\n]*)?(?:Điều[ \t\n]+\d+[a-zđ]?|Chương[ \t\n]+[IVXLC]+|Mục[ \t\n]+\d+|Phần[ \t\n]+[IVX]+|Phụ lục[ \t\n]+[IVX\d]+))[ \t\n]*,?[ \t\n]*(?:của|tại)?[ \t\n]*$/iu;
const listJoin = /^[ \t\n]*(?:,|;|và|hoặc)[ \t\n]*(?:các[ \t\n]+)?(?:số)?[ \t\n]*$/iu;

/** Every full citation (a số ký hiệu with its code) in `text`. */
export function findFullCitations(text: string, exclude: ReadonlyArray<[number, number]> = []): FoundCitation[] {
  const found: FoundCitation[] = [];
  numberPattern.lastIndex = 0;
  for (let m = numberPattern.exec(text); m; m = numberPattern.exec(text)) {
    const numberStart = m.index;
    const numberEnd = m.index + m[0].length;
    if (exclude.some(([s, e]) => numberStart >= s && numberStart < e)) continue;
    const code = m[4];
    if (!plausibleCode(code)) continue;
    const before = text.slice(Math.max(0, numberStart - 60), numberStart);
    if (formBefore.test(before)) continue;
    const number = normalizeNumber(`${m[1]}${m[2] ? `/${m[2]}` : ''}${m[3]}${code}`);
    const parts = parseNumber(number);
    if (!parts.type && !parts.issuer && !typeBeforeNumber.test(before) && !listJoinedTo(found, text, numberStart)) continue;

    const typeMatch = typeBeforeNumber.exec(before);
    let start = numberStart;
    let typeFromText = null as ReturnType<typeof documentTypeByName> | null;
    if (typeMatch) {
      start = numberStart - typeMatch[0].length + (typeMatch[0].length - typeMatch[0].trimStart().length);
      typeFromText = documentTypeByName(typeMatch[1]) ?? null;
    } else {
      const previous = listJoinedTo(found, text, numberStart);
      if (previous && !parts.type) typeFromText = previous.typeCode ? (documentTypeByCode(previous.typeCode) ?? null) : null;
    }
    const type = parts.type ?? typeFromText ?? (!parts.party && !parts.year && parts.issuer ? documentTypeByCode('CV')! : null);

    const dateRightAfter = dateAfter(text, numberEnd);
    const end = dateRightAfter ? dateRightAfter.end : numberEnd;
    const issuer = issuerPhraseAt(text, end);
    // "Thông báo số 87/TB-VPCP của Văn phòng Chính phủ ngày 02/3/2012"; "Ngày 18-7-1977, … ban hành Chỉ thị số 169-CP"
    const dateAfterIssuer = !dateRightAfter && issuer ? dateAfter(text, issuer.end) : null;
    const date = dateRightAfter ?? dateAfterIssuer ?? dateBefore(text, start);
    const pinMatch = pinBefore.exec(text.slice(Math.max(0, start - 60), start));
    found.push({
      kind: 'full',
      start,
      end,
      numberStart,
      numberEnd,
      tailEnd: Math.max(end, issuer?.end ?? 0, dateAfterIssuer?.end ?? 0),
      number,
      typeCode: type?.code ?? null,
      type: type?.name ?? null,
      issuerCode: parts.issuerCode,
      date: date?.iso ?? null,
      year: date?.year ?? parts.year,
      issuer: issuer?.phrase ?? null,
      pin: pinMatch ? pinMatch[1].replace(/\s+/g, ' ') : null,
      refersTo: null,
    });
  }
  shareListDates(found, text);
  return found;
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
      previous.year = current.year;
    }
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
  return code.split(/[-/.\s&]+/).every((segment) => segment === segment.toUpperCase() || /^(?:TTg|CTr|TTr|QyĐ)\d*$/.test(segment));
}

// "Quyết định 1863", "Chỉ thị số 20": a type word and a bare serial, no code.
const shortPattern = new RegExp(`(?<![\\p{L}])(${typeWordSource})[ \\t\\n]+(?:số[ \\t\\n]+)?(\\d{1,6})(?![\\d/\\-–.]?[\\p{L}\\d])`, 'giu');
// "Kế hoạch nêu trên", "Quyết định trên", "Chỉ thị nói trên".
const anaphoraPattern = new RegExp(`(?<![\\p{L}])(${typeWordSource})[ \\t\\n]+(?:nêu trên|nói trên|trên|vừa nêu|đã nêu)(?![\\p{L}])`, 'giu');

/**
 * Short and anaphoric references, each linked to a full citation in the same text when one fits
 * (same type and serial; or the nearest earlier one of the same type). Unlinked ones are returned
 * separately so the caller can report them.
 */
export function findReferences(text: string, full: FoundCitation[]): { linked: FoundCitation[]; unlinked: Array<{ raw: string; start: number }> } {
  const linked: FoundCitation[] = [];
  const unlinked: Array<{ raw: string; start: number }> = [];
  const covered = (s: number): boolean => full.some((c) => s >= c.start && s < c.end);
  shortPattern.lastIndex = 0;
  for (let m = shortPattern.exec(text); m; m = shortPattern.exec(text)) {
    if (covered(m.index)) continue;
    const type = documentTypeByName(m[1]);
    const serial = m[2];
    const target = full.findIndex((c) => c.number.startsWith(`${serial}/`) || c.number.startsWith(`${serial}-`) ? !type || c.typeCode === type.code : false);
    if (target === -1) {
      if (type) unlinked.push({ raw: m[0], start: m.index });
      continue;
    }
    linked.push(reference('short', full[target], target, m.index, m.index + m[0].length));
  }
  anaphoraPattern.lastIndex = 0;
  for (let m = anaphoraPattern.exec(text); m; m = anaphoraPattern.exec(text)) {
    const type = documentTypeByName(m[1]);
    if (!type) continue;
    let target = -1;
    for (let k = 0; k < full.length && full[k].end <= m.index; k++) if (full[k].typeCode === type.code) target = k;
    if (target === -1) continue;
    linked.push(reference('anaphoric', full[target], target, m.index, m.index + m[0].length));
  }
  return { linked, unlinked };
}

function reference(kind: CitationKind, target: FoundCitation, index: number, start: number, end: number): FoundCitation {
  return { ...target, kind, start, end, numberStart: start, numberEnd: end, tailEnd: end, pin: null, refersTo: index };
}

const issuedOn = /(?:^|[\s(])[Nn]gày[ \t\n]+(?=\d)/g;

/** "Ngày 18-7-1977, Hội đồng Chính phủ đã ban hành Chỉ thị số 169-CP": a date opening the clause. */
function dateBefore(text: string, start: number): ParsedDate | null {
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
