import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';

describe('a citation sentence longer than the scan', () => {
  it('is clipped at whole words, a cut through a word marked "…"', () => {
    // one sentence of ~1,700 characters, the citation in its middle, no full stop anywhere near;
    // shifted a character at a time, so that the scan's bounds fall inside words and between them
    const words = 'tăng cường công tác chăm sóc giáo dục và bảo vệ trẻ em trong tình hình mới ';
    const written = new Set(words.trim().split(' '));
    let marked = 0;
    for (let shift = 0; shift < 8; shift++) {
      const text = `${'trẻ '.repeat(shift)}${words.repeat(12)}thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị ${words.repeat(12)}kết thúc.`;
      const [c] = extractText(text, { source: 'long.txt' }).documents[0].citations;
      expect(c.sentence).toContain('Chỉ thị số 20-CT/TW ngày 05/11/2012');
      if (c.sentence.startsWith('… ') || c.sentence.endsWith(' …')) marked++;
      // every word shown is a whole word of the text
      const shown = c.sentence.replace(/^… | …$/g, '').replace(/thực hiện Chỉ thị số 20-CT\/TW ngày 05\/11\/2012 của Bộ Chính trị/, '').split(/\s+/).filter(Boolean);
      expect(shown.filter((w) => !written.has(w) && w !== 'trẻ')).toEqual([]);
    }
    expect(marked).toBeGreaterThan(0);
  });

  it('a sentence within the scan is shown whole, without marks', () => {
    const [c] = extractText('Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị về trẻ em.', { source: 'short.txt' }).documents[0].citations;
    expect(c.sentence).toBe('Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị về trẻ em.');
  });
});
