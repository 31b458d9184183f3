import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../src/index.js';
import { letter } from './conformance.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const topics = ['phòng, chống đuối nước cho trẻ em', 'phòng chống bạo lực học đường', 'tháng hành động vì trẻ em', 'xâm hại trẻ em', 'tai nạn thương tích'];

describe('sqlite: full-text index segments', () => {
  it('one file per transaction leaves many segments; optimizing merges them into one and every search answers the same', () => {
    const store = createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-fts-')), 'vanban.db'));
    for (let k = 0; k < 60; k++) {
      const body = `Về việc ${topics[k % topics.length]}. Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị, UBND tỉnh yêu cầu các đơn vị triển khai ${topics[(k * 3) % topics.length]}.`;
      store.ingestFile({ source: `${k}.txt`, bytes: enc(letter({ number: `${k + 1}/UBND-VX`, place: 'Bắc Giang', date: `${(k % 28) + 1}/3/2021`, body })) });
    }
    const queries = ['đuối nước', 'duoi nuoc', 'trẻ em', 'tháng hành động vì trẻ em', 'bao luc hoc duong', '20-CT/TW', 'thương tích', 'không có từ này'];
    const answers = () => queries.map((q) => store.search({ q, pageSize: 100 }));
    const before = answers();
    expect(before[0].total).toBeGreaterThan(0);
    expect(store.searchIndexSegments()).toBeGreaterThan(1);

    store.optimizeSearchIndex();
    expect(store.searchIndexSegments()).toBe(1);
    // the old segments' pages do not stay behind as free space in the file
    const pragma = (name: string): number => store.db.pragma(name, { simple: true }) as number;
    expect(pragma('freelist_count')).toBeLessThanOrEqual(pragma('page_count') * 0.01);
    expect(answers()).toEqual(before);

    // a later write is a new segment beside the merged one, and found
    store.ingestFile({ source: 'late.txt', bytes: enc(letter({ number: '999/UBND-VX', place: 'Bắc Giang', date: '01/4/2021', body: 'Về việc phòng, chống đuối nước mùa hè.' })) });
    expect(store.searchIndexSegments()).toBe(2);
    expect(store.search({ q: 'đuối nước', pageSize: 100 }).total).toBe(before[0].total + 1);
    store.close();
  });
});
