import { getJson, labels } from '../api.js';
import { docLink, h, snippet, viDate } from '../dom.js';

const FILTERS = ['province', 'yearFrom', 'yearTo', 'type', 'issuerLevel', 'topic'];
const FACET_TITLES = { province: 'Tỉnh', year: 'Năm', type: 'Loại văn bản', issuerLevel: 'Cấp ban hành', topic: 'Chủ đề' };
const MATCH = { exact: 'khớp đúng dấu', folded: 'khớp không dấu', number: 'số ký hiệu', 'cites-number': 'trích dẫn số này' };

/** The API refuses parameters it does not take: a hand-edited address keeps only the ones it does. */
const pick = (state, keys) => Object.fromEntries(keys.filter((k) => state[k] !== undefined).map((k) => [k, state[k]]));

/** Tìm kiếm: a search box (with or without diacritics, or a số ký hiệu), facets with counts, snippets, pages. */
export async function searchPage({ params, navigate }) {
  const state = Object.fromEntries([...params]);
  const go = (changes) => navigate('/', { ...state, page: undefined, ...changes });
  const input = h('input', { type: 'search', name: 'q', id: 'q', value: state.q ?? '', placeholder: 'ví dụ: đuối nước, duoi nuoc, 1863/QĐ-TTg', autocomplete: 'off', required: true, maxlength: 300 });
  const form = h(
    'form',
    { class: 'search-form', role: 'search', onsubmit: (e) => (e.preventDefault(), go({ q: input.value.trim() || undefined })) },
    h('label', { for: 'q' }, 'Tìm văn bản theo nội dung hoặc số ký hiệu'),
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, 'Tìm')),
  );
  if (!state.q) return h('section', {}, h('h1', {}, 'Tìm kiếm văn bản'), form, await overview());

  const [result, vocab] = await Promise.all([getJson('/api/search', { ...pick(state, ['q', 'page', ...FILTERS]), pageSize: 10 }), labels()]);
  document.title = `${state.q} — Vanban`;
  const active = FILTERS.filter((f) => state[f]).map((f) =>
    h('button', { type: 'button', class: 'chip', 'aria-label': `Bỏ lọc ${state[f]}`, onclick: () => go({ [f]: undefined, ...(f === 'yearFrom' || f === 'yearTo' ? { yearFrom: undefined, yearTo: undefined } : {}) }) }, `${filterLabel(f, state[f], vocab)} ✕`),
  );
  return h(
    'section',
    {},
    h('h1', { class: 'visually-hidden' }, 'Kết quả tìm kiếm'),
    form,
    active.length ? h('div', { class: 'chips', 'aria-label': 'Bộ lọc đang dùng' }, active) : null,
    h(
      'div',
      { class: 'results-layout' },
      h('div', { class: 'results' },
        h('p', { class: 'count', role: 'status' }, result.total === 0 ? `Không có văn bản nào khớp “${state.q}”.` : `${result.totalIsExact ? '' : 'Hơn '}${result.total} văn bản khớp “${state.q}”`),
        h('ol', { class: 'hits', start: (result.page - 1) * result.pageSize + 1 }, result.hits.map((hit) => hitItem(hit, vocab))),
        pager(result, (page) => navigate('/', { ...state, page }), vocab.limits.maxPage),
      ),
      facets(result, state, go, vocab),
    ),
  );
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
    const values = result.facets[field] ?? [];
    if (!values.length) return null;
    return h(
      'section',
      { class: 'facet' },
      h('h2', {}, name),
      h('ul', {}, values.slice(0, 12).map(({ value, count }) => {
        const change = field === 'year' ? { yearFrom: value, yearTo: value } : { [field]: value };
        const label = field === 'issuerLevel' ? (vocab.issuerLevels[value] ?? value) : value;
        const pressed = field === 'year' ? state.yearFrom === value && state.yearTo === value : state[field] === value;
        return h('li', {}, h('button', { type: 'button', class: 'facet-value', 'aria-pressed': String(pressed), onclick: () => go(change) }, label, h('span', { class: 'n' }, String(count))));
      })),
    );
  });
  return h('aside', { class: 'facets', 'aria-label': 'Lọc kết quả' }, result.facetSample ? h('p', { class: 'muted' }, `Thống kê theo ${result.facetSample} văn bản mới nhất`) : null, groups);
}

function pager(result, goTo, maxPage) {
  const last = Math.min(maxPage, Math.ceil(result.total / result.pageSize));
  if (last <= 1) return null;
  const beyond = result.page >= last && last * result.pageSize < result.total;
  const pages = [...new Set([1, result.page - 1, result.page, result.page + 1, last])].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Trang kết quả' },
    h('button', { type: 'button', disabled: result.page <= 1, onclick: () => goTo(result.page - 1) }, '‹ Trước'),
    pages.map((p) => h('button', { type: 'button', 'aria-current': p === result.page ? 'page' : undefined, onclick: () => goTo(p) }, String(p))),
    h('button', { type: 'button', disabled: result.page >= last, onclick: () => goTo(result.page + 1) }, 'Sau ›'),
    beyond ? h('p', { class: 'muted' }, `Chỉ xem được ${(last * result.pageSize).toLocaleString('vi-VN')} kết quả đầu; hãy thêm từ khóa hoặc chọn bộ lọc để thu hẹp.`) : null,
  );
}

async function overview() {
  const stats = await getJson('/api/stats');
  return h(
    'div',
    { class: 'overview' },
    h('p', {}, `Kho có ${stats.knownDocuments} văn bản đã nhập, ${stats.mentions} trích dẫn (${stats.mentions ? Math.round((100 * stats.resolved) / stats.mentions) : 0}% đã xác định văn bản được trích dẫn) và ${stats.citedOnly} văn bản chỉ biết qua trích dẫn.`),
    h('p', { class: 'muted' }, 'Gõ có dấu hoặc không dấu: “đuối nước” và “duoi nuoc” đều tìm được; gõ có dấu thì văn bản khớp đúng dấu đứng trước. Gõ số ký hiệu (1863/QĐ-TTg, qd 1863) để thấy văn bản đó và mọi văn bản trích dẫn nó.'),
  );
}
