import { provinces34, provinces63, type RelationType } from '@vanban/schema';
import { AUDIT_DOCUMENTS_PER_PROVINCE, auditProvince, REFORM } from '../audit-groups.js';
import type { AuditResult, AuditRow, StoredDocument } from '../ports.js';
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

interface Bucket {
  count: number;
  first: number;
  /** the earliest documents, kept as rowid + date until the end */
  top: Array<{ rowid: number; date: number; relation: RelationType }>;
  docs: Array<StoredDocument & { relation: RelationType }>;
}

/**
 * For one decree: every province with status implemented (a path of IMPLEMENTS/BASED_ON down to
 * one of its documents), mentioned (only other relations, e.g. CITES), or none; its documents
 * (the earliest ones), the earliest date and the lag in days after the decree. The closure is a
 * walk over the in-memory reversed edges, grouping by province uses the in-memory facet arrays,
 * so only the documents shown are read from the table.
 */
export function auditDecree(db: Db, decree: DocumentRow, scheme: 63 | 34, facets: FacetIndex, down: DownIndex): AuditResult {
  facets.ensure();
  const maps = provinceMaps(scheme, facets.provinceNames);
  const add = (into: Map<string, Bucket>, rowid: number, relation: RelationType): void => {
    const p = facets.provinceIndexOf(rowid);
    if (p < 0) return;
    const date = facets.dateOf(rowid);
    addTo(into, (date && date >= REFORM_DAY ? maps.after : maps.before)[p], rowid, date, relation);
  };
  const evidence = new Map<string, Bucket>();
  for (const rowid of down.below(decree.rowid)) add(evidence, rowid, 'IMPLEMENTS');
  const shown = [...evidence.values()].flatMap((b) => b.top.map((t) => t.rowid));
  const direct = new Map(stmt<{ root: number; ids: string }, { src: number; relation: RelationType }>(db, directSql).all({ root: decree.rowid, ids: JSON.stringify(shown) }).map((r) => [r.src, r.relation]));
  for (const b of evidence.values()) for (const t of b.top) t.relation = direct.get(t.rowid) ?? 'IMPLEMENTS';
  const mentioned = new Map<string, Bucket>();
  for (const r of stmt<{ root: number }, { rowid: number; relation: RelationType }>(db, mentionedSql).all({ root: decree.rowid })) add(mentioned, r.rowid, r.relation);
  const wanted = [...evidence.values(), ...mentioned.values()].flatMap((b) => b.top.map((t) => t.rowid));
  const rows = new Map(
    stmt<[string], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(wanted)).map((r) => [r.rowid, r]),
  );
  for (const b of [...evidence.values(), ...mentioned.values()]) b.docs = b.top.map((t) => ({ ...toDocument(rows.get(t.rowid)!), relation: t.relation }));

  const decreeDate = decree.date ? Date.parse(decree.date) : null;
  const names = scheme === 63 ? provinces63.map((p) => p.name) : provinces34.map((p) => p.name);
  const provinces: AuditRow[] = names.map((province) => {
    const b = evidence.get(province) ?? mentioned.get(province);
    const firstDate = b?.first ? isoDate(b.first) : null;
    return {
      province,
      status: evidence.has(province) ? 'implemented' : mentioned.has(province) ? 'mentioned' : 'none',
      documents: b?.docs ?? [],
      documentCount: b?.count ?? 0,
      firstDate,
      lagDays: firstDate && decreeDate !== null ? Math.round((Date.parse(firstDate) - decreeDate) / 86_400_000) : null,
    };
  });
  return { decree: toDocument(decree), provinces, scheme };
}

const isoDate = (d: number): string => `${String(d).slice(0, 4)}-${String(d).slice(4, 6)}-${String(d).slice(6, 8)}`;
const UNKNOWN = 99_999_999;

function addTo(into: Map<string, Bucket>, province: string, rowid: number, date: number, relation: RelationType): void {
  let b = into.get(province);
  if (!b) into.set(province, (b = { count: 0, first: 0, top: [], docs: [] }));
  b.count++;
  if (date && (!b.first || date < b.first)) b.first = date;
  // keep the earliest documents; unknown dates last, then by rowid
  const key = date || UNKNOWN;
  const last = b.top[b.top.length - 1];
  if (b.top.length < AUDIT_DOCUMENTS_PER_PROVINCE || key < (last.date || UNKNOWN) || (key === (last.date || UNKNOWN) && rowid < last.rowid)) {
    let at = b.top.length;
    while (at > 0 && ((b.top[at - 1].date || UNKNOWN) > key || ((b.top[at - 1].date || UNKNOWN) === key && b.top[at - 1].rowid > rowid))) at--;
    b.top.splice(at, 0, { rowid, date, relation });
    if (b.top.length > AUDIT_DOCUMENTS_PER_PROVINCE) b.top.pop();
  }
}
