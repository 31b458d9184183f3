// Letters of one word the source cut apart, put back together — one rule for the issuer block, the
// quốc hiệu (header and split), the place-and-date line and the signature.
//
// No Vietnamese word is a lone consonant: a consonant standing alone is a piece of the syllable next
// to it, cut off by a crawler ("B Ộ", "ỦY B AN", "T HÀNH P HỐ", "CỘ NG", "Đặ ng"); an apostrophe
// belongs to its word ("CƯ M'GAR", "EA H'LEO"). Nor does a toned vowel stand alone after the first
// vowel of its nucleus ("VI Ệ T", see `nuclei`). And an emphasis run next to such a piece is markdown
// the parser left as text ("C****Ộ****NG"), no word boundary.

const V = 'AEIOUYÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ';
const v = V.toLowerCase();
/** Every small vowel letter with its marks, for character classes (`[${smallVowels}]`). */
export const smallVowels = v;

/** A lower-case final consonant standing alone ("ng" of "Đặ ng"), for patterns that allow it after a word. */
export const splitFinal = String.raw`(?:ng|nh|ch|[cmnpt])(?![\p{L}'’])`;

// marks the parser could not pair may also touch a space between two words ("BỘ** **TRƯỞNG", "BỘ
// **TRƯỞNG"): such a run is that word boundary, whatever surrounds it
const emphasisBetweenLetters = /(?<=\p{L})[ \t]*\*+(?:[ \t]+\*+)*[ \t]*(?=\p{L})/gu;
const hasVowel = new RegExp(`[${V}${v}]`, 'u');
// a piece of a word: a consonant (cluster) or a single letter ("C", "Ộ", "NG" of "C****Ộ****NG")
const isFragment = (piece: string): boolean => piece.length === 1 || !hasVowel.test(piece);
// an emphasis run between two whole syllables stands for the space it hid ("BINH****VÀ")
const unmark = (run: string, at: number, line: string): string => {
  if (/[ \t]/.test(run)) return ' ';
  const before = /\p{L}+$/u.exec(line.slice(Math.max(0, at - 12), at))![0];
  const after = /^\p{L}+/u.exec(line.slice(at + run.length, at + run.length + 12))![0];
  return isFragment(before) || isFragment(after) ? '' : ' ';
};

// A syllable carries one tone mark, on its main vowel, and in these nuclei the main vowel is the
// second: iê/yê (VIỆT, HUYỆN), uô (THUỐC), ươ (ĐƯỢC), uâ (QUẬN), oă (HOẶC), oa/oe (HOẠCH, KHOẺ), uê
// (THUẾ), and any vowel after "qu" (QUẢNG, QUÝ), whose "u" belongs to the initial. So a toned vowel
// standing alone after a toneless piece ending in the nucleus's first vowel is the rest of that
// syllable: "VI Ệ T", "Qu ả ng", "Nghi ệp". Real words meeting like that are rare, since the first
// must have no tone mark of its own ("TÒA ÁN" keeps its space) and the pair must make a nucleus
// ("CHO Ý", "NO ẤM" do not); the common lone words ("ở" of "định cư ở") are open syllables, which
// the nuclei up to uâ/oă never make: without a final consonant (or glide) they are not joined. The
// others are joined in capitals only, as prose has "cho áp dụng".
const toned = { a: 'ÁÀẢÃẠ', ă: 'ẮẰẲẴẶ', â: 'ẤẦẨẪẬ', e: 'ÉÈẺẼẸ', ê: 'ẾỀỂỄỆ', i: 'ÍÌỈĨỊ', o: 'ÓÒỎÕỌ', ô: 'ỐỒỔỖỘ', ơ: 'ỚỜỞỠỢ', y: 'ÝỲỶỸỴ' };
const tonedVowels = Object.values(toned).join('');
const initials = { upper: 'NGH|NG|NH|CH|GH|KH|PH|TH|TR|[BCDĐGHKLMNPRSTVX]', capitalised: 'Ngh|Ng|Nh|Ch|Gh|Kh|Ph|Th|Tr|[BCDĐGHKLMNPRSTVX]' };
interface Nucleus {
  initial: string | null; // required ("qu"), else any or none
  first: string;
  second: string;
  closed: boolean; // never ends a syllable without a final
}
const inSmallLetters = (n: Nucleus): boolean => n.closed || n.initial !== null;
const nuclei: Nucleus[] = [
  { initial: null, first: 'U?Y|I', second: toned.ê, closed: true },
  { initial: null, first: 'U', second: toned.ô + toned.â, closed: true },
  { initial: null, first: 'Ư', second: toned.ơ, closed: true },
  { initial: null, first: 'O', second: toned.ă, closed: true },
  { initial: null, first: 'O', second: toned.a + toned.e, closed: false },
  { initial: null, first: 'U', second: toned.ê, closed: false },
  { initial: 'Q', first: 'U', second: tonedVowels, closed: false },
];
/** The space between the first vowel of a nucleus and the toned rest of its syllable ("VI Ệ", "Qu ả"), in capitals or small letters. */
function nucleusCut({ initial, first, second, closed }: Nucleus, lower: boolean): string {
  // in small letters the word may be capitalised ("Qu ả ng", "Nghi ệp")
  const anyInitial = lower ? `${initials.capitalised}|${initials.upper.toLowerCase()}` : initials.upper;
  const opening = initial ? (lower ? `[${initial}${initial.toLowerCase()}]` : initial) : `(?:${anyInitial})?`;
  const [head, rest, finals] = lower ? [first.toLowerCase(), second.toLowerCase(), 'ng|nh|ch|[cmnptiu]'] : [first, second, 'NG|NH|CH|[CMNPTIU]'];
  // the final may itself be cut off ("VI Ệ T")
  const end = closed ? `(?: ?(?:${finals}))` : `(?:${finals})?`;
  return String.raw`(?=[${rest}]${end}(?![\p{L}'’]))(?<=(?<![\p{L}'’])${opening}(?:${head}) )`;
}

