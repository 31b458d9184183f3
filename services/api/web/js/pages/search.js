import { ApiFailure, getJson, labels } from '../api.js';
import { docLink, h, routeHash, snippet, viDate, viNumber } from '../dom.js';

const FILTERS = ['province', 'yearFrom', 'yearTo', 'type', 'issuerLevel', 'topic'];
const FACET_TITLES = { province: 'Tỉnh', year: 'Năm', type: 'Loại văn bản', issuerLevel: 'Cấp ban hành', topic: 'Chủ đề' };
const MATCH = { exact: 'khớp đúng dấu', folded: 'khớp không dấu', number: 'số ký hiệu', 'cites-number': 'trích dẫn số này' };
/** Query parameters in words, for messages about a hand-edited address. */
const PARAMETER_NAMES = { q: 'Từ khóa', province: 'Tỉnh', yearFrom: 'Năm bắt đầu', yearTo: 'Năm kết thúc', type: 'Loại văn bản', issuerLevel: 'Cấp ban hành', topic: 'Chủ đề', page: 'Số trang', pageSize: 'Số kết quả mỗi trang' };
const FACET_SHOWN = 12;
const PAGE_SIZE = 10;

/** The API refuses parameters it does not take: a hand-edited address keeps only the ones it does. */
const pick = (state, keys) => Object.fromEntries(keys.filter((k) => state[k] !== undefined).map((k) => [k, state[k]]));

/** Set by the pager: the next render moves focus and the view to the top of the new results. */
let focusResults = false;

/** Tìm kiếm: a search box (with or without diacritics, or a số ký hiệu), facets with counts, snippets, pages. */
export async function searchPage({ params, navigate, setTitle }) {
  const state = Object.fromEntries([...params]);
  const go = (changes) => navigate('/', { ...state, page: undefined, ...changes });
  const input = h('input', { type: 'search', name: 'q', id: 'q', value: state.q ?? '', placeholder: 'ví dụ: đuối nước, duoi nuoc, 1863/QĐ-TTg', autocomplete: 'off', required: true, maxlength: 300 });
  // the browser's own message for an empty box is in English ("Please fill out this field."); spaces alone are empty too
  const checkQuery = () => input.setCustomValidity(input.value.trim() ? '' : 'Hãy nhập từ khóa hoặc số ký hiệu cần tìm.');
  input.addEventListener('input', checkQuery);
  checkQuery();
  const form = h(
    'form',
    { class: 'search-form', role: 'search', onsubmit: (e) => (e.preventDefault(), go({ q: input.value.trim() || undefined })) },
    h('label', { for: 'q' }, 'Tìm văn bản theo nội dung hoặc số ký hiệu'),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, 'Tìm')),
  );
  if (!state.q) return h('section', {}, h('h1', {}, 'Tìm kiếm văn bản'), form, await overview());

  setTitle(`Tìm “${state.q}”`);
  const vocab = await labels();
  const active = FILTERS.filter((f) => state[f]).map((f) =>
    h('button', { type: 'button', class: 'chip', 'aria-label': `Bỏ lọc ${state[f]}`, onclick: () => go({ [f]: undefined, ...(f === 'yearFrom' || f === 'yearTo' ? { yearFrom: undefined, yearTo: undefined } : {}) }) }, `${filterLabel(f, state[f], vocab)} ✕`),
  );
  const chips = active.length ? h('div', { class: 'chips', 'aria-label': 'Bộ lọc đang dùng' }, active) : null;
  const refused = (message) => h('section', {}, h('h1', { class: 'visually-hidden' }, 'Kết quả tìm kiếm'), form, chips, h('p', { class: 'error', role: 'alert' }, message));

  const invalid = invalidParameter(state);
  if (invalid) return refused(invalid);
  const requested = Number(state.page ?? 1);
  // a page past the API's last one is answered like any page past the results: from page 1's total
  const asked = { ...pick(state, ['q', ...FILTERS]), page: requested > vocab.limits.maxPage ? undefined : state.page, pageSize: PAGE_SIZE };
  let result;
  try {
    result = await getJson('/api/search', asked);
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 400) return refused(refusal(error.parameter, state));
    throw error;
  }
  const last = Math.min(vocab.limits.maxPage, Math.ceil(result.total / result.pageSize));
  const pastEnd = result.total > 0 && requested > last;
  const hits = pastEnd ? [] : result.hits;
  const count = h('p', { class: 'count', role: 'status', tabindex: '-1' }, result.total === 0 ? `Không có văn bản nào khớp “${state.q}”.` : `${result.totalIsExact ? '' : 'Hơn '}${viNumber(result.total)} văn bản khớp “${state.q}”`);
  const results = h('div', { class: 'results' },
    count,
    result.total === 0 ? noResultsHint(state) : null,
    pastEnd
      ? h('p', { class: 'past-end' }, `Trang ${requested} không có kết quả: chỉ có ${last} trang. `, h('a', { href: routeHash('/', { ...state, page: last }) }, `Xem trang cuối (trang ${last})`))
      : null,
    h('ol', { class: 'hits', start: (result.page - 1) * result.pageSize + 1 }, hits.map((hit) => hitItem(hit, vocab))),
    pager({ ...result, page: requested }, (page) => ((focusResults = true), navigate('/', { ...state, page })), vocab.limits.maxPage),
  );
  if (focusResults) {
    focusResults = false;
    // after the router has put the page in place (and focused <main>): the new results, not the old scroll position
    setTimeout(() => {
      if (!results.isConnected) return;
      results.scrollIntoView({ block: 'start' });
      count.focus({ preventScroll: true });
    });
  }
  return h(
    'section',
    {},
    h('h1', { class: 'visually-hidden' }, 'Kết quả tìm kiếm'),
    form,
    chips,
    h('div', { class: 'results-layout' }, results, facets(result, state, go, vocab)),
  );
}

