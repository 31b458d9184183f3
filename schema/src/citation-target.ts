import type { JurisdictionHint } from './jurisdiction.js';
import { foldVietnamese } from './text/fold.js';

/** A document carrying the cited number: known (its text ingested) or known only from citations. */
export interface TargetCandidate {
  year: number | null;
  jurisdiction: string;
  date: string | null;
  known: boolean;
  /** The bodies it is issued by or on behalf of ("BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN BÍ THƯ"): see `issuingBodies`. */
  bodies: readonly string[];
}

export interface CitingDocument {
  province: string | null;
  district: string | null;
  date: string | null;
  year: number | null;
}

export type TargetChoice<T> = { target: T } | { target: null; reason: string };

/**
 * Which of the documents carrying a cited number (of the cited year, when it has one) the citation
 * means, without guessing (DESIGN.md "Identity"): the one in the jurisdiction the issuer code or
 * phrase states; else, when only the citing document placed it (no phrase: "Công văn số
 * 2440/UBND-TH" in a district letter), the one in that place, or failing that the single known
 * document of the citing province (a district implementing its province's letter, a department
 * answering a district's); with no jurisdiction at all, the single document that fits. A year-less
 * citation cannot mean a document issued after the citing one (a second "20-CT/TW" eleven years on).
 * Where several fit, the one issued by the body the issuer phrase names is meant ("Chỉ thị số
 * 20-CT/TW của Ban Bí thư", not the Politburo's). No choice gives the reason: the caller may still
 * create the document a dated, placed citation names.
 */
export function chooseTarget<T extends TargetCandidate>(
  candidates: readonly T[],
  cited: { year: number | null; issuer: string | null },
  hint: JurisdictionHint,
  citing: CitingDocument,
): TargetChoice<T> {
  const dated = cited.year === null ? candidates.filter((c) => !issuedAfter(c, citing)) : candidates.filter((c) => c.year === cited.year);
  const only = (fits: readonly T[], none: string): TargetChoice<T> => {
    if (fits.length === 1) return { target: fits[0] };
    const named = cited.issuer && fits.length ? fits.filter((c) => issuedBy(c, cited.issuer!)) : [];
    return named.length === 1 ? { target: named[0] } : { target: null, reason: fits.length ? 'ambiguous' : none };
  };
  if (hint.jurisdiction === null) return only(dated, hint.reason);
  const placed = dated.filter((c) => c.jurisdiction === hint.jurisdiction);
  const none = cited.year === null ? 'no-year' : 'not-found';
  if (placed.length || hint.source !== 'citing-document' || !citing.province) return only(placed, none);
  return only(dated.filter((c) => c.known && withinCitingProvince(c.jurisdiction, citing)), none);
}

/** A document's bodies: its issuer, and the body its signer acts for ("T/M BAN BÍ THƯ"). */
export function issuingBodies(issuer: string | null, signerTitle: string | null): string[] {
  const actingFor = signerTitle ? /(?:^|\s)T(?:\/|\.\s*)M\.?\s+(.+)/iu.exec(signerTitle)?.[1] : undefined;
  return [issuer, actingFor].filter((b): b is string => !!b);
}

/** The issuer phrase names one of the document's bodies: one begins the other word for word, case and tones aside. */
function issuedBy(c: TargetCandidate, phrase: string): boolean {
  const named = foldVietnamese(phrase).replace(/\s+/g, ' ').trim();
  return c.bodies.some((b) => {
    const body = foldVietnamese(b).replace(/\s+/g, ' ').trim();
    return body !== '' && (named === body || named.startsWith(`${body} `) || body.startsWith(`${named} `));
  });
}

/** Issued after the citing document: by date when both have one, else by year. */
function issuedAfter(c: TargetCandidate, citing: CitingDocument): boolean {
  if (c.date && citing.date) return c.date > citing.date;
  return c.year !== null && citing.year !== null && c.year > citing.year;
}

/**
 * The places a citation without an issuer phrase may mean: a district's letter, its province's or
 * its own district's documents; any other document, its province's or any of the province's districts'.
 */
function withinCitingProvince(jurisdiction: string, citing: CitingDocument): boolean {
  if (jurisdiction === citing.province) return true;
  if (citing.district) return jurisdiction === `${citing.province}/${citing.district}`;
  return jurisdiction.startsWith(`${citing.province}/`);
}
