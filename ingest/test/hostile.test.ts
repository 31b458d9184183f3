import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractBytes, extractText } from '../src/index.js';

/** Content never throws: it becomes records or messages. */
describe('hostile input', () => {
  it('any string gives documents whose spans fit the source', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.boolean(), (text, markdown) => {
        const result = extractText(text, { source: 'p', markdown });
        for (const d of result.documents) {
          for (const c of d.citations) {
            expect(c.start).toBeLessThanOrEqual(c.end);
            expect(c.end).toBeLessThanOrEqual(text.length);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('citation-shaped noise never throws', () => {
    const piece = fc.constantFrom('Quyết định số ', '1863', '/', '-', 'QĐ', 'TTg', ' ngày ', '23/12/2019', '\n', '**', '\\', 'Số: ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Nơi nhận', 'thực hiện ', ';', '(', 'đ', 'Ð');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        extractText(pieces.join(''), { source: 'p' });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses binary data and empty files with a message', () => {
    const binary = extractBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff]), { source: 'x.png' });
    expect(binary.ok).toBe(false);
    expect(binary.messages[0].ruleId).toBe('read:binary');
    const empty = extractBytes(new Uint8Array(), { source: 'empty.txt' });
    expect(empty.ok).toBe(false);
    expect(empty.messages[0].ruleId).toBe('read:empty');
  });

  it('refuses a file of blanks or markup alone like an empty one, with an error', () => {
    for (const [source, text] of [['blanks.txt', ' \n\t\n  \n'], ['marks.md', '---\n\n**  **\n\n> \n']]) {
      const result = extractBytes(Buffer.from(text), { source });
      expect(result.ok).toBe(false);
      expect(result.documents).toEqual([]);
      expect(result.messages.map((m) => [m.ruleId, m.severity])).toEqual([['read:no-text', 'error']]);
    }
  });

  it('reads invalid UTF-8 with a warning, and UTF-16 with BOM', () => {
    const bad = extractBytes(Uint8Array.from([...Buffer.from('Thực hiện Chỉ thị số 20-CT/TW '), 0xc3, 0x28]), { source: 'bad.txt' });
    expect(bad.ok).toBe(true);
    expect(bad.messages.map((m) => m.ruleId)).toContain('read:invalid-utf8');
    expect(bad.documents[0].citations[0].number).toBe('20-CT/TW');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Căn cứ Chỉ thị số 20-CT/TW;', 'utf16le')]);
    expect(extractBytes(utf16, { source: 'u16.txt' }).documents[0].citations[0].number).toBe('20-CT/TW');
  });

  it('reads a Windows-1258 file (Vietnamese "ANSI") as such, with a warning; UTF-8 with a stray byte stays UTF-8', () => {
    const text = 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị về phòng, chống đuối nước cho trẻ em.';
    const result = extractBytes(windows1258(text), { source: 'ansi.txt' });
    expect(result.ok).toBe(true);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['read:windows-1258']);
    const [doc] = result.documents;
    expect(doc.citations.map((c) => [c.number, c.issuer, c.relation])).toEqual([['20-CT/TW', 'Bộ Chính trị', 'IMPLEMENTS']]);
    expect(doc.topics).toContain('đuối nước');
    const stray = extractBytes(Buffer.concat([Buffer.from(text), Buffer.from([0xff])]), { source: 'stray.txt' });
    expect(stray.messages.map((m) => m.ruleId)).toEqual(['read:invalid-utf8']);
  });

  it('finishes on a 20 MB file, a 1 MB line and long runs of digits and slashes', () => {
    const para = 'Thực hiện Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ về phòng, chống đuối nước.\n\n';
    const big = extractText(para.repeat(Math.ceil(20_000_000 / para.length)), { source: 'big' });
    expect(big.documents[0].citations.length).toBeGreaterThan(100_000);
    const line = extractText('a'.repeat(1_000_000), { source: 'line' });
    expect(line.documents[0].citations).toEqual([]);
    const digits = extractText('1/2/3/4/5-6-7/'.repeat(70_000) + '9'.repeat(500_000), { source: 'digits' });
    expect(digits.documents[0].citations).toEqual([]);
  });
});

/** Encode text as Windows-1258: its own letters where it has them, tone marks as combining characters after. */
function windows1258(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const [base, ...marks] = [...char.normalize('NFD')];
    // the letter the code page has with the most of the marks (ê for ệ), then each other mark
    let best: { letter: string; rest: string[] } = { letter: base, rest: marks };
    for (const mark of marks) {
      const letter = (best.letter + mark).normalize('NFC');
      if (table.has(letter)) best = { letter, rest: best.rest.filter((m) => m !== mark) };
    }
    for (const piece of [best.letter, ...best.rest]) {
      const byte = table.get(piece);
      if (byte === undefined) throw new Error(`not in Windows-1258: ${piece}`);
      bytes.push(byte);
    }
  }
  return Uint8Array.from(bytes);
}
