import type { AuditRow, AuditStatus, StoredDocument } from '@vanban/store';
import { columns, docName, formerProvinces, label, viDate } from '../format.js';
import { UsageError } from '../usage-error.js';
import { print, withDocument, type Common, type RefOptions } from './jobs.js';

const names = { implemented: 'đã thực hiện', mentioned: 'chỉ nhắc đến', draft: 'chỉ có dự thảo', none: 'chưa có' } as const satisfies Record<AuditStatus, string>;

/** `vanban audit`: each province's status for one decree, as aligned columns. */
export function runAudit(ref: string, o: Common & RefOptions & { provinces?: string }): void {
  const scheme = o.provinces === undefined ? 63 : Number(o.provinces);
  if (scheme !== 63 && scheme !== 34) throw new UsageError('--provinces phải là 63 (trước 1/7/2025) hoặc 34 (sau)');
  withDocument(ref, o, (store, doc) => {
    const result = store.audit(doc.id, { provinces: scheme })!;
    if (o.json) return print(result);
    const count = (s: AuditStatus) => result.provinces.filter((p) => p.status === s).length;
    const counts = (['implemented', 'mentioned', 'draft', 'none'] as const).map((s) => `${count(s)} ${names[s]}`).join(', ');
    const decreeDate = viDate(result.decree.date);
    process.stdout.write(`Kiểm tra thực hiện ${label(result.decree)}${decreeDate ? `, ngày ${decreeDate}` : ''}, trên ${scheme} tỉnh, thành: ${counts}.\n`);
    if (scheme === 34) process.stdout.write('Tỉnh, thành từ 1/7/2025; trong ngoặc: tỉnh cũ (trước sáp nhập) của các văn bản.\n');
    process.stdout.write('\n');
    const rows = result.provinces.filter((p) => p.status !== 'none').map((p) => row(p, scheme));
    if (rows.length) process.stdout.write(`${columns([['Tỉnh, thành', 'Trạng thái', 'Ngày đầu tiên', 'Độ trễ', 'Văn bản'], ...rows]).join('\n')}\n`);
    const none = result.provinces.filter((p) => p.status === 'none').map((p) => p.province);
    process.stdout.write(`\nChưa có (${none.length}): ${none.join(', ') || '—'}\n`);
  });
}

const numbers = (docs: StoredDocument[]): string => docs.map(docName).join(', ');

function row(p: AuditRow, scheme: 63 | 34): string[] {
  // drafts are not issued: listed apart, never as the evidence
  const more = (shown: number, all: number) => (all > shown ? ` và ${all - shown} văn bản khác` : '');
  const drafts = p.draftCount ? `dự thảo, chưa ban hành: ${numbers(p.drafts)}${more(p.drafts.length, p.draftCount)}` : '';
  const issued = p.documents.length ? `${numbers(p.documents)}${more(p.documents.length, p.documentCount)}` : '';
  // evidence with no date (a letter whose header gave none) is not "no evidence"
  const date = viDate(p.firstDate) ?? (p.documents.length ? 'không rõ ngày' : '—');
  const lag = p.lagDays === null ? '—' : `${p.lagDays} ngày`;
  return [province(p, scheme), names[p.status], date, lag, [issued, drafts && `(${drafts})`].filter(Boolean).join('  ')];
}

/** On the 34 provinces, the old provinces the row's documents come from when they are not the row's own name: "Bắc Ninh (Bắc Giang cũ)". */
function province(p: AuditRow, scheme: 63 | 34): string {
  if (scheme === 63) return p.province;
  const covered = new Set(formerProvinces(p.province));
  const from = [...new Set([...p.documents, ...p.drafts].map((d) => d.province).filter((n): n is string => !!n && covered.has(n)))];
  return from.length && from.some((n) => n !== p.province) ? `${p.province} (${from.map((n) => `${n} cũ`).join(', ')})` : p.province;
}
