import type { FoundCitation } from './citations.js';

/**
 * Document-local resolution: a mention without a year ("Chỉ thị số 20-CT/TW" after "Chỉ thị số
 * 20-CT/TW ngày 05/11/2012") takes the year of the other mentions of the same number in the same
 * document, when they agree on one; a mention without an issuer phrase (the V/v line's "Công văn số
 * 16/UBND-VX") takes the issuer of the same number and year cited with one, when they agree on one,
 * so that one document's mentions of a number resolve to one document. Never guesses between two.
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
  shareIssuers(citations);
}

function shareIssuers(citations: FoundCitation[]): void {
  const issuers = new Map<string, string[]>();
  for (const c of citations) {
    if (c.issuer === null) continue;
    const key = `${c.number}|${c.year}`;
    const list = issuers.get(key);
    if (!list) issuers.set(key, [c.issuer]);
    else if (!list.includes(c.issuer)) list.push(c.issuer);
  }
  if (issuers.size === 0) return;
  for (const c of citations) {
    if (c.issuer !== null) continue;
    const list = issuers.get(`${c.number}|${c.year}`);
    if (list) c.issuer = agreedIssuer(list);
  }
}

/**
 * One issuer the phrases agree on: the one naming the body most briefly, when its body begins every
 * other's ("Ủy ban nhân dân tỉnh" and "Ủy ban nhân dân tỉnh Bắc Ninh" name one body; a longer phrase
 * may have run on into the sentence, "Chính phủ tiếp tục"); else none. Bodies are compared as
 * `issuingBody` writes them, so "Chủ tịch UBND tỉnh" and "UBND tỉnh Bắc Giang" agree.
 */
function agreedIssuer(phrases: readonly string[]): string | null {
  const bodies = phrases.map(issuingBody);
  let k = 0;
  for (let j = 1; j < bodies.length; j++) if (bodies[j].length < bodies[k].length) k = j;
  const shortest = bodies[k];
  return bodies.every((b) => b === shortest || b.startsWith(`${shortest} `)) ? phrases[k] : null;
}

/**
 * The body a phrase names, lower case: without the office acting for it ("Chủ tịch", "Ban Thường
 * vụ", "Thường trực") and with "Ủy ban nhân dân" as "UBND", as the same document writes it both ways.
 */
function issuingBody(phrase: string): string {
  return phrase
    .replace(/^(?:Chủ tịch|Ban Thường vụ|Thường trực)\s+/u, '')
    .replace(/^(?:Ủy|Uỷ) ban nhân dân/u, 'UBND')
    .toLowerCase();
}
