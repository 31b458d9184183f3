/** Where a sentence names a number (as written, or its serial standing alone), from `from` on; -1 if nowhere. */
function find(sentence: string, number: string | null, from: number): number {
  if (!number) return -1;
  const at = sentence.indexOf(number, from);
  if (at >= 0) return at;
  const serial = /^\d+/.exec(number)?.[0];
  if (!serial) return -1;
  const re = new RegExp(`(?<!\\d)${serial}(?!\\d)`, 'g');
  re.lastIndex = from;
  return re.exec(sentence)?.index ?? -1;
}

/**
 * At most `width` characters of a sentence around where it names the numbers of a link (the
 * citing one, then the cited one after it: "Kế hoạch 41-KH/TU … về việc thực hiện Chỉ thị số
 * 20-CT/TW"), not the start of a long sentence; "…" marks where it was cut.
 */
export function excerpt(sentence: string, numbers: ReadonlyArray<string | null>, width = 220): string {
  if (sentence.length <= width) return sentence;
  let first = -1;
  let last = -1;
  for (const n of numbers) {
    const at = find(sentence, n, last < 0 ? 0 : last);
    if (at < 0) continue;
    if (first < 0) first = at;
    last = at + (n?.length ?? 0);
  }
  // the span of the numbers, centred, or the sentence's start when it names none of them
  const middle = first < 0 ? 0 : Math.floor((first + last) / 2);
  let start = first < 0 ? 0 : Math.max(0, Math.min(middle - Math.floor(width / 2), sentence.length - width));
  if (start > 0) start = sentence.indexOf(' ', start) + 1 || start; // begin on a word
  let end = Math.min(sentence.length, start + width);
  if (end < sentence.length && sentence.lastIndexOf(' ', end) > start) end = sentence.lastIndexOf(' ', end);
  return `${start > 0 ? '…' : ''}${sentence.slice(start, end).trim()}${end < sentence.length ? ' …' : ''}`;
}
