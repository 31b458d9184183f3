import type { AuditStatus } from '../api.js';
import type { IssuerLevel } from './issuer-levels.js';
import type { RelationType } from './relations.js';

/** What staff read for each code, in the web UI, CSV exports and the command line. */

/** A relation read from the citing document's side: "this document … that one". */
export const relationLabels: Readonly<Record<RelationType, string>> = {
  IMPLEMENTS: 'Thực hiện',
  BASED_ON: 'Căn cứ',
  GUIDES: 'Hướng dẫn',
  AMENDS: 'Sửa đổi',
  REPLACES: 'Thay thế',
  REPORTS_ON: 'Báo cáo về',
  RESPONDS_TO: 'Trả lời',
  CITES: 'Trích dẫn',
};

export const issuerLevelLabels: Readonly<Record<IssuerLevel, string>> = {
  'party-central': 'Trung ương Đảng',
  'national-assembly': 'Quốc hội',
  government: 'Chính phủ, Thủ tướng',
  ministry: 'Bộ, ngành trung ương',
  province: 'Cấp tỉnh',
  department: 'Sở, ban, ngành tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

export const auditStatusLabels: Readonly<Record<AuditStatus, string>> = {
  implemented: 'Đã thực hiện',
  mentioned: 'Có nhắc đến',
  draft: 'Chỉ có dự thảo',
  none: 'Chưa có căn cứ',
};

/** Why a citation found no document (`unresolved` in the store's answers). */
export const unresolvedReasonLabels: Readonly<Record<string, string>> = {
  'no-year': 'không rõ năm',
  'ambiguous-issuer': 'không rõ cơ quan (mã dùng chung Bộ/Sở)',
  'unknown-issuer': 'không rõ cơ quan ban hành',
  'no-province': 'không rõ tỉnh',
  ambiguous: 'nhiều văn bản cùng khớp',
};

/** Extraction and storage messages by `ruleId`, as staff read them (the English `reason` has the details). */
export const messageLabels: Readonly<Record<string, string>> = {
  'read:io': 'Không đọc được tệp (không tồn tại hoặc không có quyền)',
  'read:empty': 'Tệp rỗng: không có gì để đọc',
  'read:binary': 'Dữ liệu nhị phân, không phải văn bản; cần UTF-8 hoặc UTF-16 có BOM',
  'read:invalid-utf8': 'Có chuỗi byte không phải UTF-8 hợp lệ, đã thay bằng ký tự �',
  'read:windows-1258': 'Tệp không mã hóa UTF-8: đã đọc theo bảng mã Windows-1258; nên lưu lại tệp ở dạng UTF-8',
  'read:no-text': 'Không tìm thấy chữ nào trong tệp',
  'header:no-number': 'Không có dòng "Số:": văn bản chưa có số ký hiệu',
  'citations:date-contradicts-number': 'Ngày ghi bên trích dẫn khác năm trong số ký hiệu: giữ năm của số ký hiệu',
  'header:date-contradicts-number': 'Ngày ban hành khác năm trong số ký hiệu của văn bản: giữ năm của số ký hiệu',
  'citations:unlinked-short': 'Tham chiếu ngắn (như "Quyết định 1863") không gắn được với trích dẫn đầy đủ nào',
  'store:duplicate': 'Trùng nội dung với một tệp đã lưu: không lưu hai lần',
  'store:duplicate-identity': 'Trùng số, năm và cơ quan với một văn bản đã lưu: được lưu riêng',
  'store:failed': 'Không lưu được tệp (lỗi máy chủ)',
};

/** A message in Vietnamese: its rule's label, with the place or file it names when the reason has one. */
export function messageLabel(m: { ruleId: string; reason: string }): string {
  const label = messageLabels[m.ruleId];
  if (!label) return m.reason;
  const file = /stored file (\S+?);/.exec(m.reason)?.[1];
  return file ? `${label} (${file})` : label;
}
