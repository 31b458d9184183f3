import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../src/index.js';

/**
 * foldVietnamese folds character by character from a table, because it runs over every
 * document's text and every snippet. Here it is held to its definition, the normalizations.
 */
const foldDefinition = (text: string): string =>
  text.normalize('NFC').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').normalize('NFC');
// Vietnamese letters in both cases and both normal forms, the tone-placement cases, and what
// sits beside them in real files: punctuation, other scripts, astral letters, lone surrogates
const pieces = [
  'Đuối nước', 'ĐUỐI NƯỚC', 'dưới nước', 'Thanh Hoá', 'hoà', 'Hòa', 'uỷ ban', 'Ủy', 'thuỷ', 'quý', 'QUÝ', 'khoẻ', 'oà', 'uý', 'oạ',
  'Ð', 'ð', 'đ', 'Đắk Lắk', 'Cư M\u2019gar', 'Nghị định'.normalize('NFD'), 'e\u0301', 'o\u0302\u0301', 'u\u031b', '\u0323', '\u1dc4',
  ' ', '\n', '–', '“', '”', '…', '•', '\u2000', '\u2126', '\u212b', 'ǅ', 'İ', 'ß', 'Σ', 'ς', 'ΟΣ', 'Ж', 'ㄱ', '가', '각', '\u1100', '\u1161',
  '\u0627', '\u0653', '\u20d2', '𝐀', '😀', '\ud800', '\udc00', '\ufeff', 'q', 'u', 'o', 'a', '1', '/', 'x',
];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
const runs = { numRuns: 2000 };

function corpusTexts(): string[] {
  const root = join(import.meta.dirname, '../../../shared/corpus');
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|txt)$/.test(name)) out.push(readFileSync(path, 'utf8'));
    }
  };
  try {
    walk(root);
  } catch {
    // beside ../shared only; the generated texts below cover the rest
  }
  return out;
}

describe('foldVietnamese equals its definition', () => {
  it('on generated text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(foldVietnamese(text)).toBe(foldDefinition(text));
      }),
      runs,
    );
  });

  it('on every character of the folding table, alone and between letters', () => {
    for (let c = 0; c < 0x2400; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}`, `${ch}\u0301`, `o${ch}`, `Ơ${ch}x`, `${ch}\u1161`, `\u1100${ch}`, `\u0627${ch}`, `${ch}\u0653`, `o${ch}\u0301`]) expect(foldVietnamese(text), `U+${c.toString(16)} in ${JSON.stringify(text)}`).toBe(foldDefinition(text));
    }
  });

  it.skipIf(!corpusTexts().length)('on every file of ../shared/corpus', () => {
    for (const text of corpusTexts()) {
      expect(foldVietnamese(text)).toBe(foldDefinition(text));
    }
  });

  it('keeps the examples', () => {
    expect(foldVietnamese('Đuối nước')).toBe('duoi nuoc');
  });
});
