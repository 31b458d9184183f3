import { auditStatusLabels } from '@vanban/schema';
import type { AuditResult, AuditRow } from '@vanban/store';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
const field = (value: string | number | null): string => {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Numbers (and dates) of the documents listed, then how many more there are. */
const listed = (documents: AuditRow['documents'], count: number): string =>
  [
    ...documents.map((d) => `${d.number ?? d.id}${d.date ? ` (${d.date})` : ''}`),
    // the earliest few are listed; the count column counts them all
    ...(count > documents.length ? [`và ${count - documents.length} văn bản khác`] : []),
  ].join('; ');

/**
 * The audit table for a spreadsheet: one row per province. Starts with a UTF-8 byte order mark
 * so Excel reads the Vietnamese names correctly; header row in Vietnamese for staff. Drafts (not
 * issued, never evidence) come last, in columns of their own.
 */
export function auditCsv(result: AuditResult): string {
  const header = ['Tỉnh/thành', 'Trạng thái', 'Mã trạng thái', 'Số văn bản', 'Ngày đầu tiên', 'Độ trễ (ngày)', 'Văn bản', 'Số dự thảo', 'Dự thảo (chưa ban hành)'];
  const rows = result.provinces.map((p) => [
    p.province,
    auditStatusLabels[p.status],
    p.status,
    p.documentCount,
    p.firstDate,
    p.lagDays,
    listed(p.documents, p.documentCount),
    p.draftCount,
    listed(p.drafts, p.draftCount),
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
