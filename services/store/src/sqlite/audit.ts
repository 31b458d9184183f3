import { provinces34, provinces63, type RelationType } from '@vanban/schema';
import { AUDIT_DOCUMENTS_PER_PROVINCE, auditProvince, auditRow, REFORM, type ProvinceDocuments } from '../audit-groups.js';
import type { AuditResult, StoredDocument } from '../ports.js';
import type { Db } from './open.js';
import { toDocument, type DocumentRow } from './rows.js';
import type { DownIndex } from './down-index.js';
import type { FacetIndex } from './facets.js';
import { stmt } from './statements.js';

/**
 * The province each facet province index counts for, by the one rule of the pure audit module
 * (audit-groups.ts): as written (63), or on the 34 provinces after 1 July 2025.
 */
function provinceMaps(scheme: 63 | 34, names: readonly string[]): { before: string[]; after: string[] } {
  return { before: names.map((n) => auditProvince(n, null, scheme)), after: names.map((n) => auditProvince(n, REFORM, scheme)) };
}
const REFORM_DAY = Number(REFORM.replace(/-/g, ''));

// The relation of the shown documents that cite the decree directly (the others implement it through a plan).
const directSql = `SELECT src, min(relation) AS relation FROM edges
  WHERE dst = @root AND relation IN ('IMPLEMENTS', 'BASED_ON') AND src IN (SELECT value FROM json_each(@ids)) GROUP BY src`;
// Documents citing the decree directly with another relation (CITES, REPORTS_ON…): mentioned only.
const mentionedSql = `SELECT src AS rowid, min(relation) AS relation FROM edges WHERE dst = @root AND relation NOT IN ('IMPLEMENTS', 'BASED_ON') GROUP BY src`;

interface Shown {
  rowid: number;
  date: number;
  relation: RelationType;
  /** below the decree (its relation is then read from its direct edge, if any) */
  below: boolean;
}
interface Bucket {
  count: number;
  first: number;
  /** the earliest documents, kept as rowid + date until the end */
  top: Shown[];
  docs: Array<StoredDocument & { relation: RelationType }>;
}

/**
 * For one decree: every province with status implemented (a path of IMPLEMENTS/BASED_ON down to
 * one of its documents), mentioned (only other relations, e.g. CITES), draft (only drafts, which
 * are never evidence: audit-groups.ts) or none; its documents (the earliest ones), the earliest
 * date and the lag in days after the decree. The closure is a walk over the in-memory reversed
 * edges, grouping by province and the draft flag use the in-memory facet arrays, so only the
 * documents shown are read from the table.
 */
export function auditDecree(db: Db, decree: DocumentRow, scheme: 63 | 34, facets: FacetIndex, down: DownIndex): AuditResult {
  facets.ensure();
  const maps = provinceMaps(scheme, facets.provinceNames);
  const add = (into: Map<string, Bucket>, rowid: number, relation: RelationType, below: boolean): void => {
    const p = facets.provinceIndexOf(rowid);
    if (p < 0) return;
    const date = facets.dateOf(rowid);
    addTo(into, (date && date >= REFORM_DAY ? maps.after : maps.before)[p], { rowid, date, relation, below });
  };
  const [evidence, mentioned, drafts] = [new Map<string, Bucket>(), new Map<string, Bucket>(), new Map<string, Bucket>()];
  const draftsBelow = new Set<number>();
  for (const rowid of down.below(decree.rowid)) {
    const draft = facets.isDraft(rowid);
    if (draft) draftsBelow.add(rowid);
    add(draft ? drafts : evidence, rowid, 'IMPLEMENTS', true);
  }
  for (const r of stmt<{ root: number }, { rowid: number; relation: RelationType }>(db, mentionedSql).all({ root: decree.rowid })) {
    const draft = facets.isDraft(r.rowid);
    // a draft below the decree that also cites it otherwise is one draft, listed as below
    if (!draft || !draftsBelow.has(r.rowid)) add(draft ? drafts : mentioned, r.rowid, r.relation, false);
  }
  const buckets = [...evidence.values(), ...mentioned.values(), ...drafts.values()];
  const shownBelow = buckets.flatMap((b) => b.top.filter((t) => t.below));
  const direct = new Map(
    stmt<{ root: number; ids: string }, { src: number; relation: RelationType }>(db, directSql)
      .all({ root: decree.rowid, ids: JSON.stringify(shownBelow.map((t) => t.rowid)) })
      .map((r) => [r.src, r.relation]),
  );
  for (const t of shownBelow) t.relation = direct.get(t.rowid) ?? 'IMPLEMENTS';
  const wanted = buckets.flatMap((b) => b.top.map((t) => t.rowid));
  const rows = new Map(
    stmt<[string], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(wanted)).map((r) => [r.rowid, r]),
  );
  for (const b of buckets) b.docs = b.top.map((t) => ({ ...toDocument(rows.get(t.rowid)!), relation: t.relation }));

  const found = (b: Bucket | undefined): ProvinceDocuments | undefined => b && { count: b.count, firstDate: b.first ? isoDate(b.first) : null, documents: b.docs };
  const names = scheme === 63 ? provinces63.map((p) => p.name) : provinces34.map((p) => p.name);
  const provinces = names.map((province) =>
    auditRow(province, decree.date, { implemented: found(evidence.get(province)), mentioned: found(mentioned.get(province)), drafts: found(drafts.get(province)) }),
  );
  return { decree: toDocument(decree), provinces, scheme };
}

const isoDate = (d: number): string => `${String(d).slice(0, 4)}-${String(d).slice(4, 6)}-${String(d).slice(6, 8)}`;
const UNKNOWN = 99_999_999;

function addTo(into: Map<string, Bucket>, province: string, shown: Shown): void {
  let b = into.get(province);
  if (!b) into.set(province, (b = { count: 0, first: 0, top: [], docs: [] }));
  const { rowid, date } = shown;
  b.count++;
  if (date && (!b.first || date < b.first)) b.first = date;
  // keep the earliest documents; unknown dates last, then by rowid
  const key = date || UNKNOWN;
  const last = b.top[b.top.length - 1];
  if (b.top.length < AUDIT_DOCUMENTS_PER_PROVINCE || key < (last.date || UNKNOWN) || (key === (last.date || UNKNOWN) && rowid < last.rowid)) {
    let at = b.top.length;
    while (at > 0 && ((b.top[at - 1].date || UNKNOWN) > key || ((b.top[at - 1].date || UNKNOWN) === key && b.top[at - 1].rowid > rowid))) at--;
    b.top.splice(at, 0, shown);
    if (b.top.length > AUDIT_DOCUMENTS_PER_PROVINCE) b.top.pop();
  }
}
