import { findIssuerLevel, findProvinceName, findTopicLabel, findTypeCode, issuerLevelLabels, relationLabels, topics, unresolvedReasonLabels, type IssuerLevel } from '@vanban/schema';
import { UsageError } from './usage-error.js';

/** What staff read on the terminal for the codes the store returns (the code itself if unknown). */
export const relationLabel = (code: string): string => (relationLabels as Record<string, string>)[code] ?? code;
export const levelLabel = (code: string | null | undefined): string | null => (code ? ((issuerLevelLabels as Record<string, string>)[code] ?? code) : null);
export const reasonLabel = (code: string | null | undefined): string => (code ? (unresolvedReasonLabels[code] ?? code) : 'không rõ lý do');

/** `--level`: a level code (province) or its label, with or without diacritics (cấp tỉnh, cap tinh). */
export function parseLevel(value: string | undefined): IssuerLevel | undefined {
  if (value === undefined) return undefined;
  const level = findIssuerLevel(value);
  if (level) return level;
  const choices = Object.entries(issuerLevelLabels).map(([c, text]) => `${c} (${text})`).join(', ');
  throw new UsageError(`--level phải là một trong: ${choices}; nhận được "${value}"`);
}

/**
 * `--province`, `--type`, `--topic` must name something: a misspelt value used to print
 * "0 văn bản khớp", which reads as "there are none".
 */
export function checkFilterValues(o: { province?: string; type?: string; topic?: string }): void {
  if (o.province !== undefined && !findProvinceName(o.province)) {
    throw new UsageError(`--province: không có tỉnh "${o.province}" — ghi tên một trong 63 tỉnh, có dấu hoặc không dấu ("Bắc Giang", "bac giang", "TP.HCM")`);
  }
  if (o.type !== undefined && !findTypeCode(o.type)) {
    throw new UsageError(`--type: không có loại văn bản "${o.type}" — ghi mã (KH, QĐ, CT, CV) hoặc tên ("Kế hoạch", "quyet dinh")`);
  }
  if (o.topic !== undefined && !findTopicLabel(o.topic)) {
    throw new UsageError(`--topic: không có chủ đề "${o.topic}" — các chủ đề: ${topics.map((t) => `"${t.label}"`).join(', ')}`);
  }
}
