import { findProvince } from '../gazetteer.js';
import { foldVietnamese } from '../text/fold.js';
import { documentTypes } from './document-types.js';
import type { IssuerLevel } from './issuer-levels.js';
import { issuerLevelLabels } from './labels.js';
import { topics } from './topics.js';

/**
 * Filter values as staff type them ("Bac Giang", "qd", "Quyet dinh", "duoi nuoc") mapped to the
 * values documents store ("Bắc Giang", "QĐ", "đuối nước"). A value that names nothing in the
 * vocabulary, or more than one thing once folded, is kept as typed: it then matches what it
 * matches exactly, which may be nothing.
 */
const fold = (s: string): string => foldVietnamese(s).replace(/[_\s]+/g, ' ').trim();

function uniqueBy<T>(items: readonly T[], keys: (item: T) => string[], value: string): T | undefined {
  const k = fold(value);
  const found = items.filter((item) => keys(item).some((key) => fold(key) === k));
  return found.length === 1 ? found[0] : undefined;
}

/** A province filter value: the gazetteer's name for it (short or full name, any diacritics). */
export const canonicalProvince = (value: string): string => findProvince(value)?.name ?? value;

/** A type filter value: the type code (`QĐ`) for a code or name written with or without diacritics. */
export const canonicalTypeFilter = (value: string): string =>
  uniqueBy(documentTypes, (t) => [t.code, t.name, ...t.aliases], value)?.code ?? value;

/** A topic filter value: the topic's label (as stored on documents) for its label or id. */
export const canonicalTopic = (value: string): string => uniqueBy(topics, (t) => [t.label, t.id], value)?.label ?? value;

/** An issuer level for its code (`province`) or its label (`Cấp tỉnh`, `cap tinh`); undefined for anything else. */
export const findIssuerLevel = (value: string): IssuerLevel | undefined =>
  uniqueBy(Object.entries(issuerLevelLabels) as Array<[IssuerLevel, string]>, ([code, label]) => [code, label], value)?.[0];

/** The same filters with province, type and topic in their stored form. */
export function canonicalFilters<T extends { province?: string; type?: string; topic?: string }>(filters: T): T {
  return {
    ...filters,
    ...(filters.province ? { province: canonicalProvince(filters.province) } : {}),
    ...(filters.type ? { type: canonicalTypeFilter(filters.type) } : {}),
    ...(filters.topic ? { topic: canonicalTopic(filters.topic) } : {}),
  };
}
