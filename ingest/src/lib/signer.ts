// The signer of a document: the name and title above it, found near "Nơi nhận".
import { joinSpacedLetters, smallVowels, splitFinal } from './spaced-letters.js';

// "Nơi nhận" is found from its rare "ận": indexOf runs several times faster than any regex scan
const receiversTail = /N[ơƠ]i\s+nh$/;
/** Exported with the scans below for the tests that hold each shortcut to the plain regex scan. */
export const signerTitle =
  /(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|TRƯỞNG PHÒNG|THỨ TRƯỞNG|VỤ TRƯỞNG|TỔNG GIÁM ĐỐC|CHỦ NHIỆM|THƯỜNG TRỰC|TRƯỞNG ĐOÀN|TỔNG BÍ THƯ|TỔNG KIỂM TOÁN)(?![\p{L}])/gu;
/** Titles are first looked for this far around "Nơi nhận"; only a long document pays for a whole scan. */
const WINDOW = 2000;
// A word may carry a final consonant the crawler split off with a space ("Đặ ng Văn Minh"): a lone
// "ng", "c", "t"… is never a word of its own. Nor is a short lower-case piece before the next word of
// a name ("Ngu y ễn Hữu Tín", "Tr ươ ng"): every syllable of a name is capitalised. Such a cut starts
// inside the syllable's vowels; a piece starting with a consonant is a syllable of its own, and a
// capitalised word it follows opens a phrase ("Phụ lục I"), no name. `joinName` puts them back.
const nameWord = String.raw`[\p{Lu}][\p{Ll}]+(?: [${smallVowels}][\p{Ll}]{0,2}(?: [\p{Ll}]{1,3})*(?= [\p{Lu}])| ${splitFinal})?`;
// A name is two to four syllables, and it ends before a capitalised word that opens a phrase, one a
// lower-case word follows ("Trần Hồng Hà Phụ lục (Kèm theo…)", "Nơi nhận:"): every word of a name is
// capitalised, so no lower-case word but the signature's own mark ("Lê Thị Hoa đã ký") follows it.
const nameWords = String.raw`${nameWord}(?:[ \t]+${nameWord}){1,3}(?![ \t]+(?!đã[ \t]+ký)[\p{Ll}])`;
/**
 * A name right after the title, past signature noise ("(Đã ký)", "[", table pipes, markdown) and
 * the rest of the title on the same line, in capitals ("VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH Phạm…").
 */
const nameAfterTitle = new RegExp(
  String.raw`^[\s*\\|\[\]]*(?:\(?(?:Đã ký|đã ký)\)?|\[daky\])?[\s*\\|\[\]]*((?:[\p{Lu}]+(?![\p{L}])[ \t]*(?:[-–,][ \t]*)?){0,10})(${nameWords})(?![\p{Ll}])`,
  'u',
);
/** A line holding only a name (signature columns of flattened tables). */
const nameLine = new RegExp(String.raw`^[\s*\\|]*(${nameWords})[\s*\\|]*$`, 'u');
const notName = /^(?:Nơi|Như|Kính|Các|Sở|Bộ|Ban|Phòng|Văn|Website|Đăng|Lãnh|Chủ|Giám|Ủy|Uỷ|Thủ|Trưởng|Phó|Công|Cục|Tổng|Đảng)(?![\p{L}])/u;

/**
 * Signer: the name after the last signing title ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Đức Toàn"),
 * inline or on a line of its own within a few lines; annexes may follow the signature, so the whole
 * document is searched and the title nearest to "Nơi nhận" wins.
 */
export function signerOf(text: string): { signer: string | null; signerTitle: string | null } {
  const receivers = receiversAt(text);
  // A named title within WINDOW of "Nơi nhận" is nearer than any outside it, so the window decides
  // whenever it holds one. It starts at a line start: no title (a single line) straddles it.
  const near = receivers === -1 ? null : nearestSigner(text, text.lastIndexOf('\n', receivers - WINDOW) + 1, receivers + WINDOW, receivers);
  const best = near ?? nearestSigner(text, 0, text.length, receivers) ?? spacedSigner(text, receivers);
  return best ? { signer: best.signer, signerTitle: best.title || null } : { signer: null, signerTitle: null };
}

/**
 * A signature whose title letters a conversion cut apart ("KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Name"): read
 * on the lines around "Nơi nhận" once each is joined. Only the values are kept, so the shifted
 * positions of the joined lines never leave this function.
 */
function spacedSigner(text: string, receivers: number): { signer: string; title: string } | null {
  if (receivers === -1) return null;
  const from = text.lastIndexOf('\n', receivers - WINDOW) + 1;
  const joinLines = (s: string): string => s.split('\n').map(joinSpacedLetters).join('\n');
  const before = joinLines(text.slice(from, receivers));
  const after = joinLines(text.slice(receivers, receivers + WINDOW));
  const joined = before + after;
  return joined === text.slice(from, receivers + WINDOW) ? null : nearestSigner(joined, 0, joined.length, before.length);
}

