import { relationCues } from '@vanban/schema';
import { typeWordSource } from './vocabulary.js';

const cueWords = relationCues.filter((c) => !c.inert).map((c) => c.phrase.replace(/ /g, '[ \\t\\n]+')).join('|');

/**
 * The issuer phrase after a citation: "của Thủ tướng Chính phủ", "của UBND tỉnh Bắc Giang",
 * "do Bộ Tài chính ban hành". It ends where the description of the cited document begins
 * ("về việc…", "thực hiện…", a comma before a lower-case word, another document's type word).
 */
const lead = /[ \t\n]*,?[ \t\n]*(?:của|do)[ \t\n]+/iy;
const stop = new RegExp(
  [
    `[ \\t\\n]+(?:về|V\\/v|v\\/v|tổ chức|phê duyệt|ban hành|quy định|tại|đối với|trên địa bàn|nhằm|để|với|đã|đến|cho|được|là|trong|năm|kèm|có|giai đoạn|số|${cueWords})(?![\\p{L}])`,
    `[ \\t\\n]+(?=(?:${typeWordSource})(?![\\p{L}]))`,
    `[ \\t\\n]+(?:và|hoặc)[ \\t\\n]+(?=[\\p{Ll}\\d]|(?:${typeWordSource}))`,
    `[ \\t]*,[ \\t\\n]*(?=[\\p{Ll}\\d]|(?:${typeWordSource})|ngày)`,
    // "… của UBND tỉnh, UBND huyện đề nghị …": a comma before the subject of the citing clause
    `[ \\t]*,[ \\t\\n]*(?=\\p{Lu}(?:(?!về |V\\/v)[^,;.:\\n]){0,60}?[ \\t](?:đề nghị|yêu cầu|ban hành|chỉ đạo|giao|thông báo)[ \\t\\n])`,
    `[ \\t]*(?:[;.:()“”"\\[\\]]|\\n[ \\t]*\\n)`,
  ].join('|'),
  'u',
);

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
  const phrase = text.slice(start, end).replace(/\s+/g, ' ').trim();
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
