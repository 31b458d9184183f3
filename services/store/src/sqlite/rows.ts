import type { IssuerLevel } from '@vanban/schema';
import type { StoredDocument } from '../ports.js';

/** A row of `documents` as selected with `SELECT d.*`. */
export interface DocumentRow {
  rowid: number;
  id: string;
  identity: string;
  number: string | null;
  serial: string | null;
  number_folded: string | null;
  year: number | null;
  jurisdiction: string;
  type_code: string | null;
  type: string | null;
  issuer: string | null;
  issuer_level: string | null;
  province: string | null;
  district: string | null;
  date: string | null;
  subject: string | null;
  signer: string | null;
  signer_title: string | null;
  recipients: string;
  topics: string;
  draft: number;
  known: number;
  source: string | null;
  doc_index: number | null;
  start: number | null;
  end: number | null;
}

/** The columns `toDocument` reads: lists of other documents select only these, not `d.*`. */
const storedDocumentColumns = ['id', 'number', 'year', 'jurisdiction', 'type', 'type_code', 'issuer', 'issuer_level', 'province', 'district', 'date', 'subject', 'signer', 'topics', 'draft', 'known', 'source'] as const;
export type StoredDocumentRow = Pick<DocumentRow, (typeof storedDocumentColumns)[number]>;

/** `d.id, d.number, …`: the select list of a StoredDocumentRow from the table aliased `alias`. */
export const storedDocumentSelect = (alias: string): string => storedDocumentColumns.map((c) => `${alias}.${c}`).join(', ');

export function toDocument(row: StoredDocumentRow): StoredDocument {
  return {
    id: row.id,
    number: row.number,
    year: row.year,
    jurisdiction: row.jurisdiction,
    type: row.type,
    typeCode: row.type_code,
    issuer: row.issuer,
    issuerLevel: row.issuer_level as IssuerLevel | null,
    province: row.province,
    district: row.district,
    date: row.date,
    subject: row.subject,
    signer: row.signer,
    topics: JSON.parse(row.topics) as string[],
    draft: row.draft === 1,
    known: row.known === 1,
    source: row.source,
  };
}
