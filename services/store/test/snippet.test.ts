import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { foldVietnamese, unifyTonePlacement } from '@vanban/schema';
import { describe, expect, it } from 'vitest';
import { parseQuery, parseWords } from '../src/sqlite/query.js';
import { makeSnippet } from '../src/sqlite/snippet.js';

/**
 * makeSnippet reads the text a piece at a time, only as far as the match needs. Here it is held
 * to the implementation that cleaned, lower-cased and folded the whole text, kept as it was.
 */
function oldMakeSnippet(text: string, folded: readonly string[], exact: readonly string[] | null, width = 220): string {
  const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  // whitespace runs to one space (a lone space is left as it is: replacing it would copy every word)
  const clean = text.normalize('NFC').replace(/[*#|\\_]+/g, ' ').replace(/\s\s+|[^\S ]/g, ' ').trim();
  if (!clean) return '';
  const lowerExact = exact ? unifyTonePlacement(clean.toLowerCase()) : null;
  // the folded text only when the exact words are not there (folding the whole text costs the most)
  let foldedText: string | null = null;
  const folds = (): string => (foldedText ??= foldVietnamese(clean));
  const find = (hay: string, tokens: readonly string[]): number => {
    if (!tokens.length) return -1;
    const phrase = tokens.join(' ');
    const at = hay.indexOf(phrase);
    if (at !== -1) return at;
    // the first of the query's two-syllable words the text has, when it has more than one
    for (let k = 0; tokens.length > 2 && k + 1 < tokens.length; k++) {
      const word = hay.indexOf(`${tokens[k]} ${tokens[k + 1]}`);
      if (word !== -1) return word;
    }
    return hay.indexOf(tokens[0]);
  };
  let at = lowerExact && exact ? find(lowerExact, exact) : -1;
  if (at === -1) at = find(folds(), folded);
  const from = Math.max(0, at === -1 ? 0 : at - Math.floor(width / 3));
  const to = Math.min(clean.length, from + width);
  const window = clean.slice(from, to);
  const hay = (lowerExact && exact ? lowerExact : folds()).slice(from, to);
  const tokens = lowerExact && exact ? exact : folded;
  // mark every occurrence of a query token that stands as a whole word
  const marks: Array<[number, number]> = [];
  for (const t of tokens) {
    for (let i = hay.indexOf(t); i !== -1; i = hay.indexOf(t, i + t.length)) {
      const before = hay[i - 1];
      const after = hay[i + t.length];
      if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) marks.push([i, i + t.length]);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  let out = from > 0 ? '…' : '';
  let last = 0;
  for (const [s, e] of marks) {
    if (s < last) continue;
    out += `${escapeHtml(window.slice(last, s))}<mark>${escapeHtml(window.slice(s, e))}</mark>`;
    last = e;
  }
  out += escapeHtml(window.slice(last)) + (to < clean.length ? '…' : '');
  return out;
}

interface Query {
  folded: string[];
  exact: string[] | null;
}

/** The tokens a search passes: words (folded, and exact when typed with marks), or a number's serial and codes. */
function queryOf(input: string): Query {
  const q = parseQuery(input);
  if (q.kind === 'number') return { folded: [q.serial, ...q.codes], exact: null };
  const w = parseWords(input);
  return w.kind === 'text' ? { folded: w.folded, exact: w.exact } : { folded: [], exact: null };
}

const same = (text: string, q: Query, width?: number): void => {
  expect(makeSnippet(text, q.folded, q.exact, width), JSON.stringify({ text: text.slice(0, 300), q, width })).toBe(oldMakeSnippet(text, q.folded, q.exact, width));
};

// Vietnamese words in both cases and both normal forms, old and new tone placement, what sits
// beside them in real files (markdown marks, HTML specials, digits, numbers, typographic marks),
// and characters that test the cuts between pieces: Unicode spaces, combining marks after a
// space, final sigma, a dotted capital I (longer lower-cased), Hangul jamo, astral letters.
const words = [
  'Đuối', 'đuối', 'ĐUỐI', 'nước', 'NƯỚC', 'Nước', 'trẻ', 'em', 'Trẻ Em', 'tai', 'nạn', 'thương', 'tích', 'phòng', 'chống', 'dưới',
  'duoi', 'nuoc', 'hoà', 'hòa', 'Thanh Hoá', 'uỷ', 'ủy', 'Ủy', 'quý', 'khoẻ', 'thuỷ', 'oà', 'uý', 'Quyết định', 'Chỉ thị', 'số',
  '20-CT/TW', '1863/QĐ-TTg', '56/2017/NĐ-CP', 'a', 'o', 'u', 'q', 'x', '2020', '20', '7',
  'Đuối nước'.normalize('NFD'), 'trẻ em'.normalize('NFD'), 'Nghị định'.normalize('NFD'), 'e\u0301', 'o\u0302\u0301', 'u\u031b',
  '\u0301', '\u0323', '–', '“', '”', '…', '•', 'Σ', 'ΟΣ', 'İ', 'ß', 'Ж', '\u1100', '\u1161', '가', '𝐀', '😀', '\u2126', '\u212b',
];
const separators = [' ', ' ', ' ', '  ', '\n', '\n\n', ' \n', '\t', '\r\n', '*', '**', '#', '## ', '|', ' | ', '\\', '_', '__', '&', '<', '>', '"', ',', '.', ':', '(', ')', '\u00a0', '\u2028', '\u2003', '\ufeff', ' \u0301'];
const raw = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...separators)), { maxLength: 400, size: 'large' }).map((parts) => parts.map(([w, s]) => w + s).join(''));
// longer texts, so that the match and the window fall in later pieces and across their cuts
const long = fc.tuple(raw, fc.integer({ min: 1, max: 12 }), raw).map(([a, n, b]) => a.repeat(n) + b);
const texts = fc.oneof({ arbitrary: raw, weight: 3 }, { arbitrary: long, weight: 1 });
const token = fc.oneof(fc.constantFrom('duoi', 'nuoc', 'tre', 'em', 'ct', 'tw', '20', 'hoa', 'uy', 'đuối', 'nước', 'hòa', 'ủy', 'x'), fc.string({ unit: fc.constantFrom('a', 'o', 'u', 'đ', 'ư', ' ', '2'), minLength: 1, maxLength: 4 }));
const randomQuery = fc.record({ folded: fc.array(token, { maxLength: 4 }), exact: fc.option(fc.array(token, { maxLength: 4 }), { nil: null }) });
// a query typed from a stretch of the text itself, so that it matches somewhere
const textAndQuery = texts.chain((text) =>
  fc.oneof(
    fc.tuple(fc.nat(text.length), fc.integer({ min: 1, max: 40 }), fc.boolean()).map(([at, n, marks]): [string, Query] => {
      const typed = text.slice(at, at + n);
      return [text, queryOf(marks ? typed : foldVietnamese(typed))];
    }),
    randomQuery.map((q): [string, Query] => [text, q]),
  ),
);

