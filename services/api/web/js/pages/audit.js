import { ApiFailure, getJson, labels } from '../api.js';
import { docLink, errorBox, h, replaceRoute, title, viDate, viNumber } from '../dom.js';

const collator = new Intl.Collator('vi');
/** In the API's order: issued evidence first, then only drafts (not issued: not implemented), then nothing. */
const STATUSES = ['implemented', 'mentioned', 'draft', 'none'];
/** Sort keys; null (no date, no lag) sorts last in either direction. */
const COLUMNS = [
  { key: 'province', label: 'Tỉnh/thành', value: (r) => r.province },
  { key: 'status', label: 'Trạng thái', value: (r) => STATUSES.indexOf(r.status) },
  { key: 'firstDate', label: 'Ngày đầu tiên', value: (r) => r.firstDate ?? null },
  { key: 'lagDays', label: 'Độ trễ (ngày)', value: (r) => r.lagDays ?? null },
  { key: 'documentCount', label: 'Số văn bản', value: (r) => r.documentCount },
];
/** A column's heading, also each cell's label when the table is shown as cards on a phone. */
const labelOf = (key) => COLUMNS.find((c) => c.key === key).label;
const YEAR_HINT = 'Năm gồm 4 chữ số, ví dụ 2012 (có thể để trống).';

/**
 * The audit last fetched, and the sort it was last shown in. /api/audit is rate-limited: a change of
 * sort alone (a header pressed, Back, an edited address) re-sorts it in the browser; the form, sent,
 * asks the API afresh.
 */
let lastAudit = null;

async function auditOf(query, sort) {
  const key = JSON.stringify(query);
  if (lastAudit?.key === key && lastAudit.sort !== sort) {
    lastAudit.sort = sort;
    return lastAudit.result;
  }
  const result = await getJson('/api/audit', query);
  lastAudit = { key, sort, result };
  return result;
}

/** Kiểm tra thực hiện: for one decree, every province's status, a grid coloured by status, a sortable table, CSV. */
export async function auditPage({ params, navigate, setTitle }) {
  const state = { number: params.get('number') ?? '', year: params.get('year') ?? '', province: params.get('province') ?? '', provinces: params.get('provinces') ?? '63', sort: params.get('sort') ?? 'status' };
  const number = h('input', { id: 'audit-number', name: 'number', value: state.number, required: true, placeholder: 'ví dụ: 20-CT/TW hoặc 1863/QĐ-TTg', maxlength: 200 });
  // as for the year: the browser's own message for an empty box is in English
  const checkNumber = () => number.setCustomValidity(number.value.trim() ? '' : 'Hãy nhập số ký hiệu của văn bản cần kiểm tra (ví dụ 20-CT/TW).');
  number.addEventListener('input', checkNumber);
  checkNumber();
  const year = h('input', { id: 'audit-year', name: 'year', value: state.year, inputmode: 'numeric', pattern: '\\d{4}', placeholder: 'không bắt buộc', maxlength: 4, title: YEAR_HINT });
  // the browser's own message for a pattern mismatch is in English ("Please match the requested format.")
  const checkYear = () => year.setCustomValidity(/^(\d{4})?$/.test(year.value.trim()) ? '' : YEAR_HINT);
  year.addEventListener('input', checkYear);
  checkYear();
  const scheme = h('select', { id: 'audit-scheme', name: 'provinces' },
    h('option', { value: '63', selected: state.provinces === '63' }, '63 tỉnh (trước 1/7/2025)'),
    h('option', { value: '34', selected: state.provinces === '34' }, '34 tỉnh (từ 1/7/2025)'));
  const form = h('form', { class: 'audit-form', onsubmit: (e) => (e.preventDefault(), (lastAudit = null), navigate('/kiem-tra', { number: number.value.trim(), year: year.value.trim(), provinces: scheme.value })) },
    h('div', { class: 'field' }, h('label', { for: 'audit-number' }, 'Văn bản cần kiểm tra (số ký hiệu hoặc mã)'), number),
    h('div', { class: 'field small' }, h('label', { for: 'audit-year' }, 'Năm'), year),
    h('div', { class: 'field' }, h('label', { for: 'audit-scheme' }, 'Danh sách tỉnh'), scheme),
    h('button', { type: 'submit' }, 'Kiểm tra'));
  const page = h('section', { class: 'audit' }, h('h1', {}, 'Kiểm tra thực hiện'), form);
  if (!state.number) {
    page.append(h('p', { class: 'muted' }, 'Nhập số ký hiệu của chỉ thị, quyết định, nghị định… để xem tỉnh nào đã ban hành văn bản thực hiện, khi nào, và tỉnh nào chưa.'));
    return page;
  }
  const query = { number: state.number, year: state.year, province: state.province, provinces: state.provinces };
  let result;
  let vocab;
  try {
    [result, vocab] = await Promise.all([auditOf(query, state.sort), labels()]);
  } catch (error) {
    if (error instanceof ApiFailure && error.body?.candidates) return (page.append(candidates(error.body.candidates, state, navigate)), page);
    // not found: keep the form, say so, and offer the documents of that number in other years or provinces
    if (error instanceof ApiFailure && error.status === 404) return (page.append(await notFound(state, navigate)), page);
    // a hand-edited address: said under the form, which stays to correct it
    if (error instanceof ApiFailure && error.status === 400) return (page.append(h('p', { class: 'error', role: 'alert' }, refusal(error.parameter, state))), page);
    // anything else (too many requests, the server down): said under the form, which stays to try again
    return (page.append(errorBox(error)), page);
  }
  setTitle(`Kiểm tra ${result.decree.number ?? result.decree.id}`);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const r of result.provinces) counts[r.status]++;
  page.append(
    h('h2', {}, 'Văn bản: ', docLink(result.decree), result.decree.date ? ` ngày ${viDate(result.decree.date)}` : ''),
    h('p', { class: 'summary', role: 'status' }, Object.entries(counts).map(([s, n]) => h('span', { class: `status status-${s}` }, `${vocab.auditStatuses[s]}: ${viNumber(n)}`))),
    h('p', {}, h('a', { class: 'button', href: `/api/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)), format: 'csv' })}`, download: '' }, 'Tải bảng CSV')),
    grid(result.provinces, vocab),
    table(result, state, vocab),
  );
  return page;
}