// A closed nucleus ends in a final, which may be a glide: "ĐIỀU" (iê-u), "NGƯỜI" (ươ-i), "CHÂU" (â-u),
// "QUẦY" (uâ-y). Such a glide standing alone after the nucleus is that final ("ĐI Ề U", "NGƯỜ I",
// "CHÂ U"): the piece before it is no syllable without one, so it is joined with or without a tone
// mark, in small letters too.
const base = (vowel: keyof typeof toned): string => vowel.toUpperCase() + toned[vowel];
const glides: [head: string, second: string, glide: string][] = [
  ['U?Y ?|I ?', base('ê'), 'U'],
  ['U ?', base('ô'), 'I'],
  ['U?', base('â'), 'UY'],
  ['Ư ?', base('ơ'), 'IU'],
];
// any initial, "qu" included ("QUẦ Y", "QU Y Ế T")
const openingOf = (lower: boolean): string => (lower ? `${initials.capitalised}|${initials.upper.toLowerCase()}|[Qq]` : `${initials.upper}|Q`);
function glideCut([head, second, glide]: (typeof glides)[number], lower: boolean): string {
  const [h, s, g] = lower ? [head.toLowerCase(), second.toLowerCase(), glide.toLowerCase()] : [head, second, glide];
  return String.raw`(?=[${g}](?![\p{L}'’]))(?<=(?<![\p{L}'’])(?:${openingOf(lower)})?(?:${h})[${s}] )`;
}
// In "uy" the tone sits on u ("ỦY", "THỦY"): a toned u standing alone before a lone y is that
// syllable cut in two ("Ủ Y BAN", "TH Ủ Y"), never two words ("THÚ Y" has its u in a whole syllable)
const tonedUBeforeY = (lower: boolean): string => {
  const [u, y] = lower ? ['ÚÙỦŨỤúùủũụ', 'y'] : ['ÚÙỦŨỤ', 'Y'];
  return String.raw`(?<=(?<![\p{L}'’])[${u}] )(?=${y}(?![\p{L}'’]))`;
};
// "uyê" keeps its tone on ê, so the space between its u and y is inside the word when the toned rest
// is cut off too: "HU Y Ệ N" ("THU YẾN", a name, is two words)
const uyeCut = (lower: boolean): string => {
  const [u, y, e] = lower ? ['[Uu]', 'y', toned.ê.toLowerCase()] : ['U', 'Y', toned.ê];
  return String.raw`(?<=(?<![\p{L}'’])(?:${openingOf(lower)})?${u} )(?=${y} [${e}])`;
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
      // a final consonant after the rest of its syllable: "CỘ NG", "DÂ N", "ĐỊ N H" (unless it starts
      // the next syllable: "HỒ C H Í")
      String.raw`(?<=[${V}] )(?=(?:NG|NH|CH|[CMNPT])(?![\p{L}'’])(?! [${V}])(?!(?<=[CNPT]) [HRG] ?[${V}]))`,
      String.raw`(?<=[${v}] )(?=${splitFinal})`,
      // (behind one test for a toned vowel, which fails after most spaces)
      String.raw`(?=[${tonedVowels}${tonedVowels.toLowerCase()}])(?:${[...nuclei.map((n) => nucleusCut(n, false)), ...nuclei.filter(inSmallLetters).map((n) => nucleusCut(n, true))].join('|')})`,
      // (behind one test for a lone glide or "y")
      String.raw`(?=[IUYiuy](?![\p{L}'’]))(?:${[...glides.map((g) => glideCut(g, false)), ...glides.map((g) => glideCut(g, true)), uyeCut(false), uyeCut(true), tonedUBeforeY(false), tonedUBeforeY(true)].join('|')})`,
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
