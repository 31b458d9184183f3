import { Progress } from '../progress.js';
import { UsageError } from '../usage-error.js';

/** `vanban generate`: the project's own synthetic corpus, with a gold file of the true citations. */
export async function runGenerate(o: { docs: string; out: string; seed?: string }): Promise<{ files: number; documents: number; goldPath: string }> {
  const docs = Number(o.docs);
  const seed = o.seed === undefined ? 1 : Number(o.seed);
  if (!Number.isInteger(docs) || docs < 1 || docs > 10_000_000) throw new UsageError('--docs phải là số nguyên từ 1 đến 10.000.000');
  if (!Number.isInteger(seed)) throw new UsageError('--seed phải là số nguyên');
  const { generateCorpus } = await import('@vanban/generate'); // loaded only when generating
  const progress = new Progress('Sinh văn bản', docs);
  const result = await generateCorpus({ docs, outDir: o.out, seed, onProgress: (n: number) => progress.update(n) });
  progress.update(docs);
  process.stderr.write(`Đã sinh ${result.documents} văn bản trong ${result.files} tệp vào ${o.out}; đáp án: ${result.goldPath}\n`);
  return result;
}
