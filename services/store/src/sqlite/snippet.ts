import { foldVietnamese, unifyTonePlacement } from '@vanban/schema';

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A short passage of the document around the first match of the query, HTML-escaped, with the
 * matched words in <mark>. Matching runs on folded text (length-preserving on NFC text), so the
 * marks land on the original characters; with `exact` tokens those are preferred.
 */
export function makeSnippet(text: string, folded: readonly string[], exact: readonly string[] | null, width = 220): string {
  // whitespace runs to one space (a lone space is left as it is: replacing it would copy every word)
  const clean = text.normalize('NFC').replace(/[*#|\\_]+/g, ' ').replace(/\s\s+|[^\S ]/g, ' ').trim();
  if (!clean) return '';
  const lowerExact = exact ? unifyTonePlacement(clean.toLowerCase()) : null;
  // the folded text only when the exact words are not there (folding the whole text costs the most)
  let foldedText: string | null = null;
  const folds = (): string => (foldedText ??= foldVietnamese(clean));
  const find = (hay: string, tokens: readonly string[]): number => {
    if (!tokens.length) return -1;
    const phrase = tokens.join(' ');
    const at = hay.indexOf(phrase);
    return at !== -1 ? at : hay.indexOf(tokens[0]);
  };
  let at = lowerExact && exact ? find(lowerExact, exact) : -1;
  if (at === -1) at = find(folds(), folded);
  const from = Math.max(0, at === -1 ? 0 : at - Math.floor(width / 3));
  const to = Math.min(clean.length, from + width);
  const window = clean.slice(from, to);
  const hay = (lowerExact && exact ? lowerExact : folds()).slice(from, to);
  const tokens = lowerExact && exact ? exact : folded;
  // mark every occurrence of a query token that stands as a whole word
  const marks: Array<[number, number]> = [];
  for (const t of tokens) {
    for (let i = hay.indexOf(t); i !== -1; i = hay.indexOf(t, i + t.length)) {
      const before = hay[i - 1];
      const after = hay[i + t.length];
      if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) marks.push([i, i + t.length]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  let out = from > 0 ? '…' : '';
  let last = 0;
  for (const [s, e] of marks) {
    if (s < last) continue;
    out += `${escapeHtml(window.slice(last, s))}<mark>${escapeHtml(window.slice(s, e))}</mark>`;
    last = e;
  }
  out += escapeHtml(window.slice(last)) + (to < clean.length ? '…' : '');
  return out;
}
