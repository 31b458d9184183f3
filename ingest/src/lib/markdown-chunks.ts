/**
 * Cut a long markdown text into pieces that parse exactly as the whole does, so the parser's
 * tree (a hundred bytes and more per input byte) never has to exist for a whole large file.
 *
 * A piece starts at a line that opens a new top-level block whatever came before: after a blank
 * line, not indented (no list item or indented code continues), not a list marker (a list goes on
 * across blank lines) nor a block quote. Texts with constructs that span blank lines or act at a
 * distance (fenced code, HTML blocks, link reference definitions) are not cut.
 */
const PIECE = 32_000;
const spansBlankLines = /^ {0,3}(?:```|~~~|<|\[[^\]]*\]:)/m;
const continuesAcrossBlank = /^(?:[ \t]|[-+*>](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/** Start offsets of the pieces: `[0]` when the text is short or cannot be cut. */
export function markdownPieces(text: string): number[] {
  const starts = [0];
  if (text.length < 2 * PIECE || spansBlankLines.test(text)) return starts;
  let from = PIECE;
  while (from < text.length - PIECE) {
    const at = nextSafeStart(text, from);
    if (at === -1) break;
    starts.push(at);
    from = at + PIECE;
  }
  return starts;
}

const blankThenLine = /\n[ \t]*\n(?=[^\n])/g;

function nextSafeStart(text: string, from: number): number {
  blankThenLine.lastIndex = from;
  for (let m = blankThenLine.exec(text); m; m = blankThenLine.exec(text)) {
    const at = m.index + m[0].length;
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(at, lineEnd === -1 ? text.length : lineEnd);
    if (!continuesAcrossBlank.test(line)) return at;
    blankThenLine.lastIndex = at;
  }
  return -1;
}
