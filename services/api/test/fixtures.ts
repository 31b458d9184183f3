import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type SqliteStore } from '@vanban/store';

export const seeds = new URL('../../../../shared/corpus/seeds/', import.meta.url).pathname;
export const haveSeeds = existsSync(seeds);
export const API_KEY = 'test-key-0123456789abcdef';

/** A letter of our own with a header, in Vietnamese. */
export function letter(o: { issuer: string; number: string; place: string; date: string; subject: string; body: string }): string {
  const [d, m, y] = o.date.split('/');
  return `${o.issuer}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: ${o.number}\n\n${o.place}, ngày ${d} tháng ${m} năm ${y}\n\nV/v ${o.subject}\n\n${o.body}\n\nNơi nhận:\n- Như trên.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n`;
}

/** Three letters: a provincial plan implementing 20-CT/TW, a district letter implementing the plan, an unrelated one. */
export const ownLetters: Record<string, string> = {
  'plan.txt': letter({
    issuer: 'UBND TỈNH BẮC GIANG',
    number: '41/KH-UBND',
    place: 'Bắc Giang',
    date: '28/01/2013',
    subject: 'thực hiện Chỉ thị số 20-CT/TW',
    body: 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với công tác chăm sóc, giáo dục và bảo vệ trẻ em, UBND tỉnh ban hành kế hoạch phòng, chống đuối nước cho trẻ em.',
  }),
  'district.txt': letter({
    issuer: 'UBND HUYỆN LỤC NAM',
    number: '279/UBND-LĐTBXH',
    place: 'Lục Nam',
    date: '26/03/2015',
    subject: 'phòng, chống đuối nước trẻ em',
    body: 'Thực hiện Kế hoạch số 41/KH-UBND ngày 28/01/2013 của UBND tỉnh Bắc Giang, UBND huyện đề nghị các xã tăng cường phòng, chống đuối nước cho trẻ em trong mùa hè.',
  }),
  'other.txt': letter({
    issuer: 'UBND TỈNH QUẢNG NAM',
    number: '12/UBND-VX',
    place: 'Quảng Nam',
    date: '02/04/2020',
    subject: 'hoạt động dưới nước',
    body: 'Căn cứ Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ, các đơn vị tổ chức an toàn cho hoạt động dưới nước.',
  }),
};

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'vanban-api-')), 'vanban.db');
}

/** A real SQLite file holding our own three letters, resolved. */
export function ownStore(path = tempDb()): SqliteStore {
  const store = createSqliteStore(path);
  for (const [name, text] of Object.entries(ownLetters)) store.ingestFile({ source: `fixtures/${name}`, bytes: new TextEncoder().encode(text) });
  store.resolve();
  return store;
}

/** A real SQLite file holding the five seeds, resolved (as `vanban ingest ../shared/corpus/seeds` does). */
export function seedStore(path = tempDb()): SqliteStore {
  const store = createSqliteStore(path);
  for (const f of readdirSync(seeds).sort()) store.ingestFile({ source: join(seeds, f), bytes: readFileSync(join(seeds, f)) });
  store.resolve();
  return store;
}

/** A multipart body with the given files (field "files"), as a browser sends it. */
export function multipart(files: Array<{ name: string; content: string | Buffer }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----vanban-test-boundary';
  const parts = files.map((f) => Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/plain\r\n\r\n`),
    Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
    Buffer.from('\r\n'),
  ]));
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
