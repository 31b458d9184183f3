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

const exact = (s: string): string => s.normalize('NFC').toLowerCase().replace(/[_\s]+/g, ' ').trim();

/** The one item a value names: written as stored first (HD and HĐ, ĐA and DA differ only by the đ), then folded. */
function uniqueBy<T>(items: readonly T[], keys: (item: T) => string[], value: string): T | undefined {
  for (const norm of [exact, fold]) {
    const k = norm(value);
    const found = items.filter((item) => keys(item).some((key) => norm(key) === k));
    if (found.length === 1) return found[0];
    if (found.length > 1) return undefined;
  }
  return undefined;
}

/** The gazetteer's name of a province typed as a filter (short or full name, any diacritics); undefined if none. */
export const findProvinceName = (value: string): string | undefined => findProvince(value)?.name;

/** The type code (`QĐ`) for a code or name written with or without diacritics; undefined if none. */
export const findTypeCode = (value: string): string | undefined => uniqueBy(documentTypes, (t) => [t.code, t.name, ...t.aliases], value)?.code;

/** The topic label (as stored on documents) for a topic's label or id; undefined if none. */
export const findTopicLabel = (value: string): string | undefined => uniqueBy(topics, (t) => [t.label, t.id], value)?.label;

/** A province filter value in its stored form, or as typed when it names no province. */
export const canonicalProvince = (value: string): string => findProvinceName(value) ?? value;

/** A type filter value in its stored form (the code), or as typed. */
export const canonicalTypeFilter = (value: string): string => findTypeCode(value) ?? value;

/** A topic filter value in its stored form (the label), or as typed. */
export const canonicalTopic = (value: string): string => findTopicLabel(value) ?? value;

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
