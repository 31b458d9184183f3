import { relationCues } from '@vanban/schema';
import { typeWordSource } from './vocabulary.js';

const cueWords = relationCues.filter((c) => !c.inert).map((c) => c.phrase.replace(/ /g, '[ \\t\\n]+')).join('|');

/**
 * The issuer phrase after a citation: "của Thủ tướng Chính phủ", "của UBND tỉnh Bắc Giang",
 * "do Bộ Tài chính ban hành". It ends where the description of the cited document begins
 * ("về việc…", "thực hiện…", a comma before a lower-case word, another document's type word).
 */
const lead = /[ \t\n]*,?[ \t\n]*(?:của|do)[ \t\n]+/iy;
// a type word ends a phrase after "của" but may belong to a name written as a subject ("Sở Kế hoạch
// và Đầu tư đã có Công văn …"), which `isBodyName` reads without it; an abbreviation joined by "&"
// is part of a name ("Sở Lao động - TB&XH": no Thông báo), and so is "luật" after "Pháp" ("Ủy ban Pháp luật")
const typeWordStop = `(?<!Pháp)[ \\t\\n]+(?=(?:${typeWordSource})(?![\\p{L}&]))`;
const stopParts = [
  `[ \\t\\n]+(?:về|V\\/v|v\\/v|tổ chức|phê duyệt|ban hành|Phê duyệt|Ban hành|Về việc|quy định|tại|đối với|trên địa bàn|nhằm|để|với|đã|đến|cho|được|là|trong|năm|kèm|có|giai đoạn|số|như sau|${cueWords})(?![\\p{L}])`,
  typeWordStop,
  `[ \\t\\n]+(?:và|hoặc)[ \\t\\n]+(?=[\\p{Ll}\\d]|(?:${typeWordSource}))`,
  `[ \\t]*,[ \\t\\n]*(?=[\\p{Ll}\\d]|(?:${typeWordSource})|ngày)`,
  // "… của UBND tỉnh, UBND huyện đề nghị …": a comma before the subject of the citing clause
  `[ \\t]*,[ \\t\\n]*(?=\\p{Lu}(?:(?!về |V\\/v)[^,;.:\\n]){0,60}?[ \\t](?:đề nghị|yêu cầu|ban hành|chỉ đạo|giao|thông báo|đã có|xây dựng)[ \\t\\n])`,
  `[ \\t]*(?:[;.:()“”"\\[\\]]|\\n[ \\t]*\\n)`,
];
const stop = new RegExp(stopParts.join('|'), 'u');
const subjectStop = new RegExp(stopParts.filter((p) => p !== typeWordStop).join('|'), 'u');

/** Runs of blanks and line breaks as one space, trimmed. */
const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function issuerPhraseAt(text: string, at: number): { phrase: string; end: number } | null {
  lead.lastIndex = at;
  if (!lead.exec(text)) return null;
  const start = lead.lastIndex;
  const window = text.slice(start, start + 160);
  const m = stop.exec(window);
  let end = start + (m ? Math.min(m.index, 120) : Math.min(window.length, 120));
  if (!m || m.index > 120) {
    // No stop within reach: keep whole words only.
    const space = text.lastIndexOf(' ', end);
    if (space > start && end < text.length) end = space;
  }
  // a comma closing the clause is no part of the name ("… của Ủy ban Pháp luật và Tư pháp," and a paragraph break)
  const phrase = squeeze(text.slice(start, end)).replace(/[ ,*]+$/, '');
  if (!phrase || !/^\p{Lu}|^(?:tỉnh|thành phố|huyện|bộ|sở|ủy ban|ubnd)/iu.test(phrase)) return null;
  return { phrase, end };
}

const ofBefore = /(?<![\p{L}])(?:của|do)(?=[ \t\n])/gu;
// what may stand between a leading issuer phrase and the citation: "… tại Công văn số", "…: Số",
// "… số" (the type word, if any, already belongs to the citation)
const gapBefore = /^[ \t\n]*(?:tại[ \t\n]+)?(?:(:)[ \t\n]*)?(?:(?:số|Số|SỐ)[ \t\n]*:?[ \t\n]*)?$/u;

// "của UBND tỉnh …", "của tỉnh …", not "của cơ quan thuế"; nor a document ("một số điều của Luật
// Thuế thu nhập cá nhân số 26/2012/QH13") or a part of one ("của Điều 3 Luật số …")
const bodyBefore = /^(?:\p{Lu}|(?:tỉnh|thành phố|huyện|ủy ban|uỷ ban)[ \t\n])/u;
const documentNamed = new RegExp(`^(?:${typeWordSource}|Điều|Khoản|Chương|Mục|Phần|Phụ lục)(?![\\p{L}])`, 'iu');

/**
 * The issuer phrase written before a citation: "chỉ đạo của UBND tỉnh Bắc Giang tại Công văn số …",
 * "đề nghị của Giám đốc Sở Y tế tại Tờ trình số …", "các Quyết định của Bộ trưởng Bộ Tài chính: Số …".
 * `list` is true when a colon makes the phrase the head of a list of the issuer's documents.
 */