/** Start of the first "Nơi nhận" (also "NƠI nhẬn" and such: `N[ơƠ]i\s+nh[ậẬ]n`), or -1. */
export function receiversAt(text: string): number {
  let first = -1;
  for (const anchor of ['ận', 'Ận']) {
    for (let at = text.indexOf(anchor); at !== -1 && (first === -1 || at < first); at = text.indexOf(anchor, at + 1)) {
      // "nhận" only ("luận", "quận" and the like are far more common than "Nơi nhận")
      if (text.charCodeAt(at - 1) !== 0x68 /* h */ || text.charCodeAt(at - 2) !== 0x6e /* n */) continue;
      const m = receiversTail.exec(text.slice(Math.max(0, at - 40), at));
      if (m) {
        first = at - m[0].length;
        break;
      }
    }
  }
  return first;
}

/** The named title starting in [from, to) nearest to `receivers` (the later one on a tie; nearest the end without receivers). */
function nearestSigner(text: string, from: number, to: number, receivers: number): { signer: string; title: string } | null {
  let best: { signer: string; title: string; distance: number } | null = null;
  for (const m of titlesIn(text, from, to)) {
    const start = m.index;
    const end = start + m[0].length;
    const distance = receivers === -1 ? text.length - start : Math.abs(start - receivers);
    if (best && distance > best.distance) continue;
    const found = nameAfter(text, end);
    if (found) best = { signer: found.name.replace(/\s+/g, ' '), title: `${titleBefore(text, start, end)} ${found.titleRest}`.trim(), distance };
  }
  return best;
}

// Every title holds one of these upper-case letters within its first 13 characters.
const titleAnchors = ['Ủ', 'Ư', 'Á'];
const ANCHOR_REACH = 16;
/** Upper-case letters (below U+2000) and the space: what a title is made of. */
const titleChars = new Uint8Array(0x2000);
for (let c = 0; c < titleChars.length; c++) {
  const ch = String.fromCharCode(c);
  titleChars[c] = ch === ' ' || (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) ? 1 : 0;
}
const isTitleChar = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c < titleChars.length && titleChars[c] === 1;
};

/**
 * The matches a whole scan with `signerTitle` finds starting in [from, to), found by scanning only
 * around the rare letters every title holds (indexOf runs several times faster than a regex scan).
 * Each region starts after a character no title holds, where the whole scan would be between
 * matches too, so the regions tile the text the way the whole scan does.
 */
export function titlesIn(text: string, from: number, to: number): RegExpExecArray[] {
  const anchors: number[] = [];
  for (const anchor of titleAnchors) {
    for (let at = text.indexOf(anchor, from); at !== -1 && at < to + ANCHOR_REACH; at = text.indexOf(anchor, at + 1)) anchors.push(at);
  }
  anchors.sort((a, b) => a - b);
  const out: RegExpExecArray[] = [];
  let resume = from;
  for (const at of anchors) {
    if (at < resume) continue;
    let begin = Math.max(from, at - ANCHOR_REACH, resume);
    while (begin > Math.max(from, resume) && isTitleChar(text, begin - 1)) begin--;
    // a bounded slice: a title holding this anchor ends well before its end, so the look-ahead
    // after a title is never cut short, and a failed search cannot run on to the end of the text
    const region = text.slice(begin, at + 2 * ANCHOR_REACH);
    signerTitle.lastIndex = 0;
    resume = at + 1;
    for (let m = signerTitle.exec(region); m && begin + m.index <= at && begin + m.index < to; m = signerTitle.exec(region)) {
      m.index += begin;
      out.push(m);
      resume = Math.max(resume, m.index + m[0].length);
    }
  }
  return out;
}

/** The name following a title, inline or alone on one of the next lines. */
function nameAfter(text: string, from: number): { name: string; titleRest: string } | null {
  const after = text.slice(from, from + 900);
  const inline = nameAfterTitle.exec(after);
  let name = inline?.[2] ?? null;
  if (!name) {
    for (const line of after.split('\n').slice(1, 25)) {
      // in a flattened two-column table the signature column is what follows a wide gap
      const only = nameLine.exec(line) ?? nameLine.exec(line.slice(line.lastIndexOf('   ') + 1));
      if (only && !notName.test(only[1])) {
        name = only[1];
        break;
      }
    }
  }
  // the capitals between the title and an inline name finish the title ("KT. BỘ TRƯỞNG THỨ TRƯỞNG")
  const titleRest = inline?.[2] === name ? inline[1].replace(/\s+/g, ' ').trim() : '';
  return name && !notName.test(name) ? { name: joinName(name), titleRest } : null;
}

/** "Đặ ng Văn Minh", "Ngu y ễn Hữu Tín" -> "Đặng Văn Minh", "Nguyễn Hữu Tín": a name's words all start with a capital. */
function joinName(name: string): string {
  return joinSpacedLetters(name).replace(/[ \t]+(?=\p{Ll})/gu, '');
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
  return kept.join(' ').replace(/[*_]+/g, '').replace(/\s+/g, ' ').trim();
}
