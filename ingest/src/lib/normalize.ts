import type { OffsetMap } from './offsets.js';

export interface NormalizedText {
  text: string;
  /** Normalized offset -> offset in the decoded source. */
  toSource: OffsetMap;
}

const combining = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
const needsWork = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00d0\u00f0\u00a0\u200b\u200c\u200d\ufeff\r\t]|[\p{L}\d]_[\p{L}\d]/u;

/**
 * NFC, `Ð`/`ð` (U+00D0/U+00F0, a common mis-encoding of Đ/đ) -> `Đ`/`đ`, word-segmentation
 * underscores (`Quyết_định`) -> spaces, NBSP/tab -> space, CR and zero-width characters dropped.
 * Keeps a map back to the source so spans land on the original characters.
 */
export function normalizeText(source: string): NormalizedText {
  if (!needsWork.test(source) && source.normalize('NFC') === source) return { text: source, toSource: null };
  const map = new Int32Array(source.length * 2 + 1);
  const parts: string[] = [];
  let outLength = 0;
  const emit = (s: string, from: number): void => {
    for (let k = 0; k < s.length; k++) map[outLength + k] = from;
    parts.push(s);
    outLength += s.length;
  };
  let i = 0;
  while (i < source.length) {
    let j = i + 1;
    while (j < source.length && combining.test(source[j])) j++;
    const ch = source[i];
    if (j - i > 1) {
      emit(fixChar(source.slice(i, j).normalize('NFC')), i);
    } else if (ch === '\r' || ch === '\u200b' || ch === '\u200c' || ch === '\u200d' || ch === '\ufeff') {
      // dropped
    } else if (ch === '_' && i > 0 && isWordChar(source[i - 1]) && i + 1 < source.length && isWordChar(source[i + 1])) {
      emit(' ', i);
    } else {
      emit(fixChar(ch), i);
    }
    i = j;
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
