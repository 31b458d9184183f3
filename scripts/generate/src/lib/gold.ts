import { foldVietnamese, normalizeNumber, provinces63, strongerRelation, type IssuerLevel, type RelationType } from '@vanban/schema';
import { isoOf } from './calendar.js';
import type { Composer } from './forms.js';
import type { DocMeta } from './registry.js';
import { topicLabels } from './topics.js';

/** One citation of the gold: distinct (number, year) in a document, strongest relation. */
export interface GoldCitation {
  number: string;
  year: number | null;
  relation: RelationType;
}

/** A true link from the document to the document it cites, with that document's identity. */
export interface GoldEdge {
  id: string;
  number: string;
  year: number;
  province: string | null;
  district: string | null;
  relation: RelationType;
  /** The cited document is in the corpus (false: a law or letter known only from citations). */
  known: boolean;
}

/** One line of gold.jsonl: one document (scripts/eval/gold/README.md conventions). */
export interface GoldDocument {
  source: string;
  index: number;
  id: string;
  number: string;
  typeCode: string;
  date: string | null;
  year: number;
  issuer: string;
  issuerLevel: IssuerLevel;
  province: string | null;
  district: string | null;
  signer: string | null;
  topics: string[];
  citations: GoldCitation[];
  assertions: Array<{ from: string; to: string; relation: RelationType }>;
  edges: GoldEdge[];
}

const slug = (s: string): string =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export const provinceName = (doc: DocMeta): string | null => (doc.issuer.province >= 0 ? provinces63[doc.issuer.province].name : null);
export const districtName = (doc: DocMeta): string | null =>
  doc.issuer.district >= 0 ? provinces63[doc.issuer.province].districts[doc.issuer.district].name : null;

/** DESIGN.md id: `20-ct-tw-2012`, `56-2017-nd-cp`, `959-kh-ubnd-2022-binh-thuan`, `…-bac-giang-luc-nam`. */
export function docId(doc: DocMeta): string {
  const parts = [slug(doc.number)];
  if (doc.normativeYear === null) parts.push(String(doc.year));
  const province = provinceName(doc);
  const district = districtName(doc);
  if (province) parts.push(slug(province));
  if (district) parts.push(slug(district));
  return (doc.role === 'draft' ? ['draft', ...parts] : parts).join('-');
}

/** Relative path of a document's file (the first document's, for a cover letter + draft). */
export function pathFor(doc: DocMeta, markdown: boolean): string {
  const province = provinceName(doc);
  const district = districtName(doc);
  const dir = province ? slug(province) : 'trung-uong';
  return `${dir}/${doc.year}/${slug(doc.number)}${district ? `-${slug(district)}` : ''}.${markdown ? 'md' : 'txt'}`;
}

const yearInNumber = (number: string): number | null => {
  const m = /^\d*\/(\d{4})\//.exec(number);
  return m ? Number(m[1]) : null;
};

export function goldDocument(doc: DocMeta, c: Composer, source: string, index: number, signer: string | null): GoldDocument {
  // Year of each mention: the date written next to it, else the year inside the number, else
  // the one year the other mentions of that number agree on (README "year").
  const numbers = c.mentions.map((m) => normalizeNumber(m.target.number));
  const years = c.mentions.map((m, k) => m.year ?? yearInNumber(numbers[k]));
  const known = new Map<string, Set<number>>();
  years.forEach((y, k) => {
    if (y !== null) (known.get(numbers[k]) ?? known.set(numbers[k], new Set()).get(numbers[k])!).add(y);
  });
  const citations = new Map<string, GoldCitation>();
  const edges = new Map<number, GoldEdge>();
  c.mentions.forEach((m, k) => {
    const set = known.get(numbers[k]);
    const year = years[k] ?? (set && set.size === 1 ? [...set][0] : null);
    const key = `${numbers[k]}|${year}`;
    const before = citations.get(key);
    citations.set(key, { number: numbers[k], year, relation: before ? strongerRelation(before.relation, m.relation) : m.relation });
    const t = m.target;
    const edge = edges.get(t.idx);
    if (edge) edge.relation = strongerRelation(edge.relation, m.relation);
    else edges.set(t.idx, { id: docId(t), number: numbers[k], year: t.year, province: provinceName(t), district: districtName(t), relation: m.relation, known: t.known });
  });
  const assertions = new Map(c.assertions.map((a) => [`${a.from}>${a.relation}>${a.to}`, { from: normalizeNumber(a.from), to: normalizeNumber(a.to), relation: a.relation }]));
  return {
    source,
    index,
    id: docId(doc),
    number: normalizeNumber(doc.number),
    typeCode: doc.typeCode,
    date: doc.role === 'draft' ? null : isoOf(doc.day),
    year: doc.year,
    issuer: doc.issuer.name,
    issuerLevel: doc.issuer.level,
    province: provinceName(doc),
    district: districtName(doc),
    signer,
    topics: topicLabels(c.topics),
    citations: [...citations.values()],
    assertions: [...assertions.values()],
    edges: [...edges.values()],
  };
}
