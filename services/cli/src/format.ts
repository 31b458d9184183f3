import { findProvince, foldVietnamese, issuerCodes, provinceAfter2025, provinceNamePattern, provinces63, type StoredDocument } from '@vanban/schema';

/**
 * How documents, dates and columns read on the terminal. Human output only: `--json` keeps the
 * store's values (ISO dates, ids, issuers as written).
 */

/** "2013-01-28" -> "28/01/2013" ("2013-01" -> "01/2013"); anything else as it is. */
export function viDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return [m[3], m[2], m[1]].filter(Boolean).join('/');
}

// --- issuers --------------------------------------------------------------------------------

/** Codes written in capitals inside an issuer's name (UBND huyện Lục Nam, HĐND tỉnh). */
const acronyms = new Set(['UBND', 'HĐND', 'MTTQ', 'BCH', 'BCĐ', 'TW', 'TP', 'TX', 'VN', 'CP', ...issuerCodes.map((c) => c.code.toUpperCase())]);
const dash = '\\s*[-‐‑‒–—]\\s*';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const notLetter = '[^\\p{L}\\p{M}]';

/** The issuers' names as Vietnamese writes them ("Bộ Lao động - Thương binh và Xã hội"), and a ministry's for each department's. */
const bodies = [
  ...new Set([
    ...issuerCodes.map((c) => c.name),
    ...issuerCodes.filter((c) => c.name.startsWith('Sở ')).map((c) => `Bộ ${c.name.slice(3)}`),
    'Bộ Chính trị',
    'Ban Bí thư',
    'Ban Thường vụ',
    'Ủy ban Mặt trận Tổ quốc Việt Nam',
  ]),
]
  .filter((n) => !/[()]/.test(n))
  .sort((a, b) => b.length - a.length)
  .map((name) => ({ name, pattern: new RegExp(`(?<!\\p{L})${name.toLowerCase().split(/\s*-\s*/).map(escape).join(dash)}(?![\\p{L}\\p{M}])`, 'gu') }));
const province = new RegExp(`(?<!\\p{L})${provinceNamePattern}(?![\\p{L}\\p{M}])`, 'giu');
/** A place after its kind ("huyện lục nam"): each of its words capitalised, up to punctuation. */
const place = new RegExp(`(?<!\\p{L})(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|tỉnh ủy|thành ủy|huyện ủy|quận ủy) ([\\p{L}\\p{M} ]+)`, 'gu');
const capitalize = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const canonicalProvince = (written: string): string => findProvince(written)?.name ?? written;

/**
 * An issuer written in capitals in a header ("UBND HUYỆN LỤC NAM", "BỘ TÀI CHÍNH") as the text
 * writes it ("UBND huyện Lục Nam", "Bộ Tài chính"); one already in mixed case is kept as written.
 */
export function issuerName(issuer: string | null | undefined): string | null {
  const written = issuer?.replace(/[\s\-–—,;:]+$/u, '').trim();
  if (!written) return null;
  if (/\p{Ll}/u.test(written)) return written;
  let s = written
    .split(/(\s+)/)
    .map((w) => (acronyms.has(w.replace(/[^\p{L}]/gu, '')) ? w : w.toLowerCase()))
    .join('')
    .replace(/uỷ/g, 'ủy');
  for (const b of bodies) s = s.replace(b.pattern, b.name);
  s = s.replace(place, (_, kind: string, name: string) => `${kind} ${name.trim().split(/\s+/).map(capitalize).join(' ')}${/\s$/.test(name) ? ' ' : ''}`);
  s = s.replace(province, (m) => (m === m.toLowerCase() ? canonicalProvince(m) : m));
  return capitalize(s);
}

// --- documents ------------------------------------------------------------------------------


/** Where a local document comes from, smallest unit first ("Lục Nam, Bắc Giang"), without what its issuer already names. */
function whereFrom(d: Pick<StoredDocument, 'province' | 'district'>, issuer: string | null): string | null {
  const named = issuer ? foldVietnamese(issuer) : '';
  const parts = [d.district, d.province].filter((p): p is string => !!p && !named.includes(foldVietnamese(p)));
  return parts.length ? parts.join(', ') : null;
}

/** What names a document in a list: its number (year), or "không số" and its id, which then is the only handle on it. */
export function docName(d: Pick<StoredDocument, 'id' | 'number' | 'year' | 'draft'>): string {
  const notes = [d.draft ? 'dự thảo' : null, d.year].filter(Boolean).join(', ');
  const name = d.number ?? `không số (mã ${d.id})`;
  return `${name}${notes ? ` (${notes})` : ''}`;
}

/**
 * One document on one line, the same everywhere in human output: number (year) — type —
 * issuer, place. "81/KH-UBND (2020) — Kế hoạch — UBND huyện Lục Nam, Bắc Giang".
 */
export function label(d: StoredDocument): string {
  const issuer = issuerName(d.issuer);
  const from = [issuer, whereFrom(d, issuer)].filter(Boolean).join(', ');
  return [docName(d), d.type, from].filter(Boolean).join(' — ') + (d.known ? '' : ' [chỉ biết qua trích dẫn]');
}

/** The old provinces (of the 63) merged into one of the 34 ("Bắc Ninh": Bắc Ninh, Bắc Giang). */
export const formerProvinces = (province34: string): string[] => provinces63.filter((p) => provinceAfter2025(p.name)?.name === province34).map((p) => p.name);

// --- columns --------------------------------------------------------------------------------

/** Characters on the terminal: combining marks (NFD text) take no column. */
export const width = (s: string): number => s.replace(/\p{M}/gu, '').length;

/** Rows as columns, each as wide as its widest cell; the last column is never padded. */
export function columns(rows: string[][], gap = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join(gap).trimEnd());
}
