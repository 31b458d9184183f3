import { MAX_PAGE_SIZE } from '@vanban/schema';
import type { Hop, SearchResult, SqliteStore, StoredDocument } from '@vanban/store';
import { docName, issuerName, label, viDate } from '../format.js';
import { NotFound, openExisting, parseYear, parseYearRange, resolveRef, withId } from '../open-store.js';
import { UsageError } from '../usage-error.js';
import { excerpt } from '../excerpt.js';
import { checkFilterValues, levelLabel, parseLevel, reasonLabel, relationLabel } from '../labels.js';

export interface Common {
  db: string;
  json?: boolean;
}

export interface RefOptions {
  year?: string;
  province?: string;
}

/**
 * Open the database, find the one document `ref` names (id or number + --year/--province), run the
 * job, close. With --json, a document not found (or several) is a JSON answer on stdout too.
 */
export function withDocument(ref: string, o: Common & RefOptions, job: (store: SqliteStore, doc: StoredDocument) => void): void {
  if (!ref.trim()) throw new UsageError('cần mã văn bản (id) hoặc số ký hiệu, nhận được chuỗi rỗng');
  const year = parseYear(o.year);
  checkFilterValues({ province: o.province });
  const store = openExisting(o.db);
  try {
    let doc: StoredDocument;
    try {
      doc = resolveRef(store, ref, { year, province: o.province });
    } catch (error) {
      if (o.json && error instanceof NotFound) {
        print({ error: error.candidates.length ? 'ambiguous' : 'not-found', message: error.message, candidates: error.candidates });
      }
      throw error;
    }
    job(store, doc);
  } finally {
    store.close();
  }
}

export const print = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
const flatHop = (h: Hop) => ({ ...h.document, relation: h.relation, sentence: h.sentence, cue: h.cue, assertedBy: h.assertedBy });
const plain = (snippet: string): string => snippet.replace(/<mark>/g, '«').replace(/<\/mark>/g, '»').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** A positive whole number as typed ("3", not "1e3", "2.0" or "0x10"). */
function positiveInteger(value: string | undefined, fallback: number, name: string, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new UsageError(`${name} phải là số nguyên dương${max < Number.MAX_SAFE_INTEGER ? ` từ 1 đến ${max}` : ''}, nhận được "${value}"`);
  }
  return n;
}

export function runSearch(q: string, o: Common & { province?: string; year?: string; type?: string; topic?: string; level?: string; limit?: string; page?: string }): void {
  const limit = positiveInteger(o.limit, 10, '--limit', MAX_PAGE_SIZE);
  const page = positiveInteger(o.page, 1, '--page');
  if (!q.trim()) throw new UsageError('từ khóa tìm kiếm không được để trống');
  const years = parseYearRange(o.year); // the arguments checked before the database is opened
  const issuerLevel = parseLevel(o.level);
  checkFilterValues(o);
  const store = openExisting(o.db);
  try {
    const result: SearchResult = store.search({ q, province: o.province, type: o.type, topic: o.topic, issuerLevel, ...years, pageSize: limit, page });
    if (o.json) return print(result);
    process.stdout.write(`${result.totalIsExact ? '' : 'Ít nhất '}${result.total} văn bản khớp "${q}" (trang ${result.page}).\n\n`);
    for (const h of result.hits) {
      const date = viDate(h.date);
      process.stdout.write(`${withId(h)}${date ? `\n  Ngày ${date}` : ''}${h.subject ? `\n  ${h.subject}` : ''}\n  ${plain(h.snippet)}\n\n`);
    }
    const facet = (name: string, list: Array<{ value: string; count: number }>) => (list.length ? `${name}: ${list.slice(0, 8).map((f) => `${f.value} (${f.count})`).join(', ')}\n` : '');
    if (result.facetSample) process.stdout.write(`(Thống kê theo ${result.facetSample} văn bản mới nhất)\n`);
    process.stdout.write(facet('Tỉnh', result.facets.province) + facet('Năm', result.facets.year) + facet('Loại', result.facets.type) + facet('Cấp', result.facets.issuerLevel.map((f) => ({ ...f, value: levelLabel(f.value) ?? f.value }))) + facet('Chủ đề', result.facets.topic));
  } finally {
    store.close();
  }
}

/** Who states a link, when not the lower document itself. */
function statedBy(store: SqliteStore, h: Hop, lower: StoredDocument): string {
  if (h.assertedBy === lower.id) return '';
  const by = store.getDocument(h.assertedBy);
  return ` (theo ${by ? docName(by) : h.assertedBy})`;
}

export function runTrace(ref: string, o: Common & RefOptions): void {
  withDocument(ref, o, (store, doc) => {
    const result = store.trace(doc.id)!;
    if (o.json) return print({ document: result.document, chains: result.chains.map((c) => c.map(flatHop)) });
    process.stdout.write(`Truy vết ${label(result.document)}: ${result.chains.length} chuỗi lên văn bản gốc.\n`);
    result.chains.forEach((chain, k) => {
      process.stdout.write(`\n${k + 1}. ${label(result.document)}\n`);
      // each link, then the sentence that states it, under it
      chain.forEach((h, i) => {
        const lower = i ? chain[i - 1].document : result.document;
        process.stdout.write(`   → [${relationLabel(h.relation)}] ${label(h.document)}\n`);
        process.stdout.write(`       « ${excerpt(h.sentence, [lower.number, h.document.number])} »${statedBy(store, h, lower)}\n`);
      });
    });
  });
}