export function issuerPhraseBefore(text: string, start: number): { phrase: string; end: number; list: boolean } | null {
  const from = Math.max(0, start - 200);
  const window = text.slice(from, start);
  if (!window.includes('của') && !window.includes('do')) return null;
  let last = -1;
  ofBefore.lastIndex = 0;
  for (let m = ofBefore.exec(window); m; m = ofBefore.exec(window)) last = m.index;
  if (last < 0) return null;
  const hit = issuerPhraseAt(text, from + last);
  if (!hit || hit.end > start || !bodyBefore.test(hit.phrase) || documentNamed.test(hit.phrase)) return null;
  const gap = gapBefore.exec(text.slice(hit.end, start));
  return gap ? { phrase: hit.phrase, end: hit.end, list: gap[1] !== undefined } : null;
}

// Verbs whose subject issued the document they name: "ban hành", "đã có", "ký", "xây dựng". Not
// "triển khai" or "thực hiện": their subject carries out a document someone else issued.
const issuingVerb =
  /(?<![\p{L}])(?:(?:đã|vừa|mới|cũng|kịp thời)[ \t\n]+){0,2}(?:ký[ \t\n]+)?(?:ban[ \t\n]+hành|có|ký|xây[ \t\n]+dựng|phát[ \t\n]+hành)[ \t\n]+(?:các[ \t\n]+)?$/u;
// where a clause, and so its subject, begins: punctuation, a line break, or the year ending a date
// ("Ngày 27 tháng 12 năm 2013 Bộ Tài chính đã ban hành …")
const clauseBreak = /[;:!?()[\]“”"\n,.]|(?:[/\-.]|năm[ \t\n]+)\d{4}(?!\d)/gu;
const subjectLead = /^[ \t\n\-–+*•]*(?:(?:[Ss]au|[Tt]rước)[ \t\n]+khi[ \t\n]+|[Kk]hi[ \t\n]+)?/u;
// how the bodies that issue documents are named in running text
const bodyHeads =
  'UBND|Ủy ban|Uỷ ban|HĐND|Hội đồng|Hội|Sở|Bộ|Liên Bộ|Liên bộ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|Thị ủy|Thị uỷ|Đảng ủy|Đảng uỷ|Ban|Thường trực|Chính phủ|Thủ tướng|Phó Thủ tướng|Quốc hội|Trung ương|Chủ tịch|Phó Chủ tịch|Giám đốc|Phó Giám đốc|Bộ trưởng|Phòng|Tổng cục|Cục|Chi cục|Văn phòng|BHXH|Bảo hiểm|Ngân hàng|Kiểm toán|Thanh tra|Tòa án|Toà án|Viện|Công an|Mặt trận|Liên đoàn|Đoàn|Trung tâm';
const bodyHead = new RegExp(`^(?:${bodyHeads})(?![\\p{L}])`, 'u');
// a second verb ("Sở Y tế tham mưu UBND tỉnh ban hành …") or a second body ("Bộ Y tế và Bộ Giáo
// dục ban hành …") makes the subject someone else than the issuer alone
const notOneBody = new RegExp(
  `[ \\t\\n](?:đề nghị|đề xuất|yêu cầu|tham mưu|phối hợp|chủ trì|trình|giao|chỉ đạo|gửi|ủy quyền|uỷ quyền|cùng|giúp|đưa|cần|phải|chưa|không|đang|sẽ|nhận|xin|(?:và|hoặc)[ \\t\\n]+(?:${bodyHeads}))(?![\\p{L}])`,
  'u',
);

/** Is `words` (a clause's beginning, up to its verb) the name of one body and nothing else? */
function isBodyName(words: string): boolean {
  if (!bodyHead.test(words) || notOneBody.test(words)) return false;
  const m = subjectStop.exec(words);
  return m === null || m.index >= words.length;
}

/**
 * Where the last clause of `window` begins and, when a comma opens it, where the clause before it
 * begins (else -1); null when no clause begins within the window.
 */
function lastClause(window: string, whole: boolean): { start: number; previous: number } | null {
  let start = 0;
  let previous = -1;
  clauseBreak.lastIndex = 0;
  for (let m = clauseBreak.exec(window); m; m = clauseBreak.exec(window)) {
    previous = m[0] === ',' ? start : -1;
    start = m.index + m[0].length;
  }
  return start > 0 || whole ? { start, previous } : null;
}

/**
 * The issuer written as the subject of the clause that introduces a citation: "UBND tỉnh Bắc Giang
 * ban hành Công văn số …", "Ngày 12/6/2015, Bộ Quốc phòng đã có Công văn số …". Only when the
 * clause holds nothing but the subject, an issuing verb and the citation. `list` is always false
 * (the shape of `issuerPhraseBefore`).
 */
export function issuerSubjectBefore(text: string, start: number): { phrase: string; end: number; list: boolean } | null {
  const tail = text.slice(Math.max(0, start - 40), start);
  if (!tail.includes('hành') && !tail.includes('có') && !tail.includes('ký') && !tail.includes('dựng')) return null;
  const verb = issuingVerb.exec(tail);
  if (!verb) return null;
  const verbStart = start - tail.length + verb.index;
  const from = Math.max(0, verbStart - 120);
  const window = text.slice(from, verbStart);
  const clause = lastClause(window, from === 0);
  if (!clause) return null;
  const phrase = squeeze(window.slice(clause.start + subjectLead.exec(window.slice(clause.start))![0].length));
  if (!isBodyName(phrase)) return null;
  // "Liên Bộ A, Bộ B, Bộ C ban hành …": one of several issuers
  if (clause.previous >= 0 && isBodyName(squeeze(window.slice(clause.previous, clause.start - 1)))) return null;
  return { phrase, end: verbStart, list: false };
}
