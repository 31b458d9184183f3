import { documentTypeByCode, foldVietnamese, unifyTonePlacement } from '@vanban/schema';

/** What a user typed, understood: a số ký hiệu, or words (folded, and exact when typed with diacritics). */
export type ParsedQuery =
  | { kind: 'number'; serial: string; year: number | null; codes: string[] }
  | { kind: 'text'; folded: string[]; exact: string[] | null }
  | { kind: 'empty' };

const MAX_TOKENS = 16;
const typeCodesFolded = new Set(['qd', 'ct', 'kh', 'cv', 'nd', 'nq', 'tt', 'ttlt', 'bc', 'tb', 'hd', 'kl', 'cd', 'ttr', 'ctr', 'qc', 'da']);

export function parseQuery(input: string): ParsedQuery {
  const q = input.normalize('NFC').replace(/[\u00d0]/g, 'Đ').replace(/[\u00f0]/g, 'đ').trim().slice(0, 500);
  const folded = foldVietnamese(q);
  // "1863/QĐ-TTg", "1863/qd-ttg", "20-CT/TW", "56/2017/NĐ-CP"
  const coded = /(\d{1,6})\s*(?:\/\s*(\d{4})\s*)?[/-]\s*([a-z][a-z0-9]*(?:\s*[-/.]\s*[a-z0-9]+)*)/.exec(folded);
  if (coded) return { kind: 'number', serial: coded[1].replace(/^0+(?=\d)/, ''), year: coded[2] ? Number(coded[2]) : null, codes: coded[3].split(/[^a-z0-9]+/).filter(Boolean) };
  // "qd 1863", "QĐ 1863", "CT số 20"
  const typed = /^([a-z]{2,4})\s+(?:so\s+)?(\d{1,6})$|^(\d{1,6})\s+([a-z]{2,4})$/.exec(folded);
  if (typed) {
    const code = typed[1] ?? typed[4];
    if (typeCodesFolded.has(code) || documentTypeByCode(code)) return { kind: 'number', serial: (typed[2] ?? typed[3]).replace(/^0+(?=\d)/, ''), year: null, codes: [code] };
  }
  const foldedTokens = (folded.match(/[a-z0-9]+/g) ?? []).slice(0, MAX_TOKENS).map((t) => t.slice(0, 40));
  if (!foldedTokens.length) return { kind: 'empty' };
  const lower = unifyTonePlacement(q.toLowerCase());
  const typedWithMarks = lower !== folded;
  const exactTokens = typedWithMarks ? (lower.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TOKENS).map((t) => t.slice(0, 40)) : null;
  return { kind: 'text', folded: foldedTokens, exact: exactTokens };
}

/**
 * An FTS5 expression for one column that no user input can break: every token is quoted (tokens
 * hold only letters and digits). `phrase`: the words in order, side by side; `pairs`: each two
 * consecutive syllables side by side — Vietnamese words are syllable pairs, so "đuối nước" must
 * not match "đuối" in one place and "nước" in another.
 */
export function ftsExpression(column: 'folded' | 'exact', tokens: readonly string[], mode: 'phrase' | 'pairs' = 'pairs'): string {
  const quoted = tokens.map((t) => t.replace(/"/g, ''));
  if (quoted.length === 1 || mode === 'phrase') return `${column} : "${quoted.join(' ')}"`;
  const pairs: string[] = [];
  for (let k = 0; k + 1 < quoted.length; k++) pairs.push(`${column} : "${quoted[k]} ${quoted[k + 1]}"`);
  return pairs.join(' AND ');
}

/** Does a stored number (folded) match the query's serial, year and code segments? */
export function numberMatches(numberFolded: string, q: { serial: string; year: number | null; codes: string[] }): boolean {
  const m = /^0*(\d+)(?:\/(\d{4}))?[/-](.*)$/.exec(numberFolded);
  if (!m || m[1] !== q.serial) return false;
  if (q.year !== null && m[2] !== String(q.year)) return false;
  const segments = new Set(m[3].split(/[^a-z0-9]+/).filter(Boolean));
  return q.codes.every((c) => segments.has(c));
}
