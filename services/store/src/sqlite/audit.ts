import { provinceAfter2025, provinces34, provinces63, type RelationType } from '@vanban/schema';
import type { AuditResult, AuditRow, StoredDocument } from '../ports.js';
import type { Db } from './open.js';
import { toDocument, type DocumentRow } from './rows.js';
import type { FacetIndex } from './facets.js';
import { stmt } from './statements.js';

const REFORM = '2025-07-01';
const names34 = new Set(provinces34.map((p) => p.name));
/** Documents listed per province (earliest first); `documentCount` gives them all. */
export const AUDIT_DOCUMENTS_PER_PROVINCE = 10;

/** The province a document counts for: as written, or mapped onto the 34 provinces after 1 July 2025. */
function provinceIn(scheme: 63 | 34, province: string, date: string | null): string {
  if (scheme === 63) return province;
  if (date && date >= REFORM && names34.has(province)) return province;
  return provinceAfter2025(province)?.name ?? province;
}

// Everything below the decree over IMPLEMENTS/BASED_ON, each document once (one recursive CTE).
const closureSql = `
  WITH RECURSIVE down(node) AS (
    SELECT @root
    UNION
    SELECT e.src FROM down JOIN edges e ON e.dst = down.node WHERE e.relation IN ('IMPLEMENTS', 'BASED_ON')
  )
  SELECT node FROM down WHERE node != @root`;
const directSql = `SELECT src, min(relation) AS relation FROM edges WHERE dst = @root AND relation IN ('IMPLEMENTS', 'BASED_ON') GROUP BY src`;
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
 * (the earliest ones), the earliest date and the lag in days after the decree. The closure comes
 * from SQL as rowids; grouping by province uses the in-memory facet arrays, so only the documents
 * shown are read from the table.
 */
export function auditDecree(db: Db, decree: DocumentRow, scheme: 63 | 34, facets: FacetIndex): AuditResult {
  facets.ensure();
  const direct = new Map(stmt<{ root: number }, { src: number; relation: RelationType }>(db, directSql).all({ root: decree.rowid }).map((r) => [r.src, r.relation]));
  const evidence = new Map<string, Bucket>();
  for (const rowid of stmt<{ root: number }, number>(db, closureSql).pluck().iterate({ root: decree.rowid })) {
    add(evidence, scheme, facets, rowid, direct.get(rowid) ?? 'IMPLEMENTS');
  }
  const mentioned = new Map<string, Bucket>();
  for (const r of stmt<{ root: number }, { rowid: number; relation: RelationType }>(db, mentionedSql).all({ root: decree.rowid })) {
    add(mentioned, scheme, facets, r.rowid, r.relation);
  }
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

function add(into: Map<string, Bucket>, scheme: 63 | 34, facets: FacetIndex, rowid: number, relation: RelationType): void {
  const { province: raw, date } = facets.provinceAndDate(rowid);
  if (!raw) return;
  const province = provinceIn(scheme, raw, date ? isoDate(date) : null);
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
