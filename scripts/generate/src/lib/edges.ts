import { chooseTarget, citedJurisdiction, identityNumber, type ExtractedDocument } from '@vanban/schema';
import type { GoldDocument, GoldEdge } from './gold.js';

/** The corpus's documents by number: the year, jurisdiction, date and issuer of each. */
export type CorpusIndex = Map<string, Array<{ year: number; jurisdiction: string; date: string | null; known: true; bodies: string[] }>>;

const jurisdictionOf = (province: string | null, district: string | null): string => (province ? (district ? `${province}/${district}` : province) : '');

export function addToIndex(index: CorpusIndex, g: GoldDocument): void {
  const key = identityNumber(g.number);
  const entry = { year: g.year, jurisdiction: jurisdictionOf(g.province, g.district), date: g.date, known: true as const, bodies: [g.issuer] };
  const list = index.get(key);
  if (list) list.push(entry);
  else index.set(key, [entry]);
}

type Cited = ExtractedDocument['citations'][number];

/**
 * Where the store's resolver (services/store, DESIGN "Identity") would send a citation, as
 * "year|jurisdiction": the corpus document `chooseTarget` picks, else the document a dated citation
 * placed by its issuer code, phrase or the citing document names; null when it would stay unresolved.
 */
function resolvedTarget(c: Cited, d: ExtractedDocument, index: CorpusIndex): string | null {
  const hint = citedJurisdiction(
    { issuerCode: c.issuerCode, issuer: c.issuer },
    { province: d.province ?? null, district: d.district ?? null, issuerLevel: d.issuerLevel ?? null },
  );
  const citing = { province: d.province ?? null, district: d.district ?? null, date: d.date ?? null, year: d.year ?? null };
  const choice = chooseTarget(index.get(identityNumber(c.number)) ?? [], { year: c.year, issuer: c.issuer }, hint, citing);
  if (choice.target) return `${choice.target.year}|${choice.target.jurisdiction}`;
  return hint.jurisdiction !== null && c.year !== null ? `${c.year}|${hint.jurisdiction}` : null;
}

/**
 * Does every mention of a gold edge's number (of its year, or of no year) resolve to the gold target
 * (number, year, jurisdiction)? A mention resolved elsewhere, or left unresolved, makes the edge
 * wrong: the graph would hold a made-up copy, a second target or no edge. Returns the disagreement,
 * or null.
 */
export function edgeDisagreement(edge: GoldEdge, d: ExtractedDocument, index: CorpusIndex): string | null {
  const want = `${edge.year}|${jurisdictionOf(edge.province, edge.district)}`;
  const number = identityNumber(edge.number);
  const mentions = d.citations.filter((c) => identityNumber(c.number) === number && (c.year === null || c.year === edge.year));
  const got = new Set(mentions.map((c) => resolvedTarget(c, d, index)));
  if (got.size === 1 && got.has(want)) return null;
  const shown = [...got].map((t) => (t === null ? 'unresolved' : JSON.stringify(t))).join(', ') || 'no mention';
  return `edge to ${edge.id} resolves to ${shown}, gold ${JSON.stringify(want)}`;
}
