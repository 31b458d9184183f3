import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, vanban, vanbanServing, writeLetters } from './helpers.js';

/** One request on a connection of its own, so the cluster hands it to the next process. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    })
      .on('error', reject)
      .end();
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('vanban serve --workers (several processes on one port)', () => {
  it('answers from every process, shows each of them an upload made through one, replaces one killed, and stops them all on SIGTERM', async () => {
    const dir = tempDir();
    const db = join(dir, 'v.db');
    writeLetters(join(dir, 'mine'), 4);
    expect(vanban(['ingest', join(dir, 'mine'), '--db', db]).code).toBe(0);
    const { child, out, exited, url } = await vanbanServing(['serve', '--workers', '2', '--port', '0', '--db', db]);
    expect(out.stdout).toContain('2 tiến trình');
    const key = /chỉ cho lần chạy này: (\S+)/.exec(out.stdout)![1];
    const listeningPids = () => [...out.stderr.matchAll(/"pid":(\d+)[^\n]*Server listening/g)].map((m) => Number(m[1]));
    const pids = listeningPids();
    expect(new Set(pids).size).toBe(2);

    // every process answers, and caches its answer (the response cache is on, as in production)
    const search = `${url}/api/search?q=${encodeURIComponent('ngập úng')}`;
    for (let k = 0; k < 6; k++) expect(JSON.parse((await get(search)).body)).toMatchObject({ total: 0 });
    expect(out.stderr).toMatch(/"reqId":"w1-\d+"/);
    expect(out.stderr).toMatch(/"reqId":"w2-\d+"/);

    // an upload lands in one process; the others see it (their caches emptied by the store's revision)
    const letter = 'UBND TỈNH BẮC GIANG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 77/UBND-VX\n\nBắc Giang, ngày 02 tháng 6 năm 2021\n\nV/v phòng, chống ngập úng\n\nCác đơn vị chủ động phòng, chống ngập úng trong mùa mưa.\n';
    const form = new FormData();
    form.append('files', new Blob([letter], { type: 'text/plain' }), '77-ubnd-vx.txt');
    const upload = await fetch(`${url}/api/documents`, { method: 'POST', body: form, headers: { 'x-api-key': key } });
    expect(upload.status).toBe(200);
    for (let k = 0; k < 6; k++) expect(JSON.parse((await get(search)).body)).toMatchObject({ total: 1 });

    // a process killed outright is replaced, and the port keeps answering
    process.kill(pids[0], 'SIGKILL');
    await expect.poll(() => listeningPids().length, { timeout: 30_000, interval: 200 }).toBe(3);
    expect(out.stderr).toContain(`Tiến trình phục vụ ${pids[0]} dừng bất thường`);
    for (let k = 0; k < 4; k++) expect((await get(`${url}/health`)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(listeningPids().filter(alive)).toEqual([]);
  });

  it('stops with exit code 1 and says why when the processes cannot listen (port taken), with one process or several', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const why = `không phục vụ được tại 127.0.0.1:${port}: cổng này đã có chương trình khác dùng; chọn cổng khác bằng --port (hoặc VANBAN_PORT) (EADDRINUSE)`;
    try {
      const r = vanban(['serve', '--workers', '2', '--host', '127.0.0.1', '--port', String(port), '--db', join(tempDir(), 'v.db')], undefined, {}, 30_000);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(why);
      expect(r.stderr).toContain('một tiến trình phục vụ không khởi động được');
      // one process: the same line, exit 1 (it used to print a stack trace and exit 0)
      const one = vanban(['serve', '--host', '127.0.0.1', '--port', String(port), '--db', join(tempDir(), 'v.db')], undefined, {}, 30_000);
      expect([one.code, one.stderr.trim().split('\n').pop()]).toEqual([1, `Lỗi: ${why}`]);
      expect(one.stderr).not.toContain('    at ');
    } finally {
      taken.close();
    }
  });

  it('refuses a number of processes that is not 1 to 64 (exit 2)', () => {
    const r = vanban(['serve', '--workers', '0', '--port', '0', '--db', join(tempDir(), 'v.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers phải là số từ 1 đến 64');
  });

  it('refuses an invalid setting in the environment (exit 2), naming each variable, without a stack trace', () => {
    const r = vanban(['serve', '--port', '0', '--db', join(tempDir(), 'v.db')], undefined, { VANBAN_API_KEY: 'short', VANBAN_WORKERS: 'two' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'Lỗi: Cấu hình không hợp lệ (biến môi trường): VANBAN_API_KEY: phải dài ít nhất 16 ký tự; VANBAN_WORKERS: phải là số nguyên từ 1 đến 64',
    );
  });
});
