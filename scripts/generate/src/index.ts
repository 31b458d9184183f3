export { generateCorpus, corpusShape, type GenerateOptions, type GenerateResult } from './lib/write.js';
export { scoreGenerated, formatScore, precision, recall, ratio, type Counts, type Ratio, type GeneratedScore } from './lib/score.js';
export type { GoldDocument, GoldCitation, GoldEdge } from './lib/gold.js';
export type { AuditTruth } from './lib/audit.js';
