/**
 * One file may hold several documents (a cover letter and the draft it forwards). A new document
 * starts at a header: the quốc hiệu ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "ĐẢNG CỘNG SẢN VIỆT
 * NAM") with a "Số:" line near it, after the previous document has ended ("Nơi nhận"). Forms in
 * annexes repeat the quốc hiệu with a dotted "Số: …/…" placeholder; those never split.
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

export function splitDocuments(text: string): DocumentSlice[] {
  const mottos = mottoIndexes(text);
  if (mottos.length < 2) return [{ start: 0, end: text.length }];
  // reported where the line break before the line is (0 on the first line)
  const numbers = allIndexes(numberLine, text).map((at) => Math.max(0, text.lastIndexOf('\n', at - 1)));
  const closings = allIndexes(closing, text);
  const starts: number[] = [0];
  let previousMotto = mottos[0];
  for (const motto of mottos.slice(1)) {
    const hasNumber = numbers.some((n) => Math.abs(n - motto) < 800);
    const previousEnded = closings.some((c) => c > previousMotto + 200 && c < motto);
    if (hasNumber && previousEnded) {
      // the new header starts after the previous document's closing: its own "Số:" line cannot be
      // the start of the next one
      const lastClosing = Math.max(...closings.filter((c) => c < motto));
      const own = numbers.filter((n) => Math.abs(n - motto) < 800 && n > lastClosing);
      starts.push(headerStart(text, Math.min(motto, ...own)));
      previousMotto = motto;
    }
  }
  return starts.map((start, k) => ({ start, end: k + 1 < starts.length ? starts[k + 1] : text.length }));
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

function allIndexes(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}
