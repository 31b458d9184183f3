import type { CitationKind } from '@vanban/schema';
import { continuesNumber, typeWordBefore, type FoundCitation } from './citations.js';
import { isLetterAt, skipBlanksBack, typeWordEndingAt } from './vocabulary.js';

// A bare serial, no code ("Quyết định 1863", "Chỉ thị số 20"), found from its digits …
const bareSerial = /(\d{1,6})(?![\d]|[/\-–.]?[A-Za-zĐđ\d])/g;
// … and "Kế hoạch nêu trên", "Quyết định trên", "Chỉ thị nói trên", found from the pointing word.
/** Exported with `pointingPhrases` for the test that holds the shortcut to the plain scan. */
export const pointing = /(?:nêu trên|nói trên|vừa nêu|đã nêu|trên)(?![A-Za-zÀ-ỹ])/y;
// Every pointing phrase holds "trên" or "nêu" at a fixed offset, found from their rarer "ên"/"êu"
// with indexOf (several times faster than any regex scan, which beat trying the phrases everywhere).

/**
 * Short and anaphoric references, each linked to a full citation in the same text when one fits
 * (same type and serial; or the nearest earlier one of the same type). Unlinked short references
 * are returned separately so the caller can report them.
 */
export function findReferences(
  text: string,
  full: readonly FoundCitation[],
  /** The bare serials as `scanNumbers` found them (start, end pairs); scanned here when absent. */
  serials: readonly number[] = bareSerials(text),
): { linked: FoundCitation[]; unlinked: Array<{ raw: string; start: number }> } {
  const linked: FoundCitation[] = [];
  const unlinked: Array<{ raw: string; start: number }> = [];
  // full citations are sorted by start and do not overlap: binary search
  const inside = (at: number): boolean => {
    let lo = 0;
    let hi = full.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (full[mid].start <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && at < full[lo - 1].end;
  };
  const bySerial = new Map<string, number>();
  const lastOfType = new Map<string, number[]>();
  full.forEach((c, k) => {
    const key = `${c.typeCode}|${/^\d+/.exec(c.number)?.[0] ?? ''}`;
    if (!bySerial.has(key)) bySerial.set(key, k);
    const list = lastOfType.get(c.typeCode ?? '') ?? [];
    list.push(k);
    lastOfType.set(c.typeCode ?? '', list);
  });
  for (let k = 0; k < serials.length; k += 2) {
    const at = serials[k];
    const end = serials[k + 1];
    if (isLetterAt(text, at - 1) || (at > 0 && continuesNumber(text.charCodeAt(at - 1))) || isLetterAt(text, end)) continue;
    const hit = typeWordBefore(text, at);
    if (!hit || hit.end === at || inside(hit.start)) continue;
    // a bare serial needs a proper type word: "Quyết định 1863", "QĐ số 1863"; not "luật 13" or a heading "ĐỀ ÁN 1"
    const said = text.slice(hit.end, at);
    if (!/^\p{Lu}/u.test(hit.word) || (hit.word === hit.word.toUpperCase() && hit.word.length > 4 && !/số/i.test(said))) continue;
    const type = hit.type;
    if (!type) continue;
    const serial = text.slice(at, end);
    const target = bySerial.get(`${type.code}|${serial}`) ?? -1;
    if (target === -1) unlinked.push({ raw: text.slice(hit.start, end), start: hit.start });
    else linked.push(reference('short', full[target], target, hit.start, end));
  }
  for (const m of pointingPhrases(text)) {
    if (isLetterAt(text, m.index - 1)) continue;
    const before = skipBlanksBack(text, m.index);
    if (before === m.index) continue;
    const hit = typeWordEndingAt(text, before);
    const type = hit?.type;
    if (!hit || !type || inside(hit.start)) continue;
    let target = -1;
    for (const k of lastOfType.get(type.code) ?? []) {
      if (full[k].end > hit.start) break;
      target = k;
    }
    if (target !== -1) linked.push(reference('anaphoric', full[target], target, hit.start, m.index + m[0].length));
  }
  linked.sort((a, b) => a.start - b.start);
  return { linked, unlinked };
}

/** Bare serials by their own scan, for callers without `scanNumbers`'s (start, end pairs). */
function bareSerials(text: string): number[] {
  const out: number[] = [];
  bareSerial.lastIndex = 0;
  for (let m = bareSerial.exec(text); m; m = bareSerial.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

/**
 * The matches a global scan with `pointing` would return (leftmost first, each resuming after the
 * previous one), trying the phrase only where an anchor puts one: "trên" at +0 ("trên") or +4
 * ("nêu trên", "nói trên"); "nêu" at +0 ("nêu trên"), +3 ("đã nêu") or +4 ("vừa nêu"). Negative
 * candidates near the start fail the sticky match like any other.
 */
export function pointingPhrases(text: string): Array<{ index: number; 0: string }> {
  const candidates: number[] = [];
  for (let p = text.indexOf('ên'); p !== -1; p = text.indexOf('ên', p + 2)) {
    if (p >= 2 && text.charCodeAt(p - 2) === 0x74 /* t */ && text.charCodeAt(p - 1) === 0x72 /* r */) candidates.push(p - 6, p - 2);
  }
  for (let p = text.indexOf('êu'); p !== -1; p = text.indexOf('êu', p + 2)) {
    if (p >= 1 && text.charCodeAt(p - 1) === 0x6e /* n */) candidates.push(p - 5, p - 4, p - 1);
  }
  if (!candidates.length) return [];
  candidates.sort((a, b) => a - b);
  const out: Array<{ index: number; 0: string }> = [];
  let resume = 0;
  for (const at of candidates) {
    if (at < 0 || at < resume) continue;
    pointing.lastIndex = at;
    const m = pointing.exec(text);
    if (!m) continue;
    out.push({ index: at, 0: m[0] });
    resume = at + m[0].length;
  }
  return out;
}

function reference(kind: CitationKind, target: FoundCitation, index: number, start: number, end: number): FoundCitation {
  return { ...target, kind, start, end, numberStart: start, numberEnd: end, tailEnd: end, pin: null, refersTo: index };
}
