import { documentTypeByName, documentTypes, relationCues, topics, unifyTonePlacement, type DocumentType, type RelationCue } from '@vanban/schema';

/**
 * Scanners compiled once from the schema tables (pattern data apart from the engine). They avoid
 * the `u` flag and look-behinds on purpose: spelled-out case variants (or the plain `i` flag, as
 * fast as a case-sensitive trie) and a boundary check in code keep a full-text pass at hundreds of
 * MB/s.
 */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Regex source matching any of `words`, factored into a trie so the engine tests one character
 * class per position instead of every alternative. Spaces match any run of blanks.
 */
export function trieSource(words: readonly string[]): string {
  type Node = Map<string, Node> & { end?: boolean };
  const root: Node = new Map();
  for (const word of words) {
    let node = root;
    for (const ch of word.replace(/\s+/g, ' ')) {
      let child = node.get(ch);
      if (!child) node.set(ch, (child = new Map()));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const branches = [...node].map(([ch, child]) => (ch === ' ' ? '[ \\t\\n]+' : escape(ch)) + emit(child));
    if (!branches.length) return '';
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

const isLetterCode = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);

/** Is `text[i]` a letter (Latin, Vietnamese)? Out of range is not. */
export function isLetterAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isLetterCode(text.charCodeAt(i));
}

const typeWords = [...new Set([...documentTypes.flatMap((t) => [t.name, ...t.aliases]), 'Văn bản'])];
/** Each type word as written in text: "Quyết định", "quyết định", "QUYẾT ĐỊNH", abbreviations as is. */
const typeVariants = [
  ...new Set(typeWords.flatMap((w) => (w === w.toUpperCase() ? [w] : [w, w.toLowerCase(), capitalize(w.toLowerCase()), w.toUpperCase()]))),
].sort((a, b) => b.length - a.length);

/** Regex source of any type word in any of its spellings (case-sensitive alternation). */
export const typeWordSource = `(?:${trieSource(typeVariants)})`;
/** Each spelling (single spaces) with its type, looked up once here rather than per mention. */
const typeKeys = new Map(typeVariants.map((v) => [v.replace(/\s+/g, ' '), documentTypeByName(v)]));
const maxTypeWords = Math.max(...typeVariants.map((v) => v.split(/\s+/).length));
/** Last words of the type words ("định", "QĐ"): most words before a number are none of them. */
const typeLastWords = new Set(typeVariants.map((v) => v.split(/\s+/).pop()!));
const typeLastChars = new Uint8Array(0x10000);
for (const v of typeVariants) typeLastChars[v.charCodeAt(v.length - 1)] = 1;

export interface TypeHit {
  start: number;
  end: number;
  word: string;
  type: DocumentType | undefined;
}

const multiBlank = /[\t\n]| {2}/;

const isBlank = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 10;
};

/**
 * The longest type word ("Quyết định", "Thông tư liên tịch", "QĐ") ending exactly at `end`, found
 * by looking up the last one to four words: no scan of the whole text.
 */
export function typeWordEndingAt(text: string, end: number): TypeHit | undefined {
  // every type word ends with one of a few letters and last words: reject the rest before slicing
  if (end <= 0 || typeLastChars[text.charCodeAt(end - 1)] === 0) return undefined;
  if (!typeLastWords.has(text.slice(wordStartBefore(text, end), end))) return undefined;
  let best: TypeHit | undefined;
  let start = end;
  for (let n = 0; n < maxTypeWords; n++) {
    let j = start;
    if (n > 0) {
      while (j > 0 && isBlank(text, j - 1)) j--;
      if (j === start) break;
    }
    let k = j;
    while (k > 0 && isLetterAt(text, k - 1)) k--;
    if (k === j) break;
    start = k;
    let phrase = text.slice(start, end);
    if (n > 0 && multiBlank.test(phrase)) phrase = phrase.replace(/[ \t\n]+/g, ' ');
    if (typeKeys.has(phrase)) best = { start, end, word: phrase, type: typeKeys.get(phrase) };
  }
  return best;
}

/** Start of the word ending at `end` (letters only). */
export function wordStartBefore(text: string, end: number): number {
  let k = end;
  while (k > 0 && isLetterAt(text, k - 1)) k--;
  return k;
}

export function skipBlanksBack(text: string, at: number): number {
  let j = at;
  while (j > 0 && isBlank(text, j - 1)) j--;
  return j;
}

// Cue phrases in both tone placements ("cụ thể hóa" / "cụ thể hoá"), matched on lower-case text.
const cueSpellings = new Map<string, RelationCue>();
for (const cue of relationCues) {
  cueSpellings.set(cue.phrase, cue);
  for (const variant of toneVariants(cue.phrase)) cueSpellings.set(variant, cue);
}
// Case-insensitive without lower-casing the text first: that copy cost as much as the scan. The
// plain `i` flag folds Vietnamese letters one to one, like toLowerCase() on NFC text.
const cueScan = new RegExp(trieSource([...cueSpellings.keys()]), 'gi');

export interface CueMatch {
  start: number;
  end: number;
  cue: RelationCue;
}

