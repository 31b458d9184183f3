import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../src/index.js';
import { enc, letter } from './conformance.js';

describe('sqlite: a query of several words finds them in any order', () => {
  const store = () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db'));
  const add = (s: ReturnType<typeof store>, n: number, body: string) =>
    s.ingestFile({ source: `${n}.txt`, bytes: enc(letter({ number: `${n}/UBND-VX`, place: 'Bắc Giang', date: `0${n}/03/2020`, body })) });
  const numbers = (s: ReturnType<typeof store>, q: string) => s.search({ q }).hits.map((h) => h.number);

  it('finds the documents holding each word, with or without diacritics', () => {
    const s = store();
    add(s, 1, 'UBND huyện Lục Nam đề nghị các xã tăng cường phòng, chống đuối nước cho trẻ em.');
    add(s, 2, 'Phòng, chống tai nạn thương tích và đuối nước cho trẻ em trong dịp hè.');
    add(s, 3, 'Huyện Lục Nam tổ chức hội nghị tổng kết công tác năm.');
    // nobody writes "nam đuối" or "tích đuối": each word is found where it is
    expect(numbers(s, 'Lục Nam đuối nước')).toEqual(['1/UBND-VX']);
    expect(numbers(s, 'luc nam duoi nuoc')).toEqual(['1/UBND-VX']);
    expect(numbers(s, 'tai nạn thương tích đuối nước')).toEqual(['2/UBND-VX']);
    // an odd count of syllables is cut into words of two and three
    expect(numbers(s, 'Lục Nam tổng kết công')).toEqual(['3/UBND-VX']);
    s.close();
  });

  it('keeps the words whole; the words side by side rank first', () => {
    const s = store();
    add(s, 1, 'Về việc phòng chống tai nạn giao thông và các thương tích khác.');
    add(s, 2, 'Phòng chống tai nạn thương tích cho trẻ em.');
    add(s, 3, 'Lục Bình và Nam Định đã báo cáo; nước sạch cho vùng đuối.');
    // 1 holds "tai nạn" and "thương tích" apart: listed, after 2 with the term side by side
    expect(numbers(s, 'tai nạn thương tích')).toEqual(['2/UBND-VX', '1/UBND-VX']);
    // words are side by side pairs: "lục", "nam", "đuối", "nước" scattered in 3 are no match
    expect(s.search({ q: 'Lục Nam đuối nước' }).total).toBe(0);
    s.close();
  });
});
