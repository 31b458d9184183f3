import { describe, expect, it } from 'vitest';
import { extractText } from '../src/index.js';

const numbers = (text: string): string[] =>
  extractText(text, { source: 't' }).documents[0].citations.filter((c) => c.kind === 'full').map((c) => c.number);

describe('a footnote marker glued to a term code', () => {
  it('is cut after the term ("QH151" is QH15 and footnote 1) when the footnote below repeats the number', () => {
    const text =
      'Căn cứ Luật số 72/2025/QH151 ngày 19/6/2025 và Nghị quyết số 1654/NQ-UBTVQH1512 ngày 16/6/2025;\n' +
      'Căn cứ Nghị quyết số 22/NQ-HĐND103 ngày 10/7/2025;\n\n' +
      '1 Luật số 72/2025/QH15 về tổ chức chính quyền địa phương.\n' +
      '12 Nghị quyết số 1654/NQ-UBTVQH15 về sắp xếp đơn vị hành chính.\n' +
      '3 Nghị quyết số 22/NQ-HĐND10 của Hội đồng nhân dân tỉnh.';
    expect(numbers(text)).toEqual(['72/2025/QH15', '1654/NQ-UBTVQH15', '22/NQ-HĐND10', '72/2025/QH15', '1654/NQ-UBTVQH15', '22/NQ-HĐND10']);
  });

  it('is kept when no footnote repeats the number, or the footnote names another number', () => {
    const text = 'Căn cứ Luật số 72/2025/QH151 ngày 19/6/2025 và Nghị quyết số 9/NQ-HĐND121;\n\n1 Luật số 73/2025/QH15 về thuế.';
    expect(numbers(text)).toEqual(['72/2025/QH151', '9/NQ-HĐND121', '73/2025/QH15']);
  });
});
