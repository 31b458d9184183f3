import { topics } from '@vanban/schema';

/**
 * Gold topics: the schema's topic phrases present in a piece of text, as a bit mask (bit k =
 * `topics[k]`). A phrase counts as a whole phrase only: not glued to a letter or a digit
 * ("số 111" is the hotline, "số 1115/KH-UBND" is not). Texts are the generator's own fragments,
 * few and repeated, so results are cached.
 */
const cache = new Map<string, number>();
const patterns = topics.flatMap((topic, bit) => topic.patterns.map((p) => ({ p: p.normalize('NFC'), bit })));
const wordChar = /[\p{L}\p{N}]/u;

export function topicMask(text: string): number {
  let mask = cache.get(text);
  if (mask !== undefined) return mask;
  mask = 0;
  const lower = text.normalize('NFC').toLowerCase();
  for (const { p, bit } of patterns) {
    for (let at = lower.indexOf(p); at !== -1; at = lower.indexOf(p, at + 1)) {
      if (!wordChar.test(lower[at - 1] ?? ' ') && !wordChar.test(lower[at + p.length] ?? ' ')) {
        mask |= 1 << bit;
        break;
      }
    }
  }
  if (cache.size < 50_000) cache.set(text, mask);
  return mask;
}

export function topicLabels(mask: number): string[] {
  return topics.filter((_, bit) => mask & (1 << bit)).map((t) => t.label);
}
