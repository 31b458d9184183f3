import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractText, normalizeText, toPlainText } from '../src/index.js';

describe('spans in source coordinates', () => {
  it('land on the cited characters through markdown escapes, bold and entities', () => {
    const source = '**Căn cứ** Quyết định số 1863/QĐ-**TTg** ngày 23/12/2019 \\*ghi chú\\* &amp; Chỉ thị số 20-CT/TW ngày 05/11/2012.';
    const [doc] = extractText(source, { source: 't', markdown: true }).documents;
    for (const c of doc.citations) expect(source.slice(c.start, c.end)).toBe(c.raw);
    expect(doc.citations[0].raw).toBe('Quyết định số 1863/QĐ-**TTg** ngày 23/12/2019');
    expect(doc.citations[1].raw).toBe('Chỉ thị số 20-CT/TW ngày 05/11/2012');
  });

  it('land on the NFD characters of an NFD source', () => {
    const source = 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.'.normalize('NFD');
    const [doc] = extractText(source, { source: 't' }).documents;
    const c = doc.citations[0];
    expect(source.slice(c.start, c.end).normalize('NFC')).toBe('Chỉ thị số 20-CT/TW ngày 05/11/2012');
  });

  it('map every plain character back to an equal source character', () => {
    const source = '# TIÊU ĐỀ\n\n- Mục *một* với [liên kết](http://x) và `mã`\n- Mục hai\n\n| a | b |\n|---|---|\n| c | d |\n';
    const n = normalizeText(source);
    const p = toPlainText(n.text, { markdown: true });
    for (let i = 0; i < p.text.length; i++) {
      const ch = p.text[i];
      if (ch === '\n' || ch === ' ') continue;
      const at = p.toParsed ? p.toParsed[i] : i;
      expect(n.text[at]).toBe(ch);
    }
  });

  it('gives NFC for any Vietnamese text, composed or decomposed (the fast path is safe)', () => {
    const letters = [...'aăâeêioôơuưyđAĂÂĐEÊOÔƠƯ bcdghklmnpqrstvx0123456789.,;:-/()ĐÐð'];
    const marks = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0306', '\u0302', '\u031b'];
    const piece = fc.tuple(fc.constantFrom(...letters), fc.constantFrom(...marks)).map(([l, m]) => l + m);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.boolean(), (pieces, decompose) => {
        const s = decompose ? pieces.join('').normalize('NFD') : pieces.join('');
        const expected = s.normalize('NFC').replace(/\u00d0/g, '\u0110').replace(/\u00f0/g, '\u0111');
        expect(normalizeText(s).text).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('reads word-segmentation underscores after an NFD letter', () => {
    expect(normalizeText('CHỦ_TỊCH'.normalize('NFD')).text).toBe('CHỦ TỊCH');
  });

  it('normalizes Ð (U+00D0), NFD and word-segmentation underscores without moving offsets', () => {
    const source = 'Quyết_định Ðảng';
    const n = normalizeText(source);
    expect(n.text).toBe('Quyết định Đảng');
    expect(n.toSource?.[n.text.indexOf('Đ')]).toBe(source.indexOf('Ð'));
  });
});
