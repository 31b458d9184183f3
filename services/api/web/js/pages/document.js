import { ApiFailure, getJson, labels } from '../api.js';
import { docLink, h, shortTitle, title, viDate, viNumber } from '../dom.js';
import { neighbourhoodGraph } from '../graph.js';

const UP = new Set(['IMPLEMENTS', 'BASED_ON']);

/** Văn bản: header, trace breadcrumb, text with linked citations, up/down lists with their sentences, graph. */
export async function documentPage({ arg: id, setTitle }) {
  let detail, trace, vocab;
  try {
    [detail, trace, vocab] = await Promise.all([
      getJson(`/api/documents/${encodeURIComponent(id)}`),
      getJson(`/api/documents/${encodeURIComponent(id)}/trace`),
      labels(),
    ]);
  } catch (error) {
    if (!(error instanceof ApiFailure && error.status === 404)) throw error;
    setTitle('Không tìm thấy văn bản');
    return notFound(id);
  }
  const doc = detail.document;
  setTitle(title(doc));
  const up = detail.relatesTo.filter((hop) => UP.has(hop.relation));
  const down = detail.citedBy.filter((hop) => UP.has(hop.relation));
  const otherOut = detail.relatesTo.filter((hop) => !UP.has(hop.relation));
  const otherIn = detail.citedBy.filter((hop) => !UP.has(hop.relation));
  return h(
    'article',
    { class: 'document' },
    breadcrumbs(trace, doc),
    h('h1', {}, title(doc)),
    doc.subject ? h('p', { class: 'subject' }, doc.subject) : null,
    header(doc, vocab),
    h('div', { class: 'columns' },
      hopList('Thực hiện / Căn cứ', 'up', up, vocab, 'Văn bản này không ghi là thực hiện hay căn cứ văn bản nào.'),
      hopList('Được thực hiện bởi', 'down', down, vocab, 'Chưa có văn bản nào trong kho ghi là thực hiện văn bản này.'),
    ),
    detail.citedByCount > detail.citedBy.length
      ? h('p', { class: 'muted' }, `Hiện ${viNumber(detail.citedBy.length)} trong ${viNumber(detail.citedByCount)} liên kết đến văn bản này. Xem đủ ở `, h('a', { href: `#/kiem-tra?number=${encodeURIComponent(doc.id)}` }, 'Kiểm tra thực hiện'), '.')
      : null,
    otherOut.length ? hopList('Trích dẫn khác', 'cites', otherOut, vocab) : null,
    otherIn.length ? hopList('Được trích dẫn bởi', 'cited-by', otherIn, vocab) : null,
    detail.assertions.length ? assertions(detail.assertions, vocab) : null,
    h('section', { class: 'graph-section' }, h('h2', {}, 'Sơ đồ liên kết'), neighbourhoodGraph(doc, detail, vocab)),
    detail.text !== null ? textWithCitations(detail, vocab) : h('p', { class: 'muted' }, 'Văn bản này chỉ được biết qua các văn bản trích dẫn nó; chưa có toàn văn trong kho.'),
  );
}

/** An address naming no document in the store (mistyped, or a document withdrawn): which id, and where to go. */
function notFound(id) {
  return h('section', { class: 'not-found' },
    h('h1', {}, 'Không tìm thấy văn bản'),
    h('p', { class: 'error', role: 'alert' }, `Kho không có văn bản mang mã “${id}”.`),
    h('p', { class: 'muted' }, 'Địa chỉ có thể bị gõ sai, hoặc văn bản đã được gỡ khỏi kho. ', h('a', { href: '#/' }, 'Tìm văn bản'), ' theo nội dung hoặc số ký hiệu.'));
}

/** Each upward chain as a breadcrumb from the root down to this document. */
function breadcrumbs(trace, doc) {
  if (!trace.chains.length) return null;
  const crumb = (chain) => h('ol', { class: 'breadcrumb' }, [...chain].reverse().map((hop) => h('li', {}, docLink(hop.document))), h('li', { 'aria-current': 'page' }, shortTitle(doc)));
  const rest = trace.chains.slice(3);
  // the first three show at once; the others behind a native disclosure (keyboard and screen readers included)
  return h(
    'nav',
    { class: 'trace', 'aria-label': 'Chuỗi thực hiện đến văn bản gốc' },
    trace.chains.slice(0, 3).map(crumb),
    rest.length ? h('details', { class: 'more-chains' }, h('summary', {}, `Xem thêm ${rest.length} chuỗi khác`), rest.map(crumb)) : null,
  );
}

