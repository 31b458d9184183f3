import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { normalizeNumber } from '@vanban/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { generateCorpus, precision, recall, scoreGenerated, type AuditTruth, type GoldDocument } from '../src/index.js';
import { topicLabels, topicMask } from '../src/lib/topics.js';

const temp: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-generate-'));
  temp.push(dir);
  return dir;
};
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) (groups.get(key(item)) ?? groups.set(key(item), []).get(key(item))!).push(item);
  return groups;
}

const readGold = (dir: string): GoldDocument[] =>
  readFileSync(join(dir, 'gold.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as GoldDocument);

/** Text as the gold sees numbers: NFC, Đ, no markdown or segmentation marks, spacing inside numbers dropped. */
function squash(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00d0/g, 'Đ')
    .replace(/\u00f0/g, 'đ')
    .replace(/\*\*|_|&/g, (m) => (m === '_' ? ' ' : ''))
    .replace(/–/g, '-')
    .replace(/[ \t]*([/-])[ \t]*\n?[ \t]*/g, '$1')
    .toUpperCase()
    .replace(/(\p{Lu}) (?=\p{Lu})/gu, '$1');
}

it('exports the public API', () => {
  expect(Object.keys(api).sort()).toEqual(['corpusShape', 'formatScore', 'generateCorpus', 'precision', 'ratio', 'recall', 'scoreGenerated']);
});

describe('determinism', () => {
  it('writes the same bytes for the same seed, other bytes for another', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await generateCorpus({ docs: 150, outDir: a, seed: 42 });
    await generateCorpus({ docs: 150, outDir: b, seed: 42 });
    await generateCorpus({ docs: 150, outDir: c, seed: 43 });
    const listed = files(a);
    expect(files(b)).toEqual(listed);
    for (const f of listed) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    expect(readFileSync(join(c, 'gold.jsonl')).equals(readFileSync(join(a, 'gold.jsonl')))).toBe(false);
  });
});

describe('a 500-document corpus', () => {
  let dir: string;
  let gold: GoldDocument[];
  let result: Awaited<ReturnType<typeof generateCorpus>>;
  const progress: number[] = [];

  beforeAll(async () => {
    dir = tempDir();
    result = await generateCorpus({ docs: 500, outDir: dir, seed: 1, onProgress: (written) => progress.push(written) });
    gold = readGold(dir);
  });

  it('has one gold line per document and every source on disk', () => {
    expect(result.documents).toBe(500);
    expect(gold).toHaveLength(500);
    expect(progress.at(-1)).toBe(500);
    const sources = new Set(gold.map((g) => g.source));
    expect(sources.size).toBe(result.files);
    expect(files(dir).filter((f) => /\.(md|txt)$/.test(f)).sort()).toEqual([...sources].sort());
    for (const g of gold) expect(g.source).toMatch(/^(?:trung-uong|[a-z-]+)\/20(?:1[2-9]|2[0-5])\/[a-z0-9-]+\.(?:md|txt)$/);
    const md = gold.filter((g) => g.source.endsWith('.md')).length / gold.length;
    expect(md).toBeGreaterThan(0.55);
    expect(md).toBeLessThan(0.8);
  });

  it('lists in the gold only citations whose numbers are in the text, each with its true target', () => {
    for (const g of gold) {
      const text = squash(readFileSync(join(dir, g.source), 'utf8'));
      for (const c of g.citations) {
        expect(text.includes(normalizeNumber(c.number).toUpperCase()), `${g.source}: ${c.number}`).toBe(true);
        expect(g.edges.some((e) => e.number === c.number), `${g.source}: edge for ${c.number}`).toBe(true);
      }
    }
    const ids = new Set(gold.map((g) => g.id));
    for (const g of gold) for (const e of g.edges) if (e.known) expect(ids.has(e.id), `${g.source} -> ${e.id}`).toBe(true);
  });

  it('gives the topics whose phrases the text holds', () => {
    for (const [source, docs] of groupBy(gold, (g) => g.source)) {
      const text = readFileSync(join(dir, source), 'utf8').normalize('NFC').replace(/\u00d0/g, 'Đ').replace(/\u00f0/g, 'đ').replace(/\*\*/g, '');
      if (docs.length > 1 || text.includes('_')) continue; // one document, not word-segmented
      expect(topicLabels(topicMask(text)).sort(), source).toEqual([...docs[0].topics].sort());
    }
  });

  it('is realistic: colliding numbers, drowning and under-water subsets, covers with drafts, partial audits', () => {
    const identities = groupBy(gold, (g) => g.number);
    expect([...identities.values()].some((list) => new Set(list.map((g) => `${g.year}|${g.province}|${g.district}`)).size > 1)).toBe(true);
    const drowning = gold.filter((g) => g.topics.includes('đuối nước'));
    expect(drowning.length).toBeGreaterThan(10);
    expect(drowning.length).toBeLessThan(gold.length / 2);
    const underWater = gold.filter((g) => {
      const text = readFileSync(join(dir, g.source), 'utf8').normalize('NFC');
      return text.includes('dưới nước') && !text.includes('đuối nước');
    });
    expect(underWater.length).toBeGreaterThan(0);
    expect(gold.some((g) => g.index === 1 && g.number.startsWith('/'))).toBe(true);
    expect(gold.some((g) => g.assertions.length > 0)).toBe(true);
    expect(gold.some((g) => g.edges.some((e) => !e.known))).toBe(true);
    const audit = JSON.parse(readFileSync(result.auditPath, 'utf8')) as AuditTruth[];
    const directive = audit.find((a) => a.id === '20-ct-tw-2012')!;
    expect(Object.keys(directive.implemented).length).toBeGreaterThan(0);
    expect(directive.noEvidence.length).toBeGreaterThan(0);
    expect(audit.some((a) => a.mentioned.length > 0)).toBe(true);
  });

  describe('read back by the extractor', () => {
    let score: Awaited<ReturnType<typeof scoreGenerated>>;
    beforeAll(async () => {
      score = await scoreGenerated(dir);
    });

    // The citations the extractor misses in generated corpora all come from three extractor gaps
    // (reported with the generator): mixed-case unit codes ("1234/SGDĐT-GDTrH"), an en dash before
    // TTg/TTr ("137/QĐ–TTg"), and cover letters short enough that split.ts starts the draft at the
    // cover's own "Số:" line. They keep recall close to 0.99 (0.989 on 5,000 documents).
    it('splits the files into the gold documents and finds citations with precision and recall >= 0.99', () => {
      expect(score.documentsFound).toBeGreaterThanOrEqual(0.98 * score.documents);
      expect(precision(score.citations)).toBeGreaterThanOrEqual(0.99);
      expect(recall(score.citations)).toBeGreaterThanOrEqual(0.99);
    });
  });
});
