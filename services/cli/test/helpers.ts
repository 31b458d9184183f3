import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const root = new URL('../../../', import.meta.url).pathname;
export const seeds = join(root, '../shared/corpus/seeds');
const tsx = join(root, 'node_modules/.bin/tsx');
const main = join(root, 'services/cli/src/main.ts');

/** Run the real `vanban` command in a child process (with these environment variables added). */
export function vanban(args: string[], input?: string, env: Record<string, string> = {}, timeout?: number) {
  const r = spawnSync(tsx, [main, ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env }, timeout });
  // killed at the timeout: no exit code (null), and the signal says why
  return { code: r.status, stdout: r.stdout, stderr: r.signal ? `${r.stderr}\n[killed by ${r.signal} after ${timeout} ms]` : r.stderr };
}

export function vanbanAsync(args: string[]) {
  return spawn(tsx, [main, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * `vanban serve` or `vanban start` in a child process, once it has printed its URL: what it wrote
 * so far and goes on writing (`out`), and its exit code when it ends.
 */
export async function vanbanServing(args: string[]) {
  const child = vanbanAsync(args);
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (out.stdout += d));
  child.stderr.on('data', (d) => (out.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const urlIn = (): string | undefined => /phục vụ tại (http:\/\/\S+) /.exec(out.stdout)?.[1];
  await expect.poll(urlIn, { timeout: 60_000, interval: 200 }).toBeTruthy();
  return { child, out, exited, url: urlIn()! };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'vanban-cli-'));
}

/** A folder of `n` letters of our own: each province plan implements 20-CT/TW, districts implement the plan. */
export function writeLetters(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const plan = `${100 + (i % 7)}/KH-UBND`;
    const body = i % 7 === 0
      ? `Thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với công tác chăm sóc, giáo dục và bảo vệ trẻ em trong tình hình mới.`
      : `Thực hiện Kế hoạch số ${plan} ngày 02/01/2020 của UBND tỉnh Bắc Giang về phòng, chống đuối nước cho trẻ em; Căn cứ Quyết định số 1863/QĐ-TTg ngày 23/12/2019 của Thủ tướng Chính phủ.`;
    const text = `UBND TỈNH BẮC GIANG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: ${i + 1}/UBND-VX\n\nBắc Giang, ngày 10 tháng 3 năm 2020\n\nV/v phòng, chống đuối nước\n\n${body}\n\n${'Các đơn vị tổ chức thực hiện nghiêm túc. '.repeat(40)}\n\nNơi nhận:\n- Như trên.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n`;
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}.txt`), text);
  }
}
