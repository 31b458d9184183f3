/**
 * Codes kept in mixed case when a number is normalized (everything else is upper-cased),
 * keyed by their upper-case spelling: `1863/qđ-ttg` -> `1863/QĐ-TTg`.
 */
export const mixedCaseCodes: ReadonlyMap<string, string> = new Map(
  ['TTg', 'CTr', 'TTr', 'QyĐ'].map((c) => [c.toUpperCase(), c]),
);
