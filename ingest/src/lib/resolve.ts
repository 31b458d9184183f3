import type { FoundCitation } from './citations.js';

/**
 * Document-local resolution: a mention without a year ("Chỉ thị số 20-CT/TW" after "Chỉ thị số
 * 20-CT/TW ngày 05/11/2012") takes the year of the other mentions of the same number in the same
 * document, when they agree on one. Never guesses between two different years.
 */
export function resolveWithinDocument(citations: FoundCitation[]): void {
  const years = new Map<string, Set<number>>();
  for (const c of citations) {
    if (c.year === null) continue;
    let set = years.get(c.number);
    if (!set) years.set(c.number, (set = new Set()));
    set.add(c.year);
  }
  for (const c of citations) {
    if (c.year !== null) continue;
    const set = years.get(c.number);
    if (set && set.size === 1) c.year = [...set][0];
    if (!c.date) {
      const dated = citations.find((o) => o.number === c.number && o.year === c.year && o.date);
      if (dated) c.date = dated.date;
    }
  }
}
