import { issuerCodes } from '@vanban/schema';
import { isCodeLetter, isDigitCode } from './code-chars.js';

// Elected bodies number their codes by term (`QH13`, `UBTVQH15`, `HĐND8` for a provincial council's
// 8th term); no other issuer code of the vocabulary carries digits.
const isTermCode = (c: { code: string; level: string }): boolean => c.level === 'national-assembly' || c.code === 'HĐND';
const termlessIssuerCodes = new Set(issuerCodes.filter((c) => !isTermCode(c)).map((c) => c.code.toUpperCase()));
const termIssuerCodes = new Set(issuerCodes.filter(isTermCode).map((c) => c.code.toUpperCase()));
const codeEndingInDigits = /(?:^|[^A-Za-zĐđ0-9])([A-Za-zĐđ]{2,})(\d{1,4})$/;

/**
 * Length of the footnote marker PDF text glues to a code ("09/2026/NĐ-CP4", "66-NQ/TW1": the
 * superscript 4 and 1 lose their raise), or 0. The digits are a marker after an issuer code that
 * never takes digits, or, after any other code, when the footnote below repeats the number. Codes
 * such as `NQ-UBTVQH15`, `NQ-HĐND8`, `KH-BCĐ35` or `KH-BCĐQG1237` keep their digits; after a term
 * code the marker follows the term ("72/2025/QH151": QH15 and footnote 1), again only when the
 * footnote repeats the number with its term.
 */
export function footnoteMarkerLength(text: string, numberStart: number, code: string, codeEnd: number): number {
  if (!isDigitCode(code.charCodeAt(code.length - 1))) return 0;
  const m = codeEndingInDigits.exec(code);
  if (!m) return 0;
  const [, letters, digits] = m;
  if (termIssuerCodes.has(letters.toUpperCase())) {
    for (let n = 1; n < digits.length; n++) if (footnoteRepeats(text, numberStart, codeEnd - n, digits.slice(-n))) return n;
    return 0;
  }
  if (digits.length > 2) return 0;
  if (termlessIssuerCodes.has(letters.toUpperCase())) return digits.length;
  return footnoteRepeats(text, numberStart, codeEnd - digits.length, digits) ? digits.length : 0;
}

/** A footnote sits at the foot of its marker's page: a gazette page of text is 3–4 thousand characters. */
const footnoteReach = 6_000;

/**
 * Does a line within the page below open with the marker and repeat the number without it ("3 Chương
 * trình số 12-CTr/BCĐ ngày …" under "12-CTr/BCĐ3")?
 */
function footnoteRepeats(text: string, numberStart: number, numberEnd: number, marker: string): boolean {
  const cited = joinedAtSeparators(text.slice(numberStart, numberEnd));
  const page = text.slice(numberEnd, numberEnd + footnoteReach);
  const opening = `\n${marker} `;
  for (let at = page.indexOf(opening); at !== -1; at = page.indexOf(opening, at + 1)) {
    const note = joinedAtSeparators(page.slice(at + opening.length, at + opening.length + 200));
    const k = note.indexOf(cited);
    // the whole number: "7/KH-BCĐ" in a note on "7/KH-BCĐ38" does not count
    if (k !== -1 && !isCodeChar(note.charCodeAt(k + cited.length))) return true;
  }
  return false;
}

const isCodeChar = (c: number): boolean => isDigitCode(c) || isCodeLetter(c);
/** "12-\nCTr/BCĐ" as "12-CTr/BCĐ": either text may break a line or space out a separator. */
const joinedAtSeparators = (s: string): string => s.replace(/\s*([/\-–])\s*/g, '$1');
