import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, vanban, vanbanServing, writeLetters } from './helpers.js';

describe('vanban start (the main job)', () => {
  it('with no data: generates a demo corpus, ingests it and says what to try; again: reuses it', () => {
    const dir = tempDir();
    const db = join(dir, 'data', 'vanban.db');
    const first = vanban(['start', '--docs', '60', '--db', db, '--no-serve']);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(join(dir, 'data', 'demo-corpus', 'gold.jsonl'))).toBe(true);
    expect(first.stdout).toMatch(/Vanban sẵn sàng: .* có \d+ văn bản/);
    expect(first.stdout).toContain('vanban search "đuối nước"');
    const second = vanban(['start', '--docs', '60', '--db', db, '--no-serve']);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('sinh kho văn bản mẫu');
  });

  it('with --corpus: ingests the user\'s folder', () => {
    const dir = tempDir();
    writeLetters(join(dir, 'mine'), 5);
    // as `pnpm start -- --corpus DIR` passes it: pnpm 10 keeps the "--"
    const r = vanban(['start', '--', '--corpus', join(dir, 'mine'), '--db', join(dir, 'v.db'), '--no-serve']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('có 5 văn bản');
    // what it suggests works on this corpus
    const suggested = [...r.stdout.matchAll(/pnpm --silent vanban ((?:trace|audit) .+)$/gm)].map((m) => m[1].split(' '));
    expect(suggested.map((a) => a[0])).toEqual(['trace', 'audit', 'audit']);
    for (const args of suggested) expect(vanban(args).code, args.join(' ')).toBe(0);
    // a corpus citing nothing gets no trace or audit to try, rather than ones that answer "not found"
    mkdirSync(join(dir, 'plain'));
    writeFileSync(join(dir, 'plain', 'a.txt'), 'UBND TỈNH BẮC GIANG\n\nSố: 9/UBND-VX\n\nBắc Giang, ngày 10 tháng 3 năm 2020\n\nV/v họp giao ban\n\nMời các đơn vị dự họp giao ban.\n');
    const plain = vanban(['start', '--', '--corpus', join(dir, 'plain'), '--db', join(dir, 'p.db'), '--no-serve']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).not.toMatch(/vanban (trace|audit)/);
  });

  it('ends serving the web UI and the API, prints the URL, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    writeLetters(join(dir, 'mine'), 8);
    const { child, out, exited, url } = await vanbanServing(['start', '--corpus', join(dir, 'mine'), '--db', join(dir, 'v.db'), '--port', '0']);
    const key = /chỉ cho lần chạy này: (\S+)/.exec(out.stdout)?.[1];
    expect(key?.length).toBeGreaterThanOrEqual(16);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
    const search = (await (await fetch(`${url}/api/search?q=duoi%20nuoc`, { headers: { 'x-request-id': 'start-test-1' } })).json()) as { total: number };
    expect(search.total).toBe(8); // every letter's subject is phòng, chống đuối nước
    expect(await (await fetch(url)).text()).toContain('<html lang="vi">');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // request logs (JSON, with request ids) go to stderr; stdout stays for people
    expect(out.stderr).toContain('"reqId":"start-test-1"');
    expect(out.stdout).not.toContain('"reqId"');
  });

  it('vanban sync without Neo4j or Meilisearch configured says what to set (exit 2), and one not running that it cannot reach (exit 1)', async () => {
    const dir = tempDir();
    writeLetters(join(dir, 'mine'), 2);
    const db = join(dir, 'v.db');
    expect(vanban(['ingest', join(dir, 'mine'), '--db', db]).code).toBe(0);
    const r = vanban(['sync', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('VANBAN_NEO4J_URL');
    // configured but not running (a port just freed): said in Vietnamese, exit 1
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    const down = vanban(['sync', '--db', db], undefined, { VANBAN_MEILI_URL: `http://127.0.0.1:${port}`, VANBAN_MEILI_KEY: 'x'.repeat(16) }, 30_000);
    expect(down.code, down.stderr).toBe(1);
    expect(down.stderr).toMatch(/^Lỗi cơ sở dữ liệu: không kết nối được tới Meilisearch \(ECONNREFUSED\): máy chủ đã chạy chưa, VANBAN_MEILI_URL có đúng không\?/m);
  });
});
