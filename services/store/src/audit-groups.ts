import { provinceAfter2025, provinces34, provinces63, type RelationType } from '@vanban/schema';
import type { AuditResult, AuditRow, AuditStatus, StoredDocument } from './ports.js';

/**
 * Audit grouping, pure: the documents below a decree (and those only mentioning it) grouped by
 * province on the 63 or the 34 provinces, the earliest ten kept per province. The same rules as
 * the embedded adapter (sqlite/audit.ts, which takes its province rule, limits and row from here),
 * written over plain rows so any engine can use it.
 *
 * A draft (blank number, "dự thảo") has not been issued: it is never evidence, neither of
 * implementing nor of mentioning the decree. Drafts are grouped apart; a province with drafts
 * and nothing issued has the status `draft`, and its date and lag stay empty.
 */

/** Documents listed per province (earliest first); `documentCount` gives them all. */
export const AUDIT_DOCUMENTS_PER_PROVINCE = 10;
/** The day the 34 provinces replaced the 63. */
export const REFORM = '2025-07-01';
const names34 = new Set(provinces34.map((p) => p.name));

/** A document found below the decree (`relations`: its direct relations to the decree, if any) or citing it otherwise. */
export interface AuditCandidate {
  id: string;
  province: string | null;
  date: string | null;
  draft: boolean;
  relations: RelationType[];
}

interface Shown {
  id: string;
  date: string | null;
  relation: RelationType;
}
interface Bucket {
  count: number;
  first: string | null;
  top: Shown[];
}
export interface AuditGroups {
  scheme: 63 | 34;
  evidence: Map<string, Bucket>;
  mentioned: Map<string, Bucket>;
  drafts: Map<string, Bucket>;
}

/** The province a document counts for: as written (63), or on the 34 after 1 July 2025 (a document dated after the reform under a surviving name keeps it). */
export function auditProvince(province: string, date: string | null, scheme: 63 | 34): string {
  if (scheme === 63) return province;
  if (date && date >= REFORM && names34.has(province)) return province;
  return provinceAfter2025(province)?.name ?? province;
}

// The smallest relation name, as the embedded adapter's min(relation).
const minRelation = (relations: readonly RelationType[]): RelationType | undefined => [...relations].sort()[0];

/** Group the closure (implemented) and the direct other citations (mentioned) by province, drafts apart. */
export function groupAudit(evidence: readonly AuditCandidate[], mentions: readonly AuditCandidate[], scheme: 63 | 34): AuditGroups {
  const groups: AuditGroups = { scheme, evidence: new Map(), mentioned: new Map(), drafts: new Map() };
  const draftsBelow = new Set<string>();
  for (const d of evidence) {
    if (d.draft) draftsBelow.add(d.id);
    add(d.draft ? groups.drafts : groups.evidence, d, minRelation(d.relations) ?? 'IMPLEMENTS', scheme);
  }
  for (const d of mentions) {
    // a draft below the decree that also cites it otherwise is one draft, listed as below
    if (d.draft && draftsBelow.has(d.id)) continue;
    add(d.draft ? groups.drafts : groups.mentioned, d, minRelation(d.relations) ?? 'CITES', scheme);
  }
  return groups;
}

/** The ids whose documents the result shows (to read them in one query). */
export function shownIds(groups: AuditGroups): string[] {
  return [...new Set([...groups.evidence.values(), ...groups.mentioned.values(), ...groups.drafts.values()].flatMap((b) => b.top.map((t) => t.id)))];
}

/** Every province of the scheme, with its status, earliest documents, count, first date and lag. */
export function auditResult(decree: StoredDocument, groups: AuditGroups, documents: ReadonlyMap<string, StoredDocument>): AuditResult {
  const names = groups.scheme === 63 ? provinces63.map((p) => p.name) : provinces34.map((p) => p.name);
  const found = (b: Bucket | undefined): ProvinceDocuments | undefined =>
    b && { count: b.count, firstDate: b.first, documents: b.top.filter((t) => documents.has(t.id)).map((t) => ({ ...documents.get(t.id)!, relation: t.relation })) };
  const provinces = names.map((province) =>
    auditRow(province, decree.date, { implemented: found(groups.evidence.get(province)), mentioned: found(groups.mentioned.get(province)), drafts: found(groups.drafts.get(province)) }),
  );
  return { decree, provinces, scheme: groups.scheme };
}

/** One province's documents of one kind: how many, the earliest date, the earliest few. */
export interface ProvinceDocuments {
  count: number;
  firstDate: string | null;
  documents: AuditRow['documents'];
}

/**
 * A province's row: its status from the issued documents first (implemented, else mentioned),
 * `draft` when it has only drafts; the documents, date and lag are those of the issued documents
 * the status rests on, never a draft's.
 */
export function auditRow(
  province: string,
  decreeDate: string | null,
  found: { implemented?: ProvinceDocuments; mentioned?: ProvinceDocuments; drafts?: ProvinceDocuments },
): AuditRow {
  const issued = found.implemented ?? found.mentioned;
  const status: AuditStatus = found.implemented ? 'implemented' : found.mentioned ? 'mentioned' : found.drafts ? 'draft' : 'none';
  const firstDate = issued?.firstDate ?? null;
  return {
    province,
    status,
    documents: issued?.documents ?? [],
    documentCount: issued?.count ?? 0,
    firstDate,
    lagDays: firstDate && decreeDate ? Math.round((Date.parse(firstDate) - Date.parse(decreeDate)) / 86_400_000) : null,
    drafts: found.drafts?.documents ?? [],
    draftCount: found.drafts?.count ?? 0,
  };
}

// unknown dates sort last, then by id
const UNKNOWN = '\uffff';
const before = (a: Shown, b: Shown): boolean => {
  const ka = a.date || UNKNOWN;
  const kb = b.date || UNKNOWN;
  return ka < kb || (ka === kb && a.id < b.id);
};

function add(into: Map<string, Bucket>, d: AuditCandidate, relation: RelationType, scheme: 63 | 34): void {
  if (!d.province) return;
  const province = auditProvince(d.province, d.date, scheme);
  let b = into.get(province);
  if (!b) into.set(province, (b = { count: 0, first: null, top: [] }));
  b.count++;
  if (d.date && (!b.first || d.date < b.first)) b.first = d.date;
  const shown: Shown = { id: d.id, date: d.date, relation };
  if (b.top.length === AUDIT_DOCUMENTS_PER_PROVINCE && !before(shown, b.top[b.top.length - 1])) return;
  let at = b.top.length;
  while (at > 0 && before(shown, b.top[at - 1])) at--;
  b.top.splice(at, 0, shown);
  if (b.top.length > AUDIT_DOCUMENTS_PER_PROVINCE) b.top.pop();
}
