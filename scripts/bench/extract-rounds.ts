/**
 * What `pnpm bench:extract` measures, in one place for its main thread and its worker threads:
 * the input files read and parsed once, and one round of each timed step over all of them.
 */
import { readFileSync } from 'node:fs';
import { extractBytes, normalizeText, toPlainText } from '@vanban/ingest';
import { extractFromPlain } from '../../ingest/src/lib/extract.js';
import { SourceMapper } from '../../ingest/src/lib/offsets.js';

export interface BenchFile {
  path: string;
  bytes: Buffer;
  markdown: true | undefined;
}

export const readBenchFiles = (paths: readonly string[]): BenchFile[] =>
  paths.map((path) => ({ path, bytes: readFileSync(path), markdown: path.endsWith('.md') ? true : undefined }));

/** Each file decoded, normalized and parsed, outside the timed stages. */
export function prepareFiles(files: readonly BenchFile[]) {
  return files.map((f) => {
    const source = new TextDecoder().decode(f.bytes);
    const n = normalizeText(source);
    const p = toPlainText(n.text, { markdown: f.markdown });
    return { source, plain: p.text, mapper: new SourceMapper(n.toSource, p.toParsed), normalized: n.text, isMarkdown: p.markdown, path: f.path };
  });
}
export type PreparedFile = ReturnType<typeof prepareFiles>[number];

export type Step = 'floor' | 'stages' | 'whole';
export const steps: readonly Step[] = ['floor', 'stages', 'whole'];
export const stepLabels: Record<Step, string> = {
  floor: 'floor: one regex pass over parsed text',
  stages: 'stages after parsing',
  whole: 'whole: bytes -> records',
};

const floorRe = /\d+\s?[/-]\s?[A-ZĐ]/g;

/** One round of each step over every file; each returns a count, so that no work is optimized away. */
export function stepRounds(files: readonly BenchFile[], prepared: readonly PreparedFile[]): Record<Step, () => number> {
  return {
    floor: () => prepared.reduce((n, p) => n + (p.plain.match(floorRe)?.length ?? 0), 0),
    stages: () => prepared.reduce((n, p) => n + extractFromPlain(p.source, p.plain, p.mapper, p.path).documents.length, 0),
    whole: () => files.reduce((n, f) => n + extractBytes(f.bytes, { source: f.path, markdown: f.markdown }).documents.length, 0),
  };
}
