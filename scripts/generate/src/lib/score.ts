import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { extractFile } from '@vanban/ingest';
import { strongerRelation, type ExtractedDocument, type RelationType } from '@vanban/schema';
import { addToIndex, edgeDisagreement, type CorpusIndex } from './edges.js';
import type { GoldDocument } from './gold.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Ratio {
  correct: number;
  total: number;
}

export const headerFields = ['number', 'year', 'province', 'district', 'typeCode', 'date', 'issuerLevel', 'signer'] as const;
export type HeaderField = (typeof headerFields)[number];

export interface GeneratedScore {
  files: number;
  documents: number;
  /** Documents the extractor split out where the gold has them. */
  documentsFound: number;
  citations: Counts;
  relations: Ratio;
  /** Gold edges every mention of which resolves to the gold target (number, year, jurisdiction). */
  edges: Ratio;
  assertions: Counts;
  header: Record<HeaderField, Ratio>;
  /** Exact topic set per document, and the "đuối nước" topic alone. */
  topics: Ratio;
  drowning: Counts;
  /** Disagreements, `source#index: …`, at most `maxErrors`. */
  errors: string[];
  errorCount: number;
}

export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const ratio = (r: Ratio): number => (r.total === 0 ? 1 : r.correct / r.total);

/** Gold lines of one file at a time (they are written together, in order). */
async function* goldFiles(dir: string): AsyncGenerator<GoldDocument[]> {
  const lines = createInterface({ input: createReadStream(join(dir, 'gold.jsonl')), crlfDelay: Infinity });
  let group: GoldDocument[] = [];
  for await (const line of lines) {
    if (!line.trim()) continue;
    const g = JSON.parse(line) as GoldDocument;
    if (group.length && group[0].source !== g.source) {
      yield group;
      group = [];
    }
    group.push(g);
  }
  if (group.length) yield group;
}

/**
 * Run the extractor over a generated corpus and compare with its gold: citations (number + year
 * per document), relations of the matched ones, assertions, header fields, topics.
 */
export async function scoreGenerated(dir: string, options: { maxErrors?: number } = {}): Promise<GeneratedScore> {
  const maxErrors = options.maxErrors ?? 200;
  const s: GeneratedScore = {
    files: 0, documents: 0, documentsFound: 0, citations: { tp: 0, fp: 0, fn: 0 }, relations: { correct: 0, total: 0 }, edges: { correct: 0, total: 0 },
    assertions: { tp: 0, fp: 0, fn: 0 }, header: Object.fromEntries(headerFields.map((f) => [f, { correct: 0, total: 0 }])) as GeneratedScore['header'],
    topics: { correct: 0, total: 0 }, drowning: { tp: 0, fp: 0, fn: 0 }, errors: [], errorCount: 0,
  };
  const error = (message: string): void => {
    s.errorCount++;
    if (s.errors.length < maxErrors) s.errors.push(message);
  };
  // the corpus's documents first: a citation naming no jurisdiction resolves to the single one that fits
  const index: CorpusIndex = new Map();
  for await (const group of goldFiles(dir)) for (const g of group) addToIndex(index, g);
  for await (const group of goldFiles(dir)) {
    const result = await extractFile(join(dir, group[0].source));
    s.files++;
    for (const g of group) {
      s.documents++;
      const where = `${g.source}#${g.index}`;
      const d = result.documents[g.index];
      if (!d) {
        s.citations.fn += g.citations.length;
        s.edges.total += g.edges.length;
        error(`${where}: document not found (extractor found ${result.documents.length})`);
        continue;
      }
      s.documentsFound++;
      compareCitations(s, g, d, where, error);
      compareAssertions(s, g, d, where, error);
      for (const edge of g.edges) {
        s.edges.total++;
        const wrong = edgeDisagreement(edge, d, index);
        if (wrong) error(`${where}: ${wrong}`);
        else s.edges.correct++;
      }
      for (const field of headerFields) {
        s.header[field].total++;
        const got = d[field] ?? null;
        if (String(got) === String(g[field] ?? null)) s.header[field].correct++;
        else error(`${where}: header.${field} = ${JSON.stringify(got)}, gold ${JSON.stringify(g[field])}`);
      }
      s.topics.total++;
      if ([...d.topics].sort().join('|') === [...g.topics].sort().join('|')) s.topics.correct++;
      else error(`${where}: topics ${JSON.stringify(d.topics)}, gold ${JSON.stringify(g.topics)}`);
      const got = d.topics.includes('đuối nước');
      const want = g.topics.includes('đuối nước');
      if (got && want) s.drowning.tp++;
      else if (got) s.drowning.fp++;
      else if (want) s.drowning.fn++;
    }
  }
  return s;
}

