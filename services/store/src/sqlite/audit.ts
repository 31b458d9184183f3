import { provinceAfter2025, provinces34, provinces63, relationStrength, type RelationType } from '@vanban/schema';
import type { AuditResult, AuditRow, StoredDocument } from '../ports.js';
import { directCiters, implementationsOf, upwardRelations } from './graph.js';
import type { Db } from './open.js';
import { toDocument, type DocumentRow } from './rows.js';

const REFORM = '2025-07-01';
const names34 = new Set(provinces34.map((p) => p.name));

/** The province a document counts for: as written, or mapped onto the 34 provinces after 1 July 2025. */
function provinceIn(scheme: 63 | 34, doc: StoredDocument): string | null {
  if (!doc.province) return null;
  if (scheme === 63) return doc.province;
  if (doc.date && doc.date >= REFORM && names34.has(doc.province)) return doc.province;
  return provinceAfter2025(doc.province)?.name ?? doc.province;
}

/**
 * For one decree: every province with status implemented (a path of IMPLEMENTS/BASED_ON down to
 * one of its documents), mentioned (only other relations, e.g. CITES), or none; the documents,
 * the earliest date and the lag in days after the decree.
 */
export function auditDecree(db: Db, decree: DocumentRow, scheme: 63 | 34 = 63): AuditResult {
  const evidence = new Map<string, Map<string, StoredDocument & { relation: RelationType }>>();
  const mentioned = new Map<string, Map<string, StoredDocument & { relation: RelationType }>>();
  for (const level of implementationsOf(db, decree, upwardRelations, 12, 100_000)) {
    for (const hop of level.documents) add(evidence, scheme, hop.document, hop.relation);
  }
  const others = relationStrength.filter((r) => !upwardRelations.includes(r));
  for (const { doc, relation } of directCiters(db, decree.rowid, others)) add(mentioned, scheme, doc, relation);

  const decreeDate = decree.date ? Date.parse(decree.date) : null;
  const names = scheme === 63 ? provinces63.map((p) => p.name) : provinces34.map((p) => p.name);
  const provinces: AuditRow[] = names.map((province) => {
    const implemented = evidence.get(province);
    const cited = mentioned.get(province);
    const docs = [...(implemented ?? cited ?? new Map()).values()].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
    const firstDate = docs.find((d) => d.date)?.date ?? null;
    return {
      province,
      status: implemented ? 'implemented' : cited ? 'mentioned' : 'none',
      documents: docs,
      firstDate,
      lagDays: firstDate && decreeDate !== null ? Math.round((Date.parse(firstDate) - decreeDate) / 86_400_000) : null,
    };
  });
  return { decree: toDocument(decree), provinces, scheme };
}

function add(into: Map<string, Map<string, StoredDocument & { relation: RelationType }>>, scheme: 63 | 34, doc: StoredDocument, relation: RelationType): void {
  const province = provinceIn(scheme, doc);
  if (!province) return;
  let docs = into.get(province);
  if (!docs) into.set(province, (docs = new Map()));
  if (!docs.has(doc.id)) docs.set(doc.id, { ...doc, relation });
}
