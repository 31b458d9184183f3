import { foldVietnamese, unifyTonePlacement } from '@vanban/schema';

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => htmlEntities[c]);
const wordChar = /[\p{L}\p{N}]/u;
// markdown marks and whitespace, each run of them to one space (a lone space is left as it is:
// replacing it would copy every word)
const spacing = /[\s*#|\\_]{2,}|[^\S ]|[*#|\\_]/g;
// the first piece of text read: a title and the window after a match in it
const FIRST_PIECE = 512;

/**
 * A short passage of the document around the first match of the query (the words side by side, else
 * the first of its two-syllable words found, else its first syllable), HTML-escaped, with the matched
 * words in <mark>. Matching runs on folded text (length-preserving on NFC text), so the
 * marks land on the original characters; with `exact` tokens those are preferred.
 *
 * The match is usually near the start, and cleaning, lower-casing and folding a 200 KB text costs
 * milliseconds: the text is read a piece at a time (see `CleanText`), only as far as the first
 * match and the window after it, and folded only when the exact words are not there.
 */
export function makeSnippet(text: string, folded: readonly string[], exact: readonly string[] | null, width = 220): string {
  const t = new CleanText(text, exact !== null);
  if (!t.read() || !t.clean[0]) return '';
  let at = exact ? t.find('lower', exact) : -1;
  if (at === -1) at = t.find('folded', folded);
  const from = Math.max(0, at === -1 ? 0 : at - Math.floor(width / 3));
  const matched = exact ? 'lower' : 'folded';
  t.readPast(matched, from + width);
  const cleanLength = lengthOf(t.clean);
  const to = Math.min(cleanLength, from + width);
  const window = sliceOf(t.clean, from, to);
  const hay = sliceOf(t[matched], from, to);
  const tokens = exact ?? folded;
  // mark every occurrence of a query token that stands as a whole word
  const marks: Array<[number, number]> = [];
  for (const tok of tokens) {
    for (let i = hay.indexOf(tok); i !== -1; i = hay.indexOf(tok, i + tok.length)) {
      const before = hay[i - 1];
      const after = hay[i + tok.length];
      if ((before === undefined || !wordChar.test(before)) && (after === undefined || !wordChar.test(after))) marks.push([i, i + tok.length]);
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
  out += escapeHtml(window.slice(last)) + (to < cleanLength ? '…' : '');
  return out;
}

/**
 * A passage of a document's own text (a citation as written there) as one token `makeSnippet`
 * finds and marks: cleaned and folded as the text is.
 */
export const snippetToken = (written: string): string => foldVietnamese(written.normalize('NFC').replace(spacing, ' ').trim());

const lengthOf = (pieces: readonly string[]): number => pieces.reduce((n, p) => n + p.length, 0);

/** `pieces.join('').slice(from, to)`, without joining all the pieces when 0 <= from <= to. */
function sliceOf(pieces: readonly string[], from: number, to: number): string {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to)) return pieces.join('').slice(from, to);
  let out = '';
  for (let k = 0, offset = 0; k < pieces.length && offset < to; offset += pieces[k].length, k++) {
    if (offset + pieces[k].length > from) out += pieces[k].slice(Math.max(0, from - offset), to - offset);
  }
  return out;
}

/**
 * The text as the snippet sees it, read a piece at a time: `clean` (NFC, each run of whitespace and
 * markdown marks to one space, trimmed), `lower` (lower-cased, tone placement unified) and `folded`,
 * each as pieces that concatenate to the start of what the same functions give on the whole text
 * (a piece ends where `cutAfter` says). Pieces, not growing strings: searching a concatenation
 * would copy the text read so far at every piece.
 */
class CleanText {
  readonly clean: string[] = [];
  readonly lower: string[] = [];
  readonly folded: string[] = [];
  private end = 0;

  constructor(
    private readonly text: string,
    private readonly withLower: boolean,
  ) {}

  /** Reads the next piece of the text, about as long as all read so far; false at the end. */
  read(): boolean {
    const start = this.end;
    if (start === this.text.length) return false;
    this.end = cutAfter(this.text, Math.max(FIRST_PIECE, 2 * start));
    let piece = this.text.slice(start, this.end).normalize('NFC').replace(spacing, ' ');
    if (start === 0) piece = piece.trimStart();
    if (this.end === this.text.length) piece = piece.trimEnd();
    this.clean.push(piece);
    if (this.withLower) this.lower.push(unifyTonePlacement(piece.toLowerCase()));
    return true;
  }

  /** Adds a piece to `lower` (reading one) or to `folded` (folding one read, reading one if all are folded); false at the end. */
  more(kind: 'lower' | 'folded'): boolean {
    if (kind === 'lower' || this.folded.length === this.clean.length) {
      if (!this.read()) return false;
      if (kind === 'lower') return true;
    }
    this.folded.push(foldVietnamese(this.clean[this.folded.length]));
    return true;
  }

  /**
   * The first place of the words side by side; else of the first two consecutive ones (a word of
   * the query: a document may hold the words apart) the text has; else of the first word alone.
   */
  find(kind: 'lower' | 'folded', tokens: readonly string[]): number {
    if (!tokens.length) return -1;
    const at = this.firstIndex(kind, tokens.join(' '));
    if (at !== -1) return at;
    // in the query's order: the earliest in the text is often the subject line, with a word of the
    // title ("trẻ em") and not the passage that holds the others
    for (let k = 0; tokens.length > 2 && k + 1 < tokens.length; k++) {
      const word = this.firstIndex(kind, `${tokens[k]} ${tokens[k + 1]}`);
      if (word !== -1) return word;
    }
    return this.firstIndex(kind, tokens[0]);
  }

  /** Where `needle` first stands in the concatenated pieces of `kind`, reading on until found; -1 when the whole text lacks it. */
  private firstIndex(kind: 'lower' | 'folded', needle: string): number {
    const pieces = this[kind];
    let tail = ''; // the last needle.length - 1 characters before pieces[k]
    for (let k = 0, offset = 0; k < pieces.length || this.more(kind); offset += pieces[k].length, k++) {
      const piece = pieces[k];
      // a match across the boundary starts before one inside the piece
      const across = (tail + piece.slice(0, needle.length - 1)).indexOf(needle);
      if (across !== -1) return offset - tail.length + across;
      const inside = piece.indexOf(needle);
      if (inside !== -1) return offset + inside;
      const keep = needle.length - 1;
      tail = piece.length >= keep ? piece.slice(piece.length - keep) : (tail + piece).slice(tail.length + piece.length - keep);
    }
    return -1;
  }

  /**
   * Reads on until `clean` holds more than `past` characters and `kind` at least `past` (so the
   * window ends where it would on the whole text, and it is known that text follows), or to the end.
   */
  readPast(kind: 'lower' | 'folded', past: number): void {
    while (!(past >= 0 && lengthOf(this.clean) > past && lengthOf(this[kind]) >= past)) {
      if (!this.more(kind)) return;
    }
  }
}

/**
 * The first place at or after `from` where the text can be cut so that its pieces clean, lower-case
 * and fold to the pieces of what the whole text gives: before an ASCII whitespace that follows a
 * printable ASCII character other than a markdown mark. NFC joins nothing across it (nothing
 * composes with an ASCII character that follows), the cleaned piece before it ends in that
 * character and the one after it starts with the one space of the whitespace run, and a space ends
 * a word as the end of a text does (tone placement, final sigma and folding decide alike).
 * The text's length when there is no such place soon after `from`.
 */
function cutAfter(text: string, from: number): number {
  const end = Math.min(text.length, from + 4096);
  for (let i = Math.max(1, from); i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && (c < 9 || c > 13)) continue;
    const before = text.charCodeAt(i - 1);
    if (before > 32 && before < 127 && before !== 42 && before !== 35 && before !== 124 && before !== 92 && before !== 95) return i;
  }
  return text.length;
}
