import { documentTypes, relationCues } from '@vanban/schema';

/** Regex sources compiled once from the schema tables (pattern data apart from the engine). */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const flexible = (s: string): string => escape(s).replace(/ /g, '[ \\t\\n]+');

const typeWords = [
  ...new Set([
    ...documentTypes.flatMap((t) => [t.name, ...t.aliases]),
    'Văn bản',
    'Nghị định số',
  ]),
]
  .filter((w) => !w.endsWith(' số'))
  .sort((a, b) => b.length - a.length);

/** Any document type word, name or abbreviation ("Quyết định", "QĐ", "Thông tư liên tịch"). */
export const typeWordSource = `(?:${typeWords.map(flexible).join('|')})`;

/** Type word (+ "số") right before a number; anchored at the end of the look-back window. */
export const typeBeforeNumber = new RegExp(
  `(?<![\\p{L}\\d])(${typeWords.map(flexible).join('|')})(?:[ \\t]+(?:hỏa tốc|khẩn))?[ \\t\\n]*(?:số|so)?[ \\t\\n]*[:.]?[ \\t\\n]*$`,
  'iu',
);

const cuePhrases = [...relationCues].sort((a, b) => b.phrase.length - a.phrase.length);
/** All cue phrases, longest first, on lower-case text. Group index k+1 is cue k. */
export const cuePattern = new RegExp(
  `(?<![\\p{L}])(?:${cuePhrases.map((c) => `(${flexible(c.phrase)})`).join('|')})(?![\\p{L}])`,
  'gu',
);
export const cueByGroup = cuePhrases;
