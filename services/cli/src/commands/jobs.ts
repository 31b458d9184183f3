import { MAX_PAGE_SIZE } from '@vanban/schema';
import type { AuditStatus, Hop, SearchResult, SqliteStore, StoredDocument } from '@vanban/store';
import { label, openExisting, parseYear, parseYearRange, resolveRef } from '../open-store.js';
import { UsageError } from '../usage-error.js';
import { excerpt } from '../excerpt.js';
import { checkFilterValues, levelLabel, parseLevel, reasonLabel, relationLabel } from '../labels.js';

interface Common {
  db: string;
  json?: boolean;
}

interface RefOptions {
  year?: string;
  province?: string;
}

/** Open the database, find the one document `ref` names (id or number + --year/--province), run the job, close. */
function withDocument(ref: string, o: Common & RefOptions, job: (store: SqliteStore, doc: StoredDocument) => void): void {
  checkFilterValues({ province: o.province });
  const store = openExisting(o.db);
  try {
    job(store, resolveRef(store, ref, { year: parseYear(o.year), province: o.province }));
  } finally {
    store.close();
  }
}

const print = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
const flatHop = (h: Hop) => ({ ...h.document, relation: h.relation, sentence: h.sentence, cue: h.cue, assertedBy: h.assertedBy });
const plain = (snippet: string): string => snippet.replace(/<mark>/g, '«').replace(/<\/mark>/g, '»').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export function runSearch(q: string, o: Common & { province?: string; year?: string; type?: string; topic?: string; level?: string; limit?: string; page?: string }): void {
  const limit = o.limit === undefined ? 10 : Number(o.limit);
  const page = o.page === undefined ? 1 : Number(o.page);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new UsageError(`--limit phải là số nguyên từ 1 đến ${MAX_PAGE_SIZE}`);
  if (!Number.isInteger(page) || page < 1) throw new UsageError('--page phải là số nguyên ≥ 1');
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
      process.stdout.write(`${h.id}\n  ${label(h)}  ${h.type ?? ''}${h.subject ? `\n  ${h.subject}` : ''}\n  ${plain(h.snippet)}\n\n`);
    }
    const facet = (name: string, list: Array<{ value: string; count: number }>) => (list.length ? `${name}: ${list.slice(0, 8).map((f) => `${f.value} (${f.count})`).join(', ')}\n` : '');
    if (result.facetSample) process.stdout.write(`(Thống kê theo ${result.facetSample} văn bản mới nhất)\n`);
    process.stdout.write(facet('Tỉnh', result.facets.province) + facet('Năm', result.facets.year) + facet('Loại', result.facets.type) + facet('Cấp', result.facets.issuerLevel.map((f) => ({ ...f, value: levelLabel(f.value) ?? f.value }))) + facet('Chủ đề', result.facets.topic));
  } finally {
    store.close();
  }
}

export function runTrace(ref: string, o: Common & RefOptions): void {
  withDocument(ref, o, (store, doc) => {
    const result = store.trace(doc.id)!;
    if (o.json) return print({ document: result.document, chains: result.chains.map((c) => c.map(flatHop)) });
    process.stdout.write(`Truy vết ${label(result.document)}: ${result.chains.length} chuỗi lên văn bản gốc.\n`);
    result.chains.forEach((chain, k) => {
      process.stdout.write(`\n${k + 1}. ${[result.document.number ?? result.document.id, ...chain.map((h) => `[${relationLabel(h.relation)}] ${label(h.document)}`)].join('\n   → ')}\n`);
      chain.forEach((h, i) => process.stdout.write(`     « ${excerpt(h.sentence, [(i ? chain[i - 1].document : result.document).number, h.document.number])} » (${h.assertedBy})\n`));
    });
  });
}

export function runImplementations(ref: string, o: Common & RefOptions): void {
  withDocument(ref, o, (store, doc) => {
    const levels = store.implementations(doc.id)!;
    if (o.json) return print({ document: doc, levels: levels.map((l) => ({ depth: l.depth, documents: l.documents.map((h) => ({ ...flatHop(h), parent: h.parent })) })) });
    process.stdout.write(`Văn bản thực hiện ${label(doc)}:\n`);
    for (const l of levels) {
      process.stdout.write(`\nCấp ${l.depth} (${l.documents.length} văn bản)\n`);
      for (const h of l.documents) process.stdout.write(`  [${relationLabel(h.relation)}] ${label(h.document)}  ← ${h.parent}\n`);
    }
    if (!levels.length) process.stdout.write('  (chưa có văn bản nào)\n');
  });
}

