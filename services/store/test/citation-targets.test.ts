import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../src/index.js';
import { enc, letter } from './conformance.js';

// Which document a citation means when its text leaves the year or the place open (DESIGN "Identity").
const store = () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db'));
type Store = ReturnType<typeof store>;
const add = (s: Store, source: string, o: Parameters<typeof letter>[0]) => s.ingestFile({ source, bytes: enc(letter(o)) });
const province = 'UBND TỈNH BẮC GIANG';
const district = 'UBND TỈNH BẮC GIANG\nUBND HUYỆN LỤC NAM';
const targetOf = (s: Store, citing: string, number: string) => {
  const c = s.describe(citing)!.citations.find((m) => m.number === number)!;
  return c.target ? s.getDocument(c.target)!.id : c.unresolved;
};

describe('sqlite: citation targets', () => {
  it('a year-less citation means the one document of its number issued before the citing one', () => {
    const s = store();
    add(s, 'a.txt', { number: '12/UBND-VX', place: 'Bắc Giang', date: '01/03/2019', body: 'V/v phòng, chống đuối nước.' });
    add(s, 'b.txt', { number: '12/UBND-VX', place: 'Bắc Giang', date: '01/03/2021', body: 'V/v phòng, chống đuối nước.' });
    add(s, 'c.txt', { number: '40/UBND-VX', place: 'Bắc Giang', date: '05/06/2020', body: 'Tiếp tục thực hiện Công văn số 12/UBND-VX, các đơn vị báo cáo kết quả.' });
    s.resolve();
    expect(targetOf(s, '40-ubnd-vx-2020-bac-giang', '12/UBND-VX')).toBe('12-ubnd-vx-2019-bac-giang');
    s.close();
  });

  it("a district's letter citing a letter without its issuer means its province's when only that one is known", () => {
    const s = store();
    add(s, 'p.txt', { issuer: province, number: '25/UBND-VX', place: 'Bắc Giang', date: '01/03/2020', body: 'V/v phòng, chống đuối nước.' });
    add(s, 'd.txt', { issuer: district, number: '7/UBND-VX', place: 'Lục Nam', date: '10/03/2020', body: 'Thực hiện Công văn số 25/UBND-VX ngày 01/3/2020 về phòng, chống đuối nước, UBND huyện đề nghị các xã thực hiện.' });
    s.resolve();
    expect(targetOf(s, '7-ubnd-vx-2020-bac-giang-luc-nam', '25/UBND-VX')).toBe('25-ubnd-vx-2020-bac-giang');
    s.close();
  });

  it("…but its own district's when that one is known too, and its own district's when neither is", () => {
    const s = store();
    add(s, 'p.txt', { issuer: province, number: '25/UBND-VX', place: 'Bắc Giang', date: '01/03/2020', body: 'V/v phòng, chống đuối nước.' });
    add(s, 'o.txt', { issuer: district, number: '25/UBND-VX', place: 'Lục Nam', date: '02/03/2020', body: 'V/v phòng, chống đuối nước.' });
    add(s, 'd.txt', { issuer: district, number: '7/UBND-VX', place: 'Lục Nam', date: '10/03/2020', body: 'Thực hiện Công văn số 25/UBND-VX ngày 02/3/2020 và Công văn số 26/UBND-VX ngày 03/3/2020, UBND huyện đề nghị các xã thực hiện.' });
    s.resolve();
    expect(targetOf(s, '7-ubnd-vx-2020-bac-giang-luc-nam', '25/UBND-VX')).toBe('25-ubnd-vx-2020-bac-giang-luc-nam');
    expect(targetOf(s, '7-ubnd-vx-2020-bac-giang-luc-nam', '26/UBND-VX')).toBe('26-ubnd-vx-2020-bac-giang-luc-nam');
    s.close();
  });

  it("a department answering a letter without its issuer means the one known letter of its province's districts", () => {
    const s = store();
    add(s, 'd.txt', { issuer: district, number: '30/UBND-VX', place: 'Lục Nam', date: '01/07/2020', body: 'V/v tổ chức Tháng hành động vì trẻ em.' });
    const body = 'Phúc đáp Công văn số 30/UBND-VX ngày 01/7/2020 về Tháng hành động vì trẻ em, Sở có ý kiến như sau.';
    add(s, 's.txt', { issuer: 'UBND TỈNH BẮC GIANG\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', number: '900/SLĐTBXH-TE', place: 'Bắc Giang', date: '10/07/2020', body });
    s.resolve();
    expect(targetOf(s, '900-sldtbxh-te-2020-bac-giang', '30/UBND-VX')).toBe('30-ubnd-vx-2020-bac-giang-luc-nam');
    s.close();
  });

  it('a citation with neither year nor a deciding issuer means the one document of its number, if only one', () => {
    const s = store();
    add(s, 'm.txt', { issuer: 'BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', number: '1367/LĐTBXH-TE', place: 'Hà Nội', date: '02/04/2018', body: 'V/v hướng dẫn tổ chức Tháng hành động vì trẻ em năm 2018.' });
    add(s, 'c.txt', { number: '41/UBND-VX', place: 'Bắc Giang', date: '05/05/2018', body: 'Căn cứ Công văn số 1367/LĐTBXH-TE hướng dẫn tổ chức Tháng hành động vì trẻ em năm 2018; Công văn số 1368/LĐTBXH-TE.' });
    s.resolve();
    expect(targetOf(s, '41-ubnd-vx-2018-bac-giang', '1367/LĐTBXH-TE')).toBe('1367-ldtbxh-te-2018');
    expect(targetOf(s, '41-ubnd-vx-2018-bac-giang', '1368/LĐTBXH-TE')).toBe('ambiguous-issuer');
    s.close();
  });

  it('among documents of one number, the one issued by the body the citation names (Party numbers restart each term)', () => {
    const s = store();
    const directive = (date: string, body: string, actingFor: string) =>
      `BAN CHẤP HÀNH TRUNG ƯƠNG\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố: 20-CT/TW\n\nHà Nội, ngày ${date}\n\nCHỈ THỊ\n\n${body}\n\nNơi nhận:\n- Như trên.\n\nT/M ${actingFor}\n\nNguyễn Văn Bình\n`;
    s.ingestFile({ source: 'a.txt', bytes: enc(directive('05 tháng 11 năm 2012', 'Về công tác chăm sóc trẻ em.', 'BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ')) });
    s.ingestFile({ source: 'b.txt', bytes: enc(directive('02 tháng 6 năm 2023', 'Về phòng, chống tai nạn cho trẻ em.', 'BAN BÍ THƯ')) });
    const body = 'Thực hiện Chỉ thị số 20-CT/TW của Ban Bí thư và Chỉ thị số 20-CT/TW của Bộ Chính trị, các đơn vị triển khai.';
    add(s, 'c.txt', { number: '50/UBND-VX', place: 'Bắc Giang', date: '05/03/2024', body });
    s.resolve();
    const targets = s.describe('50-ubnd-vx-2024-bac-giang')!.citations.map((c) => c.target && s.getDocument(c.target)!.id);
    expect(targets).toEqual(['20-ct-tw-2023', '20-ct-tw-2012']);
    s.close();
  });
});
