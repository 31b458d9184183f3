import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { markdownPieces } from './markdown-chunks.js';
import type { OffsetMap } from './offsets.js';

export interface PlainText {
  /** Text without markdown: blocks end with "\n", top-level blocks are separated by a blank line. */
  text: string;
  /** Plain offset -> offset in the text that was parsed. */
  toParsed: OffsetMap;
  markdown: boolean;
}

/** The mdast node fields the plain-text walk reads. */
export interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const parser = unified().use(remarkParse);
const blockTypes = new Set(['paragraph', 'heading', 'code', 'tableCell', 'thematicBreak', 'html']);
const markdownSigns = /\*\*|__|\\[*_.\-#\[\]()|>]|^#{1,6} |^\|.*\|\s*$|^\s*[*+] |^>|\]\(|&[a-z]+;|&#\d+;/m;

/** Does this text use markdown syntax, or is it plain text (PDF text layer, word-segmented corpus)? */
export function looksLikeMarkdown(text: string): boolean {
  return markdownSigns.test(text.length > 200_000 ? text.slice(0, 200_000) : text);
}

/**
 * Markdown -> plain text with remark-parse, keeping each character's offset in the input.
 * Plain text passes through unchanged (identity map): parsing it as markdown would only damage it
 * (indented lines becoming code, `+` lines becoming lists).
 */
export function toPlainText(text: string, options: { markdown?: boolean } = {}): PlainText {
  const markdown = options.markdown ?? looksLikeMarkdown(text);
  if (!markdown) return { text: unpipeTables(text), toParsed: null, markdown };
  const parts: string[] = [];
  const map = new OffsetBuilder(text.length + 64);
  let last = 0;
  let base = 0; // offset of the piece being visited
  const offset = (at: number | undefined, fallback: number): number => (at === undefined ? fallback : base + at);
  const push = (s: string, at: number): void => {
    parts.push(s);
    map.fill(at, s.length);
  };
  const visit = (node: MdNode): void => {
    const start = offset(node.position?.start.offset, last);
    const end = offset(node.position?.end.offset, start);
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      const value = node.value ?? '';
      alignInto(value, text, start, end, parts, map);
      last = end;
    } else if (node.type === 'break') {
      push('\n', start);
    } else if (node.children) {
      for (const child of node.children) visit(child);
    }
    if (blockTypes.has(node.type)) push('\n', Math.max(start, end - 1));
  };
  // a long text is parsed piece by piece (same tree, positions shifted), one tree alive at a time
  const pieces = markdownPieces(text);
  for (let k = 0; k < pieces.length; k++) {
    base = pieces[k];
    const tree = parser.parse(pieces.length === 1 ? text : text.slice(base, pieces[k + 1] ?? text.length)) as MdNode;
    for (const child of tree.children ?? []) {
      visit(child);
      push('\n', Math.max(0, offset(child.position?.end.offset, last) - 1));
    }
  }
  map.push(text.length);
  return { text: unpipeTables(parts.join('')), toParsed: map.finish(), markdown };
}

/**
 * Append `value` (a node's decoded text) mapping each character to its place in
 * `source[start, end)`; skips escapes, character references and line prefixes remark removed.
 */
function alignInto(value: string, source: string, start: number, end: number, parts: string[], map: OffsetBuilder): void {
  parts.push(value);
  if (end - start === value.length && source.startsWith(value, start)) {
    map.range(start, value.length);
    return;
  }
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    while (j < end && source[j] !== ch) {
      if (source[j] === '&') {
        const semi = source.indexOf(';', j);
        if (semi !== -1 && semi - j <= 32 && semi < end) break;
      }
      j++;
    }
    if (j < end && source[j] === '&' && source[j] !== ch) {
      map.push(j);
      j = source.indexOf(';', j) + 1;
      continue;
    }
    map.push(Math.min(j, Math.max(start, end - 1)));
    if (j < end) j++;
  }
}

/** Markdown table rows flattened by scrapers: each cell becomes its own line (same length). */
function unpipeTables(text: string): string {
  if (!text.includes('|')) return text;
  return text.replace(/^[ \t]*\|.*$/gm, (row) => (/^[\s|:\-]+$/.test(row) ? ' '.repeat(row.length) : row.replace(/\|/g, '\n')));
}

/** A growable Int32Array of offsets (pushing into a number[] and copying was a measurable cost). */
class OffsetBuilder {
  private buf: Int32Array;
  private length = 0;

  constructor(capacity: number) {
    this.buf = new Int32Array(capacity);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Int32Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  push(value: number): void {
    this.reserve(1);
    this.buf[this.length++] = value;
  }

  fill(value: number, n: number): void {
    this.reserve(n);
    this.buf.fill(value, this.length, this.length + n);
    this.length += n;
  }

  /** start, start + 1, … start + n - 1 */
  range(start: number, n: number): void {
    this.reserve(n);
    for (let k = 0; k < n; k++) this.buf[this.length + k] = start + k;
    this.length += n;
  }

  finish(): Int32Array {
    return this.buf.slice(0, this.length);
  }
}