export function runImplementations(ref: string, o: Common & RefOptions): void {
  withDocument(ref, o, (store, doc) => {
    const levels = store.implementations(doc.id)!;
    if (o.json) return print({ document: doc, levels: levels.map((l) => ({ depth: l.depth, documents: l.documents.map((h) => ({ ...flatHop(h), parent: h.parent })) })) });
    process.stdout.write(`Văn bản thực hiện ${label(doc)}:\n`);
    const byId = new Map<string, StoredDocument>([[doc.id, doc]]);
    for (const l of levels) {
      process.stdout.write(`\nCấp ${l.depth} (${l.documents.length} văn bản)\n`);
      for (const h of l.documents) {
        const parent = byId.get(h.parent);
        process.stdout.write(`  [${relationLabel(h.relation)}] ${label(h.document)}${l.depth > 1 ? `  ← ${parent ? docName(parent) : h.parent}` : ''}\n`);
      }
      for (const h of l.documents) byId.set(h.document.id, h.document);
    }
    if (!levels.length) process.stdout.write('  (chưa có văn bản nào)\n');
  });
}

export function runLookup(number: string, o: Common & { year?: string; province?: string }): number {
  if (!number.trim()) throw new UsageError('cần số ký hiệu, nhận được chuỗi rỗng');
  const year = parseYear(o.year);
  checkFilterValues({ province: o.province });
  const store = openExisting(o.db);
  try {
    const found = store.lookup(number, { year, province: o.province });
    if (o.json) print({ documents: found });
    else if (!found.length) process.stderr.write(`Không có văn bản số ${number}.\n`);
    else for (const d of found) process.stdout.write(`${withId(d)}${d.source ? `\n  tệp: ${d.source}` : ''}\n`);
    return found.length ? 0 : 1;
  } finally {
    store.close();
  }
}

export function runShow(id: string, o: Common & RefOptions): void {
  withDocument(id, o, (store, doc) => {
    const detail = store.describe(doc.id)!;
    if (o.json) return print(detail);
    const d = detail.document;
    const line = (k: string, v: unknown) => process.stdout.write(`${k.padEnd(18)} ${v === null || v === undefined || v === '' ? '—' : v}\n`);
    line('Văn bản', label(d));
    line('Mã', d.id);
    line('Số ký hiệu', d.number);
    line('Loại', d.type);
    line('Ngày', viDate(d.date) ?? (d.year ? `năm ${d.year}` : 'không rõ ngày'));
    line('Cơ quan', `${issuerName(d.issuer) ?? '—'} (${levelLabel(d.issuerLevel) ?? '—'})`);
    line('Tỉnh', d.province ? `${d.district ? `${d.district}, ` : ''}${d.province}` : null);
    line('Trích yếu', d.subject);
    line('Người ký', d.signer);
    line('Chủ đề', d.topics.join('; '));
    line('Tệp', d.source ?? (d.known ? null : 'chỉ biết qua trích dẫn'));
    process.stdout.write(`\nTrích dẫn (${detail.citations.length}):\n`);
    for (const c of detail.citations) {
      const target = c.target ? store.getDocument(c.target) : null;
      const cited = target ? label(target) : `${c.number}${c.year ? ` (${c.year})` : ''} — chưa xác định: ${reasonLabel(c.unresolved)}`;
      process.stdout.write(`  [${relationLabel(c.relation)}] ${cited}${c.pin ? ` [${c.pin}]` : ''}\n`);
    }
    process.stdout.write(`\nĐược trích dẫn bởi (${detail.citedByCount}):\n`);
    for (const h of detail.citedBy) process.stdout.write(`  [${relationLabel(h.relation)}] ${label(h.document)}\n`);
    if (detail.citedByCount > detail.citedBy.length) process.stdout.write(`  … và ${detail.citedByCount - detail.citedBy.length} văn bản khác\n`);
  });
}

/** The summary is the result: on stdout (with --list, the list follows it). */
export function runResolve(o: Common & { list?: boolean }): void {
  const store = openExisting(o.db, { writes: true });
  try {
    const summary = store.resolve();
    if (o.json) return print(o.list ? { ...summary, citations: [...store.unresolvedCitations()] } : summary);
    process.stdout.write(`Đã xác định lại ${summary.resolved}/${summary.mentions} trích dẫn; ${summary.edges} quan hệ; ${summary.citedOnly} văn bản chỉ biết qua trích dẫn.\n`);
    const reasons = Object.entries(summary.unresolved);
    if (reasons.length) process.stdout.write(`Chưa xác định: ${reasons.map(([r, n]) => `${n} ${reasonLabel(r)}`).join('; ')}${o.list ? '.' : ' (xem từng trích dẫn: thêm --list).'}\n`);
    // one citation per block, grouped by reason
    if (o.list) {
      let reason = '';
      for (const c of store.unresolvedCitations()) {
        if (c.reason !== reason) process.stdout.write(`\n## ${reasonLabel((reason = c.reason))}\n`);
        process.stdout.write(`${c.document}  →  ${c.number}${c.year ? ` (${c.year})` : ''}${c.issuer ? ` ${c.issuer}` : ''}\n  « ${excerpt(c.sentence, [c.number])} »\n`);
      }
    }
  } finally {
    store.close();
  }
}