/** A tile per province coloured by status (and labelled, so colour is never the only cue). */
function grid(rows, vocab) {
  return h('ul', { class: 'province-grid', 'aria-label': 'Các tỉnh theo trạng thái' }, rows.map((r) =>
    h('li', { class: `tile status-${r.status}`, title: `${r.province}: ${vocab.auditStatuses[r.status]}${r.firstDate ? `, từ ${viDate(r.firstDate)}` : ''}${r.draftCount ? `; ${r.draftCount} dự thảo chưa ban hành` : ''}` },
      h('span', { class: 'name' }, r.province), h('span', { class: 'state' }, vocab.auditStatuses[r.status]))));
}

/** The provinces' table, sorted by the column `state.sort` names ("-key": descending); a header pressed re-sorts it in place. */
function table(result, state, vocab) {
  const headers = COLUMNS.map((c) => {
    const button = h('button', { type: 'button', class: 'sort', onclick: () => sortBy(c.key) });
    return { c, button, th: h('th', { scope: 'col' }, button) };
  });
  const tbody = h('tbody');
  const show = () => {
    const column = COLUMNS.find((c) => c.key === state.sort.replace(/^-/, '')) ?? COLUMNS[1];
    const direction = state.sort.startsWith('-') ? -1 : 1;
    for (const { c, button, th } of headers) {
      if (c === column) th.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
      button.textContent = `${c.label}${c === column ? (direction === 1 ? ' ▲' : ' ▼') : ''}`;
    }
    tbody.replaceChildren(...sorted(result.provinces, column, direction).map((r) => row(r, vocab)));
  };
  // the sort stays in the address (a reload or a shared link keeps it), without a new history entry or request
  const sortBy = (key) => {
    state.sort = state.sort === key ? `-${key}` : key;
    if (lastAudit?.result === result) lastAudit.sort = state.sort;
    replaceRoute('/kiem-tra', state);
    show();
  };
  show();
  return h('table', { class: 'audit-table' },
    h('caption', {}, `Tình hình thực hiện ở ${result.provinces.length} tỉnh/thành`),
    h('thead', {}, h('tr', {}, headers.map(({ th }) => th), h('th', { scope: 'col' }, 'Văn bản'))),
    tbody);
}

