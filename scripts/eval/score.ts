import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { precision, recall, type Counts } from '@vanban/generate';
import { extractFile } from '@vanban/ingest';
import { strongerRelation, type ExtractedDocument, type RelationType } from '@vanban/schema';

/** Gold annotation of one source file (see gold/README.md). */
export interface GoldFile {
  source: string;
  documents: Array<{
    index: number;
    header?: Partial<Record<HeaderField, string | number | null>>;
    citations: Array<{ number: string; year: number | null; relation: RelationType }>;
    assertions?: Array<{ from: string; to: string; relation: RelationType }>;
  }>;
}

export const headerFields = ['number', 'typeCode', 'date', 'year', 'issuerLevel', 'province', 'district', 'signer'] as const;
export type HeaderField = (typeof headerFields)[number];

// one definition of the measures, shared with the generated-corpus scorer
export { precision, recall, ratio, type Counts } from '@vanban/generate';

export interface Score {
  files: number;
  documents: number;
  citations: Counts;
  relations: { correct: number; total: number };
  assertions: Counts;
  header: Record<HeaderField, { correct: number; total: number }>;
  errors: string[];
}

export const goldDir = new URL('./gold/', import.meta.url).pathname;

export async function loadGold(subdir: string): Promise<GoldFile[]> {
  const out: GoldFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.json')) out.push(JSON.parse(await readFile(path, 'utf8')) as GoldFile);
    }
  };
  await walk(join(goldDir, subdir));
  return out;
}

const norm = (v: unknown): string => (v === null || v === undefined ? 'null' : String(v).normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase());

/** Compare the extractor's output on each gold file's source with the gold. */
export async function scoreGold(gold: GoldFile[], corpusDir: string): Promise<Score> {
  const score: Score = {
    files: 0,
    documents: 0,
    citations: { tp: 0, fp: 0, fn: 0 },
    relations: { correct: 0, total: 0 },
    assertions: { tp: 0, fp: 0, fn: 0 },
    header: Object.fromEntries(headerFields.map((f) => [f, { correct: 0, total: 0 }])) as Score['header'],
    errors: [],
  };
  for (const file of gold) {
    const result = await extractFile(join(corpusDir, file.source));
    score.files++;
    for (const g of file.documents) {
      score.documents++;
      const d: ExtractedDocument | undefined = result.documents[g.index];
      const where = `${file.source}#${g.index}`;
      if (!d) {
        score.errors.push(`${where}: document not found (extractor found ${result.documents.length})`);
        score.citations.fn += g.citations.length;
        continue;
      }
      const predicted = new Map<string, RelationType>();
      for (const c of d.citations) {
        const key = `${c.number}|${c.year}`;
        const before = predicted.get(key);
        predicted.set(key, before ? strongerRelation(before, c.relation) : c.relation);
      }
      const goldKeys = new Map(g.citations.map((c) => [`${c.number}|${c.year}`, c.relation]));
      for (const [key, relation] of goldKeys) {
        const got = predicted.get(key);
        if (got === undefined) {
          score.citations.fn++;
          score.errors.push(`${where}: missed ${key}`);
          continue;
        }
        score.citations.tp++;
        score.relations.total++;
        if (got === relation) score.relations.correct++;
        else score.errors.push(`${where}: relation of ${key} is ${got}, gold ${relation}`);
      }
      for (const key of predicted.keys()) {
        if (!goldKeys.has(key)) {
          score.citations.fp++;
          score.errors.push(`${where}: spurious ${key}`);
        }
      }
      const goldAssertions = new Set((g.assertions ?? []).map((a) => `${a.from}>${a.relation}>${a.to}`));
      const gotAssertions = new Set(d.assertions.map((a) => `${a.from.number}>${a.relation}>${a.to.number}`));
      for (const a of goldAssertions) {
        if (gotAssertions.has(a)) score.assertions.tp++;
        else {
          score.assertions.fn++;
          score.errors.push(`${where}: missed assertion ${a}`);
        }
      }
      for (const a of gotAssertions) {
        if (!goldAssertions.has(a)) {
          score.assertions.fp++;
          score.errors.push(`${where}: spurious assertion ${a}`);
        }
      }
      for (const field of headerFields) {
        if (!g.header || !(field in g.header)) continue;
        score.header[field].total++;
        if (norm(d[field]) === norm(g.header[field])) score.header[field].correct++;
        else score.errors.push(`${where}: header.${field} = ${JSON.stringify(d[field])}, gold ${JSON.stringify(g.header[field])}`);
      }
    }
  }
  return score;
}

export const f1 = (c: Counts): number => {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
