import type { OffsetMap } from './offsets.js';

export interface NormalizedText {
  text: string;
  /** Normalized offset -> offset in the decoded source. */
  toSource: OffsetMap;
}

const combining = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
// Text without combining marks is already NFC except for the few characters NFC itself replaces
// (singleton decompositions such as U+212B ANGSTROM SIGN, CJK compatibility ideographs) and Hangul
// jamo; those are listed too, so clean text skips a whole-text normalize() call.
const needsWork =
  /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00d0\u00f0\u00a0\u200b\u200c\u200d\ufeff\r\t\u0340\u0341\u0343\u0344\u0374\u037e\u0387\u1f71-\u1ffd\u2000\u2001\u2126\u212a\u212b\u2329\u232a\uf900-\ufaff\u1100-\u11ff\u0590-\u08ff\u0900-\u0dff\u3099\u309a]/;
// word-segmentation underscores, looked for only in a text holding "_" (a \p{L} alternative in the
// class above made every position a candidate: it cost more than the whole normalization)
const segmented = /[\p{L}\d]_[\p{L}\d]/u;
// characters that may need a change; everything between two of them is copied as one chunk
const special = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00d0\u00f0\u00a0\u200b\u200c\u200d\ufeff\r\t_]/g;

/**
 * NFC, `Ð`/`ð` (U+00D0/U+00F0, a common mis-encoding of Đ/đ) -> `Đ`/`đ`, word-segmentation
 * underscores (`Quyết_định`) -> spaces, NBSP/tab -> space, CR and zero-width characters dropped.
 * Keeps a map back to the source so spans land on the original characters.
 */
export function normalizeText(source: string): NormalizedText {
  if (!needsWork.test(source) && !(source.includes('_') && segmented.test(source))) return { text: source, toSource: null };
  const map = new Int32Array(source.length * 2 + 1);
  const parts: string[] = [];
  let outLength = 0;
  const emit = (s: string, from: number): void => {
    map.fill(from, outLength, outLength + s.length);
    parts.push(s);
    outLength += s.length;
  };
  const copy = (from: number, to: number): void => {
    // plain characters: one slice, offsets one to one
    const at = outLength - from;
    for (let k = from; k < to; k++) map[at + k] = k;
    parts.push(source.slice(from, to));
    outLength += to - from;
  };
  let i = 0;
  while (i < source.length) {
    special.lastIndex = i;
    const m = special.exec(source);
    let j = m ? m.index : source.length;
    // a combining mark belongs to the character before it: start the cluster there
    if (m && combining.test(m[0]) && j > i) j--;
    if (j > i) copy(i, j);
    if (!m) break;
    i = j;
    let end = i + 1;
    while (end < source.length && combining.test(source[end])) end++;
    const ch = source[i];
    if (end - i > 1) {
      emit(fixChar(source.slice(i, end).normalize('NFC')), i);
    } else if (ch === '\r' || ch === '\u200b' || ch === '\u200c' || ch === '\u200d' || ch === '\ufeff') {
      // dropped
    } else if (ch === '_') {
      // judge by the normalized character before (an NFD letter ends with a combining mark)
      const last = parts.length ? parts[parts.length - 1] : '';
      emit(last && isWordChar(last[last.length - 1]) && end < source.length && isWordChar(source[end]) ? ' ' : '_', i);
    } else {
      emit(fixChar(ch), i);
    }
    i = end;
  }
  map[outLength] = source.length;
  return { text: parts.join(''), toSource: map.slice(0, outLength + 1) };
}

function fixChar(s: string): string {
  switch (s) {
    case '\u00d0':
      return '\u0110';
    case '\u00f0':
      return '\u0111';
    case '\u00a0':
    case '\t':
      return ' ';
    default:
      return s.includes('\u00d0') || s.includes('\u00f0') ? s.replace(/\u00d0/g, '\u0110').replace(/\u00f0/g, '\u0111') : s;
  }
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\d]/u.test(ch);
}
