import type { Message } from '@vanban/schema';

/** Line and column (1-based) of an offset, for `file:line:col` messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Line/column lookups for many offsets of one text: line starts computed once, binary search. */
export class LineIndex {
  private starts: number[] | null = null;

  constructor(private readonly text: string) {}

  at(offset: number): { line: number; column: number } {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return { line: lo, column: offset - this.starts[lo - 1] + 1 };
  }
}

export function message(
  reason: string,
  ruleId: string,
  severity: Message['severity'] = 'warning',
  place?: { text: string; offset: number },
): Message {
  const at = place ? lineColumn(place.text, place.offset) : null;
  return { reason, ruleId, severity, line: at?.line ?? null, column: at?.column ?? null };
}
