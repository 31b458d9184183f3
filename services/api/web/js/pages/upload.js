import { getJson, labels, postForm } from '../api.js';
import { docLink, h, viNumber } from '../dom.js';

const STATUS = { stored: 'Đã nhập', replaced: 'Đã thay bản cũ', unchanged: 'Không đổi (đã có)', failed: 'Lỗi' };
const KEY = 'vanban-api-key';

/** Nhập văn bản: upload .md/.txt files with the API key; each file's result, messages and citations. */
export async function uploadPage() {
  const vocab = await labels();
  // the real file input, transparent over a Vietnamese button: the native one says "Choose Files / No file chosen"
  const files = h('input', { type: 'file', id: 'files', name: 'files', multiple: true, accept: '.md,.txt,text/plain,text/markdown', required: true, 'aria-describedby': 'files-chosen', title: 'Chọn tệp .md hoặc .txt' });
  const chosen = h('span', { id: 'files-chosen', class: 'chosen', 'aria-live': 'polite' });
  const showChosen = () => {
    const names = [...files.files].map((f) => f.name);
    chosen.textContent = names.length ? `${names.length} tệp đã chọn: ${names.join(', ')}` : 'Chưa chọn tệp';
    files.setCustomValidity(names.length ? '' : 'Hãy chọn ít nhất một tệp .md hoặc .txt.');
  };
  files.addEventListener('change', showChosen);
  showChosen();
  const key = h('input', { type: 'password', id: 'api-key', name: 'key', autocomplete: 'off', value: sessionStorage.getItem(KEY) ?? '', required: true });
  const checkKey = () => key.setCustomValidity(key.value ? '' : 'Hãy nhập khóa API.');
  key.addEventListener('input', checkKey);
  checkKey();
  const out = h('div', { class: 'upload-results', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, 'Tải lên và nhập');
  const form = h('form', { class: 'upload-form', onsubmit: async (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY, key.value);
    const body = new FormData();
    for (const f of files.files) body.append('files', f, f.name);
    button.disabled = true;
    out.replaceChildren(h('p', { role: 'status' }, `Đang nhập ${files.files.length} tệp…`));
    try {
      const result = await postForm('/api/documents', body, { 'x-api-key': key.value });
      out.replaceChildren(h('p', { role: 'status', class: 'upload-summary' }, summary(result.files)), ...(await Promise.all(result.files.map((f) => fileResult(f, vocab)))));
    } catch (error) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.status === 401 ? 'Khóa API không đúng hoặc máy chủ chưa bật nhập văn bản.' : error.message));
    } finally {
      button.disabled = false;
    }
  } },
    h('div', { class: 'field' }, h('label', { for: 'files' }, 'Tệp văn bản (.md, .txt; chọn được nhiều tệp)'),
      h('div', { class: 'file-row' }, h('div', { class: 'file-picker' }, h('span', { class: 'button', 'aria-hidden': 'true' }, 'Chọn tệp…'), files), chosen)),
    h('div', { class: 'field' }, h('label', { for: 'api-key' }, 'Khóa API (VANBAN_API_KEY)'), key),
    button);
  return h('section', {}, h('h1', {}, 'Nhập văn bản'), form, out);
}

/** "Xong 2 tệp: 1 tệp đã lưu, 1 tệp lỗi.": a failure is never hidden in the total. */
function summary(files) {
  const count = (...statuses) => files.filter((f) => statuses.includes(f.status)).length;
  const unchanged = count('unchanged');
  const parts = [`${count('stored', 'replaced')} tệp đã lưu`, unchanged && `${unchanged} tệp không đổi (đã có)`, `${count('failed')} tệp lỗi`].filter(Boolean);
  return `Xong ${files.length} tệp: ${parts.join(', ')}.`;
}

async function fileResult(file, vocab) {
  const docs = await Promise.all(file.ids.map((id) => getJson(`/api/documents/${encodeURIComponent(id)}`)));
  return h('section', { class: `file-result status-${file.status}` },
    h('h2', {}, file.name, ' — ', STATUS[file.status] ?? file.status),
    h('p', {}, `${viNumber(file.documents)} văn bản, ${viNumber(file.citations)} trích dẫn.`),
    file.messages.length ? h('ul', { class: 'messages' }, file.messages.map((m) => h('li', { class: m.severity, title: m.reason }, m.line ? `Dòng ${m.line}: ` : '', vocab.messages[m.ruleId] ?? m.reason))) : null,
    docs.map((d) => h('div', { class: 'uploaded-doc' },
      h('h3', {}, docLink(d.document)),
      d.citations.length
        ? h('table', { class: 'citations' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Trích dẫn'), h('th', { scope: 'col' }, 'Số ký hiệu'), h('th', { scope: 'col' }, 'Quan hệ'), h('th', { scope: 'col' }, 'Văn bản'))),
            h('tbody', {}, d.citations.map((c) => h('tr', {},
              h('td', {}, c.raw), h('td', {}, c.number, c.year ? ` (${c.year})` : ''), h('td', {}, vocab.relations[c.relation] ?? c.relation),
              h('td', {}, c.target ? h('a', { href: `#/van-ban/${encodeURIComponent(c.target)}` }, 'mở') : (c.unresolved ? `chưa xác định: ${vocab.unresolvedReasons[c.unresolved] ?? c.unresolved}` : '—'))))))
        : h('p', { class: 'muted' }, 'Không có trích dẫn.'))));
}
