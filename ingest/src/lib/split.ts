/**
 * One file may hold several documents (a cover letter and the draft it forwards). A new document
 * starts at a header: the quốc hiệu ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "ĐẢNG CỘNG SẢN VIỆT
 * NAM") with a "Số:" line in the same header, after the previous document has ended (a "Nơi nhận"
 * or signature after some of its body). Forms in annexes repeat the quốc hiệu with a dotted
 * "Số: …/…" placeholder or a blank "Số: /QĐ-UBND" under a "Mẫu số" label; those never split. An annex that repeats the issuer block and the quốc
 * hiệu has no "Số:" line of its own: a "Số 74/2014/QH13" in its table lies past its title, in the
 * body, and does not split either.
 */
import { joinSpacedLetters } from './spaced-letters.js';

export interface DocumentSlice {
  start: number;
  end: number;
}

const nationalMotto = /C[ỘộO]NG\s+H[ÒòOoÓó][AaÀà]\s+X[ÃãA]\s+H[ỘộO]I\s+CH[ỦủU]\s+NGH[ĨĩI]A\s+VI[ỆệE]T\s+NAM|Đ[ẢảA]NG\s+C[ỘộO]NG\s+S[ẢảA]N\s+VI[ỆệE]T\s+NAM/g;
const oneMotto = new RegExp(nationalMotto.source);
// "Số:" at a line start; the condition is a look-behind so the search starts from the literal
const numberLine = /S[ốỐ](?<=(?:^|\n)[ \t]*S[ốỐ])\s*[:.]?[ \t]*(\d*)[ \t]*(?:\/|-)[ \t]*\S*[A-ZĐ]/g;
const closing = /N[ơƠ]i\s+nh[ậẬ]n|T\/M\b|KT\.\s|TM\.\s/g;
// the label over a form an annex prints ("Mẫu số 02/TB-XĐTMS-2015", "MẪU SỐ 1"), just above or on its header's first line
const formLabel = /(?<![\p{L}])(?:Mẫu|MẪU)[ \t]+(?:số|SỐ)(?![\p{L}])/u;
const FORM_LABEL_REACH = 120;

export function splitDocuments(text: string): DocumentSlice[] {
  const mottos = mottoIndexes(text);
  if (mottos.length < 2) return [{ start: 0, end: text.length }];
  const numberAts = allIndexes(numberLine, text);
  const closings = allIndexes(closing, text);
  const starts: number[] = [0];
  // where the body of the last document found begins; it moves only when a new one starts
  let previousBody = bodyStart(text, mottos[0], text.length);
  for (const motto of mottos.slice(1)) {
    // the last closing before this quốc hiệu, the one placed furthest into the previous body
    const lastClosing = closings[firstAtOrAfter(closings, motto) - 1] ?? -1;
    // a closing sits under a body, however short, never between the quốc hiệu and the first line
    // of text: one that is not below the previous document's body does not end it
    if (lastClosing < 0 || text.lastIndexOf('\n', lastClosing) + 1 <= previousBody) continue;
    // "Số" lines less than 800 characters either side that belong to this header, each reported
    // where the line break before it is (0 on the first line)
    const numbers = numberAts
      .slice(firstAtOrAfter(numberAts, motto - 799), firstAtOrAfter(numberAts, motto + 800))
      .filter((at) => inSameHeader(text, at, motto))
      .map((at) => Math.max(0, text.lastIndexOf('\n', at - 1)));
    if (!numbers.length) continue;
    // the new header starts after the previous document's closing: its own "Số:" line cannot be
    // the start of the next one
    const own = numbers.filter((n) => n > lastClosing);
    const start = headerStart(text, Math.min(motto, ...own));
    // a form in an annex ("Mẫu số 09" over a blank "Số: /QĐ-UBND") is part of the document it annexes
    if (formLabel.test(text.slice(Math.max(0, start - FORM_LABEL_REACH), motto))) continue;
    starts.push(start);
    previousBody = bodyStart(text, motto, text.length);
  }
  return starts.map((start, k) => ({ start, end: k + 1 < starts.length ? starts[k + 1] : text.length }));
}