export function runAudit(ref: string, o: Common & RefOptions & { provinces?: string }): void {
  const scheme = o.provinces === undefined ? 63 : Number(o.provinces);
  if (scheme !== 63 && scheme !== 34) throw new UsageError('--provinces phải là 63 (trước 1/7/2025) hoặc 34 (sau)');
  withDocument(ref, o, (store, doc) => {
    const result = store.audit(doc.id, { provinces: scheme })!;
    if (o.json) return print(result);
    const names = { implemented: 'đã thực hiện', mentioned: 'chỉ nhắc đến', draft: 'chỉ có dự thảo', none: 'chưa có' } as const satisfies Record<AuditStatus, string>;
    const count = (s: AuditStatus) => result.provinces.filter((p) => p.status === s).length;
    const counts = (['implemented', 'mentioned', 'draft', 'none'] as const).map((s) => `${count(s)} ${names[s]}`).join(', ');
    process.stdout.write(`Kiểm tra thực hiện ${label(result.decree)} trên ${scheme} tỉnh, thành: ${counts}.\n\n`);
    const numbers = (docs: StoredDocument[]) => docs.map((d) => d.number ?? d.id).join(', ');
    for (const p of result.provinces) {
      if (p.status === 'none') continue;
      // drafts are not issued: listed apart, never as the evidence
      const drafts = p.draftCount ? `  (dự thảo, chưa ban hành: ${numbers(p.drafts)}${p.draftCount > p.drafts.length ? ` và ${p.draftCount - p.drafts.length} khác` : ''})` : '';
      process.stdout.write(`${p.province.padEnd(22)} ${names[p.status].padEnd(14)} ${p.firstDate ?? '—'}  ${p.lagDays === null ? '' : `sau ${p.lagDays} ngày`}  ${numbers(p.documents)}${drafts}\n`);
    }
    process.stdout.write(`\nChưa có: ${result.provinces.filter((p) => p.status === 'none').map((p) => p.province).join(', ') || '—'}\n`);
  });
}

export function runLookup(number: string, o: Common & { year?: string; province?: string }): number {
  checkFilterValues({ province: o.province });
  const store = openExisting(o.db);
  try {
    const found = store.lookup(number, { year: parseYear(o.year), province: o.province });
    if (o.json) print({ documents: found });
    else if (!found.length) process.stderr.write(`Không có văn bản số ${number}.\n`);
    else for (const d of found) process.stdout.write(`${d.id}  ${label(d)}  ${d.type ?? ''} ${d.source ?? ''}\n`);
    return found.length ? 0 : 1;
  } finally {
    store.close();
  }
}

export function runShow(id: string, o: Common & RefOptions): void {
  checkFilterValues({ province: o.province });
  const store = openExisting(o.db);
  try {
    const doc = resolveRef(store, id, { year: parseYear(o.year), province: o.province });
    const detail = store.describe(doc.id)!;
    if (o.json) return print(detail);
    const d = detail.document;
    const line = (k: string, v: unknown) => process.stdout.write(`${k.padEnd(18)} ${v === null || v === undefined || v === '' ? '—' : v}\n`);
    line('Mã', d.id);
    line('Số ký hiệu', d.number);
    line('Loại', d.type);
    line('Ngày', d.date ?? d.year);
    line('Cơ quan', `${d.issuer ?? '—'} (${levelLabel(d.issuerLevel) ?? '—'})`);
    line('Tỉnh', d.province ? `${d.province}${d.district ? `, ${d.district}` : ''}` : null);
    line('Trích yếu', d.subject);
    line('Người ký', d.signer);
    line('Chủ đề', d.topics.join('; '));
    line('Tệp', d.source ?? (d.known ? null : 'chỉ biết qua trích dẫn'));
    process.stdout.write(`\nTrích dẫn (${detail.citations.length}):\n`);
    for (const c of detail.citations) process.stdout.write(`  [${relationLabel(c.relation)}] ${c.number}${c.year ? ` (${c.year})` : ''} → ${c.target ?? `chưa xác định: ${reasonLabel(c.unresolved)}`}\n`);
    process.stdout.write(`\nĐược trích dẫn bởi (${detail.citedBy.length}):\n`);
    for (const h of detail.citedBy) process.stdout.write(`  [${relationLabel(h.relation)}] ${label(h.document)}\n`);
  } finally {
    store.close();
  }
}

export function runResolve(o: Common & { list?: boolean }): void {
  const store = openExisting(o.db, { writes: true });
  try {
    const summary = store.resolve();
    if (o.json) return print(o.list ? { ...summary, citations: [...store.unresolvedCitations()] } : summary);
    process.stderr.write(`Đã xác định lại ${summary.resolved}/${summary.mentions} trích dẫn; ${summary.edges} quan hệ; ${summary.citedOnly} văn bản chỉ biết qua trích dẫn.\n`);
    const reasons = Object.entries(summary.unresolved);
    if (reasons.length) process.stderr.write(`Chưa xác định: ${reasons.map(([r, n]) => `${n} ${reasonLabel(r)}`).join('; ')}${o.list ? '.' : ' (xem từng trích dẫn: thêm --list).'}\n`);
    // the list is data: on stdout, one citation per block, grouped by reason
    if (o.list) {
      let reason = '';
      for (const c of store.unresolvedCitations()) {
        if (c.reason !== reason) process.stdout.write(`${reason ? '\n' : ''}## ${reasonLabel((reason = c.reason))}\n`);
        process.stdout.write(`${c.document}  →  ${c.number}${c.year ? ` (${c.year})` : ''}${c.issuer ? ` ${c.issuer}` : ''}\n  « ${excerpt(c.sentence, [c.number])} »\n`);
      }
    }
  } finally {
    store.close();
  }
}

