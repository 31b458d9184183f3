import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, vanban, writeLetters } from './helpers.js';

describe('a path on the command line that does not exist', () => {
  it('vanban ingest: a usage error naming each one, before anything is written', () => {
    const dir = tempDir();
    const db = join(dir, 'v.db');
    const gone = join(dir, 'no', 'such', 'folder');
    const one = vanban(['ingest', gone, '--db', db]);
    expect([one.code, one.stderr.trim()]).toEqual([2, `Lỗi: Không tồn tại tệp hoặc thư mục: ${gone}. Chưa nhập gì; hãy sửa đường dẫn rồi chạy lại.`]);
    expect(existsSync(db)).toBe(false);

    // some there, some not: nothing is ingested, so a corrected re-run is the whole job
    writeLetters(join(dir, 'letters'), 2);
    const typo = join(dir, 'leters');
    const some = vanban(['ingest', join(dir, 'letters'), typo, gone, '--db', db]);
    expect(some.code).toBe(2);
    expect(some.stderr.trim()).toBe(`Lỗi: Không tồn tại 2 tệp hoặc thư mục: ${typo}, ${gone}. Chưa nhập gì; hãy sửa đường dẫn rồi chạy lại.`);
    expect(existsSync(db)).toBe(false);
  });

  it('vanban start --corpus: a usage error naming it; no database, no demo corpus, no server', () => {
    const dir = tempDir();
    const db = join(dir, 'data', 'vanban.db');
    const gone = join(dir, 'my-documents');
    const r = vanban(['start', '--corpus', gone, '--db', db, '--port', '0'], undefined, {}, 60_000);
    expect([r.code, r.stderr.trim()]).toEqual([2, `Lỗi: --corpus: không tồn tại thư mục ${gone}.`]);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});
