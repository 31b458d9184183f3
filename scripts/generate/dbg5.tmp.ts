import { generateCorpus } from './src/index.js';
import { topicMask } from './src/lib/topics.js';
await generateCorpus({ docs: 20000, outDir: `/tmp/genmem5`, seed: 3 });
// peek at the cache through a probe
const mod = await import('./src/lib/topics.js');
console.log(Object.keys(mod));
console.log('cache size', (mod as any).cache.size, [...(mod as any).cache.keys()].slice(-5));