function compareCitations(s: GeneratedScore, g: GoldDocument, d: ExtractedDocument, where: string, error: (m: string) => void): void {
  const predicted = new Map<string, RelationType>();
  for (const c of d.citations) {
    const key = `${c.number}|${c.year}`;
    const before = predicted.get(key);
    predicted.set(key, before ? strongerRelation(before, c.relation) : c.relation);
  }
  const wanted = new Map(g.citations.map((c) => [`${c.number}|${c.year}`, c.relation]));
  for (const [key, relation] of wanted) {
    const got = predicted.get(key);
    if (got === undefined) {
      s.citations.fn++;
      error(`${where}: missed ${key}`);
      continue;
    }
    s.citations.tp++;
    s.relations.total++;
    if (got === relation) s.relations.correct++;
    else error(`${where}: relation of ${key} is ${got}, gold ${relation}`);
  }
  for (const key of predicted.keys()) {
    if (wanted.has(key)) continue;
    s.citations.fp++;
    error(`${where}: spurious ${key}`);
  }
}

function compareAssertions(s: GeneratedScore, g: GoldDocument, d: ExtractedDocument, where: string, error: (m: string) => void): void {
  const wanted = new Set(g.assertions.map((a) => `${a.from}>${a.relation}>${a.to}`));
  const got = new Set(d.assertions.map((a) => `${a.from.number}>${a.relation}>${a.to.number}`));
  for (const a of wanted) {
    if (got.has(a)) s.assertions.tp++;
    else {
      s.assertions.fn++;
      error(`${where}: missed assertion ${a}`);
    }
  }
  for (const a of got) {
    if (wanted.has(a)) continue;
    s.assertions.fp++;
    error(`${where}: spurious assertion ${a}`);
  }
}

/** A printable summary. */
export function formatScore(s: GeneratedScore): string {
  const pct = (x: number): string => x.toFixed(4);
  const header = headerFields.map((f) => `${f} ${pct(ratio(s.header[f]))}`).join(', ');
  return [
    `${s.files} files, ${s.documents} documents (${s.documentsFound} split as in the gold)`,
    `citations (number+year)  P ${pct(precision(s.citations))}  R ${pct(recall(s.citations))}  (tp ${s.citations.tp}, fp ${s.citations.fp}, fn ${s.citations.fn})`,
    `relation accuracy        ${pct(ratio(s.relations))}  (${s.relations.correct}/${s.relations.total})`,
    `edge targets             ${pct(ratio(s.edges))}  (${s.edges.correct}/${s.edges.total} gold edges resolve only to the gold document)`,
    `assertions               P ${pct(precision(s.assertions))}  R ${pct(recall(s.assertions))}  (tp ${s.assertions.tp}, fp ${s.assertions.fp}, fn ${s.assertions.fn})`,
    `header                   ${header}`,
    `topics exact ${pct(ratio(s.topics))}; "đuối nước" P ${pct(precision(s.drowning))} R ${pct(recall(s.drowning))}`,
    `${s.errorCount} disagreements`,
  ].join('\n');
}
