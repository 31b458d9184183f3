import { describe, expect, it } from 'vitest';
import { excerpt } from '../src/excerpt.js';

describe('excerpt of a long sentence for a link', () => {
  const filler = 'các cấp, các ngành tiếp tục quán triệt và tổ chức thực hiện nghiêm túc, hiệu quả '.repeat(3);
  const sentence = `Thực hiện ${filler}Kế hoạch số 41-KH/TU ngày 28/1/2013 của Tỉnh ủy về việc thực hiện Chỉ thị số 20-CT/TW của Bộ Chính trị, ${filler}`;

  it('keeps a short sentence whole', () => {
    expect(excerpt('Căn cứ Chỉ thị số 20-CT/TW.', ['20-CT/TW'])).toBe('Căn cứ Chỉ thị số 20-CT/TW.');
  });

  it('shows the words between the citing and the cited number, cut on words, with marks', () => {
    const out = excerpt(sentence, ['41-KH/TU', '20-CT/TW'], 160);
    expect(out).toContain('Kế hoạch số 41-KH/TU ngày 28/1/2013 của Tỉnh ủy về việc thực hiện Chỉ thị số 20-CT/TW');
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith(' …')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(160 + 3);
  });

  it('finds a number by its serial when written otherwise, and starts at the start when named nowhere', () => {
    expect(excerpt(sentence, ['20 - CT/TW'], 120)).toContain('20-CT/TW');
    expect(excerpt(sentence, ['999/XX'], 120).startsWith('Thực hiện')).toBe(true);
  });
});