function header(doc, vocab) {
  const rows = [
    ['Số ký hiệu', doc.number ?? (doc.draft ? 'dự thảo (chưa có số)' : '—')],
    ['Loại văn bản', doc.type],
    ['Ngày ban hành', viDate(doc.date)],
    ['Cơ quan ban hành', doc.issuer],
    ['Cấp ban hành', vocab.issuerLevels[doc.issuerLevel]],
    ['Tỉnh/thành', [doc.district, doc.province].filter(Boolean).join(', ')],
    ['Người ký', [doc.signerTitle, doc.signer].filter(Boolean).join(' ')],
    ['Nơi nhận', doc.recipients?.join('; ')],
    ['Chủ đề', doc.topics.join(', ')],
    ['Tệp nguồn', doc.source ? fileName(doc.source) : doc.known ? null : 'chỉ biết qua trích dẫn'],
  ].filter(([, v]) => v);
  return h('dl', { class: 'header-fields' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/** The file's own name: where it lay on the server is no business of the reader's. */
const fileName = (path) => path.split(/[\\/]/).pop();

function hopList(heading, kind, hops, vocab, empty) {
  return h(
    'section',
    { class: `hops hops-${kind}` },
    h('h2', {}, heading, hops.length ? ` (${viNumber(hops.length)})` : ''),
    hops.length
      ? h('ul', {}, hops.map((hop) => h('li', {},
          h('span', { class: `rel rel-${hop.relation}` }, vocab.relations[hop.relation] ?? hop.relation), ' ', docLink(hop.document),
          hop.document.province ? h('span', { class: 'muted' }, ` — ${hop.document.province}`) : null,
          h('blockquote', {}, hop.sentence),
        )))
      : h('p', { class: 'muted' }, empty),
  );
}

function assertions(list, vocab) {
  return h('section', { class: 'assertions' }, h('h2', {}, 'Quan hệ giữa các văn bản khác do văn bản này nêu'),
    h('ul', {}, list.map((a) => h('li', {},
      a.from ? h('a', { href: `#/van-ban/${encodeURIComponent(a.from)}` }, a.fromNumber) : a.fromNumber,
      ` ${(vocab.relations[a.relation] ?? a.relation).toLowerCase()} `,
      a.to ? h('a', { href: `#/van-ban/${encodeURIComponent(a.to)}` }, a.toNumber) : a.toNumber,
      h('blockquote', {}, a.sentence),
    ))));
}

/** The text as ingested, every citation highlighted and linked to the document it resolves to. */
function textWithCitations(detail, vocab) {
  const text = detail.text;
  const pre = h('div', { class: 'doc-text', tabindex: '0', 'aria-label': 'Toàn văn' });
  let at = 0;
  const spans = [...detail.citations].sort((a, b) => a.start - b.start);
  for (const c of spans) {
    if (c.start < at || c.end > text.length) continue; // overlapping spans: keep the first
    pre.append(withoutMarkup(text.slice(at, c.start)));
    const hint = `${vocab.relations[c.relation] ?? c.relation}: ${c.number}${c.year ? ` (${c.year})` : ''}${c.unresolved ? ` — chưa xác định: ${vocab.unresolvedReasons[c.unresolved] ?? c.unresolved}` : ''}`;
    pre.append(c.target
      ? h('a', { class: `cite rel-${c.relation}`, href: `#/van-ban/${encodeURIComponent(c.target)}`, title: hint }, text.slice(c.start, c.end))
      : h('mark', { class: 'cite unresolved', title: hint }, text.slice(c.start, c.end)));
    at = c.end;
  }
  pre.append(withoutMarkup(text.slice(at)));
  return h('section', {}, h('h2', {}, `Toàn văn (${viNumber(detail.citations.length)} trích dẫn được đánh dấu)`), pre);
}

/**
 * The text as a reader sees it: no markdown heading marks, emphasis stars or escaping backslashes
 * (pandoc's output, whatever the file's name). A note mark "(*)" and runs of underscores (blanks to
 * fill in) stay. Only the text between citations is tidied, so each citation's span still matches
 * the source it came from.
 */
function withoutMarkup(s) {
  // one pass, so that an escaped mark ("\*") stays as the character it escapes
  return s.replace(/\\([\\`*_{}[\]()#+\-.!|~<>])|^[ \t]*#{1,6}[ \t]+|(?<!\()\*{1,3}(?!\))/gm, (_, escaped) => escaped ?? '');
}
