// Letters of one word the source cut apart, put back together — one rule for the issuer block, the
// quốc hiệu (header and split), the place-and-date line and the signature.
//
// No Vietnamese word is a lone consonant: a consonant standing alone is a piece of the syllable next
// to it, cut off by a crawler ("B Ộ", "ỦY B AN", "T HÀNH P HỐ", "CỘ NG", "Đặ ng"); an apostrophe
// belongs to its word ("CƯ M'GAR", "EA H'LEO"). And an emphasis run next to such a piece is markdown
// the parser left as text ("C****Ộ****NG"), no word boundary.

const V = 'AEIOUYÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ';
const v = V.toLowerCase();

/** A lower-case final consonant standing alone ("ng" of "Đặ ng"), for patterns that allow it after a word. */
export const splitFinal = String.raw`(?:ng|nh|ch|[cmnpt])(?![\p{L}'’])`;

const emphasisBetweenLetters = /(?<=\p{L})\*+(?=\p{L})/gu;
const hasVowel = new RegExp(`[${V}${v}]`, 'u');
// a piece of a word: a consonant (cluster) or a single letter ("C", "Ộ", "NG" of "C****Ộ****NG")
const isFragment = (piece: string): boolean => piece.length === 1 || !hasVowel.test(piece);
// an emphasis run between two whole syllables stands for the space it hid ("BINH****VÀ")
const unmark = (run: string, at: number, line: string): string => {
  const before = /\p{L}+$/u.exec(line.slice(Math.max(0, at - 12), at))![0];
  const after = /^\p{L}+/u.exec(line.slice(at + run.length, at + run.length + 12))![0];
  return isFragment(before) || isFragment(after) ? '' : ' ';
};
// a space inside a word, looked for from the space itself
const spaceInWord = new RegExp(
  ' (?:' +
    [
      // an initial consonant (cluster) before the rest of its syllable: "B Ộ", "B AN", "CH Ủ"
      String.raw`(?<=(?<![\p{L}'’])(?:NGH|NG|NH|CH|GH|KH|PH|TH|TR|[BCDĐGHKLMNPQRSTVX]) )(?=[${V}])`,
      // a consonant that makes a cluster with the next letter: "T HÀNH", "P HỐ", "C H Í"
      String.raw`(?<=(?<![\p{L}'’])(?:[CGKNPT] (?=H)|T (?=R)|N (?=G)))`,
      // the same two cuts in a capitalised word: "M inh", "Ng uyễn", "T hành" (in a place or a name a
      // capital never stands alone; in prose it may, "Phụ lục B áp dụng", hence not for prose)
      String.raw`(?<=(?<![\p{L}'’])(?:Ngh|Ng|Nh|Ch|Gh|Kh|Ph|Th|Tr|[BCDĐGHKLMNPQRSTVX]) )(?=[${v}])`,
      String.raw`(?<=(?<![\p{L}'’])(?:[CGKNPT] (?=h)|T (?=r)|N (?=g)))`,
      // a final consonant after the rest of its syllable: "CỘ NG", "DÂ N" (unless it starts the next
      // syllable: "HỒ C H Í")
      String.raw`(?<=[${V}] )(?=(?:NG|NH|CH|[CMNPT])(?![\p{L}'’])(?! [${V}])(?!(?<=[CNPT]) [HRG]))`,
      String.raw`(?<=[${v}] )(?=${splitFinal})`,
    ].join('|') +
    ')',
  'gu',
);

/** "C****Ộ****NG HÒA", "ỦY B AN NHÂN D Â N", "Đặ ng" -> "CỘNG HÒA", "ỦY BAN NHÂN DÂN", "Đặng" (header lines and names, not prose). */
export function joinSpacedLetters(line: string): string {
  const unmarked = line.includes('*') ? line.replace(emphasisBetweenLetters, unmark) : line;
  return unmarked.includes(' ') ? unmarked.replace(spaceInWord, '') : unmarked;
}

// a letter that never stands alone in a code: a small vowel or an accented capital one
const syllableVowel = `${V.slice('AEIOUY'.length)}${v}`;

/**
 * Regex source: a code segment whose capitals a conversion spaced apart ("QĐ - U B ND", "CT/T W",
 * "KH-B C Đ ngày"), for the number patterns to try right after a code separator, before the plain
 * segment.
 *
 * Two to eight single capitals, one space between. Each capital after the first stands alone: it is
 * followed by a space, a line end or a closing mark (not by "/" or "-": "T U V/v" keeps "V/v" out),
 * and not by a space and the rest of its syllable ("U B T hành phố", "Đ ồng Nai"; the same cuts
 * `spaceInWord` joins). A run of capitals after it ("ND" of "U B ND") joins through the patterns'
 * own space-before-capitals rule; a whole code ("UBND V/v", "CT/TW Về") never starts a run.
 */
export const spacedCodeLetters = String.raw`[A-ZĐ](?: [A-ZĐ](?=[ ,;:)|\]\r\n]|\.(?![A-Za-zĐđ])|$)(?! [${syllableVowel}]|(?<=[CGKNPT]) h|(?<=T) r|(?<=N) g)){1,7}`;
