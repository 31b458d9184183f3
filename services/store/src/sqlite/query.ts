import { documentTypes, foldVietnamese, unifyTonePlacement } from '@vanban/schema';

/**
 * A số ký hiệu query: the serial, the year of a normative number, the code segments typed
 * (`1863/QĐ-TTg` -> qd, ttg), and the document type when typed as a word (`Chỉ thị 20`,
 * `cv 279`): a công văn's number (`279/UBND-LĐTBXH`) does not carry its type, so the type may be
 * the document's instead of a segment. A code may also be cut by a space (`279/UBND-LĐT BXH`, as
 * some documents write it): consecutive codes may together be one segment, and with `lastIsPrefix`
 * (the number goes on in words) the last code may be a segment's start. `mayBeWords`: typed
 * without a "/" or "-" (`1863`, `20 CT TW`, `qd 1863`), so it may as well be words, and is searched
 * as words when no document has or cites that number.
 */
export interface NumberQuery {
  serial: string;
  year: number | null;
  codes: string[];
  typeCode?: string;
  lastIsPrefix?: boolean;
  mayBeWords?: boolean;
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

/** A bare year ("2019") is more likely the documents of that year than document no. 2019. */
const yearLike = /^(?:19[4-9]|20\d)\d$/;
/** A number has a few codes; more words after a serial are words. */
const MAX_CODES = 6;

/**
 * What a user typed: a số ký hiệu, or words. This is the one place that says what a number query
 * is; both search adapters and lookup read it.
 */
export function parseQuery(input: string): ParsedQuery {
  const folded = foldVietnamese(cleanQuery(input));
  // the whole query a number, in any spacing and separators: "1863", "20 CT TW", "20-CT/TW",
  // "1863/QĐ-TTg", "56 2017 NĐ CP", "279/UBND-LĐT BXH", "813/LĐTB&XH-BVCSTE" (& dropped, as in stored numbers)
  const whole = /^(?:so )?(\d{1,6})(?: (\d{4})(?= [a-z]))?((?: [a-z][a-z0-9]*)*)$/.exec(folded.replace(/&/g, '').replace(/[^a-z0-9]+/g, ' ').trim());
  if (whole) {
    const codes = whole[3].split(' ').filter(Boolean);
    const mayBeWords = !/[/-]/.test(folded);
    if (codes.length <= MAX_CODES && !(codes.length === 0 && yearLike.test(whole[1]))) {
      // typed without separators, a type first is the type, whether or not the number carries it ("1863 qd", "12 cv")
      const typeCode = mayBeWords && codes.length ? typeByWords.get(codes[0]) : undefined;
      return {
        kind: 'number',
        serial: serialOf(whole[1]),
        year: whole[2] ? Number(whole[2]) : null,
        codes: typeCode ? codes.slice(1) : codes,
        ...(typeCode ? { typeCode } : {}),
        ...(mayBeWords ? { mayBeWords } : {}),
      };
    }
  }
  // a number inside words: "Chỉ thị số 20-CT/TW", "Kế hoạch số 41-KH/TU về việc…"
  const coded = /(\d{1,6})\s*(?:\/\s*(\d{4})\s*)?[/-]\s*([a-z][a-z0-9]*(?:\s*[-/.]\s*[a-z0-9]+)*)(\s+[a-z])?/.exec(folded.replace(/&/g, ''));
  if (coded) {
    const codes = coded[3].split(/[^a-z0-9]+/).filter(Boolean);
    const before = folded.slice(0, coded.index).replace(/[^a-z0-9]+/g, ' ').trim().replace(/\s+so$/, '');
    const typeCode = typeByWords.get(before);
    return { kind: 'number', serial: serialOf(coded[1]), year: coded[2] ? Number(coded[2]) : null, codes, ...(typeCode && !codes.includes(typeCode) ? { typeCode } : {}), ...(coded[4] ? { lastIsPrefix: true } : {}) };
  }
  // "qd 1863", "QĐ 1863", "CT số 20", "Chỉ thị 20", "Quyết định 22/2013"
  const typed = /^([a-z]+(?: [a-z]+){0,3}?) (?:so )?(\d{1,6})(?: ?\/ ?(\d{4}))?$/.exec(folded.replace(/[^a-z0-9/]+/g, ' ').trim());
  if (typed) {
    const words = typed[1];
    const typeCode = typeByWords.get(words);
    // "kế hoạch 2021" is more likely the plans of 2021 than plan no. 2021; "kh 2021" is a number
    const yearOnly = words !== typeCode && yearLike.test(typed[2]) && !typed[3];
    if (typeCode && !yearOnly) return { kind: 'number', serial: serialOf(typed[2]), year: typed[3] ? Number(typed[3]) : null, codes: [], typeCode, mayBeWords: true };
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
  if (!codesAreSegments(q.codes, segments, q.lastIsPrefix === true)) return false;
  return !q.typeCode || segments.includes(q.typeCode) || (typeCode != null && foldVietnamese(typeCode) === q.typeCode);
}

/**
 * Whether the codes, in runs of consecutive ones, are segments: each run joined is a segment
 * ("ldt", "bxh" -> "ldtbxh"), the last run maybe a segment's start when `lastIsPrefix`.
 */
function codesAreSegments(codes: readonly string[], segments: readonly string[], lastIsPrefix: boolean): boolean {
  // fits[k]: the codes from k on can be read so (filled from the end, so no reading is tried twice)
  const fits: boolean[] = [];
  fits[codes.length] = true;
  for (let from = codes.length - 1; from >= 0; from--) {
    fits[from] = false;
    let run = '';
    for (let k = from; k < codes.length && !fits[from]; k++) {
      run += codes[k];
      const isSegment = segments.includes(run) || (k === codes.length - 1 && lastIsPrefix && segments.some((s) => s.startsWith(run)));
      fits[from] = isSegment && fits[k + 1];
    }
  }
  return fits[0];
}
