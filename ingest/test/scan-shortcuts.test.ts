import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanNumbers } from '../src/lib/citations.js';
import { placeDate, placeDateIn } from '../src/lib/header.js';
import { findReferences, pointing, pointingPhrases } from '../src/lib/references.js';
import { receiversAt, signerTitle, titlesIn } from '../src/lib/signer.js';
import { scanCues, scanPhrases, scanTopics } from '../src/lib/vocabulary.js';

/**
 * The extraction finds several things from a rare anchor (indexOf, a line, a window) instead of a
 * regex scan of the whole text: each shortcut must give exactly what the plain scan gives.
 */
const texts = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));
const allMatches = (re: RegExp, text: string): RegExpExecArray[] => [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))];
const runs = { numRuns: 400 };

describe('scan shortcuts agree with the plain scans', () => {
  it('signing titles found around Ủ/Ư/Á = a whole-text scan', () => {
    const pieces = ['CHỦ TỊCH', 'TỔNG CỤC TRƯỞNG', 'CỤC TRƯỞNG', 'TỔNG BÍ THƯ', 'BÍ THƯ', 'THƯỜNG TRỰC', 'TỔNG KIỂM TOÁN', 'CHÁNH VĂN PHÒNG', 'GIÁM ĐỐC', 'TỔNG', 'Á', 'Ư', 'Ủ', 'A', 'x', 'ưng', ' ', '  ', '\n', 'KT. ', 'PHÓ ', '1'];
    fc.assert(
      fc.property(texts(pieces), fc.nat(), fc.nat(), (text, a, b) => {
        const from = Math.min(a, b) % (text.length + 1);
        const to = from + (Math.max(a, b) % (text.length + 1 - from + 1));
        const expected = allMatches(signerTitle, text).filter((m) => m.index >= from && m.index < to).map((m) => [m.index, m[0]]);
        // a scan starting at `from` mid-title would see only a suffix: the plain scan here starts at 0
        const aligned = from === 0 || !/[\p{Lu} ]/u.test(text[from - 1]);
        if (aligned) expect(titlesIn(text, from, to).map((m) => [m.index, m[0]])).toEqual(expected);
        expect(titlesIn(text, 0, text.length).map((m) => [m.index, m[0]])).toEqual(allMatches(signerTitle, text).map((m) => [m.index, m[0]]));
      }),
      runs,
    );
  });

  it('"Nơi nhận" found from "ận" = the first match of N[ơƠ]i\\s+nh[ậẬ]n', () => {
    const pieces = ['Nơi nhận', 'NƠi nhẬn', 'Nơi  \nnhận', 'Nơi', 'nhận', 'luận', 'quận', 'Ận', 'ận', 'N', 'ơi', ' ', '\n', 'x'];
    fc.assert(
      fc.property(texts(pieces), (text) => {
        expect(receiversAt(text)).toBe(/N[ơƠ]i\s+nh[ậẬ]n/.exec(text)?.index ?? -1);
      }),
      runs,
    );
  });

  it('place and date tried on the ", ngày" lines = the first match in the head', () => {
    // whole lines too, so that a decoy ", ngày" line often comes before the real one
    const pieces = ['Hà Nội', 'Bắc Giang', 'Lục Nam', ', ngày ', ',ngày', ', Ngày ', 'ngày ', '05', ' tháng ', '4', ' năm ', '2022', '…', '\n', ' ', 'x', 'TP. Hồ Chí Minh', '-',
      'lúc đó, ngày 5 tháng sau\n', 'Bình Thuận, ngày 05 tháng 4 năm 2022\n', '\nHà Nội, ngày    tháng 4 năm 2022', '\nkính, ngày 1 tháng 2 năm 20\n'];
    fc.assert(
      fc.property(texts(pieces), (head) => {
        const m = placeDateIn(head);
        const plain = allMatches(placeDate, head)[0];
        expect(m ? [m.index, ...m] : null).toEqual(plain ? [plain.index, ...plain] : null);
      }),
      runs,
    );
  });

  it('pointing words found from "ên"/"êu" = a global scan', () => {
    const pieces = ['nêu trên', 'nói trên', 'vừa nêu', 'đã nêu', 'trên', 'nêu', 'tiêu', 'trênh', 'Kế hoạch ', 'Quyết định ', ' ', '\n', 'x', 'tr', 'ên'];
    fc.assert(
      fc.property(texts(pieces), (text) => {
        const expected = allMatches(new RegExp(pointing.source, 'g'), text).map((m) => [m.index, m[0]]);
        expect(pointingPhrases(text).map((m) => [m.index, m[0]])).toEqual(expected);
      }),
      runs,
    );
  });

  it('cues and topics in one pass = their own scans', () => {
    const pieces = ['thực hiện', 'Thực hiện', 'THỰC HIỆN', 'căn cứ', 'theo', 'đề nghị của', 'đuối nước', 'Đuối nước', 'tổng đài 111', 'số 111', '1', 'bảo vệ trẻ em', 'tổng đài điện thoại quốc gia bảo vệ trẻ em', 'bạo lực, xâm hại', 'hóa đơn', 'hoá đơn', ' ', '\n', 'x', ',', 'trả lời'];
    fc.assert(
      fc.property(texts(pieces), (text) => {
        const one = scanPhrases(text);
        expect(one.topics).toEqual(scanTopics(text));
        expect(one.cues).toEqual(scanCues(text));
      }),
      runs,
    );
  });

  it('bare serials from the number pass = their own scan', () => {
    const pieces = ['Quyết định ', 'QĐ ', 'số ', '1863', '1234567', '/QĐ-TTg', '/2019', '-CT/TW', ' ', '\n', '.', '/', '-', 'x', 'A', 'năm 2020', 'Chỉ thị 20', 'ngày 15'];
    fc.assert(
      fc.property(texts(pieces), (text) => {
        const { full, serials } = scanNumbers(text);
        expect(findReferences(text, full, serials)).toEqual(findReferences(text, full));
      }),
      runs,
    );
  });
});
