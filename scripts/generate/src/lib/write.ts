import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { makeDirectory } from '@vanban/schema';
import { AuditCollector } from './audit.js';
import { Planner, type PlannedFile } from './hierarchy.js';
import { renderFile } from './render.js';

export interface GenerateOptions {
  /** Number of documents (a cover letter and its draft are two documents in one file). */
  docs: number;
  outDir: string;
  seed?: number;
  onProgress?: (written: number, total: number) => void;
}

export interface GenerateResult {
  files: number;
  documents: number;
  goldPath: string;
  auditPath: string;
}

/** How many national, provincial and local documents a corpus of `total` holds. */
export function corpusShape(total: number): { national: number; provincial: number; local: number } {
  const national = Math.min(total, Math.max(1, Math.min(27, Math.round(total * 0.05))) + Math.floor(total * 0.003));
  const provincial = total - national > 0 ? Math.max(1, Math.round((total - national) * 0.3)) : 0;
  return { national, provincial, local: total - national - provincial };
}

const MAX_IN_FLIGHT = 64;
const GOLD_CHUNK = 1 << 18;

/**
 * Write a synthetic corpus under `outDir`: `<province-slug | trung-uong>/<year>/<number>.md|.txt`,
 * `gold.jsonl` (one line per document) and `audit.json` (expected audit of each national
 * document). Deterministic for a seed; text is written as it is produced, never kept.
 */
export async function generateCorpus(options: GenerateOptions): Promise<GenerateResult> {
  const seed = options.seed ?? 1;
  const total = Math.max(0, Math.floor(options.docs));
  const outDir = resolve(options.outDir);
  makeDirectory(outDir);
  const goldPath = join(outDir, 'gold.jsonl');
  const auditPath = join(outDir, 'audit.json');
  const shape = corpusShape(total);
  const planner = new Planner(seed, shape.national);
  const ctx = { seed, external: planner.national.external };
  const audit = new AuditCollector();
  const gold = createWriteStream(goldPath);
  const madeDirs = new Set<string>();
  const takenPaths = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let goldBuffer = '';
  let written = 0;
  let files = 0;
  let lastReport = 0;

  const emit = async (planned: PlannedFile): Promise<void> => {
    const file = renderFile(planned.docs, files, ctx, takenPaths);
    files++;
    const path = join(outDir, file.path);
    const dir = dirname(path);
    if (!madeDirs.has(dir)) {
      makeDirectory(dir);
      madeDirs.add(dir);
    }
    const write = writeFile(path, file.text).then(() => void inFlight.delete(write));
    inFlight.add(write);
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    for (const g of file.gold) goldBuffer += `${JSON.stringify(g)}\n`;
    for (const [k, doc] of planned.docs.entries()) for (const m of file.mentions[k]) audit.add(doc, m.target, m.relation);
    if (goldBuffer.length >= GOLD_CHUNK) await flushGold();
    written += planned.docs.length;
    if (options.onProgress && (written - lastReport >= 500 || written === total)) {
      lastReport = written;
      options.onProgress(written, total);
    }
  };
  const flushGold = async (): Promise<void> => {
    const chunk = goldBuffer;
    goldBuffer = '';
    if (chunk && !gold.write(chunk)) await once(gold, 'drain');
  };

  for (const doc of planner.national.docs) await emit({ docs: [doc] });
  for (let k = 0; written < shape.national + shape.provincial && written < total; k++) await emit(planner.planProvincial(k));
  for (let k = 0; written < total; k++) {
    await emit(planner.hasProvincial() ? planner.planLocal(k, total - written) : planner.planProvincial(1_000_000 + k));
  }
  await flushGold();
  gold.end();
  await Promise.all([once(gold, 'finish'), ...inFlight]);
  const truth = audit.truth(planner.registry.docs, planner.national.docs);
  await writeFile(auditPath, `${JSON.stringify(truth, null, 1)}\n`);
  return { files, documents: written, goldPath, auditPath };
}
