import { documentTypes, foldVietnamese, unifyTonePlacement } from '@vanban/schema';

/**
 * A số ký hiệu query: the serial, the year of a normative number, the code segments typed
 * (`1863/QĐ-TTg` -> qd, ttg), and the document type when typed as a word (`Chỉ thị 20`,
 * `cv 279`): a công văn's number (`279/UBND-LĐTBXH`) does not carry its type, so the type may be
 * the document's instead of a segment. `lastIsPrefix`: the number was cut by a space inside its
 * last code (`279/UBND-LĐT BXH`, as some documents write it), so that code may be a segment's start.
 */
export interface NumberQuery {
  serial: string;
  year: number | null;
  codes: string[];
  typeCode?: string;
  lastIsPrefix?: boolean;
}

/** What a user typed, understood: a số ký hiệu, or words (folded, and exact when typed with diacritics). */
export type ParsedQuery =
  | ({ kind: 'number' } & NumberQuery)
  | { kind: 'text'; folded: string[]; exact: string[] | null }
  | { kind: 'empty' };

const MAX_TOKENS = 16;

/** Document types as typed before a serial: a code (qd, ct) or a name (chi thi, quyet dinh), folded. */
const typeByWords = new Map<string, string>();
{
  const codesOf = new Map<string, Set<string>>();
  for (const t of documentTypes) {
    for (const words of [t.code, t.name, ...t.aliases]) {
      const k = foldVietnamese(words).replace(/[^a-z0-9]+/g, ' ').trim();
      if (k) (codesOf.get(k) ?? codesOf.set(k, new Set()).get(k)!).add(foldVietnamese(t.code));
    }
  }
  // a word shared by two types names neither
  for (const [k, codes] of codesOf) if (codes.size === 1) typeByWords.set(k, [...codes][0]);
}

const serialOf = (digits: string): string => digits.replace(/^0+(?=\d)/, '');

/** The query in NFC, with Ð/ð read as Đ/đ, trimmed and capped. */
const cleanQuery = (input: string): string => input.normalize('NFC').replace(/[\u00d0]/g, 'Đ').replace(/[\u00f0]/g, 'đ').trim().slice(0, 500);

export function parseQuery(input: string): ParsedQuery {
  const folded = foldVietnamese(cleanQuery(input));
  // "1863/QĐ-TTg", "1863/qd-ttg", "20-CT/TW", "56/2017/NĐ-CP", "813/LĐTB&XH-BVCSTE" (& dropped, as in stored numbers)
  const coded = /(\d{1,6})\s*(?:\/\s*(\d{4})\s*)?[/-]\s*([a-z][a-z0-9]*(?:\s*[-/.]\s*[a-z0-9]+)*)(\s+[a-z])?/.exec(folded.replace(/&/g, ''));
  if (coded) {
    const codes = coded[3].split(/[^a-z0-9]+/).filter(Boolean);
    const before = folded.slice(0, coded.index).replace(/[^a-z0-9]+/g, ' ').trim().replace(/\s+so$/, '');
    const typeCode = typeByWords.get(before);
    return { kind: 'number', serial: serialOf(coded[1]), year: coded[2] ? Number(coded[2]) : null, codes, ...(typeCode && !codes.includes(typeCode) ? { typeCode } : {}), ...(coded[4] ? { lastIsPrefix: true } : {}) };
  }
  // "qd 1863", "QĐ 1863", "CT số 20", "Chỉ thị 20", "Quyết định 22/2013", "1863 qd"
  const typed = /^([a-z]+(?: [a-z]+){0,3}?) (?:so )?(\d{1,6})(?: ?\/ ?(\d{4}))?$|^(\d{1,6}) ([a-z]{2,4})$/.exec(folded.replace(/[^a-z0-9/]+/g, ' ').trim());
  if (typed) {
    const words = typed[1] ?? typed[5];
    const typeCode = typeByWords.get(words);
    // "kế hoạch 2021" is more likely the plans of 2021 than plan no. 2021; "kh 2021" is a number
    const yearLike = typed[1] !== undefined && words !== typeCode && /^(?:19[4-9]|20\d)\d$/.test(typed[2]) && !typed[3];
    if (typeCode && !yearLike) return { kind: 'number', serial: serialOf(typed[2] ?? typed[4]), year: typed[3] ? Number(typed[3]) : null, codes: [], typeCode };
  }
  return parseWords(input);
}

/** The query as words, also when it looked like a number ("chỉ thị 99" that names no document). */
export function parseWords(input: string): Extract<ParsedQuery, { kind: 'text' | 'empty' }> {
  const q = cleanQuery(input);
  const folded = foldVietnamese(q);
  const foldedTokens = (folded.match(/[a-z0-9]+/g) ?? []).slice(0, MAX_TOKENS).map((t) => t.slice(0, 40));
  if (!foldedTokens.length) return { kind: 'empty' };
  const lower = unifyTonePlacement(q.toLowerCase());
  const typedWithMarks = lower !== folded;
  const exactTokens = typedWithMarks ? (lower.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TOKENS).map((t) => t.slice(0, 40)) : null;
  return { kind: 'text', folded: foldedTokens, exact: exactTokens };
}

/**
 * Does a stored number (folded) match the query's serial, year and code segments? `typeCode`
 * (folded) is the type of the document or mention the number belongs to: a type typed as a word
 * matches it when the number does not carry the type.
 */
export function numberMatches(numberFolded: string, q: NumberQuery, typeCode?: string | null): boolean {
  const m = /^0*(\d+)(?:\/(\d{4}))?[/-](.*)$/.exec(numberFolded);
  if (!m || m[1] !== q.serial) return false;
  if (q.year !== null && m[2] !== String(q.year)) return false;
  const segments = m[3].split(/[^a-z0-9]+/).filter(Boolean);
  const last = q.codes.length - 1;
  const codesMatch = q.codes.every((c, k) => segments.includes(c) || (k === last && q.lastIsPrefix === true && segments.some((s) => s.startsWith(c))));
  if (!codesMatch) return false;
  return !q.typeCode || segments.includes(q.typeCode) || (typeCode != null && foldVietnamese(typeCode) === q.typeCode);
}
