import { findIssuerLevel, issuerLevelLabels, relationLabels, unresolvedReasonLabels, type IssuerLevel } from '@vanban/schema';
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