/** A hand-edited address the API would refuse, said in words; null when it is fine. */
function invalidParameter(state) {
  if (state.page !== undefined && !(/^\d{1,9}$/.test(state.page) && Number(state.page) >= 1)) return 'Số trang phải là một số nguyên từ 1 trở lên.';
  for (const key of ['yearFrom', 'yearTo']) {
    if (state[key] !== undefined && !/^\d{4}$/.test(state[key])) return `${PARAMETER_NAMES[key]} phải là số năm có 4 chữ số (ví dụ 2015), không phải “${state[key]}”.`;
  }
  if (state.yearFrom && state.yearTo && Number(state.yearFrom) > Number(state.yearTo)) return `Năm bắt đầu (${state.yearFrom}) sau năm kết thúc (${state.yearTo}): hãy chọn năm bắt đầu sớm hơn.`;
  return null;
}

/** The API's 400 about query parameter `key`, said in Vietnamese words. */
function refusal(key, state) {
  const value = state[key];
  if (key === 'province') return `Không có tỉnh/thành “${value}”: hãy gõ tên tỉnh, có dấu hoặc không dấu (ví dụ Bắc Giang, bac giang).`;
  if (key === 'type') return `Không có loại văn bản “${value}”: ví dụ Kế hoạch, Quyết định, Công văn.`;
  if (key === 'topic') return `Không có chủ đề “${value}”.`;
  if (key === 'yearFrom' || key === 'yearTo') return `${PARAMETER_NAMES[key]} “${value}” nằm ngoài khoảng năm có thể tìm.`;
  if (PARAMETER_NAMES[key]) return `${PARAMETER_NAMES[key]}${value !== undefined ? ` “${value}”` : ''} không hợp lệ.`;
  return 'Địa chỉ tìm kiếm có tham số không hợp lệ; hãy tìm lại bằng ô tìm kiếm.';
}

function noResultsHint(state) {
  const words = state.q.trim().split(/\s+/).length;
  const filtered = FILTERS.some((f) => state[f]);
  const tips = [words > 1 && 'thử bớt từ', filtered && 'bỏ bớt bộ lọc', 'kiểm tra chính tả hoặc gõ không dấu'].filter(Boolean);
  return h('p', { class: 'muted hint' }, `Gợi ý: ${tips.join(', ')}.`);
}

function hitItem(hit, vocab) {
  return h(
    'li',
    { class: 'hit' },
    h('h2', {}, docLink(hit)),
    h('p', { class: 'meta' }, [hit.issuer, hit.province, viDate(hit.date), vocab.issuerLevels[hit.issuerLevel], MATCH[hit.match]].filter(Boolean).join(' · ')),
    hit.subject ? h('p', { class: 'subject' }, hit.subject) : null,
    h('p', {}, snippet(hit.snippet)),
  );
}

function filterLabel(field, value, vocab) {
  if (field === 'issuerLevel') return vocab.issuerLevels[value] ?? value;
  if (field === 'yearFrom' || field === 'yearTo') return `${field === 'yearFrom' ? 'từ' : 'đến'} ${value}`;
  return value;
}

