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

export function message(
  reason: string,
  ruleId: string,
  severity: Message['severity'] = 'warning',
  place?: { text: string; offset: number },
): Message {
  const at = place ? lineColumn(place.text, place.offset) : null;
  return { reason, ruleId, severity, line: at?.line ?? null, column: at?.column ?? null };
}
