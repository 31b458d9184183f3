const oldToneO: Record<string, string> = { à: 'òa', á: 'óa', ả: 'ỏa', ã: 'õa', ạ: 'ọa', è: 'òe', é: 'óe', ẻ: 'ỏe', ẽ: 'õe', ẹ: 'ọe' };
const oldToneU: Record<string, string> = { ỳ: 'ùy', ý: 'úy', ỷ: 'ủy', ỹ: 'ũy', ỵ: 'ụy' };

/**
 * Unify old and new tone placement in open syllables (`hoà` -> `hòa`, `uỷ` -> `ủy`) on
 * lower-case NFC text. Length-preserving, so offsets stay valid. `quý` is left alone: there the
 * `u` belongs to the consonant and both styles agree.
 */
export function unifyTonePlacement(lower: string): string {
  return lower
    .replace(/o([àáảãạèéẻẽẹ])(?![\p{L}])/gu, (_, v: string) => oldToneO[v])
    .replace(/(^|[^q])u([ỳýỷỹỵ])(?![\p{L}])/gu, (_, pre: string, v: string) => pre + oldToneU[v]);
}

/** The folding, step by step: the definition, and the path for text outside the table below. */
function foldByNormalization(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/**
 * What each character of lower-cased NFC text folds to, derived from `foldByNormalization` one
 * character at a time, for the Latin letters and the punctuation, currency, letterlike, arrow and
 * mathematical blocks: characters that never compose with a neighbour, so folding them one by
 * one equals folding the text. 0: not in the table (the whole text takes the step-by-step path).
 */
const TABLE_END = 0x2300;
const inTable = (c: number): boolean => c < 0x250 || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < 0x20d0) || c >= 0x2100; // 20D0–20FF: combining marks
let table: Uint16Array | undefined;

function foldTable(): Uint16Array {
  const t = new Uint16Array(TABLE_END);
  for (let c = 1; c < TABLE_END; c++) {
    if (!inTable(c)) continue;
    const ch = String.fromCharCode(c);
    if (ch.normalize('NFC') !== ch) continue; // never in NFC text
    const folded = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').normalize('NFC');
    if (folded.length === 1 && inTable(folded.charCodeAt(0))) t[c] = folded.charCodeAt(0);
  }
  return t;
}

export function foldVietnamese(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  const t = (table ??= foldTable());
  const n = lower.length;
  const fold = (c: number): number => (c < 0x80 ? c : c < TABLE_END ? t[c] : 0);
  // one byte per character while the folded text stays within Latin-1 (Vietnamese folds to ASCII)
  const narrow = Buffer.allocUnsafe(n);
  let i = 0;
  for (let f; i < n && (f = fold(lower.charCodeAt(i))) !== 0 && f < 0x100; i++) narrow[i] = f;
  if (i === n) return narrow.toString('latin1');
  // two bytes from the first typographic quote or dash on
  const wide = new Uint16Array(n);
  wide.set(narrow.subarray(0, i));
  for (; i < n; i++) {
    const f = fold(lower.charCodeAt(i));
    if (f === 0) return foldByNormalization(text);
    wide[i] = f;
  }
  return Buffer.from(wide.buffer, wide.byteOffset, wide.byteLength).toString('ucs2');
}
