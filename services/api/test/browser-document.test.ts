import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '@vanban/store';
import { haveChromium, serveToBrowser } from './browser-fixtures.js';
import { haveSeeds, seedStore } from './fixtures.js';

/** The document page (Văn bản) over the five seeds: graph, skip link, titles, the shown text. */
describe.skipIf(!haveSeeds || !haveChromium)('document page in a real browser', () => {
  let store: SqliteStore;
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;
  const problems: string[] = [];

  beforeAll(async () => {
    store = seedStore();
    ({ browser, base, close } = await serveToBrowser(store));
  });
  afterAll(async () => {
    await close?.();
    expect(problems).toEqual([]);
  });

  /** `refused`: a request this test provokes a 4xx for on purpose (the browser logs it as an error). */
  async function open(path: string, refused?: RegExp): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('pageerror', (e) => problems.push(e.message));
    const expected = (m: ConsoleMessage): boolean => refused !== undefined && refused.test(decodeURIComponent(m.location().url));
    page.on('console', (m) => m.type() === 'error' && !expected(m) && problems.push(m.text()));
    await page.goto(`${base}${path}`);
    return page;
  }

  it('draws the graph of every document opened in the tab, not only the first', async () => {
    const page = await open('/#/van-ban/279-ubnd-ldtbxh-2015-bac-giang-luc-nam');
    await expect.poll(() => page.locator('.graph canvas').count()).toBeGreaterThan(0);
    // the library is loaded by now: the next page's graph used to be drawn before its box was in the page
    await page.getByRole('navigation', { name: 'Chuỗi thực hiện đến văn bản gốc' }).getByRole('link', { name: 'Chỉ thị 20-CT/TW (2012)' }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Chỉ thị 20-CT/TW (2012)');
    await expect.poll(() => page.locator('.graph canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('.graph .error').count()).toBe(0);
    // its label counts documents, not links: a letter citing it twice is one document
    const detail = (await (await page.request.get(`${base}/api/documents/20-ct-tw-2012`)).json()) as { citedBy: Array<{ document: { id: string } }>; relatesTo: Array<{ document: { id: string } }> };
    const citing = new Set(detail.citedBy.map((hop) => hop.document.id));
    for (const hop of detail.relatesTo) citing.delete(hop.document.id);
    expect(await page.locator('.graph').getAttribute('aria-label')).toContain(`${citing.size} văn bản trích dẫn văn bản này`);
    await page.close();
  });

  it('the skip link moves focus to the content and keeps the page', async () => {
    const page = await open('/#/van-ban/279-ubnd-ldtbxh-2015-bac-giang-luc-nam');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Công văn 279/UBND-LĐTBXH (2015)');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string>('document.activeElement?.id')).toBe('main');
    expect(new URL(page.url()).hash).toBe('#/van-ban/279-ubnd-ldtbxh-2015-bac-giang-luc-nam');
    expect(await page.locator('h1').textContent()).toBe('Công văn 279/UBND-LĐTBXH (2015)');
    await page.close();
  });

  it('a citation followed from the text opens the cited document at its top; Back returns to the citation', async () => {
    const page = await open('/#/van-ban/279-ubnd-ldtbxh-2015-bac-giang-luc-nam');
    const cite = page.locator('.doc-text a.cite', { hasText: '20-CT/TW' }).first();
    await cite.scrollIntoViewIfNeeded();
    const citeY = await page.evaluate<number>('window.scrollY');
    expect(citeY).toBeGreaterThan(300);
    await cite.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Chỉ thị 20-CT/TW (2012)');
    await expect.poll(() => page.evaluate<number>('window.scrollY')).toBe(0);
    expect(await page.evaluate<string>('document.activeElement?.id')).toBe('main');
    await page.goBack();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Công văn 279/UBND-LĐTBXH (2015)');
    await expect.poll(() => page.evaluate<number>('window.scrollY')).toBe(citeY);
    await page.close();
  });

  it('every page names the tab after itself, also after Back', async () => {
    const page = await open('/#/van-ban/279-ubnd-ldtbxh-2015-bac-giang-luc-nam');
    await expect.poll(() => page.title()).toBe('Công văn 279/UBND-LĐTBXH (2015) — Vanban');
    const nav = page.getByRole('navigation', { name: 'Chức năng chính' });
    await nav.getByRole('link', { name: 'Tìm kiếm', exact: true }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Tìm kiếm văn bản');
    expect(await page.title()).toBe('Tìm kiếm văn bản — Vanban');
    await nav.getByRole('link', { name: 'Nhập văn bản' }).click();
    await expect.poll(() => page.title()).toBe('Nhập văn bản — Vanban');
    await page.goBack();
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Tìm kiếm văn bản');
    expect(await page.title()).toBe('Tìm kiếm văn bản — Vanban');
    await page.close();
  });

  it('an unknown document is named in the message', async () => {
    const page = await open('/#/van-ban/khong-co-van-ban-nay', /khong-co-van-ban-nay/);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Kho không có văn bản mang mã “khong-co-van-ban-nay”.');
    expect(await page.locator('main h1').textContent()).toBe('Không tìm thấy văn bản');
    expect(await page.title()).toBe('Không tìm thấy văn bản — Vanban');
    await page.close();
  });

  it('names a document without a number in words, never by its internal id', async () => {
    const row = store.db.prepare('SELECT id FROM documents WHERE number IS NULL AND known = 1 ORDER BY rowid LIMIT 1').get() as { id: string } | undefined;
    expect(row, 'seed 001 has no header, so no number').toBeDefined();
    const page = await open(`/#/van-ban/${encodeURIComponent(row!.id)}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('không số');
    expect(await page.locator('h1').textContent()).not.toContain(row!.id);
    expect(await page.title()).not.toContain(row!.id);
    await page.close();
  });

  it('shows the text without markdown marks, the file by its name, and every citation still linked', async () => {
    // seed 002 (2868-CV/TU) is pandoc markdown: "# ĐẢNG CỘNG SẢN VIỆT NAM", "\\*", "**Nơi nhận:**"
    const row = store.db.prepare("SELECT id, source FROM documents WHERE number = '2868-CV/TU'").get() as { id: string; source: string };
    const page = await open(`/#/van-ban/${encodeURIComponent(row.id)}`);
    const text = page.locator('.doc-text');
    await expect.poll(() => text.locator('a.cite').count()).toBeGreaterThan(0);
    const shown = (await text.textContent()) ?? '';
    expect(shown).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(shown).not.toMatch(/\*\*|\\|^\s*#|\n\s*#/);
    expect(await text.locator('a.cite', { hasText: '20-CT/TW' }).first().getAttribute('href')).toBe('#/van-ban/20-ct-tw-2012');
    const source = await page.locator('.header-fields dt', { hasText: 'Tệp nguồn' }).locator('xpath=following-sibling::dd[1]').textContent();
    expect(source).toBe(row.source.split('/').pop());
    await page.close();
  });
});
