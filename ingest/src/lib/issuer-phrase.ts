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
