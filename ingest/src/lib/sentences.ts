/**
 * Sentence bounds in plain text. Boundaries: a blank line; a line break after `.:!?`; a full
 * stop followed by a capital or a digit. A single line break alone is not one (PDF text breaks
 * lines mid-sentence), nor is one after `;`: "Căn cứ A;\nB;\nC" is one list under one cue.
 * Bounded to keep the scan linear.
 */
const MAX = 700;

export function sentenceStart(text: string, at: number, floor = 0): number {
  const limit = Math.max(floor, at - MAX);
  for (let i = at - 1; i >= limit; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) {
      if (text.charCodeAt(i - 1) === 10) return i + 1;
      if (endsClause(text, i)) return i + 1;
    } else if (ch === 46 /* . */ && isSpace(text.charCodeAt(i + 1)) && startsSentence(text, i + 1) && !abbreviationBefore(text, i)) {
      return i + 1;
    }
  }
  return limit;
}

export function sentenceEnd(text: string, at: number, ceiling = text.length): number {
  const limit = Math.min(ceiling, at + MAX);
  for (let i = at; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      if (text.charCodeAt(i + 1) === 10 || endsClause(text, i)) return i;
    } else if (ch === 46 && (i + 1 >= text.length || (isSpace(text.charCodeAt(i + 1)) && startsSentence(text, i + 1))) && !abbreviationBefore(text, i)) {
      return i + 1;
    }
  }
  return limit;
}

/** Is the line ending at `newline` closed by punctuation (ignoring trailing spaces)? */
function endsClause(text: string, newline: number): boolean {
  let j = newline - 1;
  while (j >= 0 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j--;
  const c = text[j];
  return c === '.' || c === ':' || c === '!' || c === '?';
}

function startsSentence(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  const c = text[j];
  return c !== undefined && (/\p{Lu}|\d|[-+•*“"]/u.test(c));
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
}

/** "TP. Hồ Chí Minh", "KT. CHỦ TỊCH", "Đ/c.": a capital abbreviation before the dot. */
function abbreviationBefore(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - 4), dot);
  return /(?:^|[\s(])(?:TP|Tp|KT|TM|TL|TS|ThS|PGS|GS|Q|P|Đ\/c|St|Th)$/.test(before);
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);

/**
 * The sentence as shown for provenance: whitespace collapsed, clipped around the citation. A bound
 * that cuts a word (a sentence longer than the scan, "… giáo dục và bả") moves to the nearest whole
 * word inside, and "…" marks the cut.
 */
export function sentenceText(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  let before = '';
  let after = '';
  if (isWordChar(text[from - 1]) && isWordChar(text[from])) {
    const space = text.slice(from, to).search(/\s/);
    if (space > 0) [from, before] = [from + space, '… '];
  }
  if (isWordChar(text[to - 1]) && isWordChar(text[to])) {
    const space = text.slice(from, to).search(/\s\S*$/);
    if (space > 0) [to, after] = [from + space, ' …'];
  }
  const s = text.slice(from, to);
  // replacing only runs that are not already one space: most of a sentence's spaces are single
  const shown = (/[\t\n\r]| {2}/.test(s) ? s.replace(/\s{2,}|[^\S ]/g, ' ') : s).trim();
  return `${before}${shown}${after}`;
}
