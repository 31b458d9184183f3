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

// Everything below the decree over IMPLEMENTS/BASED_ON (each document once), as one recursive CTE.
const closureSql = `
  WITH RECURSIVE down(node) AS (
    SELECT @root
    UNION
    SELECT e.src FROM down JOIN edges e ON e.dst = down.node WHERE e.relation IN ('IMPLEMENTS', 'BASED_ON')
  )
  SELECT d.rowid, d.*, coalesce((SELECT relation FROM edges WHERE src = d.rowid AND dst = @root AND relation IN ('IMPLEMENTS', 'BASED_ON') ORDER BY relation DESC LIMIT 1), 'IMPLEMENTS') AS relation
  FROM down JOIN documents d ON d.rowid = down.node
  WHERE down.node != @root AND d.province IS NOT NULL`;

// Documents citing the decree directly with another relation (CITES, REPORTS_ON…): mentioned only.
const mentionedSql = `
  SELECT d.rowid, d.*, min(e.relation) AS relation FROM edges e JOIN documents d ON d.rowid = e.src
  WHERE e.dst = @root AND e.relation NOT IN ('IMPLEMENTS', 'BASED_ON') AND d.province IS NOT NULL
  GROUP BY d.rowid`;

type Row = DocumentRow & { relation: RelationType };
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
  const evidence = bucket(stmt<{ root: number }, Row>(db, closureSql).iterate({ root: decree.rowid }), scheme);
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

/** Group rows by province keeping counts, the earliest date and the earliest documents only. */
function bucket(rows: Iterable<Row>, scheme: 63 | 34): Map<string, Bucket> {
  const out = new Map<string, Bucket>();
  for (const row of rows) {
    const province = provinceIn(scheme, row.province!, row.date);
    let b = out.get(province);
    if (!b) out.set(province, (b = { count: 0, first: null, docs: [] }));
    b.count++;
    if (row.date && (b.first === null || row.date < b.first)) b.first = row.date;
    const key = row.date ?? '9999';
    if (b.docs.length < AUDIT_DOCUMENTS_PER_PROVINCE || key < (b.docs[b.docs.length - 1].date ?? '9999')) {
      b.docs.push({ ...toDocument(row), relation: row.relation });
      b.docs.sort((a, c) => (a.date ?? '9999').localeCompare(c.date ?? '9999') || a.id.localeCompare(c.id));
      if (b.docs.length > AUDIT_DOCUMENTS_PER_PROVINCE) b.docs.pop();
    }
  }
  return out;
}
