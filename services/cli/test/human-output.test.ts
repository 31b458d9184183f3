import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seeds, tempDir, vanban } from './helpers.js';

// What staff read on the terminal: dates dd/mm/yyyy, one way of naming a document, columns that
// line up, help that says how to call a command and what its exit code means.
// (the seeds live beside the checkout, in ../shared/corpus; without them there is nothing to show)
describe.skipIf(!existsSync(seeds))('human output over the seeds', () => {
  let db: string;
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    db = join(dir, 'seeds.db');
    const r = vanban(['ingest', seeds, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
  const run = (...args: string[]) => vanban([...args, '--db', db]);

  describe('dates and document labels', () => {
    it('show prints dates as dd/mm/yyyy, --json keeps ISO', () => {
      const human = run('show', '279/UBND-LĐTBXH');
      expect(human.code).toBe(0);
      expect(human.stdout).toMatch(/^Ngày\s+26\/03\/2015$/m);
      expect(human.stdout).not.toContain('2015-03-26');
      expect(JSON.parse(run('show', '279/UBND-LĐTBXH', '--json').stdout).document.date).toBe('2015-03-26');
    });

    it('names a document as number (year) — type — issuer, place: no slugs, no capitals, smallest place first', () => {
      const r = run('implementations', '20-CT/TW');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('279/UBND-LĐTBXH (2015) — Công văn — UBND huyện Lục Nam, Bắc Giang');
      expect(r.stdout).toContain('2868-CV/TU (2019) — Công văn — Tỉnh ủy Bình Phước');
      expect(r.stdout).not.toMatch(/UBND HUYỆN|TỈNH ỦY|Bắc Giang, Lục Nam|← 20-ct-tw-2012/);
      // a document without a number is named by its id: the only handle on it
      expect(r.stdout).toMatch(/không số \(mã van-ban-[0-9a-f]+\) — Quảng Nam/);
    });

    it('lookup and search show the id to use with show and trace', () => {
      const lookup = run('lookup', '20-CT/TW');
      expect(lookup.stdout).toContain('20-CT/TW (2012) — Chỉ thị — Bộ Chính trị [chỉ biết qua trích dẫn]  (mã: 20-ct-tw-2012)');
      const search = run('search', 'Lục Nam');
      expect(search.stdout).toContain('(mã: 279-ubnd-ldtbxh-2015-bac-giang-luc-nam)\n  Ngày 26/03/2015');
    });
  });

  describe('trace and audit layout', () => {
    it('trace prints each link with its sentence under it', () => {
      const r = run('trace', '279/UBND-LĐTBXH'); // chains of two links: 279 → 41-KH/TU → 20-CT/TW
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n');
      const hops = lines.flatMap((l, i) => (l.trimStart().startsWith('→') ? [i] : []));
      expect(hops.length).toBeGreaterThan(r.stdout.split('\n\n').length - 1); // some chain has two links
      for (const i of hops) expect(lines[i + 1].trimStart()).toMatch(/^« /);
    });

    it('audit lines its columns up, says an undated document is undated, and dates as dd/mm/yyyy', () => {
      const r = run('audit', '1863/QĐ-TTg');
      expect(r.code).toBe(0);
      const rows = r.stdout.split('\n').filter((l) => !l.startsWith('Kiểm tra') && /đã thực hiện|chỉ có dự thảo|Trạng thái/.test(l));
      expect(rows.length).toBe(3);
      const at = (l: string, s: RegExp) => l.search(s);
      expect(new Set(rows.map((l) => at(l, /đã thực hiện|chỉ có dự thảo|Trạng thái/))).size).toBe(1);
      expect(new Set(rows.map((l) => at(l, /không rõ ngày|—|Ngày đầu tiên/))).size).toBe(1);
      expect(r.stdout).toMatch(/Quảng Nam\s+đã thực hiện\s+không rõ ngày/);
      const dated = run('audit', '20-CT/TW');
      expect(dated.stdout).toMatch(/Bắc Giang\s+đã thực hiện\s+28\/01\/2013\s+84 ngày/);
    });

    it('audit on the 34 provinces names the old province of the documents', () => {
      const r = run('audit', '20-CT/TW', '--provinces', '34');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Bắc Ninh \(Bắc Giang cũ\)\s+đã thực hiện\s+28\/01\/2013/m);
      expect(r.stdout).toMatch(/^Đắk Lắk\s+đã thực hiện/m); // its own name: no note
    });
  });

  describe('help', () => {
    it('lines up the command list although "[tùy chọn]" is longer than "[options]"', () => {
      const r = vanban(['--help']);
      const starts = r.stdout.split('\n').filter((l) => /^ {2}\S+.*\S {2,}\S/.test(l)).map((l) => /^ {2}\S.*?\S {2,}(?=\S)/.exec(l)![0].length);
      expect(starts.length).toBeGreaterThan(10);
      expect(new Set(starts).size).toBe(1);
    });

    it('each query command gives examples, exit codes and where the database is by default', () => {
      for (const command of ['search', 'trace', 'audit', 'lookup', 'export']) {
        const r = vanban([command, '--help']);
        expect(r.code).toBe(0);
        expect(r.stdout, command).toContain('Ví dụ:');
        expect(r.stdout, command).toMatch(/Mã thoát: 0 .*1 .*2 sai cách gọi/);
        expect(r.stdout, command).toContain('--db: mặc định');
      }
    });
  });

  describe('options', () => {
    it('an empty reference is a usage error (2)', () => {
      for (const command of ['trace', 'show', 'lookup']) expect(run(command, '').code, command).toBe(2);
    });

    it('--page and --limit take positive whole numbers only', () => {
      expect(run('search', 'trẻ em', '--page', '1e3').code).toBe(2);
      expect(run('search', 'trẻ em', '--limit', '0x5').code).toBe(2);
      expect(run('search', 'trẻ em', '--page', '2').code).toBe(0);
    });

    it('show --json answers on stdout when the document is not found or cited only', () => {
      const missing = run('show', '999/XYZ', '--json');
      expect(missing.code).toBe(1);
      expect(JSON.parse(missing.stdout)).toMatchObject({ error: 'not-found', candidates: [] });
      const citedOnly = run('show', '20-CT/TW', '--json');
      expect(JSON.parse(citedOnly.stdout).document.known).toBe(false);
    });

    it('resolve prints its summary on stdout', () => {
      const r = run('resolve');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Đã xác định lại');
      expect(r.stderr).not.toContain('Đã xác định lại');
    });
  });

  describe('export', () => {
    it('takes --format in any case; CSV starts with a BOM; says on stderr what it wrote where', () => {
      const out = join(dir, 'edges.csv');
      const r = run('export', '--format', 'CSV', '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text.startsWith('\uFEFFfrom_id,')).toBe(true);
      const rows = text.trim().split('\n').length - 1;
      expect(r.stderr).toContain(`Đã xuất ${rows} quan hệ (csv) vào ${out}.`);
    });

    it('--what documents exports the documents as CSV', () => {
      const r = run('export', '--format', 'csv', '--what', 'documents');
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith('\uFEFFid,number,year,date,')).toBe(true);
      expect(r.stdout).toContain('279-ubnd-ldtbxh-2015-bac-giang-luc-nam,279/UBND-LĐTBXH,2015,2015-03-26,');
    });
  });

  describe('extract', () => {
    it('labels what made a file fail as an error, not a warning', () => {
      const empty = join(dir, 'empty.txt');
      writeFileSync(empty, '');
      const r = vanban(['extract', empty]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${empty}  lỗi  Tệp rỗng`);
    });
  });
});
