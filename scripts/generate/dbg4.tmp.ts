import { generateCorpus } from './src/index.js';
const n = Number(process.argv[2]);
let peak = 0;
await generateCorpus({ docs: n, outDir: `/tmp/genmem${n}`, seed: 3, onProgress: (w) => {
  if (w % 10000 !== 0) return;
  (globalThis as any).gc();
  const h = process.memoryUsage().heapUsed / 1e6;
  peak = Math.max(peak, h);
  console.log(w, h.toFixed(0), 'MB live heap', (process.memoryUsage().rss / 1e6).toFixed(0), 'MB rss');
} });
