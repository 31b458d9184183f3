import { scanTopics } from './vocabulary.js';

/** Topic labels whose phrases occur in the text, diacritics respected ("đuối nước" ≠ "dưới nước"). */
export function tagTopics(text: string): string[] {
  return scanTopics(text);
}
