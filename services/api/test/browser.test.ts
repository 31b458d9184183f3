import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore, type SqliteStore } from '@vanban/store';
import { buildApp } from '../src/index.js';
import { chromiumPath, haveChromium } from './browser-fixtures.js';
import { API_KEY, haveSeeds, letter, seeds, seedStore, tempDb } from './fixtures.js';

/** Small, so the over-the-limit upload below is quick; the seeds are 12 KB at most. */
const UPLOAD_LIMIT = 1_048_576;
if (!haveChromium) console.warn(`[browser tests skipped] no Chromium at ${chromiumPath}: apt-get install -y chromium, or set VANBAN_CHROMIUM`);
if (!haveSeeds) console.warn(`[browser tests skipped] the seeds are not at ${seeds}: clone the project beside ../shared`);

describe.skipIf(!haveSeeds || !haveChromium)('web UI in a real browser, five seeds ingested', () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  let browser: Browser;
  let base: string;
  const foreign: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    store = seedStore();
    app = await buildApp({ store, apiKey: API_KEY, uploadLimitBytes: UPLOAD_LIMIT });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    store?.close();
  });

  async function open(path: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && foreign.push(r.url()));
    page.on('pageerror', (e) => problems.push(e.message));
    // a refused upload logs its 401 or 413 on purpose; anything else logged as an error is a defect
    // (as does the audit of a number nobody issued, below, with its 404)
    const expected = (m: ConsoleMessage): boolean => m.text().includes('status of 401') || m.text().includes('status of 413') || (m.text().includes('status of 404') && /number=999%2FXX-YY|year=2023/.test(m.location().url));
    page.on('console', (m) => m.type() === 'error' && !expected(m) && problems.push(m.text()));
    await page.goto(`${base}${path}`);
    return page;
  }

  it('search "duoi nuoc" shows the three drowning letters, with highlighted snippets and facets', async () => {
    const page = await open('/');
    await page.getByLabel('Tìm văn bản theo nội dung hoặc số ký hiệu').fill('duoi nuoc');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.hit h2').allTextContents()).toHaveLength(3);
    const titles = await page.locator('.hit h2').allTextContents();
    expect(titles.sort()).toEqual(['Công văn 2868-CV/TU (2019)', 'Công văn 279/UBND-LĐTBXH (2015)', 'Công văn 851/SXD-VP (2022)'].sort());
    expect(await page.locator('.hit mark').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('3 văn bản');
    // a facet narrows the results
    await page.locator('.facet-value', { hasText: 'Bình Phước' }).click();
    await expect.poll(() => page.locator('.hit h2').allTextContents()).toEqual(['Công văn 2868-CV/TU (2019)']);
    await page.close();
  });

  it('a hand-edited search address with a parameter the API does not take still searches', async () => {
    const page = await open('/#/?q=duoi%20nuoc&limit=5&utm_source=mail');
    await expect.poll(() => page.locator('.hit h2').allTextContents()).toHaveLength(3);
    await page.close();
  });

  it('the page of 279/UBND-LĐTBXH shows the chain up to 20-CT/TW, linked citations and the graph', async () => {
    const page = await open('/#/van-ban/279-ubnd-ldtbxh-2015-bac-giang-luc-nam');
    const trace = page.getByRole('navigation', { name: 'Chuỗi thực hiện đến văn bản gốc' });
    await expect.poll(() => trace.textContent()).toContain('Chỉ thị 20-CT/TW (2012)');
    expect(await trace.locator('ol').first().locator('li').last().textContent()).toBe('279/UBND-LĐTBXH');
    // three chains at once, the others behind "Xem thêm", opened by keyboard
    expect(await trace.locator('ol.breadcrumb:visible').count()).toBe(3);
    const more = trace.locator('summary');
    const others = Number(/Xem thêm (\d+) chuỗi khác/.exec((await more.textContent()) ?? '')?.[1]);
    expect(others).toBeGreaterThan(0);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => trace.locator('ol.breadcrumb:visible').count()).toBe(3 + others);
    expect(await page.locator('.header-fields').textContent()).toContain('Lục Nam, Bắc Giang');
    const cite = page.locator('.doc-text a.cite', { hasText: '20-CT/TW' }).first();
    expect(await cite.getAttribute('href')).toBe('#/van-ban/20-ct-tw-2012');
    await expect.poll(() => page.locator('.graph canvas').count()).toBeGreaterThan(0);
    // following the root link by keyboard opens the directive's page, which lists this letter below it
    await trace.getByRole('link', { name: 'Chỉ thị 20-CT/TW (2012)' }).first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Chỉ thị 20-CT/TW (2012)');
    await expect.poll(() => page.locator('.hops-down').textContent()).toContain('279/UBND-LĐTBXH');
    await page.close();
  });

  it('the audit of 20-CT/TW shows the five provinces as implemented, in the grid and the table, with a CSV link', async () => {
    const page = await open('/#/kiem-tra');
    await page.getByLabel('Văn bản cần kiểm tra (số ký hiệu hoặc mã)').fill('20-CT/TW');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect.poll(() => page.locator('.tile.status-implemented .name').allTextContents().then((x) => x.sort())).toEqual(
      ['Bình Thuận', 'Quảng Nam', 'Bình Phước', 'Bắc Giang', 'Đắk Lắk'].sort(),
    );
    expect(await page.locator('.tile').count()).toBe(63);
    expect(await page.locator('.audit-table tbody tr.status-implemented').count()).toBe(5);
    const csv = await page.request.get(`${base}${await page.getByRole('link', { name: 'Tải bảng CSV' }).getAttribute('href')}`);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    expect((await csv.text()).split('\r\n').filter((l) => l.includes(',implemented,'))).toHaveLength(5);
    // the 34-province list after 1 July 2025
    await page.getByLabel('Danh sách tỉnh').selectOption('34');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect.poll(() => page.locator('.tile').count()).toBe(34);
    // a number nobody issued: said in Vietnamese, under the form, which stays to correct it
    const number = page.getByLabel('Văn bản cần kiểm tra (số ký hiệu hoặc mã)');
    await number.fill('999/XX-YY');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Không tìm thấy văn bản “999/XX-YY”');
    expect(await number.inputValue()).toBe('999/XX-YY');
    // the right number in the wrong year: the documents of that number are offered
    await number.fill('20-CT/TW');
    await page.getByLabel('Năm').fill('2023');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('(năm 2023)');
    await page.getByRole('alert').getByRole('button', { name: /20-CT\/TW/ }).click();
    await expect.poll(() => page.locator('.audit-table tbody tr.status-implemented').count()).toBe(5);
    await page.close();
  });

  it('an upload of a seed shows its citations', async () => {
    const page = await open('/#/nhap');
    const seed = readdirSync(seeds).find((f) => f.startsWith('002'))!;
    await page.getByLabel('Tệp văn bản (.md, .txt; chọn được nhiều tệp)').setInputFiles(join(seeds, seed));
    await page.getByLabel('Khóa API (VANBAN_API_KEY)').fill(API_KEY);
    await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
    const result = page.locator('.file-result');
    await expect.poll(() => result.locator('h2').textContent(), { timeout: 20_000 }).toContain(seed);
    // the seed is stored already (from the seeds folder): recognised, not stored twice
    expect(await result.locator('h2').textContent()).toContain('Không đổi');
    expect(await result.locator('.messages').textContent()).toContain('Trùng nội dung với một tệp đã lưu: không lưu hai lần');
    const numbers = await result.locator('table.citations tbody tr td:nth-child(2)').allTextContents();
    expect(numbers.length).toBeGreaterThan(3);
    expect(numbers.join(' ')).toContain('20-CT/TW');
    await page.close();
  });

  it('a wrong key is refused with a message, nothing stored', async () => {
    const before = store.stats().files;
    const page = await open('/#/nhap');
    await page.getByLabel('Tệp văn bản (.md, .txt; chọn được nhiều tệp)').setInputFiles({ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('Số: 1/UBND') });
    await page.getByLabel('Khóa API (VANBAN_API_KEY)').fill('wrong-key-0123456789');
    await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Khóa API không đúng');
    expect(store.stats().files).toBe(before);
    await page.close();
  });

  it('a file over the size limit is named in the message, nothing stored', async () => {
    const before = store.stats().files;
    const page = await open('/#/nhap');
    await page.getByLabel('Tệp văn bản (.md, .txt; chọn được nhiều tệp)').setInputFiles([
      { name: 'nho.txt', mimeType: 'text/plain', buffer: Buffer.from('Số: 2/UBND') },
      { name: 'qua-lon.txt', mimeType: 'text/plain', buffer: Buffer.alloc(UPLOAD_LIMIT + 1, 'a') },
    ]);
    await page.getByLabel('Khóa API (VANBAN_API_KEY)').fill(API_KEY);
    await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Tệp "qua-lon.txt" lớn hơn giới hạn 1 MB; chưa nhập tệp nào của lần tải lên này.');
    expect(store.stats().files).toBe(before);
    await page.close();
  });

  it('says where paging stops when more matches exist than pages served', async () => {
    // its own server: 1,005 letters on one subject, more than the 100 pages of 10 served
    const many = createSqliteStore(tempDb());
    for (let i = 1; i <= 1005; i++) {
      const text = letter({ issuer: 'UBND TỈNH BẮC GIANG', number: `${i}/UBND-NN`, place: 'Bắc Giang', date: '02/03/2021', subject: 'phòng cháy rừng', body: 'Tăng cường phòng cháy, chữa cháy rừng mùa khô.' });
      many.ingestFile({ source: `many/${i}.txt`, bytes: new TextEncoder().encode(text) });
    }
    const other = await buildApp({ store: many });
    const url = await other.listen({ host: '127.0.0.1', port: 0 });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${url}/#/?q=chay%20rung&page=99`);
      await expect.poll(() => page.locator('.hit').count()).toBe(10);
      expect(await page.locator('.pager').textContent()).not.toContain('Chỉ xem được');
      await page.getByRole('button', { name: 'Sau ›' }).click();
      await expect.poll(() => page.locator('.pager p').textContent()).toBe('Chỉ xem được 1.000 kết quả đầu; hãy thêm từ khóa hoặc chọn bộ lọc để thu hẹp.');
      expect(await page.getByRole('button', { name: 'Sau ›' }).isDisabled()).toBe(true);
      await page.close();
    } finally {
      await other.close();
      many.close();
    }
  });

  it('fits a phone screen without sideways scrolling', async () => {
    for (const path of ['/#/?q=%C4%91u%E1%BB%91i%20n%C6%B0%E1%BB%9Bc', '/#/van-ban/851-sxd-vp-2022-binh-thuan', '/#/kiem-tra?number=20-CT%2FTW']) {
      const page = await open(path, { width: 375, height: 800 });
      await page.waitForSelector('main h1, main .hit');
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(375);
      await page.close();
    }
  });

  it('every asset came from the app itself, and no page logged an error', () => {
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