/** Sorted by `column`; null (no date, no lag) last in either direction; ties by name. */
function sorted(rows, column, direction) {
  const byName = (a, b) => collator.compare(a.province, b.province);
  return [...rows].sort((a, b) => {
    const x = column.value(a), y = column.value(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return direction * (typeof x === 'string' ? collator.compare(x, y) : x - y) || byName(a, b);
  });
}

function row(r, vocab) {
  return h('tr', { class: `status-${r.status}` },
    h('th', { scope: 'row' }, r.province),
    h('td', { 'data-label': labelOf('status'), class: 'state' }, vocab.auditStatuses[r.status]),
    h('td', { 'data-label': labelOf('firstDate') }, r.firstDate ? viDate(r.firstDate) : '—'),
    h('td', { 'data-label': labelOf('lagDays'), class: 'num' }, r.lagDays === null || r.lagDays === undefined ? '—' : viNumber(r.lagDays)),
    h('td', { 'data-label': labelOf('documentCount'), class: 'num' }, viNumber(r.documentCount)),
    h('td', { 'data-label': 'Văn bản', class: 'docs' }, r.documents.length || r.drafts.length
      ? [
          r.documents.length ? documentList(r.documents, r.documentCount) : null,
          // drafts were not issued: shown apart, never counted as implementing
          r.drafts.length ? h('div', { class: 'drafts' }, h('span', { class: 'muted' }, 'Dự thảo, chưa ban hành:'), documentList(r.drafts, r.draftCount)) : null,
        ]
      : '—'),
  );
}

/** The earliest few documents the API lists, and how many more there are. */
function documentList(documents, count) {
  return h('ul', { class: 'plain' },
    documents.map((d) => h('li', {}, docLink(d, title(d)), d.date ? ` — ${viDate(d.date)}` : '')),
    count > documents.length ? h('li', { class: 'muted' }, `và ${viNumber(count - documents.length)} văn bản khác`) : null);
}

/** The API's 400 about query parameter `key`, said in words. */
function refusal(key, state) {
  if (key === 'year') return `Năm “${state.year}” không hợp lệ: ${YEAR_HINT}`;
  if (key === 'province') return `Không có tỉnh/thành “${state.province}”.`;
  if (key === 'number') return 'Hãy nhập số ký hiệu của văn bản (ví dụ 20-CT/TW).';
  return 'Địa chỉ có tham số không hợp lệ; hãy nhập lại ở ô trên.';
}

function candidates(list, state, navigate) {
  return h('div', { role: 'alert' },
    h('p', {}, `“${state.number}” ứng với ${list.length} văn bản. Chọn một:`),
    h('ul', {}, list.map((d) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => navigate('/kiem-tra', { ...state, number: d.id, year: '' }) }, title(d)), d.province ? ` — ${d.province}` : ' — trung ương'))));
}

async function notFound(state, navigate) {
  const narrowed = [state.year && `năm ${state.year}`, state.province && `tỉnh ${state.province}`].filter(Boolean).join(', ');
  const others = narrowed ? (await getJson('/api/lookup', { number: state.number }).catch(() => null))?.documents ?? [] : [];
  return h('div', { role: 'alert', class: 'not-found' },
    h('p', {}, `Không tìm thấy văn bản “${state.number}”${narrowed ? ` (${narrowed})` : ''}.`),
    others.length
      ? [h('p', {}, 'Có văn bản cùng số ký hiệu:'), h('ul', {}, others.map((d) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => navigate('/kiem-tra', { ...state, number: d.id, year: '', province: '' }) }, title(d)), d.province ? ` — ${d.province}` : ' — trung ương')))]
      : h('p', { class: 'muted' }, 'Kiểm tra lại số ký hiệu (ví dụ 20-CT/TW, 1863/QĐ-TTg), hoặc tìm văn bản ở trang Tìm kiếm.'));
}