/** Every relation cue in `text` (any case), whole words only. */
export function scanCues(text: string): CueMatch[] {
  const out: CueMatch[] = [];
  cueScan.lastIndex = 0;
  for (let m = cueScan.exec(text); m; m = cueScan.exec(text)) {
    const end = m.index + m[0].length;
    if (isLetterAt(text, m.index - 1) || isLetterAt(text, end)) continue;
    const cue = cueSpellings.get(m[0]) ?? cueSpellings.get(spellingKey(m[0]));
    if (cue?.inert) skipInert(cueScan, m);
    else if (cue) out.push({ start: m.index, end, cue });
  }
  return out;
}

const topicOfSpelling = new Map<string, string>();
for (const topic of topics) {
  for (const p of topic.patterns) {
    topicOfSpelling.set(p, topic.label);
    for (const variant of toneVariants(p)) topicOfSpelling.set(variant, topic.label);
  }
}
/**
 * The topics each spelling names: its own, and those of other topics' spellings inside it as whole
 * words. The scan takes the longest phrase, and "Tổng đài điện thoại quốc gia bảo vệ trẻ em" is both
 * the hotline and child protection.
 */
const topicSpellings = new Map<string, readonly string[]>(
  [...topicOfSpelling].map(([spelling, label]) => {
    const nested = [...topicOfSpelling].filter(([inner, other]) => other !== label && containsWords(spelling, inner)).map(([, other]) => other);
    return [spelling, [...new Set([label, ...nested])]];
  }),
);

/** Is `inner` in `outer` as whole words? */
function containsWords(outer: string, inner: string): boolean {
  for (let at = outer.indexOf(inner); at !== -1; at = outer.indexOf(inner, at + 1)) {
    if (!isLetterAt(outer, at - 1) && !isLetterAt(outer, at + inner.length)) return true;
  }
  return false;
}
const topicScan = new RegExp(trieSource([...topicSpellings.keys()]), 'gi');

/** Topic labels found in `text` (NFC, any case), diacritics respected. */
export function scanTopics(text: string): string[] {
  const found = new Set<string>();
  topicScan.lastIndex = 0;
  for (let m = topicScan.exec(text); m; m = topicScan.exec(text)) {
    const after = text.charCodeAt(m.index + m[0].length);
    if (isLetterAt(text, m.index - 1) || isLetterAt(text, m.index + m[0].length) || (after >= 48 && after <= 57)) continue;
    for (const label of topicSpellings.get(m[0]) ?? topicSpellings.get(spellingKey(m[0])) ?? []) found.add(label);
  }
  return topics.filter((t) => found.has(t.label)).map((t) => t.label);
}

// Cues and topics in one scan: one pass over the text instead of two (each costs ~3 ns a
// character, as both vocabularies start with the commonest letters).
const phraseSpellings = new Map<string, { cue?: RelationCue; topics?: readonly string[] }>();
for (const [spelling, cue] of cueSpellings) phraseSpellings.set(spelling, { cue });
for (const [spelling, labels] of topicSpellings) phraseSpellings.set(spelling, { ...phraseSpellings.get(spelling), topics: labels });
const phraseScan = new RegExp(trieSource([...phraseSpellings.keys()]), 'gi');

/** The relation cues (as `scanCues`) and topic labels (as `scanTopics`) of a text, in one pass. */
export function scanPhrases(text: string): { cues: CueMatch[]; topics: string[] } {
  const cues: CueMatch[] = [];
  const found = new Set<string>();
  phraseScan.lastIndex = 0;
  for (let m = phraseScan.exec(text); m; m = phraseScan.exec(text)) {
    const end = m.index + m[0].length;
    if (isLetterAt(text, m.index - 1) || isLetterAt(text, end)) continue;
    const hit = phraseSpellings.get(m[0]) ?? phraseSpellings.get(spellingKey(m[0]));
    if (hit?.cue?.inert) skipInert(phraseScan, m);
    else if (hit?.cue) cues.push({ start: m.index, end, cue: hit.cue });
    const after = text.charCodeAt(end);
    if (hit?.topics && !(after >= 48 && after <= 57)) for (const label of hit.topics) found.add(label);
  }
  return { cues, topics: found.size ? topics.filter((t) => found.has(t.label)).map((t) => t.label) : [] };
}

/**
 * An inert phrase hides the cue inside it, but only within one line: "NGHỊ ĐỊNH\nSửa đổi, bổ sung…"
 * is a document's own type line over its title, whose "sửa đổi" stays a cue, so scan on inside it.
 */
function skipInert(scan: RegExp, m: RegExpExecArray): void {
  if (m[0].includes('\n')) scan.lastIndex = m.index + 1;
}

/** A matched phrase as its table key: lower case, single spaces. */
function spellingKey(matched: string): string {
  return matched.toLowerCase().replace(/[ \t\n]+/g, ' ');
}

/** The other tone placement of each open "oa/oe/uy" syllable ("hóa" <-> "hoá"). */
function toneVariants(phrase: string): string[] {
  const unified = unifyTonePlacement(phrase);
  const old = unified
    .replace(/([òóỏõọ])([ae])(?![\p{L}])/gu, (_, o: string, v: string) => `o${moveTone(o, v)}`)
    .replace(/(^|[^q])([ùúủũụ])y(?![\p{L}])/gu, (_, pre: string, u: string) => `${pre}u${moveTone(u, 'y')}`);
  return [unified, old].filter((v) => v !== phrase);
}

function moveTone(marked: string, target: string): string {
  const tone = marked.normalize('NFD').slice(1);
  return `${target}${tone}`.normalize('NFC');
}
