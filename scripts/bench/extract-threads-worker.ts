/**
 * One thread of `pnpm bench:extract`'s runs on every core: prepares its inputs untimed and says
 * so, then for each step it is sent ("floor", "stages", "whole") runs one round of that step over
 * every file and answers with the number of documents it saw.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { extractBytes, normalizeText, toPlainText } from '@vanban/ingest';
import { extractFromPlain } from '../../ingest/src/lib/extract.js';
import { SourceMapper } from '../../ingest/src/lib/offsets.js';

export type ThreadedStep = 'floor' | 'stages' | 'whole';
export interface ThreadJob {
  paths: string[];
}

const { paths } = workerData as ThreadJob;
const files = paths.map((path) => ({ path, bytes: readFileSync(path), markdown: path.endsWith('.md') ? true : undefined }));
const prepared = files.map((f) => {
  const source = new TextDecoder().decode(f.bytes);
  const n = normalizeText(source);
  const p = toPlainText(n.text, { markdown: f.markdown });
  return { source, plain: p.text, mapper: new SourceMapper(n.toSource, p.toParsed), path: f.path };
});
// the same floor regex as the single-thread run
const floorRe = /\d+\s?[/-]\s?[A-ZĐ]/g;
const round: Record<ThreadedStep, () => number> = {
  floor: () => prepared.reduce((n, p) => n + (p.plain.match(floorRe)?.length ?? 0), 0),
  stages: () => prepared.reduce((n, p) => n + extractFromPlain(p.source, p.plain, p.mapper, p.path).documents.length, 0),
  whole: () => files.reduce((n, f) => n + extractBytes(f.bytes, { source: f.path, markdown: f.markdown }).documents.length, 0),
};
parentPort!.on('message', (step: ThreadedStep) => parentPort!.postMessage(round[step]()));
parentPort!.postMessage('ready');
