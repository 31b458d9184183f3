/**
 * Manual runner: `pnpm exec tsx scripts/generate/src/run.ts --docs N --out DIR [--seed S] [--no-score]`.
 * Progress and timings on stderr; the extractor's scores against the gold on stdout.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatScore, generateCorpus, scoreGenerated } from './index.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-score': { type: 'boolean', default: false },
    errors: { type: 'string', default: '0' },
  },
});
const docs = Number(values.docs);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(docs) || docs < 0 || !Number.isInteger(seed)) {
  process.stderr.write('usage: run.ts --docs N --out DIR [--seed S] [--no-score] [--errors K]\n');
  process.exit(2);
}

const t0 = performance.now();
const result = await generateCorpus({
  docs,
  outDir: values.out,
  seed,
  onProgress: (written, total) => process.stderr.write(`\rgenerated ${written}/${total}`),
});
const seconds = (performance.now() - t0) / 1000;
const rss = process.memoryUsage().rss / 1e6;
process.stderr.write(`\n${result.documents} documents in ${result.files} files, ${seconds.toFixed(1)} s, RSS ${rss.toFixed(0)} MB\n`);
process.stderr.write(`gold: ${result.goldPath}\naudit: ${result.auditPath}\n`);

if (!values['no-score']) {
  const t1 = performance.now();
  const score = await scoreGenerated(values.out, { maxErrors: Number(values.errors) });
  process.stderr.write(`scored in ${((performance.now() - t1) / 1000).toFixed(1)} s\n`);
  console.log(formatScore(score));
  for (const e of score.errors) console.log(`  - ${e}`);
}
