import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '@vanban/store';
import { haveChromium, serveToBrowser } from './browser-fixtures.js';
import { API_KEY, haveSeeds, letter, seedStore } from './fixtures.js';

/** 75 letters on forest fires (8 pages of 10): 40 from 2019, 20 from 2021, 15 from 2023, so count order is not year order. */
const FIRE_YEARS = [...Array(40).fill('2019'), ...Array(20).fill('2021'), ...Array(15).fill('2023')] as string[];
const fireLetter = (i: number, year: string): string =>
  letter({ issuer: 'UBND TỈNH LÂM ĐỒNG', number: `${i}/UBND-KL`, place: 'Lâm Đồng', date: `10/03/${year}`, subject: 'phòng cháy rừng', body: `Tăng cường phòng cháy, chữa cháy rừng mùa khô năm ${year}, đợt ${i}.` });

/** 16 letters on floods, one from each of 16 provinces: more than the 12 values a facet shows at once. */
const FLOOD_PROVINCES = ['Hà Giang', 'Cao Bằng', 'Lạng Sơn', 'Tuyên Quang', 'Thái Nguyên', 'Phú Thọ', 'Hòa Bình', 'Sơn La', 'Điện Biên', 'Lai Châu', 'Yên Bái', 'Nam Định', 'Thái Bình', 'Ninh Bình', 'Thanh Hóa', 'Nghệ An'];
const floodLetter = (i: number, province: string): string =>
  letter({ issuer: `UBND TỈNH ${province.toUpperCase()}`, number: `${i}/UBND-PCLB`, place: province, date: '12/08/2020', subject: 'phòng chống lụt bão', body: `Chủ động phòng, chống lụt bão, giảm nhẹ thiên tai tại tỉnh ${province}.` });

/** What the tests read of an <input> (the tests compile without the DOM library). */
type FormField = { validationMessage: string; validity: { valid: boolean } };

