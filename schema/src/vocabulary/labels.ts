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

export const auditStatusLabels: Readonly<Record<'implemented' | 'mentioned' | 'none', string>> = {
  implemented: 'Đã thực hiện',
  mentioned: 'Có nhắc đến',
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
