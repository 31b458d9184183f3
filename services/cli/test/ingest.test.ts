import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seeds, tempDir, vanban, vanbanAsync, writeLetters } from './helpers.js';

const exportAll = (db: string): string => vanban(['export', '--format', 'jsonl', '--db', db]).stdout;

describe('vanban ingest', () => {
  it('kill -9 in the middle, then a re-run, ends in exactly the state of an uninterrupted run', async () => {
    const dir = tempDir();
    writeLetters(join(dir, 'corpus'), 400);
    const clean = join(dir, 'clean.db');
    const first = vanban(['ingest', join(dir, 'corpus'), '--db', clean]);
    expect(first.code, first.stderr).toBe(0);

    const crashed = join(dir, 'crashed.db');
    const child = vanbanAsync(['ingest', join(dir, 'corpus'), '--db', crashed]);
    // wait until some files are committed, then kill without warning
    let committed = 0;
    for (let i = 0; i < 600 && committed < 40; i++) {
      await new Promise((r) => setTimeout(r, 25));
      if (!existsSync(crashed)) continue;
      try {
        const reader = new Database(crashed, { readonly: true, fileMustExist: true });
        committed = (reader.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n;
        reader.close();
      } catch {
        // schema not created yet
      }
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(committed).toBeGreaterThanOrEqual(40);
    expect(committed).toBeLessThan(400);

    const resumed = vanban(['ingest', join(dir, 'corpus'), '--db', crashed, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.unchanged).toBeGreaterThanOrEqual(40);
    expect(summary.stored + summary.unchanged).toBe(400);
    expect(exportAll(crashed)).toEqual(exportAll(clean));
  });

  it('merges the full-text index after a bulk ingest, not after a few files into a larger database', () => {
    const dir = tempDir();
    writeLetters(join(dir, 'bulk'), 40);
    const db = join(dir, 'v.db');
    const segments = (): number => {
      const reader = new Database(db, { readonly: true });
      const n = reader.prepare('SELECT count(DISTINCT segid) FROM documents_fts_idx').pluck().get() as number;
      reader.close();
      return n;
    };
    const bulk = vanban(['ingest', join(dir, 'bulk'), '--db', db]);
    expect(bulk.code, bulk.stderr).toBe(0);
    expect(bulk.stderr).toContain('Đang gộp chỉ mục tìm kiếm');
    expect(segments()).toBe(1);

    // one more file is under a tenth of the database: its segment stays beside the merged one
    writeFileSync(join(dir, 'one.txt'), readFileSync(join(dir, 'bulk', '0000.txt'), 'utf8').replace('Số: 1/UBND-VX', 'Số: 500/UBND-VX'));
    const one = vanban(['ingest', join(dir, 'one.txt'), '--db', db]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).not.toContain('Đang gộp chỉ mục tìm kiếm');
    expect(segments()).toBe(2);
  });

  it('stores every good file, names the bad ones and exits 1', () => {
    const dir = tempDir();
    writeLetters(join(dir, 'in'), 3);
    writeFileSync(join(dir, 'in', 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0, 1]));
    writeFileSync(join(dir, 'in', 'empty.md'), '');
    const db = join(dir, 'v.db');
    const r = vanban(['ingest', join(dir, 'in'), '--db', db, '--json']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.stored).toBe(3);
    expect(summary.failed.map((f: { source: string }) => f.source.split('/').pop()).sort()).toEqual(['empty.md', 'scan.txt']);
    expect(r.stderr).toContain('scan.txt');
    expect(r.stderr).toContain('Dữ liệu nhị phân, không phải văn bản');
  });

  it('follows links in folders, names a broken one, and says what it left out (other file types, nothing to ingest)', () => {
    const dir = tempDir();
    writeLetters(join(dir, 'letters'), 2);
    mkdirSync(join(dir, 'in'));
    symlinkSync(join(dir, 'letters'), join(dir, 'in', 'linked-folder'));
    symlinkSync(join(dir, 'letters', readdirSync(join(dir, 'letters'))[0]), join(dir, 'in', 'linked.txt'));
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'in', 'broken.txt'));
    symlinkSync(join(dir, 'in'), join(dir, 'in', 'loop')); // a link back up ends, it does not walk forever
    writeFileSync(join(dir, 'in', 'bao-cao.docx'), 'PK');
    const db = join(dir, 'v.db');
    const r = vanban(['ingest', join(dir, 'in'), '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const summary = JSON.parse(r.stdout);
    // the two letters through the folder link, and the linked letter (the same content: unchanged or a duplicate)
    expect(summary.files).toBe(4);
    expect(summary.documents).toBe(2);
    expect(summary.failed.map((f: { source: string }) => f.source.split('/').pop())).toEqual(['broken.txt']);
    expect(summary.skipped).toEqual({ count: 1, examples: [join(dir, 'in', 'bao-cao.docx')] });
    expect(r.stderr).toContain('Bỏ qua 1 tệp không phải .md/.txt trong thư mục');
    mkdirSync(join(dir, 'empty'));
    const none = vanban(['ingest', join(dir, 'empty'), '--db', db]);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toContain('Không có tệp .md/.txt nào để nhập.');
    // and no database is made for nothing
    const nowhere = vanban(['ingest', join(dir, 'empty'), '--db', join(dir, 'typo.db')]);
    expect(nowhere.code, nowhere.stderr).toBe(0);
    expect(existsSync(join(dir, 'typo.db'))).toBe(false);
  });

  it('refuses a missing database for reading jobs with exit 2, and unknown documents with exit 1', () => {
    const dir = tempDir();
    expect(vanban(['search', 'x', '--db', join(dir, 'none.db')]).code).toBe(2);
    writeLetters(join(dir, 'in'), 1);
    vanban(['ingest', join(dir, 'in'), '--db', join(dir, 'v.db')]);
    const r = vanban(['trace', '999/XX-YY', '--db', join(dir, 'v.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không tìm thấy');
    // a message, not data: on stderr, stdout left empty for a pipe
    const lookup = vanban(['lookup', '999/XX-YY', '--db', join(dir, 'v.db')]);
    expect([lookup.code, lookup.stdout, lookup.stderr.trim()]).toEqual([1, '', 'Không có văn bản số 999/XX-YY.']);
  });

  it('resolve --list names each unresolved citation with its reason and sentence (text and --json)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const body = 'Thực hiện Công văn số 77/LĐTBXH-TE về phòng, chống đuối nước.';
    writeFileSync(join(dir, 'in', 'a.txt'), `UBND TỈNH BẮC GIANG\n\nSố: 5/UBND-VX\n\nBắc Giang, ngày 10 tháng 3 năm 2020\n\nV/v phòng, chống đuối nước\n\n${body}\n`);
    const db = join(dir, 'v.db');
    expect(vanban(['ingest', join(dir, 'in'), '--db', db]).stderr).toContain(`vanban resolve --list --db ${db}`);
    const text = vanban(['resolve', '--list', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('5-ubnd-vx-2020-bac-giang  →  77/LĐTBXH-TE');
    expect(text.stdout).toContain(`« ${body} »`);
    const json = JSON.parse(vanban(['resolve', '--list', '--json', '--db', db]).stdout);
    expect(json.citations).toEqual([{ document: '5-ubnd-vx-2020-bac-giang', number: '77/LĐTBXH-TE', year: null, issuer: null, reason: expect.any(String), sentence: body }]);
    expect(Object.keys(json.unresolved)).toEqual([json.citations[0].reason]);
  });

  it('refuses a filter value that names nothing (exit 2, naming it), and takes one run together ("BacGiang")', () => {
    const dir = tempDir();
    writeLetters(join(dir, 'in'), 3);
    const db = join(dir, 'v.db');
    vanban(['ingest', join(dir, 'in'), '--db', db]);
    const province = vanban(['search', 'kế hoạch', '--province', 'Xanadu', '--db', db]);
    expect([province.code, province.stdout]).toEqual([2, '']);
    expect(province.stderr).toContain('--province: không có tỉnh "Xanadu"');
    expect(vanban(['search', 'kế hoạch', '--type', 'xyz', '--db', db]).stderr).toContain('--type: không có loại văn bản "xyz"');
    expect(vanban(['search', 'kế hoạch', '--topic', 'xyz', '--db', db]).stderr).toContain('"đuối nước"');
    // the page size has the API's bound (MAX_PAGE_SIZE), not one of its own
    const big = vanban(['search', 'kế hoạch', '--limit', '51', '--db', db]);
    expect([big.code, big.stderr.trim()]).toEqual([2, 'Lỗi: --limit phải là số nguyên dương từ 1 đến 50, nhận được "51"']);
    expect(vanban(['search', 'kế hoạch', '--limit', '50', '--db', db]).code).toBe(0);
    expect(vanban(['trace', '999/XX-YY', '--province', 'zz', '--db', db]).code).toBe(2);
    const together = vanban(['search', 'đuối nước', '--province', 'BacGiang', '--type', 'cong van', '--db', db, '--json']);
    expect([together.code, JSON.parse(together.stdout).total]).toEqual([0, 3]);
  });

  it('names a file that is not a database, and an export path that cannot be written (exit 1, one line, no stack)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.db'), 'not a database\n');
    const notDb = vanban(['search', 'x', '--db', join(dir, 'notes.db')]);
    expect([notDb.code, notDb.stderr.trim()]).toEqual([1, `Lỗi cơ sở dữ liệu: ${join(dir, 'notes.db')}: không phải tệp cơ sở dữ liệu SQLite (SQLITE_NOTADB)`]);
    writeLetters(join(dir, 'in'), 1);
    vanban(['ingest', join(dir, 'in'), '--db', join(dir, 'v.db')]);
    const missing = join(dir, 'no-such-folder', 'graph.csv');
    const r = vanban(['export', '--format', 'csv', '--db', join(dir, 'v.db'), '--out', missing]);
    expect([r.code, r.stderr.trim()]).toEqual([1, `Lỗi: ${missing}: không tồn tại (hoặc thư mục chứa nó không tồn tại) (ENOENT)`]);
    const folder = vanban(['export', '--db', join(dir, 'v.db'), '--out', dir]);
    expect([folder.code, folder.stderr.trim()]).toEqual([1, `Lỗi: ${dir}: là một thư mục, không phải tệp (EISDIR)`]);
    expect(existsSync(missing)).toBe(false);
  });

  // Node's own recursive mkdir spins forever under /proc; these end, in a child killed if they do not
  it.skipIf(!existsSync('/proc/self'))('a folder that cannot be made is an error, not a hang (generate --out, ingest --db)', () => {
    const gen = vanban(['generate', '--docs', '1', '--out', '/proc/vanban-test/corpus'], undefined, {}, 20_000);
    expect([gen.code, gen.stderr.trim()]).toEqual([1, 'Lỗi: /proc/vanban-test: không tồn tại (hoặc thư mục chứa nó không tồn tại) (ENOENT)']);
    const letters = join(tempDir(), 'in');
    writeLetters(letters, 1);
    const ingest = vanban(['ingest', '--db', '/proc/vanban-test/v.db', letters], undefined, {}, 20_000);
    expect([ingest.code, ingest.stderr.trim()]).toEqual([1, 'Lỗi cơ sở dữ liệu: /proc/vanban-test: không tồn tại (hoặc thư mục chứa nó không tồn tại) (ENOENT)']);
  });

  it('generate --json prints what it wrote, and the files are there', () => {
    const out = join(tempDir(), 'corpus');
    const r = vanban(['generate', '--docs', '3', '--out', out, '--seed', '5', '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { files: number; documents: number; goldPath: string };
    expect(summary).toMatchObject({ documents: 3, goldPath: join(out, 'gold.jsonl') });
    expect(readFileSync(summary.goldPath, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(r.stderr).toContain('Đã sinh 3 văn bản');
  });

  it('show picks among documents sharing a number with --year, as its message says', () => {
    const dir = tempDir();
    const letter = (year: number) =>
      `UBND TỈNH BẮC GIANG\n\nSố: 7/UBND-VX\n\nBắc Giang, ngày 10 tháng 3 năm ${year}\n\nV/v phòng, chống đuối nước năm ${year}\n\nCác đơn vị tổ chức thực hiện.\n`;
    for (const year of [2019, 2020]) writeFileSync(join(dir, `${year}.txt`), letter(year));
    vanban(['ingest', join(dir, '2019.txt'), join(dir, '2020.txt'), '--db', join(dir, 'v.db')]);
    const both = vanban(['show', '7/UBND-VX', '--db', join(dir, 'v.db')]);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('thêm --year / --province');
    const one = vanban(['show', '7/UBND-VX', '--year', '2020', '--db', join(dir, 'v.db'), '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).document).toMatchObject({ number: '7/UBND-VX', year: 2020 });
  });
});

describe.skipIf(!existsSync(seeds))('jobs on the seeds, --json shapes', () => {
  const dir = tempDir();
  const db = join(dir, 'seeds.db');
  vanban(['ingest', seeds, '--db', db]);
  const json = (args: string[]) => JSON.parse(vanban([...args, '--db', db, '--json']).stdout);
  const carries = (d: Record<string, unknown>) => ['id', 'number', 'year', 'province', 'source'].every((k) => k in d);

  it('search', () => {
    const r = json(['search', 'duoi nuoc']);
    expect(r.total).toBe(3);
    expect(r.hits.every((h: Record<string, unknown>) => carries(h) && typeof h.snippet === 'string')).toBe(true);
    expect(Object.keys(r.facets).sort()).toEqual(['issuerLevel', 'province', 'topic', 'type', 'year']);
    // a level by its code or its label, with or without diacritics, is the same filter
    const byCode = json(['search', 'duoi nuoc', '--level', 'department']);
    expect(byCode.total).toBeGreaterThan(0);
    expect(byCode.total).toBeLessThan(r.total);
    expect(json(['search', 'duoi nuoc', '--level', 'So, ban, nganh tinh']).total).toBe(byCode.total);
  });

  it('trace: each chain from the first hop above the document to a root', () => {
    const r = json(['trace', '279/UBND-LĐTBXH']);
    expect(carries(r.document)).toBe(true);
    const chain = r.chains.find((c: Array<{ number: string }>) => c.length === 2);
    expect(chain.map((h: { number: string; relation: string }) => `${h.relation} ${h.number}`)).toEqual(['IMPLEMENTS 41-KH/TU', 'IMPLEMENTS 20-CT/TW']);
    expect(chain.every((h: Record<string, unknown>) => carries(h) && typeof h.sentence === 'string')).toBe(true);
  });

  it('audit with --provinces 34 maps onto the new provinces', () => {
    const r = json(['audit', '20-CT/TW', '--provinces', '34']);
    expect(carries(r.decree)).toBe(true);
    expect(r.provinces).toHaveLength(34);
    const implemented = r.provinces.filter((p: { status: string }) => p.status === 'implemented').map((p: { province: string }) => p.province).sort();
    expect(implemented).toContain('Bắc Ninh'); // Bắc Giang merged into Bắc Ninh on 1 July 2025
    expect(r.provinces[0]).toEqual(expect.objectContaining({ province: expect.any(String), status: expect.any(String), documents: expect.any(Array) }));
  });

  it('lookup, show, implementations, resolve', () => {
    expect(json(['lookup', '851/SXD-VP']).documents.map((d: { id: string }) => d.id)).toEqual(['851-sxd-vp-2022-binh-thuan']);
    const detail = json(['show', '851-sxd-vp-2022-binh-thuan']);
    expect(detail.citations.map((c: { target: string }) => c.target)).toContain('20-ct-tw-2012');
    const levels = json(['implementations', '20-CT/TW']).levels;
    expect(levels[0].documents.length).toBeGreaterThanOrEqual(5);
    expect(json(['resolve']).unresolved).toEqual({});
  });

  it('export: jsonl, csv and GraphML', () => {
    const lines = vanban(['export', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.some((l) => l.kind === 'edge' && l.from === '851-sxd-vp-2022-binh-thuan' && l.to === '20-ct-tw-2012')).toBe(true);
    const csv = vanban(['export', '--format', 'csv', '--db', db]).stdout;
    expect(csv.split('\n')[0]).toBe('\uFEFFfrom_id,from_number,from_year,from_province,relation,to_id,to_number,to_year,to_province,asserted_by,sentence');
    const out = join(dir, 'g.graphml');
    expect(vanban(['export', '--format', 'graphml', '--out', out, '--db', db]).code).toBe(0);
    const graphml = readFileSync(out, 'utf8');
    expect(graphml).toContain('<graphml');
    expect(graphml).toContain('<node id="20-ct-tw-2012">');
    expect((graphml.match(/<edge /g) ?? []).length).toBe(lines.filter((l) => l.kind === 'edge').length);
  });
});
