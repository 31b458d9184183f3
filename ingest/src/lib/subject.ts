import { typeWordSource } from './vocabulary.js';

/**
 * The subject of a document (trích yếu) from its header: a "V/v" line, else the title under the
 * type word ("QUYẾT ĐỊNH / Về việc …"), in whatever shape conversions leave a header: flattened
 * into few lines, or under a gazette's running head.
 */

// the line-start condition is a look-behind after the phrase, so the regex searches for its literal
export const subjectLine = /(?:V\/v|Vv|V\/V|V\.v|Về việc)(?<=(?:^|\n)[ \t]*(?:(?:Số|SỐ)[ \t]*:[ \t]*[^\s]+[ \t]+)?(?:V\/v|Vv|V\/V|V\.v|Về việc))[ \t]*[:.]?[ \t]*([^\n]+(?:\n(?![ \t]*\n)[^\n]+)*)/u;
export const titleType = new RegExp(`(?:^|\\n)[ \\t]*(${typeWordSource})[ \\t]*(?:\\n|$|[ \\t]+(?=về|Về|V\\/v|[\\p{Lu}]{2}))`, 'u');
// a title flattened onto the place-and-date line: "Hà Nội, ngày 31 tháng 7 năm 2024 QUYẾT ĐỊNH VỀ CƠ CHẾ … THU HỒI Căn cứ …"
const titleAfterDate = new RegExp(`^[ \\t]*(${typeWordSource})[ \\t]+([^\\n]*)`, 'u');
// where a subject run on into what follows it ends: the place-and-date line, the recipients, the preamble, the issuer's authority
const subjectRunOn = /[ \t]+(?=[\p{Lu}][\p{Ll}]+(?:[ \t]+[\p{Lu}][\p{Ll}]+){0,4},[ \t]*ngày[ \t]+\d{1,2}[ \t]+tháng|Kính[ \t]+gửi|Căn[ \t]+cứ[ \t]|(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|GIÁM ĐỐC)(?:[ \t]+[^\p{Ll}\s]+)*[ \t]*$)/u;
const leadingTypeWord = new RegExp(`^\\s*${typeWordSource}\\s+`, 'u');

export function subjectOf(head: string, hasHeader: boolean, vv: RegExpExecArray | null, anyTitle: RegExpExecArray | null, afterDate: number | null): string | null {
  if (vv) return cutRunOn(clean(vv[1]));
  if (afterDate !== null) {
    // the title in capitals on the date's line: up to the first word in lower case
    const lineEnd = head.indexOf('\n', afterDate);
    const flat = titleAfterDate.exec(head.slice(afterDate, lineEnd < 0 ? undefined : lineEnd));
    if (flat && flat[1] === flat[1].toUpperCase()) {
      const words: string[] = [];
      for (const word of flat[2].split(/[ \t]+/)) {
        if (/\p{Ll}/u.test(word)) break;
        words.push(word);
      }
      const subject = cutRunOn(clean(words.join(' ')).replace(/^V\/V[ :.]*/u, ''));
      if (subject.split(' ').length >= 2) return subject;
    }
  }
  // the title under the place-and-date line, before one above it (a gazette's running head "VĂN BẢN QUY PHẠM PHÁP LUẬT")
  const below = afterDate === null ? null : titleType.exec(head.slice(afterDate));
  if (below) below.index += afterDate!;
  const title = below ?? anyTitle;
  if (title) {
    // up to four title lines, ending at a blank line or where the preamble starts
    const lines: string[] = [];
    for (const line of head.slice(title.index + title[0].length).split('\n', 8)) {
      if (!line.trim()) {
        if (lines.length) break;
        continue;
      }
      // "CHỈ THỊ / CỦA BỘ CHÍNH TRỊ / (blank) / Về …": the issuer under the type word is not the subject
      // (but not "CỦA BỘ XÂY DỰNG SỐ 04/2001/TT-BXD … HƯỚNG DẪN …", the old Công báo title in one line)
      if (!lines.length && line.length <= 80 && /^[\s*]*CỦA[ \t]+[^\p{Ll}\d]+$/u.test(line)) continue;
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

/** A subject without what a flattened header ran on into it. */
function cutRunOn(subject: string): string {
  // cut at the first run-on, then again: the authority ending what is left ("… BỘ TRƯỞNG BỘ TÀI CHÍNH | Căn cứ …")
  for (let m = subjectRunOn.exec(subject); m && m.index > 0; m = subjectRunOn.exec(subject)) subject = subject.slice(0, m.index);
  return subject;
}

function clean(s: string): string {
  return s.replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim();
}
