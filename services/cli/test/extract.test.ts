import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seeds, vanban } from './helpers.js';

describe('vanban extract', () => {
  it('prints the JSON contract for --text', () => {
    const r = vanban(['extract', '--json', '--text', 'Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const doc = out.documents[0];
    for (const key of ['source', 'index', 'number', 'typeCode', 'type', 'date', 'year', 'issuer', 'issuerLevel', 'province', 'district', 'subject', 'signer', 'topics', 'citations', 'assertions', 'messages']) {
      expect(doc).toHaveProperty(key);
    }
    expect(doc.citations[0]).toMatchObject({ number: '20-CT/TW', typeCode: 'CT', type: 'Chỉ thị', date: '2012-11-05', year: 2012, issuer: 'Bộ Chính trị', relation: 'IMPLEMENTS' });
    expect(doc.citations[0]).toHaveProperty('sentence');
    // a document's own messages are on stderr too, as file:line:col  severity  label  rule
    expect(doc.messages.map((m: { ruleId: string }) => m.ruleId)).toContain('header:no-number');
    expect(r.stderr).toContain('--text:1:1  ghi chú  Không có dòng "Số:": văn bản chưa có số ký hiệu  header:no-number');
  });

  it('reads stdin with "-"', () => {
    const r = vanban(['extract', '--json', '-'], 'Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09/5/2017;');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents[0].citations[0].number).toBe('56/2017/NĐ-CP');
  });

  it('exits 1 naming the file that could not be read, and still prints the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-'));
    writeFileSync(join(dir, 'good.txt'), 'Thực hiện Kế hoạch số 959/KH-UBND ngày 01/4/2022.');
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0, 1, 2, 3, 0]));
    const r = vanban(['extract', '--json', dir, join(dir, 'missing.md')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.txt');
    expect(r.stderr).toContain('missing.md');
    const out = JSON.parse(r.stdout);
    expect(out.documents.map((d: { citations: Array<{ number: string }> }) => d.citations[0]?.number)).toEqual(['959/KH-UBND']);
  });

  it('exits 2 on usage errors, saying what is wrong in Vietnamese', () => {
    expect(vanban(['extract']).code).toBe(2);
    const bogus = vanban(['extract', '--bogus']);
    expect([bogus.code, bogus.stderr.split('\n')[0]]).toEqual([2, "Lỗi: không có tùy chọn '--bogus'"]);
    const typo = vanban(['serach', 'x']);
    expect([typo.code, typo.stderr.split('\n').slice(0, 2)]).toEqual([2, ["Lỗi: không có lệnh 'serach'", '(Có phải ý bạn là search?)']]);
    const reversed = vanban(['search', 'x', '--year', '2022-2019']);
    expect([reversed.code, reversed.stderr.trim()]).toEqual([2, 'Lỗi: --year: năm đầu phải trước năm cuối, nhận được "2022-2019"']);
    const level = vanban(['search', 'x', '--level', 'tỉnh ủy']);
    expect([level.code, level.stderr.trim()]).toEqual([2, expect.stringMatching(/^Lỗi: --level phải là một trong: party-central \(Trung ương Đảng\), .*; nhận được "tỉnh ủy"$/)]);
    const blank = vanban(['search', '   ']);
    expect([blank.code, blank.stderr.trim()]).toEqual([2, 'Lỗi: từ khóa tìm kiếm không được để trống']);
    const missing = vanban(['search']);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, "Lỗi: thiếu tham số bắt buộc 'query'"]);
  });

  // (apart from the usage errors: each test starts the CLI many times)
  it('explains every command in Vietnamese, with its defaults', () => {
    const help = vanban(['search', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Cách dùng: vanban search \[tùy chọn\] <query>/);
    for (const heading of ['Tham số:', 'Tùy chọn:', '(mặc định: "10")', '-h, --help']) expect(help.stdout).toContain(heading);
    for (const english of ['Usage:', 'Options:', 'default:', 'display help']) expect(help.stdout).not.toContain(english);
    // also where the note falls at a line's end (a long description wraps before it)
    for (const command of ['ingest', 'resolve', 'sync', 'generate', 'serve', 'start', 'export']) {
      const text = vanban([command, '--help']).stdout;
      expect(text, command).toContain('(mặc định:');
      expect(text, command).not.toMatch(/default:|choices:/);
    }
  });

  it.skipIf(!existsSync(seeds))('prints a readable summary of the seeds', () => {
    const r = vanban(['extract', seeds]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Số ký hiệu: 851/SXD-VP');
    expect(r.stdout).toContain('Thực hiện   20-CT/TW (2012)');
    expect(r.stdout).toContain('(Sở, ban, ngành tỉnh)');
    expect(r.stderr).toContain('Đã đọc 5/5 tệp: 6 văn bản');
  });
});
