import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { root, tempDir, vanban, writeLetters } from './helpers.js';

// root writes any file whatever its mode: as root, the command runs as "nobody", owning the files
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

// "nobody" must reach the checkout to run the CLI: a fresh clone in a `mktemp -d` folder (mode 700,
// as CI makes it) is opened to others for passing through (o+x), nothing more
if (asRoot) {
  for (let dir = root; dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if (!(mode & 0o001)) chmodSync(dir, mode | 0o001);
  }
}

/** `vanban` as the user the permissions apply to. */
function vanbanUnprivileged(args: string[]) {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'services/cli/src/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, HOME: tempDir() },
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Hand `paths` to the user the command runs as. */
function own(...paths: string[]): void {
  if (!asRoot) return;
  for (const path of paths) chownSync(path, NOBODY, NOBODY);
}

/** A folder (readable by the command's user) with a database of 5 letters, and the folder to ingest more from. */
function database() {
  const dir = tempDir();
  writeLetters(join(dir, 'corpus'), 5);
  const db = join(dir, 'data', 'v.db');
  const r = vanban(['ingest', join(dir, 'corpus'), '--db', db]);
  expect(r.code, r.stderr).toBe(0);
  for (const path of [dir, join(dir, 'data'), db, join(dir, 'corpus'), ...readdirSync(join(dir, 'corpus')).map((f) => join(dir, 'corpus', f))]) own(path);
  chmodSync(dir, 0o755);
  return { dir, db, data: join(dir, 'data'), corpus: join(dir, 'corpus'), exported: vanban(['export', '--db', db]).stdout };
}

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Search finds the letters and export gives what it gave before the database was made read-only; the first hit's id. */
function searchesAndExports(db: string, exported: string): string {
  const search = vanbanUnprivileged(['search', 'đuối nước', '--db', db, '--json']);
  expect(search.code, search.stderr).toBe(0);
  expect(JSON.parse(search.stdout).total).toBeGreaterThan(0);
  const exportRun = vanbanUnprivileged(['export', '--db', db]);
  expect(exportRun.code, exportRun.stderr).toBe(0);
  expect(exportRun.stdout).toEqual(exported);
  return JSON.parse(search.stdout).hits[0].id as string;
}

describe('a database the command cannot write', () => {
  it('a read-only file: reading jobs read it, writing jobs refuse it in Vietnamese and change nothing', () => {
    const { dir, db, corpus, exported } = database();
    chmodSync(db, 0o444);
    const before = hash(db);

    const id = searchesAndExports(db, exported);
    for (const job of [['show', id], ['trace', id], ['implementations', id], ['lookup', '1/UBND-VX'], ['audit', '20-CT/TW']]) {
      const r = vanbanUnprivileged([...job, '--db', db]);
      expect(r.code, `${job.join(' ')}: ${r.stderr}`).toBe(0);
    }

    for (const job of [['ingest', corpus], ['resolve']]) {
      const r = vanbanUnprivileged([...job, '--db', db]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^Lỗi cơ sở dữ liệu: ${db}: tệp chỉ đọc, không có quyền ghi \\(EACCES\\), nên không ghi vào được\\.`));
      expect(r.stderr).not.toContain('readonly');
    }
    expect(hash(db)).toBe(before);

    // writable again: what the reading jobs left beside it does not stop the next writer
    chmodSync(db, 0o644);
    writeFileSync(join(dir, 'one.txt'), readFileSync(join(corpus, '0000.txt'), 'utf8').replace('Số: 1/UBND-VX', 'Số: 500/UBND-VX'));
    own(join(dir, 'one.txt'));
    const more = vanbanUnprivileged(['ingest', join(dir, 'one.txt'), '--db', db, '--json']);
    expect(more.code, more.stderr).toBe(0);
    expect(JSON.parse(more.stdout).stored).toBe(1);
  });

  it('a read-only folder: reading jobs read the database (from a copy), writing jobs refuse it naming the folder', () => {
    const { db, data, corpus, exported } = database();
    chmodSync(data, 0o555);
    const before = hash(db);

    searchesAndExports(db, exported);

    const ingest = vanbanUnprivileged(['ingest', corpus, '--db', db]);
    expect(ingest.code, ingest.stderr).toBe(1);
    expect(ingest.stderr).toContain(`Lỗi cơ sở dữ liệu: ${db}: thư mục chứa nó (${data}) không cho ghi`);
    expect(hash(db)).toBe(before);
    expect(readdirSync(data)).toEqual(['v.db']);
    chmodSync(data, 0o755); // so the temporary folder can be cleaned up
  });

  it('a read-only database older than this Vanban: says it must be upgraded by a writable run', () => {
    const { db } = database();
    const writer = new Database(db);
    const version = writer.pragma('user_version', { simple: true }) as number;
    writer.pragma(`user_version = ${version - 1}`);
    writer.close();
    chmodSync(db, 0o444);
    const r = vanbanUnprivileged(['search', 'đuối nước', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `Lỗi cơ sở dữ liệu: ${db} được tạo bởi phiên bản Vanban cũ hơn và cần được nâng cấp trước khi đọc, nhưng tệp (hoặc thư mục chứa nó) không ghi được. Hãy cấp quyền ghi rồi chạy lại lệnh này một lần (lệnh sẽ tự nâng cấp).`,
    );
    expect(statSync(db).mode & 0o777).toBe(0o444);
  });
});