/** WCAG contrast of an element's text against its own background colour (both opaque rgb). */
const contrastOf = (selector: string): string => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)});
  const style = getComputedStyle(el);
  const lum = (c) => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
})()`;

describe.skipIf(!haveSeeds || !haveChromium)('search, audit and upload pages in a real browser', () => {
  let store: SqliteStore;
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;
  const problems: string[] = [];

  beforeAll(async () => {
    store = seedStore();
    FIRE_YEARS.forEach((year, i) => store.ingestFile({ source: `fires/${i + 1}.txt`, bytes: new TextEncoder().encode(fireLetter(i + 1, year)) }));
    FLOOD_PROVINCES.forEach((province, i) => store.ingestFile({ source: `floods/${i + 1}.txt`, bytes: new TextEncoder().encode(floodLetter(i + 1, province)) }));
    // a draft plan of Lào Cai, never issued: the province has only a draft
    const draft = letter({ issuer: 'UBND TỈNH LÀO CAI', number: '/KH-UBND', place: 'Lào Cai', date: '15/01/2013', subject: 'thực hiện Chỉ thị số 20-CT/TW', body: 'DỰ THẢO\n\nThực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị.' });
    store.ingestFile({ source: 'drafts/lao-cai.txt', bytes: new TextEncoder().encode(draft) });
    store.resolve();
    ({ browser, base, close } = await serveToBrowser(store, { apiKey: API_KEY }));
  });
  afterAll(async () => {
    await close?.();
  });

  /** `refused`: a request this test provokes a 4xx for on purpose (the browser logs it as an error). */
  async function open(path: string, viewport = { width: 1200, height: 900 }, refused?: RegExp): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (e) => problems.push(e.message));
    const expected = (m: ConsoleMessage): boolean => refused !== undefined && refused.test(decodeURIComponent(m.location().url));
    page.on('console', (m) => m.type() === 'error' && !expected(m) && problems.push(m.text()));
    await page.goto(`${base}${path}`);
    return page;
  }
  const hits = (page: Page) => page.locator('.hit');
  const yearButtons = (page: Page) => page.locator('.facet', { has: page.getByRole('heading', { name: 'Năm' }) }).locator('.facet-value');

  describe('search', () => {
    it('a pressed facet value, pressed again, takes its filter off', async () => {
      const page = await open('/#/?q=chay%20rung');
      await expect.poll(() => hits(page).count()).toBe(10);
      await yearButtons(page).filter({ hasText: '2021' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('20 văn bản');
      const pressed = yearButtons(page).filter({ hasText: '2021' });
      expect(await pressed.getAttribute('aria-pressed')).toBe('true');
      await pressed.click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('75 văn bản');
      expect(await yearButtons(page).filter({ hasText: '2021' }).getAttribute('aria-pressed')).toBe('false');
      expect(page.url()).not.toContain('year');
      await page.close();
    });

    it('lists years newest first, not by count', async () => {
      const page = await open('/#/?q=chay%20rung');
      await expect.poll(() => yearButtons(page).count()).toBe(3);
      const years = (await yearButtons(page).allTextContents()).map((t) => t.slice(0, 4));
      expect(years).toEqual(['2023', '2021', '2019']);
      await page.close();
    });

    it('names a facet value and its count apart, for screen readers', async () => {
      const page = await open('/#/?q=chay%20rung');
      await expect.poll(() => page.getByRole('button', { name: '2019, 40 văn bản' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Lâm Đồng, 75 văn bản' }).count()).toBe(1);
      await page.close();
    });

    it('after "Sau ›" the focus and the view are at the top of the new results', async () => {
      const page = await open('/#/?q=chay%20rung', { width: 375, height: 700 });
      await expect.poll(() => hits(page).count()).toBe(10);
      await page.getByRole('button', { name: 'Sau ›' }).scrollIntoViewIfNeeded();
      expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(700);
      await page.getByRole('button', { name: 'Sau ›' }).click();
      await expect.poll(() => page.locator('.hits').getAttribute('start')).toBe('11');
      await expect.poll(() => page.evaluate<string>('document.activeElement.className')).toBe('count');
      const top = await page.evaluate<number>("document.querySelector('.results').getBoundingClientRect().top");
      expect(top).toBeGreaterThanOrEqual(-1);
      expect(top).toBeLessThan(100);
      await page.close();
    });

    it('marks skipped pages with "…"', async () => {
      const page = await open('/#/?q=chay%20rung');
      const pager = page.getByRole('navigation', { name: 'Trang kết quả' });
      await expect.poll(() => pager.locator(':scope > *').allTextContents()).toEqual(['‹ Trước', '1', '2', '…', '8', 'Sau ›']);
      await pager.getByRole('button', { name: 'Trang 8' }).click();
      await expect.poll(() => pager.locator(':scope > *').allTextContents()).toEqual(['‹ Trước', '1', '…', '7', '8', 'Sau ›']);
      await page.close();
    });

    it('a page past the last says so and links to the last page, also past the API\'s last page', async () => {
      for (const n of [9, 999]) {
        const page = await open(`/#/?q=chay%20rung&page=${n}`);
        await expect.poll(() => page.locator('.past-end').textContent()).toBe(`Trang ${n} không có kết quả: chỉ có 8 trang. Xem trang cuối (trang 8)`);
        expect(await hits(page).count()).toBe(0);
        await page.getByRole('link', { name: 'Xem trang cuối (trang 8)' }).click();
        await expect.poll(() => hits(page).count()).toBe(5);
        expect(await page.locator('.past-end').count()).toBe(0);
        await page.close();
      }
    });

    it('a hand-edited address with a wrong value keeps the form and says which field, in words', async () => {
      const cases: [string, string, RegExp?][] = [
        ['yearFrom=abc', 'Năm bắt đầu phải là số năm có 4 chữ số (ví dụ 2015), không phải “abc”.'],
        ['yearTo=15', 'Năm kết thúc phải là số năm có 4 chữ số (ví dụ 2015), không phải “15”.'],
        ['yearFrom=2020&yearTo=2015', 'Năm bắt đầu (2020) sau năm kết thúc (2015): hãy chọn năm bắt đầu sớm hơn.'],
        ['page=0', 'Số trang phải là một số nguyên từ 1 trở lên.'],
        ['province=Atlantis', 'Không có tỉnh/thành “Atlantis”: hãy gõ tên tỉnh, có dấu hoặc không dấu (ví dụ Bắc Giang, bac giang).', /province=Atlantis/],
      ];
      for (const [query, message, refused] of cases) {
        const page = await open(`/#/?q=a&${query}`, undefined, refused);
        await expect.poll(() => page.getByRole('alert').textContent(), { message: query }).toBe(message);
        expect(await page.getByLabel('Tìm văn bản theo nội dung hoặc số ký hiệu').inputValue()).toBe('a');
        expect(await page.getByRole('alert').textContent()).not.toContain('querystring');
        await page.close();
      }
    });

    it('a facet with more values than it shows opens and closes the rest by keyboard', async () => {
      const page = await open('/#/?q=lut%20bao');
      const provinces = page.locator('.facet', { has: page.getByRole('heading', { name: 'Tỉnh' }) });
      await expect.poll(() => provinces.locator('.facet-value:visible').count()).toBe(12);
      const toggle = provinces.locator('summary');
      expect(await toggle.textContent()).toBe('Xem thêm (4)');
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => provinces.locator('.facet-value:visible').count()).toBe(16);
      expect(await toggle.textContent()).toBe('Thu gọn');
      await page.keyboard.press('Enter');
      await expect.poll(() => provinces.locator('.facet-value:visible').count()).toBe(12);
      expect(await toggle.textContent()).toBe('Xem thêm (4)');
      await page.close();
    });

    it('a document opened from a hit starts at its top; Back returns to where the list was', async () => {
      const page = await open('/#/?q=chay%20rung', { width: 1200, height: 600 });
      await expect.poll(() => hits(page).count()).toBe(10);
      const link = hits(page).last().getByRole('link');
      await link.scrollIntoViewIfNeeded();
      const listY = await page.evaluate<number>('window.scrollY');
      expect(listY).toBeGreaterThan(300);
      const name = await link.textContent();
      await link.click();
      await expect.poll(() => page.locator('main h1').textContent()).toBe(name);
      await expect.poll(() => page.evaluate<number>('window.scrollY')).toBe(0);
      expect(await page.evaluate<string>('document.activeElement.id')).toBe('main');
      await page.goBack();
      await expect.poll(() => hits(page).count()).toBe(10);
      await expect.poll(() => page.evaluate<number>('window.scrollY')).toBe(listY);
      await page.close();
    });

    it('an empty box is refused in Vietnamese, spaces alone too', async () => {
      const page = await open('/#/');
      const box = page.getByLabel('Tìm văn bản theo nội dung hoặc số ký hiệu');
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      expect(await box.evaluate((el) => (el as unknown as FormField).validationMessage)).toBe('Hãy nhập từ khóa hoặc số ký hiệu cần tìm.');
      await box.fill('   ');
      expect(await box.evaluate((el) => (el as unknown as FormField).validity.valid)).toBe(false);
      await box.fill('chay rung');
      expect(await box.evaluate((el) => (el as unknown as FormField).validity.valid)).toBe(true);
      expect(new URL(page.url()).hash).toBe('#/');
      await page.close();
    });

    it('writes large counts with Vietnamese grouping', async () => {
      const page = await open('/#/nhap');
      await page.route('**/api/stats', (route) => route.fulfill({ json: { knownDocuments: 12345, mentions: 2834, resolved: 1417, citedOnly: 1002 } }));
      await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Tìm kiếm', exact: true }).click();
      await expect.poll(() => page.locator('.overview p').first().textContent()).toBe('Kho có 12.345 văn bản đã nhập, 2.834 trích dẫn (50% đã xác định văn bản được trích dẫn) và 1.002 văn bản chỉ biết qua trích dẫn.');
      await page.close();
    });

    it('an empty result of several words suggests fewer words', async () => {
      const page = await open('/#/?q=chay%20rung%20zzqxw');
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Không có văn bản nào khớp “chay rung zzqxw”.');
      expect(await page.locator('.hint').textContent()).toContain('thử bớt từ');
      await page.close();
    });
  });

  describe('audit', () => {
    const rowsOf = (page: Page, column: number) => page.locator(`.audit-table tbody tr > :nth-child(${column})`).allTextContents();
    /** "1.234" (Vietnamese grouping) → 1234 */
    const count = (cell: string): number => Number(cell.replace(/\./g, ''));
    const numberField = (page: Page) => page.getByLabel('Văn bản cần kiểm tra (số ký hiệu hoặc mã)');
    const sortedBy = async (page: Page, sort: string, label: string): Promise<void> => {
      await page.goto(`${base}/#/kiem-tra?number=20-CT%2FTW&sort=${sort}`);
      const header = page.locator('th[aria-sort]');
      const direction = sort.startsWith('-') ? 'descending' : 'ascending';
      await expect.poll(async () => `${await header.getAttribute('aria-sort')} ${await header.textContent()}`).toMatch(new RegExp(`^${direction} ${label}`));
    };

    it('sorts the count ascending and descending as aria-sort says', async () => {
      const page = await open('/#/kiem-tra?number=20-CT%2FTW');
      await expect.poll(() => page.locator('.audit-table tbody tr').count()).toBe(63);
      await page.getByRole('button', { name: 'Số văn bản' }).click();
      await expect.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
      const up = (await rowsOf(page, 5)).map(count);
      expect(up).toEqual([...up].sort((a, b) => a - b));
      expect(up[0]).toBeLessThan(up.at(-1)!);
      await page.getByRole('button', { name: /Số văn bản/ }).click();
      await expect.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
      const down = (await rowsOf(page, 5)).map(count);
      expect(down).toEqual([...down].sort((a, b) => b - a));
      await page.close();
    });

    it('a sort asks the API nothing more: it stays in the address and keeps the focus on the header', async () => {
      const page = await open('/#/kiem-tra?number=20-CT%2FTW');
      await expect.poll(() => page.locator('.audit-table tbody tr').count()).toBe(63);
      const asked: string[] = [];
      page.on('request', (r) => r.url().includes('/api/audit') && asked.push(r.url()));
      await page.getByRole('button', { name: 'Số văn bản' }).click();
      await expect.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
      await page.getByRole('button', { name: /Số văn bản/ }).click();
      await expect.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
      expect(asked).toEqual([]);
      expect(decodeURIComponent(page.url())).toContain('sort=-documentCount');
      expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Số văn bản ▼');
      await page.close();
    });

    it('a refused audit (too many requests) is said under the form, which stays', async () => {
      const page = await open('/#/kiem-tra', undefined, /\/api\/audit/);
      await page.route('**/api/audit?*', (route) => route.fulfill({ status: 429, json: { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded, retry in 1 minute' } }));
      await numberField(page).fill('20-CT/TW');
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Có quá nhiều yêu cầu trong một phút; xin thử lại sau ít phút.');
      expect(await numberField(page).inputValue()).toBe('20-CT/TW');
      await page.close();
    });

    it('an empty number is refused in Vietnamese', async () => {
      const page = await open('/#/kiem-tra');
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      expect(await numberField(page).evaluate((el) => (el as unknown as FormField).validationMessage)).toBe('Hãy nhập số ký hiệu của văn bản cần kiểm tra (ví dụ 20-CT/TW).');
      expect(page.url()).not.toContain('number=');
      await page.close();
    });

    it('sorts provinces in Vietnamese alphabetical order', async () => {
      const page = await open('/#/kiem-tra');
      await sortedBy(page, 'province', 'Tỉnh/thành');
      const names = await rowsOf(page, 1);
      expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
      expect(names.indexOf('Bình Định')).toBeLessThan(names.indexOf('Bình Thuận'));
      expect(names.indexOf('Đà Nẵng')).toBeLessThan(names.indexOf('Yên Bái'));
      expect(names.indexOf('Đà Nẵng')).toBeGreaterThan(names.indexOf('Cao Bằng'));
      await page.close();
    });

    it('puts the provinces with no date or lag last, in either direction', async () => {
      const page = await open('/#/kiem-tra');
      for (const [sort, label, column] of [['firstDate', 'Ngày đầu tiên', 3], ['-firstDate', 'Ngày đầu tiên', 3], ['lagDays', 'Độ trễ', 4], ['-lagDays', 'Độ trễ', 4]] as const) {
        await sortedBy(page, sort, label);
        const cells = await rowsOf(page, column);
        const firstEmpty = cells.indexOf('—');
        expect(firstEmpty, sort).toBe(5);
        expect(cells.slice(firstEmpty).every((c) => c === '—'), sort).toBe(true);
        const values = cells.slice(0, firstEmpty).map((c) => (column === 3 ? c.split('/').reverse().join('') : String(count(c)).padStart(6, '0')));
        const ordered = [...values].sort();
        expect(values, sort).toEqual(sort.startsWith('-') ? ordered.reverse() : ordered);
      }
      await page.close();
    });

    it('at phone width the table fits, and a status reads on one line', async () => {
      const page = await open('/#/kiem-tra?number=20-CT%2FTW', { width: 375, height: 800 });
      await expect.poll(() => page.locator('.audit-table tbody tr').count()).toBe(63);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      expect(await page.evaluate<boolean>("(() => { const t = document.querySelector('.audit-table'); return t.scrollWidth <= t.clientWidth; })()")).toBe(true);
      const lines = await page.evaluate<number>(`(() => {
        const cell = [...document.querySelectorAll('.audit-table tbody tr.status-none td')].find((td) => td.textContent === 'Chưa có căn cứ');
        const range = document.createRange();
        range.selectNodeContents(cell);
        return range.getClientRects().length;
      })()`);
      expect(lines).toBe(1);
      await page.close();
    });

    it('a malformed year is refused in Vietnamese', async () => {
      const page = await open('/#/kiem-tra');
      await page.getByLabel('Văn bản cần kiểm tra (số ký hiệu hoặc mã)').fill('20-CT/TW');
      const year = page.getByLabel('Năm');
      await year.fill('20a');
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      expect(await year.evaluate((el) => (el as unknown as FormField).validationMessage)).toBe('Năm gồm 4 chữ số, ví dụ 2012 (có thể để trống).');
      expect(page.url()).not.toContain('number=');
      await year.fill('2012');
      expect(await year.evaluate((el) => (el as unknown as FormField).validity.valid)).toBe(true);
      await page.close();
    });

    it('a province with only a draft is set apart from the implemented ones, without a date; a draft beside an issued document is listed apart', async () => {
      const page = await open('/#/kiem-tra?number=20-CT%2FTW');
      await expect.poll(() => page.locator('.audit-table tbody tr').count()).toBe(63);
      expect(await page.locator('.summary').textContent()).toContain('Đã thực hiện: 5Có nhắc đến: 0Chỉ có dự thảo: 1Chưa có căn cứ: 57');
      expect(await page.locator('.tile.status-draft .name').allTextContents()).toEqual(['Lào Cai']);
      const laoCai = page.locator('.audit-table tbody tr', { has: page.getByRole('rowheader', { name: 'Lào Cai' }) });
      expect(await laoCai.getAttribute('class')).toBe('status-draft');
      expect(await laoCai.locator('td').allTextContents()).toEqual(['Chỉ có dự thảo', '—', '—', '0', 'Dự thảo, chưa ban hành:Kế hoạch /KH-UBND (dự thảo, 2013) — 15/01/2013']);
      // Đắk Lắk: implemented by its issued plan (2013), the draft of 2020 shown apart
      const dakLak = page.locator('.audit-table tbody tr', { has: page.getByRole('rowheader', { name: 'Đắk Lắk' }) });
      expect(await dakLak.locator('td').allTextContents()).toEqual(['Đã thực hiện', '07/03/2013', '122', '1', 'Kế hoạch 61-KH/TU (2013) — 07/03/2013Dự thảo, chưa ban hành:Công văn /UBND-KGVX (dự thảo, 2020)']);
      await page.close();
    });

    it('the status counts are readable: contrast at least 4.5:1', async () => {
      const page = await open('/#/kiem-tra?number=20-CT%2FTW');
      await expect.poll(() => page.locator('.summary .status').count()).toBe(4);
      for (const status of ['implemented', 'mentioned', 'draft', 'none']) {
        expect(await page.evaluate<number>(contrastOf(`.summary .status-${status}`)), status).toBeGreaterThanOrEqual(4.5);
      }
      await page.close();
    });
  });

  describe('upload', () => {
    const fileInput = (page: Page) => page.getByLabel('Tệp văn bản (.md, .txt; chọn được nhiều tệp)');

    it('fits a phone screen', async () => {
      const page = await open('/#/nhap', { width: 375, height: 800 });
      await page.waitForSelector('main h1');
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await page.close();
    });

    it('the file picker speaks Vietnamese and names the chosen files; the input stays a focusable file input', async () => {
      const page = await open('/#/nhap');
      await expect.poll(() => page.locator('#files-chosen').textContent()).toBe('Chưa chọn tệp');
      expect(await page.locator('.file-picker .button').textContent()).toBe('Chọn tệp…');
      expect(await fileInput(page).evaluate((el) => (el as unknown as FormField).validationMessage)).toBe('Hãy chọn ít nhất một tệp .md hoặc .txt.');
      await fileInput(page).setInputFiles(['a.txt', 'b.txt', 'c.md'].map((name) => ({ name, mimeType: 'text/plain', buffer: Buffer.from('Số: 1/UBND') })));
      await expect.poll(() => page.locator('#files-chosen').textContent()).toBe('3 tệp đã chọn: a.txt, b.txt, c.md');
      expect(await fileInput(page).getAttribute('type')).toBe('file');
      expect(await fileInput(page).evaluate((el) => (el as unknown as FormField).validity.valid)).toBe(true);
      // reached by keyboard: Tab from the heading lands on it
      await page.locator('main h1').click();
      await page.keyboard.press('Tab');
      expect(await page.evaluate<string>('document.activeElement.id')).toBe('files');
      await page.close();
    });

    it('the summary says how many files were stored and how many failed', async () => {
      const page = await open('/#/nhap');
      // a letter, and a file of blanks only: the second fails ("no text found")
      const text = letter({ issuer: 'UBND TỈNH HÀ GIANG', number: '1/UBND-VX', place: 'Hà Giang', date: '05/05/2020', subject: 'phòng dịch', body: 'Tăng cường phòng dịch.' });
      await fileInput(page).setInputFiles([{ name: 'cong-van.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }, { name: 'trong.txt', mimeType: 'text/plain', buffer: Buffer.from(' \n\n ') }]);
      await page.getByLabel('Khóa API (VANBAN_API_KEY)').fill(API_KEY);
      await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
      await expect.poll(() => page.locator('.upload-results [role=status]').textContent(), { timeout: 20_000 }).toBe('Xong 2 tệp: 1 tệp đã lưu, 1 tệp lỗi.');
      await page.close();
    });
  });

  it('no page logged an unexpected error', () => {
    expect(problems).toEqual([]);
  });
});
