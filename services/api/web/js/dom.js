/** Build DOM nodes: h('a', { href: '#/' }, 'text', child). Text is always set as text, never as HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A snippet from the API: already HTML-escaped by the server, with <mark> around matches. Anything else is dropped. */
export function snippet(html) {
  const span = h('span', { class: 'snippet' });
  const parts = String(html).split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = part.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      span.append(marked ? h('mark', {}, text) : document.createTextNode(text));
    }
  }
  return span;
}

export function render(root, ...children) {
  root.replaceChildren();
  append(root, children);
}

const numberFormat = new Intl.NumberFormat('vi');
/** A count as Vietnamese writes it: 2.834, not 2834 or 2,834. */
export const viNumber = (n) => numberFormat.format(n);

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function viDate(iso) {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export const docLink = (doc, text) => h('a', { href: `#/van-ban/${encodeURIComponent(doc.id)}` }, text ?? title(doc));

/**
 * What a document is called where only its number fits (a graph node, the end of a breadcrumb):
 * its number, marked when it is a draft, or "không số" — never the internal id.
 */
export function shortTitle(doc) {
  if (!doc.number) return doc.draft ? 'dự thảo' : 'không số';
  return doc.draft ? `${doc.number} (dự thảo)` : doc.number;
}

/** "Chỉ thị 20-CT/TW (2012)", "Công văn /UBND-KGVX (dự thảo, 2020)", "Văn bản không số của Sở Y tế (2019)". */
export function title(doc) {
  const name = doc.number ?? (doc.draft ? 'chưa có số' : `không số${doc.issuer ? ` của ${doc.issuer}` : ''}`);
  const notes = [doc.draft ? 'dự thảo' : null, doc.year].filter(Boolean);
  return `${doc.type ?? 'Văn bản'} ${name}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

export const errorBox = (error) => h('p', { class: 'error', role: 'alert', title: error.detail ?? '' }, error.message ?? String(error));

/** "#/path?a=1": a route with its query parameters, empty values dropped. */
export function routeHash(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return `#${path}${query.size ? `?${query}` : ''}`;
}

/**
 * Put new query parameters in the address without a new history entry or a new render: for a
 * change the page has already shown itself (a table's sort). The router's entry key is kept.
 */
export function replaceRoute(path, params = {}) {
  history.replaceState(history.state, '', routeHash(path, params));
}
