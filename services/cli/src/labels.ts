import { issuerLevelLabels, relationLabels, unresolvedReasonLabels } from '@vanban/schema';

/** What staff read on the terminal for the codes the store returns (the code itself if unknown). */
export const relationLabel = (code: string): string => (relationLabels as Record<string, string>)[code] ?? code;
export const levelLabel = (code: string | null | undefined): string | null => (code ? ((issuerLevelLabels as Record<string, string>)[code] ?? code) : null);
export const reasonLabel = (code: string | null | undefined): string => (code ? (unresolvedReasonLabels[code] ?? code) : 'không rõ lý do');
