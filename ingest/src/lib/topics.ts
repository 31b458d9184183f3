import { topics, unifyTonePlacement } from '@vanban/schema';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = topics.map((t) => ({
  label: t.label,
  re: new RegExp(`(?<![\\p{L}])(?:${t.patterns.map((p) => escape(unifyTonePlacement(p)).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'u'),
}));

/** Topic labels whose phrases occur in the text, diacritics respected ("đuối nước" ≠ "dưới nước"). */
export function tagTopics(text: string): string[] {
  const lower = unifyTonePlacement(text.toLowerCase());
  return patterns.filter((p) => p.re.test(lower)).map((p) => p.label);
}
