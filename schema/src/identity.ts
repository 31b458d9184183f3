import { mixedCaseCodes } from './vocabulary/codes.js';
import { documentTypeByCode, type DocumentType } from './vocabulary/document-types.js';
import { issuerByCode, type IssuerCode } from './vocabulary/issuer-codes.js';

const plainNumber = /^[0-9A-Za-z\u0110\u0111/.-]*$/;

/**
 * Normalize a số ký hiệu (DESIGN.md "Identity"): NFC, Ð/ð -> Đ, spaces and `&` removed, dashes
 * unified, upper case except the mixed-case codes. Đ is never folded to D.
 */
export function normalizeNumber(raw: string): string {
  // the usual number (ASCII letters, digits, Đ, `/.-`) needs only the upper-casing
  const flat = plainNumber.test(raw)
    ? raw.toUpperCase()
    : raw
        .normalize('NFC')
        .replace(/[\u00D0\u0110]/g, 'Đ')
        .replace(/[\u00F0\u0111]/g, 'đ')
        .replace(/[\u2010-\u2015\u2212]/g, '-')
        .replace(/[\s_&]+/g, '')
        .toUpperCase();
  return flat.replace(/[A-ZĐ]+/g, (segment) => mixedCaseCodes.get(segment) ?? segment);
}

export interface NumberParts {
  /** Serial before the first separator ("1863"), empty for a draft's blank number. */
  serial: string;
  /** Year written inside a normative number (`56/2017/NĐ-CP` -> 2017). */
  year: number | null;
  /** Party style `20-CT/TW` (type after a dash, issuer after the slash). */
  party: boolean;
  type: DocumentType | null;
  issuerCode: string | null;
  issuer: IssuerCode | null;
}

/** Split a normalized number into what it tells about the document. */
export function parseNumber(number: string): NumberParts {
  const m = /^(\d*)(?:\/(\d{4}))?([-/])(.*)$/.exec(number);
  if (!m) return { serial: number, year: null, party: false, type: null, issuerCode: null, issuer: null };
  const [, serial, yearText, separator, rest] = m;
  const party = separator === '-';
  const segments = rest.split(/[-/.]/).filter(Boolean);
  let type: DocumentType | null = null;
  let issuerCode: string | null = null;
  const first = segments[0] ?? '';
  const second = segments[1] ?? '';
  const firstType = documentTypeByCode(first) ?? null;
  // `CT` is both Chỉ thị and Cục Thuế: it is Chỉ thị only when an issuer code follows (`CT-TTg`, `CT/TW`).
  if (firstType && !(first.toUpperCase() === 'CT' && second && !issuerByCode(second))) {
    type = firstType;
    issuerCode = second || null;
  } else {
    issuerCode = first || null;
  }
  return {
    serial,
    year: yearText ? Number(yearText) : null,
    party,
    type,
    issuerCode,
    issuer: issuerCode ? (issuerByCode(issuerCode) ?? null) : null,
  };
}

/**
 * The year a document is known by (DESIGN.md "Identity"): the year inside its number when the number
 * carries one, else the year written with it (its date line, the date next to a citation). The number
 * is part of the name and copied with care; a date beside it is sometimes mistyped ("Nghị định số
 * 75/2021/NĐ-CP ngày 24/7/2023"), and taking that date's year would make a second 75/2021/NĐ-CP.
 */
export function identityYear(number: string | null, written: number | null): number | null {
  return (number ? parseNumber(number).year : null) ?? written;
}

/** The year of an ISO date ("2023-07-24" -> 2023). */
export const isoYear = (iso: string): number => Number(iso.slice(0, 4));

/** The serial of a number without leading zeros ("06/2022/TT-BTC" -> "6"), for lookups. */
export function serialOf(number: string): string {
  return /^\d*/.exec(identityNumber(number))![0];
}

/**
 * A number as identity compares it: the serial without its zero padding. "04/2023/NĐ-CP" and
 * "4/2023/NĐ-CP", "008/GDĐT" and "8/GDĐT" are one document written two ways; the number shown
 * stays as the document (or the first citation) wrote it.
 */
export function identityNumber(number: string): string {
  return number.replace(/^0+(?=\d)/, '');
}

/** The identity string a document is stored and found under: number (unpadded), year, jurisdiction. */
export function identityKey(number: string, year: number | null, jurisdiction: string): string {
  return `${identityNumber(number)}|${year ?? ''}|${jurisdiction}`;
}

/** Every spelling a stored number of one identity may have: the serial unpadded, then zero-padded up to six digits. */
export function paddedSpellings(number: string): string[] {
  const key = identityNumber(number);
  const digits = /^\d*/.exec(key)![0];
  if (!digits) return [key];
  const rest = key.slice(digits.length);
  const spellings: string[] = [];
  for (let serial = digits; serial.length <= 6; serial = `0${serial}`) spellings.push(serial + rest);
  return spellings;
}
