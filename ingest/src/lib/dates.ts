/** Dates as written in Vietnamese documents: `05/11/2012`, `5/11/2012`, `23 / 12 / 2019`,
 * `ngày 01 tháng 4 năm 2022`, `05-12-2019`. */
export interface ParsedDate {
  iso: string | null;
  year: number | null;
  start: number;
  end: number;
}

const numericDate = /(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/y;
const wordDate = /(\d{1,2}|\s*)\s*tháng\s*(\d{1,2})\s*,?\s*năm\s*(\d{4})(?!\d)/iy;

/** Parse a date starting exactly at `at` (after "ngày "). */
export function parseDateAt(text: string, at: number): ParsedDate | null {
  numericDate.lastIndex = at;
  let m = numericDate.exec(text);
  if (m) return build(m[1], m[3], m[4], at, numericDate.lastIndex);
  wordDate.lastIndex = at;
  m = wordDate.exec(text);
  if (m) return build(m[1].trim(), m[2], m[3], at, wordDate.lastIndex);
  return null;
}

function build(day: string, month: string, year: string, start: number, end: number): ParsedDate | null {
  const y = Number(year);
  const mo = Number(month);
  const d = day ? Number(day) : NaN;
  if (y < 1945 || y > 2100 || mo < 1 || mo > 12) return null;
  if (day && (d < 1 || d > 31)) return null;
  const iso = Number.isNaN(d) ? null : `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { iso, year: y, start, end };
}

/** A date right after a citation: `, ngày 05/12/2019`, ` ngày 01 tháng 4 năm 2022`, `(ngày …)`. */
const dateLead = /[ \t\n]*,?[ \t\n]*\(?[ \t\n]*(?:ban hành[ \t\n]+)?(?:ngày|ngay)[ \t\n]*/iy;
const bareLead = /[ \t]*,[ \t]*(?=\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4})/y;

const yearOnly = /[ \t\n]*,?[ \t\n]*năm[ \t\n]+(\d{4})(?!\d)/iy;

export function dateAfter(text: string, at: number): ParsedDate | null {
  dateLead.lastIndex = at;
  if (dateLead.exec(text)) return parseDateAt(text, dateLead.lastIndex);
  yearOnly.lastIndex = at;
  const y = yearOnly.exec(text);
  if (y && Number(y[1]) >= 1945 && Number(y[1]) <= 2100) return { iso: null, year: Number(y[1]), start: at, end: yearOnly.lastIndex };
  bareLead.lastIndex = at;
  if (bareLead.exec(text)) return parseDateAt(text, bareLead.lastIndex);
  return null;
}
