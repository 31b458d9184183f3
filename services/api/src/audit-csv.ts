import { auditStatusLabels } from '@vanban/schema';
import type { AuditResult } from '@vanban/store';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
const field = (value: string | number | null): string => {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The audit table for a spreadsheet: one row per province. Starts with a UTF-8 byte order mark
 * so Excel reads the Vietnamese names correctly; header row in Vietnamese for staff.
 */
export function auditCsv(result: AuditResult): string {
  const header = ['Tỉnh/thành', 'Trạng thái', 'Mã trạng thái', 'Số văn bản', 'Ngày đầu tiên', 'Độ trễ (ngày)', 'Văn bản'];
  const rows = result.provinces.map((p) => [
    p.province,
    auditStatusLabels[p.status],
    p.status,
    p.documentCount,
    p.firstDate,
    p.lagDays,
    [
      ...p.documents.map((d) => `${d.number ?? d.id}${d.date ? ` (${d.date})` : ''}`),
      // the earliest few are listed; "Số văn bản" counts them all
      ...(p.documentCount > p.documents.length ? [`và ${p.documentCount - p.documents.length} văn bản khác`] : []),
    ].join('; '),
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
