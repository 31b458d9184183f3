import { provinceAfter2025, provinces34, provinces63, type RelationType } from '@vanban/schema';
import type { AuditResult, AuditRow, StoredDocument } from '../ports.js';
import type { Db } from './open.js';
import { toDocument, type DocumentRow } from './rows.js';
import { stmt } from './statements.js';

const REFORM = '2025-07-01';
const names34 = new Set(provinces34.map((p) => p.name));
/** Documents listed per province (earliest first); `documentCount` gives them all. */
export const AUDIT_DOCUMENTS_PER_PROVINCE = 20;

/** The province a document counts for: as written, or mapped onto the 34 provinces after 1 July 2025. */
function provinceIn(scheme: 63 | 34, province: string, date: string | null): string {
  if (scheme === 63) return province;
  if (date && date >= REFORM && names34.has(province)) return province;
  return provinceAfter2025(province)?.name ?? province;
}

// Everything below the decree over IMPLEMENTS/BASED_ON (each document once, one recursive CTE),
// aggregated per province in SQL: the count, the earliest date, and only the earliest documents.
const closure = `
  WITH RECURSIVE down(node) AS (
    SELECT @root
    UNION
    SELECT e.src FROM down JOIN edges e ON e.dst = down.node WHERE e.relation IN ('IMPLEMENTS', 'BASED_ON')
  )`;
const perProvince = (source: string): string => `
  , hits AS (${source}),
  ranked AS (
    SELECT h.rowid, h.relation, h.province, count(*) OVER w AS n, min(h.date) OVER w AS first,
           row_number() OVER (PARTITION BY h.province ORDER BY coalesce(h.date, '9999'), h.id) AS k
    FROM hits h WINDOW w AS (PARTITION BY h.province)
  )
  SELECT d.rowid, d.*, r.relation, r.n, r.first FROM ranked r JOIN documents d ON d.rowid = r.rowid WHERE r.k <= ${AUDIT_DOCUMENTS_PER_PROVINCE}`;
const closureSql = `${closure}${perProvince(`
  SELECT d.rowid, d.id, d.province, d.date, NULL AS relation
  FROM down JOIN documents d ON d.rowid = down.node WHERE down.node != @root AND d.province IS NOT NULL`)}`;

// Documents citing the decree directly with another relation (CITES, REPORTS_ON…): mentioned only.
const mentionedSql = `WITH m AS (SELECT 1)${perProvince(`
  SELECT d.rowid, d.id, d.province, d.date, min(e.relation) AS relation FROM edges e JOIN documents d ON d.rowid = e.src
  WHERE e.dst = @root AND e.relation NOT IN ('IMPLEMENTS', 'BASED_ON') AND d.province IS NOT NULL GROUP BY d.rowid`)}`;

type Row = DocumentRow & { relation: RelationType; n: number; first: string | null };
interface Bucket {
  count: number;
  first: string | null;
  docs: Array<StoredDocument & { relation: RelationType }>;
}

/**
 * For one decree: every province with status implemented (a path of IMPLEMENTS/BASED_ON down to
 * one of its documents), mentioned (only other relations, e.g. CITES), or none; its documents
 * (the earliest ones), the earliest date and the lag in days after the decree.
 */
export function auditDecree(db: Db, decree: DocumentRow, scheme: 63 | 34 = 63): AuditResult {
  const evidenceRows = stmt<{ root: number }, Row>(db, closureSql).all({ root: decree.rowid });
  // the relation shown is the document's own edge to the decree when it has one (else it implements a document below it)
  const direct = new Map(
    stmt<{ root: number; ids: string }, { src: number; relation: RelationType }>(
      db,
      "SELECT src, min(relation) AS relation FROM edges WHERE dst = @root AND relation IN ('IMPLEMENTS', 'BASED_ON') AND src IN (SELECT value FROM json_each(@ids)) GROUP BY src",
    )
      .all({ root: decree.rowid, ids: JSON.stringify(evidenceRows.map((r) => r.rowid)) })
      .map((r) => [r.src, r.relation]),
  );
  for (const row of evidenceRows) row.relation = direct.get(row.rowid) ?? 'IMPLEMENTS';
  const evidence = bucket(evidenceRows, scheme);
  const mentioned = bucket(stmt<{ root: number }, Row>(db, mentionedSql).iterate({ root: decree.rowid }), scheme);
  const decreeDate = decree.date ? Date.parse(decree.date) : null;
  const names = scheme === 63 ? provinces63.map((p) => p.name) : provinces34.map((p) => p.name);
  const provinces: AuditRow[] = names.map((province) => {
    const b = evidence.get(province) ?? mentioned.get(province);
    const firstDate = b?.first ?? null;
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

/** Merge the per-province rows (several old provinces may map onto one of the 34). */
function bucket(rows: Iterable<Row>, scheme: 63 | 34): Map<string, Bucket> {
  const out = new Map<string, Bucket>();
  const counted = new Set<string>();
  for (const row of rows) {
    const province = provinceIn(scheme, row.province!, row.date);
    let b = out.get(province);
    if (!b) out.set(province, (b = { count: 0, first: null, docs: [] }));
    // n and first are per original province: add them once per original province
    const key = `${province}|${row.province}`;
    if (!counted.has(key)) {
      counted.add(key);
      b.count += row.n;
      if (row.first && (b.first === null || row.first < b.first)) b.first = row.first;
    }
    b.docs.push({ ...toDocument(row), relation: row.relation });
  }
  for (const b of out.values()) {
    b.docs.sort((a, c) => (a.date ?? '9999').localeCompare(c.date ?? '9999') || a.id.localeCompare(c.id));
    b.docs.length = Math.min(b.docs.length, AUDIT_DOCUMENTS_PER_PROVINCE);
  }
  return out;
}