describe('makeSnippet equals the whole-text implementation', () => {
  it('on generated texts and queries', () => {
    fc.assert(
      fc.property(textAndQuery, ([text, q]) => same(text, q)),
      { numRuns: 3000 },
    );
  });

  it('on generated texts with other widths', () => {
    fc.assert(
      fc.property(textAndQuery, fc.integer({ min: -50, max: 2000 }), ([text, q], width) => same(text, q, width)),
      { numRuns: 500 },
    );
  });

  it('on the edges', () => {
    const filler = 'Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc.\n'.repeat(60);
    const q = queryOf('đuối nước');
    const cases = [
      '', ' ', '\n\t  ', '**##||', 'đuối nước', // empty, only spacing, shorter than the width
      'Đuối nước ở trẻ em', // match at 0
      filler, // no match at all
      filler + 'Phòng, chống đuối nước', // match near the end
      filler + 'Phòng, chống đuối', // only the first word, at the end
      'Đuối nước. ' + filler + ' ' + filler, // match at 0 of a long text
      `${filler.slice(0, 505)}đuối nước${filler}`, // near the end of the first piece
      `${filler}đuối\n\n  nước  \n`,
    ];
    for (const text of cases) for (const query of [q, queryOf('duoi nuoc'), queryOf('20-CT/TW'), { folded: [], exact: null }, { folded: [], exact: [] }]) same(text, query);
    for (const width of [0, 1, 3, 219, 221, 5000, -1, -300, 0.5, 220.7, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      for (const text of cases) same(text, q, width);
    }
    expect(makeSnippet('', ['duoi'], null)).toBe('');
    expect(makeSnippet('Đuối nước ở <trẻ> em', ['duoi', 'nuoc'], ['đuối', 'nước'])).toBe('<mark>Đuối</mark> <mark>nước</mark> ở &lt;trẻ&gt; em');
    expect(makeSnippet(filler + 'chống đuối nước', ['duoi', 'nuoc'], null)).toMatch(/^….*chống <mark>đuối<\/mark> <mark>nước<\/mark>$/);
    // the words apart: the passage of the first word of the query found, not the first syllable's
    const apart = queryOf('phòng chống đuối nước trẻ em');
    const text = `Phòng họp số 2. ${filler}Phòng, chống tai nạn, đặc biệt là đuối nước ở trẻ em. ${filler}`;
    expect(makeSnippet(text, apart.folded, apart.exact)).toMatch(/<mark>chống<\/mark> tai nạn, đặc biệt là <mark>đuối<\/mark> <mark>nước<\/mark> ở <mark>trẻ<\/mark> <mark>em<\/mark>/);
  });

  it('where a piece ends inside the match or the window', () => {
    // pieces end near 512, 1024, 2048… characters, before the first whitespace after an ASCII
    // letter there: shift a match over those places, one character at a time. The combining
    // marks after spaces fold away, so there the folded text is shorter than the cleaned one.
    const queries = [{ folded: ['x', 'nuoc'], exact: null }, { folded: ['duoi', 'nuoc'], exact: ['x', 'nước'] }, { folded: ['a', 'x'], exact: null }, { folded: ['nuoc'], exact: ['nước'] }];
    for (const filler of ['a ', 'ab\n', 'a \u0301 ', 'à a\t', 'İa ']) {
      for (const shift of [...Array(60).keys()].flatMap((k) => [400 + k, 500 + k, 980 + k, 2020 + k])) {
        const text = `${'é'.repeat(shift % 3)}${filler.repeat(Math.floor(shift / filler.length))}x nước a x ${filler.repeat(150)}x`;
        for (const q of queries) for (const width of [220, 30]) same(text, q, width);
      }
    }
    // pieces that clean to a few characters: a match across three of them
    const sparse = `x ${'c '.repeat(300)}x${' \n'.repeat(400)}a${' \n'.repeat(600)}a${'\t'.repeat(1100)}a b ${'c '.repeat(300)}`;
    for (const q of [{ folded: ['x', 'a', 'a', 'a', 'b'], exact: null }, { folded: ['a', 'a', 'b'], exact: ['x', 'a', 'a'] }]) same(sparse, q);
  });

  const corpus = join(import.meta.dirname, '../../../../shared/corpus/real');
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

  it.skipIf(!existsSync(corpus))('on every file of the real corpus', () => {
    const queries = ['đuối nước', 'trẻ em', 'tai nạn thương tích', 'duoi nuoc', 'Ủy ban nhân dân', 'uy ban nhan dan', 'quyết định', 'Thanh Hoá', '20-CT/TW', '1863/QĐ-TTg', 'chính phủ', 'xã'].map(queryOf);
    for (const path of files(corpus)) {
      const text = readFileSync(path, 'utf8');
      for (const q of queries) same(text, q);
    }
  });
});