function facets(result, state, go, vocab) {
  const groups = Object.entries(FACET_TITLES).map(([field, name]) => {
    // years read as a timeline, newest first; other values by count, as the API orders them
    const values = field === 'year' ? [...(result.facets.year ?? [])].sort((a, b) => Number(b.value) - Number(a.value)) : (result.facets[field] ?? []);
    if (!values.length) return null;
    const item = ({ value, count }) => {
      const pressed = field === 'year' ? state.yearFrom === value && state.yearTo === value : state[field] === value;
      const key = field === 'year' ? ['yearFrom', 'yearTo'] : [field];
      // pressed again, the value is taken off
      const change = Object.fromEntries(key.map((k) => [k, pressed ? undefined : value]));
      const label = field === 'issuerLevel' ? (vocab.issuerLevels[value] ?? value) : value;
      return h('li', {}, h('button', { type: 'button', class: 'facet-value', 'aria-pressed': String(pressed), 'aria-label': `${label}, ${viNumber(count)} văn bản`, onclick: () => go(change) }, label, h('span', { class: 'n' }, viNumber(count))));
    };
    const rest = values.slice(FACET_SHOWN);
    return h(
      'section',
      { class: 'facet' },
      h('h2', {}, name),
      h('ul', {}, values.slice(0, FACET_SHOWN).map(item)),
      rest.length ? moreValues(rest.map(item), field === 'year' ? `Thêm ${rest.length} năm trước đó` : `Xem thêm (${rest.length})`) : null,
    );
  });
  return h('aside', { class: 'facets', 'aria-label': 'Lọc kết quả' }, result.facetSample ? h('p', { class: 'muted' }, `Thống kê theo ${viNumber(result.facetSample)} văn bản mới nhất`) : null, groups);
}

/**
 * The values past the first few, behind a native disclosure (keyboard and screen readers included),
 * its summary saying "Thu gọn" while open. Opened already when one of them is the filter in use.
 */
function moreValues(items, more) {
  const summary = h('summary', {}, more);
  const details = h('details', { class: 'facet-more', open: items.some((li) => li.querySelector('[aria-pressed="true"]')) }, summary, h('ul', {}, items));
  const label = () => (summary.textContent = details.open ? 'Thu gọn' : more);
  details.addEventListener('toggle', label);
  label();
  return details;
}

/** Page buttons: the first, the last, and the current one's neighbours, with "…" where pages are skipped. */
function pager(result, goTo, maxPage) {
  const last = Math.min(maxPage, Math.ceil(result.total / result.pageSize));
  if (last <= 1) return null;
  const beyond = result.page >= last && last * result.pageSize < result.total;
  const pages = [...new Set([1, result.page - 1, result.page, result.page + 1, last])].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const buttons = pages.flatMap((p, i) => [
    i > 0 && p - pages[i - 1] > 1 ? h('span', { class: 'gap', 'aria-hidden': 'true' }, '…') : null,
    h('button', { type: 'button', 'aria-current': p === result.page ? 'page' : undefined, 'aria-label': `Trang ${p}`, onclick: () => goTo(p) }, String(p)),
  ]);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Trang kết quả' },
    h('button', { type: 'button', disabled: result.page <= 1, onclick: () => goTo(Math.min(result.page - 1, last)) }, '‹ Trước'),
    buttons,
    h('button', { type: 'button', disabled: result.page >= last, onclick: () => goTo(result.page + 1) }, 'Sau ›'),
    beyond ? h('p', { class: 'muted' }, `Chỉ xem được ${viNumber(last * result.pageSize)} kết quả đầu; hãy thêm từ khóa hoặc chọn bộ lọc để thu hẹp.`) : null,
  );
}

async function overview() {
  const stats = await getJson('/api/stats');
  return h(
    'div',
    { class: 'overview' },
    h('p', {}, `Kho có ${viNumber(stats.knownDocuments)} văn bản đã nhập, ${viNumber(stats.mentions)} trích dẫn (${stats.mentions ? Math.round((100 * stats.resolved) / stats.mentions) : 0}% đã xác định văn bản được trích dẫn) và ${viNumber(stats.citedOnly)} văn bản chỉ biết qua trích dẫn.`),
    h('p', { class: 'muted' }, 'Gõ có dấu hoặc không dấu: “đuối nước” và “duoi nuoc” đều tìm được; gõ có dấu thì văn bản khớp đúng dấu đứng trước. Gõ số ký hiệu (1863/QĐ-TTg, qd 1863) để thấy văn bản đó và mọi văn bản trích dẫn nó.'),
  );
}
