import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DERIVED_CHANGES_KEPT, sqliteMigrations } from '@vanban/schema';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../src/index.js';
import { letter, saved } from './conformance.js';

const root = new URL('../../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');

describe('schema migrations', () => {
  it('processes opening an older database at the same moment apply each migration once (vanban serve --workers)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-migrate-'));
    const path = join(dir, 'old.db');
    // a database from before v6 (the index migration, the one that takes a while), with a document in it
    const beforeV6 = 5;
    const current = createSqliteStore(path);
    current.ingestFile({ source: 'a.txt', bytes: new TextEncoder().encode('UBND TỈNH BẮC GIANG\n\nSố: 5/UBND-VX\n\nBắc Giang, ngày 02 tháng 6 năm 2021\n\nThực hiện Chỉ thị số 20-CT/TW.\n') });
    // the index v6 replaces, over enough rows that rebuilding it takes a while
    current.db.exec(`INSERT INTO mentions (doc, ord, kind, start, end, number, serial, relation, sentence)
      WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000)
      SELECT m.doc, 1000 + x, m.kind, m.start, m.end, m.number, x, m.relation, m.sentence FROM n, (SELECT * FROM mentions LIMIT 1) m`);
    current.db.exec('DROP INDEX mentions_number; CREATE INDEX mentions_number ON mentions(number)');
    current.db.pragma(`user_version = ${beforeV6}`);
    current.close();

    const opener = join(dir, 'open.ts');
    // each process loads, then waits for the same instant to open the file: a real race
    writeFileSync(
      opener,
      `import { createSqliteStore } from ${JSON.stringify(join(root, 'services/store/src/index.ts'))};\n` +
        `while (Date.now() < Number(process.argv[3])) {}\ncreateSqliteStore(process.argv[2]).close();\n`,
    );
    const at = String(Date.now() + 4000);
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(tsx, [opener, path, at], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run(), run(), run(), run()]);
    expect(results).toEqual(results.map(() => ({ code: 0, stderr: '' })));

    const after = createSqliteStore(path, { readonly: true });
    expect(after.db.pragma('user_version', { simple: true })).toBe(sqliteMigrations.length);
    // the documents citing a number come from the index alone
    const plan = after.db.prepare('EXPLAIN QUERY PLAN SELECT doc FROM mentions WHERE number = ?').all('20-CT/TW') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail)).toEqual(['SEARCH mentions USING COVERING INDEX mentions_number (number=?)']);
    expect(after.stats().knownDocuments).toBe(1);
    after.close();
  });

  it('v7: a zero-padded identity is stored unpadded, and `resolve` merges the nodes the old identities had split', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vanban-migrate-')), 'v6.db');
    const store = createSqliteStore(path);
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    const ingest = (target: typeof store, source: string, number: string, body: string): void => {
      target.ingestFile({ source, bytes: enc(letter({ number, place: 'Bắc Giang', date: '02/09/2020', body })) });
    };
    const ministry = 'của Bộ Lao động - Thương binh và Xã hội';
    // as schema v6 wrote them: identity from the number as written, zero padding and all
    ingest(store, 'plan5.txt', '05/KH-UBND', 'Nội dung kế hoạch.');
    ingest(store, 'plan6.txt', '06/KH-UBND', 'Nội dung kế hoạch.');
    ingest(store, 'a.txt', '1/UBND-VX', `Thực hiện Thông tư số 07/2018/TT-BLĐTBXH ngày 01/8/2018 ${ministry}.`);
    store.db.exec("UPDATE documents SET identity = '0' || identity WHERE number IN ('05/KH-UBND', '06/KH-UBND', '07/2018/TT-BLĐTBXH')");
    // citations written unpadded, resolved while the padded identities stood: second nodes
    ingest(store, 'b.txt', '2/UBND-VX', `Căn cứ Thông tư số 7/2018/TT-BLĐTBXH ngày 01/8/2018 ${ministry}.`);
    ingest(store, 'c.txt', '3/UBND-VX', 'Thực hiện Kế hoạch số 5/KH-UBND ngày 02/9/2020 của UBND tỉnh Bắc Giang.');
    const identities = (db: typeof store.db, serial: string): unknown[] => db.prepare('SELECT identity FROM documents WHERE serial = ? ORDER BY identity').pluck().all(serial);
    expect(identities(store.db, '7')).toEqual(['07/2018/TT-BLĐTBXH|2018|', '7/2018/TT-BLĐTBXH|2018|']);
    expect(identities(store.db, '5')).toEqual(['05/KH-UBND|2020|Bắc Giang', '5/KH-UBND|2020|Bắc Giang']);
    store.db.pragma('user_version = 6');
    store.close();

    const migrated = createSqliteStore(path);
    expect(migrated.db.pragma('user_version', { simple: true })).toBe(sqliteMigrations.length);
    expect(identities(migrated.db, '6')).toEqual(['6/KH-UBND|2020|Bắc Giang']);
    // a citation of that plan written unpadded now finds it
    ingest(migrated, 'd.txt', '4/UBND-VX', 'Thực hiện Kế hoạch số 6/KH-UBND ngày 02/9/2020 của UBND tỉnh Bắc Giang.');
    expect(migrated.describe('4-ubnd-vx-2020-bac-giang')!.citations[0].target).toBe('06-kh-ubnd-2020-bac-giang');
    // where both spellings held a node, both stay until resolve, which merges them
    expect(identities(migrated.db, '7')).toHaveLength(2);
    expect(identities(migrated.db, '5')).toHaveLength(2);
    migrated.resolve();
    expect(identities(migrated.db, '7')).toEqual(['7/2018/TT-BLĐTBXH|2018|']);
    expect(identities(migrated.db, '5')).toEqual(['5/KH-UBND|2020|Bắc Giang']);
    const [circular] = migrated.find('07/2018/TT-BLĐTBXH');
    for (const id of ['1-ubnd-vx-2020-bac-giang', '2-ubnd-vx-2020-bac-giang']) expect(migrated.describe(id)!.citations[0].target, id).toBe(circular.id);
    expect(migrated.describe('3-ubnd-vx-2020-bac-giang')!.citations[0].target).toBe('05-kh-ubnd-2020-bac-giang');
    migrated.close();
  });

  it('v8: a database from before the change log gets it, and its readers follow other processes row by row', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vanban-migrate-')), 'v7.db');
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    const old = createSqliteStore(path);
    old.ingestFile({ source: 'a.txt', bytes: enc(letter({ number: '1/UBND-VX', place: 'Bắc Giang', date: '02/09/2020', body: 'Về phòng chống đuối nước cho trẻ em.' })) });
    // as schema v7 left it: no change log, no triggers
    for (const name of ['documents_facets_insert', 'documents_facets_update', 'documents_facets_delete', 'edges_down_insert', 'edges_down_update', 'edges_down_delete']) {
      old.db.exec(`DROP TRIGGER ${name}`);
    }
    old.db.exec('DROP TABLE derived_changes');
    old.db.pragma('user_version = 7');
    old.close();
    // a read-only connection cannot migrate: it says so instead of failing on its first search
    expect(() => createSqliteStore(path, { readonly: true })).toThrow(`schema version 7, older than this Vanban's (${sqliteMigrations.length}): open it once writable`);

    const reader = createSqliteStore(path);
    expect(reader.db.pragma('user_version', { simple: true })).toBe(sqliteMigrations.length);
    expect(reader.search({ q: 'đuối nước' }).facets.province).toEqual([{ value: 'Bắc Giang', count: 1 }]);
    const writer = createSqliteStore(path);
    writer.ingestFile({ source: 'b.txt', bytes: enc(letter({ issuer: 'UBND TỈNH NAM ĐỊNH', number: '2/UBND-VX', place: 'Nam Định', date: '03/09/2020', body: 'Về phòng chống đuối nước.' })) });
    expect(writer.db.prepare('SELECT count(*) FROM derived_changes WHERE kind = 0').pluck().get()).toBeGreaterThan(0);
    writer.close();
    expect(reader.search({ q: 'đuối nước' }).facets.province).toEqual([
      { value: 'Bắc Giang', count: 1 },
      { value: 'Nam Định', count: 1 },
    ]);
    reader.close();
  });

  it('v8: the change log keeps the newest DERIVED_CHANGES_KEPT changes', () => {
    const store = createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-migrate-')), 'log.db'));
    store.db.exec(`INSERT INTO derived_changes (kind, key) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${DERIVED_CHANGES_KEPT + 500}) SELECT 0, x FROM n`);
    const { count, oldest } = store.db.prepare('SELECT count(*) AS count, min(key) AS oldest FROM derived_changes').get() as { count: number; oldest: number };
    expect({ count, oldest }).toEqual({ count: DERIVED_CHANGES_KEPT, oldest: 501 });
    store.close();
  });
  it('v9: an older search index is replaced by pair sets and filled from the stored texts; every search answers as before', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vanban-migrate-')), 'v8.db');
    const store = createSqliteStore(path);
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    const body = (k: number) => `Về việc phòng, chống đuối nước cho trẻ em năm ${2020 + k}. Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012, tổ chức Tháng hành động vì trẻ em và phòng chống bạo lực học đường.`;
    for (let k = 0; k < 5; k++) store.ingestFile({ source: `${k}.txt`, bytes: enc(letter({ number: `${k + 1}/UBND-VX`, place: 'Bắc Giang', date: `0${k + 1}/3/2021`, body: body(k) })) });
    // a file holding two documents (a cover letter and the plan it sends, split after the letter's
    // closing), in markdown
    const two = `${letter({ number: '7/UBND-VX', place: 'Bắc Giang', date: '01/4/2021', body: `Gửi kèm **Kế hoạch** phòng chống *tai nạn thương tích* cho trẻ em. ${'Đề nghị các sở, ngành, địa phương nghiên cứu, góp ý. '.repeat(4)}` })}\n${letter({ number: '8/KH-UBND', place: 'Bắc Giang', date: '02/4/2021', body: 'Kế hoạch phòng chống xâm hại trẻ em; Tổng đài 111.' })}`;
    expect(store.ingestFile({ source: 'two.md', bytes: enc(two) }).documents).toBe(2);
    const queries = ['đuối nước', 'duoi nuoc', 'trẻ em', 'tháng hành động vì trẻ em', 'tai nạn thương tích', 'xâm hại', 'Tổng đài 111', 'bạo lực học đường', 'không có từ này'];
    const answers = (s: typeof store) => queries.map((q) => s.search({ q, pageSize: 50 }));
    const before = answers(store);
    expect(before.map((a) => a.total)).toEqual([5, 5, 7, 5, 1, 1, 1, 5, 0]);
    // as schema v8 left it: one positional index with a folded and an exact column
    store.db.exec(`DROP TABLE documents_fts; DROP TABLE documents_pairs; DROP TABLE documents_pairs_exact;
      CREATE VIRTUAL TABLE documents_fts USING fts5(folded, exact, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`);
    store.db.pragma('user_version = 8');
    store.close();
    expect(() => createSqliteStore(path, { readonly: true })).toThrow(/schema version 8, older than this Vanban's .*open it once writable/);

    const progress: Array<[number, number]> = [];
    const after = createSqliteStore(path, { onRebuildProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([[0, 7], [7, 7]]);
    expect(after.db.prepare("SELECT count(*) FROM meta WHERE key = 'search_index_rebuild'").pluck().get()).toBe(0);
    expect(answers(after)).toEqual(before);
    after.close();
    // a migration whose refill never ran (a process killed in between) is finished by the next writer
    const half = createSqliteStore(path);
    half.db.prepare("INSERT INTO meta (key, value) VALUES ('search_index_rebuild', '9')").run();
    half.db.exec('DELETE FROM documents_pairs');
    half.close();
    expect(() => createSqliteStore(path, { readonly: true })).toThrow(/search index still to be refilled after a migration: open it once writable/);
    createSqliteStore(path).close();
    // opened again, nothing is rebuilt
    const again = createSqliteStore(path, { onRebuildProgress: () => expect.unreachable('rebuilt twice') });
    expect(again.search({ q: 'xâm hại trẻ em' }).hits.map((h) => h.number)).toEqual(['8/KH-UBND']);
    again.close();
  });

  it('v10: files stored before copies were found by their text get its hash, so a copy in another encoding is found', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vanban-migrate-')), 'v9.db');
    const store = createSqliteStore(path);
    const texts = [1, 2, 3].map((k) => letter({ number: `${k}/UBND-VX`, place: 'Bắc Giang', date: `0${k}/3/2021`, body: `Về phòng chống đuối nước năm ${2020 + k}.` }));
    texts.forEach((text, k) => store.ingestFile({ source: `${k}.txt`, bytes: k === 2 ? saved.utf16le(text.replace(/\n/g, '\r\n')) : new TextEncoder().encode(text) }));
    store.ingestFile({ source: 'bad.txt', bytes: Uint8Array.from([0, 1, 2]) });
    const hashesOf = (s: typeof store) => s.db.prepare('SELECT path, hash FROM text_hashes ORDER BY path').all();
    const hashes = hashesOf(store);
    expect(hashes.map((h) => (h as { path: string }).path)).toEqual(['0.txt', '1.txt', '2.txt']);
    // as schema v9 left it: no text hashes
    store.db.exec("DROP TABLE text_hashes; DELETE FROM meta WHERE key = 'text_hash_fill'");
    store.db.pragma('user_version = 9');
    store.close();

    const after = createSqliteStore(path);
    expect(hashesOf(after)).toEqual(hashes);
    expect(after.db.prepare("SELECT count(*) FROM meta WHERE key = 'text_hash_fill'").pluck().get()).toBe(0);
    const before = after.stats();
    expect(after.ingestFile({ source: 'copy-0.txt', bytes: saved.utf16be(texts[0]) })).toMatchObject({ status: 'unchanged', duplicateOf: '0.txt' });
    expect(after.ingestFile({ source: 'copy-2.txt', bytes: saved.utf8bom(texts[2]) })).toMatchObject({ status: 'unchanged', duplicateOf: '2.txt' });
    expect(after.stats()).toEqual(before);
    after.close();
    // a fill that never ran (a process killed in between) is done by the next writer, not by a reader
    const half = createSqliteStore(path);
    half.db.exec("DELETE FROM text_hashes; INSERT INTO meta (key, value) VALUES ('text_hash_fill', '10')");
    half.close();
    const reader = createSqliteStore(path, { readonly: true });
    expect(reader.search({ q: 'đuối nước' }).total).toBe(3);
    reader.close();
    createSqliteStore(path).close();
    const again = createSqliteStore(path);
    expect(hashesOf(again)).toEqual(hashes);
    again.close();
  });
});