/**
 * A "Số" line (at `at`) is the header's own when nothing but header lines lie between it and the
 * quốc hiệu. A "Số" line in a table or list of the body (an annex listing laws under its own quốc
 * hiệu) lies past the title and the column heads, however close it is in characters.
 */
function inSameHeader(text: string, at: number, motto: number): boolean {
  const [first, second] = at < motto ? [at, motto] : [motto, at];
  const secondLine = text.lastIndexOf('\n', second) + 1;
  return bodyStart(text, first, secondLine) >= secondLine;
}

// Lines a header holds around its quốc hiệu: the issuer block, the title and the rules under them
// (no lower-case letter), the motto's second line, the "Số:" line, the place and date.
const mottoSecondLine = /Độc\s*lập|Hạnh\s*phúc/;
const numberLineStart = /^S[ốỐ][ \t]*[:.]?[ \t]*[\d…._ \t]*[/-]/;
const placeDateLine = /^[\p{Lu}][^,\n]{0,60},[ \t]*[Nn]gày/u;
const lowerCase = /\p{Ll}/u;
// the "V/v" subject, wrapped over lines as typed in the narrow left column: a continuation starts
// in lower case, mid-sentence
const subjectStart = /^(?:V\/v|Vv|V\/V|V\.v|Về việc)\b/;
const subjectContinuation = /^\p{Ll}/u;

function isHeaderLine(line: string): boolean {
  return !lowerCase.test(line) || mottoSecondLine.test(line) || numberLineStart.test(line) || placeDateLine.test(line);
}

/**
 * Where the body begins: the first line after the one holding `from` that is not a header line,
 * or `to` if none starts before it. A header is a few lines, so the walk usually stops soon.
 */
function bodyStart(text: string, from: number, to: number): number {
  let inSubject = false;
  for (let start = text.indexOf('\n', from) + 1; start > 0 && start < to; start = text.indexOf('\n', start) + 1) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end).trim();
    if (inSubject && subjectContinuation.test(line)) continue;
    inSubject = subjectStart.test(line);
    if (line !== '' && !inSubject && !isHeaderLine(line)) return start;
  }
  return to;
}

/**
 * Where each quốc hiệu starts. One whose letters the source cut apart ("C****Ộ****NG HÒA", "CỘ NG
 * HÒA") is read on its lines once they are joined: it ends in "NAM", like every quốc hiệu, on that
 * line or the one before. Its offset is then the start of the joined text's match, early by the
 * characters joined before it.
 */
function mottoIndexes(text: string): number[] {
  const found = allIndexes(nationalMotto, text);
  const plainCount = found.length;
  for (let at = text.indexOf('NAM'); at !== -1; at = text.indexOf('NAM', at + 3)) {
    if (found.some((m) => m <= at && at - m < 200)) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const from = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
    const lineEnd = text.indexOf('\n', at);
    const lines = text.slice(from, lineEnd === -1 ? text.length : lineEnd);
    const joined = joinSpacedLetters(lines);
    if (joined === lines) continue;
    const m = oneMotto.exec(joined);
    if (m) found.push(from + m.index);
  }
  return found.length > plainCount ? found.sort((a, b) => a - b) : found;
}

/** Walk back from the quốc hiệu over the issuer block (short upper-case lines). */
function headerStart(text: string, at: number): number {
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  for (;;) {
    if (lineStart <= 0) return 0;
    let prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    let line = text.slice(prevStart, lineStart - 1).trim();
    // skip blank lines between the issuer block and the quốc hiệu
    while (line === '' && prevStart > 0) {
      const next = text.lastIndexOf('\n', prevStart - 2) + 1;
      line = text.slice(next, prevStart - 1).trim();
      if (line !== '') {
        prevStart = next;
        break;
      }
      prevStart = next;
    }
    if (!line || line.length > 80 || line !== line.toUpperCase() || !/\p{Lu}/u.test(line)) return lineStart;
    lineStart = prevStart;
  }
}

/** Index of the first entry of the ascending `sorted` that is at or after `at` (binary search). */
function firstAtOrAfter(sorted: number[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

function allIndexes(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}
