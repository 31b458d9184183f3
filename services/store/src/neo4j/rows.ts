import neo4j, { type Integer } from 'neo4j-driver';
import { documentSlug, StoredDocumentSchema, type IssuerLevel } from '@vanban/schema';
import type { StoredDocument } from '../ports.js';

/**
 * Values between StoredDocument and Neo4j: integers go out as `neo4j.int` and come back as
 * Integer objects (the driver's lossless default), converted here to JS numbers.
 */

/** A Neo4j Integer (or a plain number, or null) as a JS number. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new TypeError(`expected an integer, got ${typeof value}`);
}

type Properties = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A node's property map (the named projection `documentMap` in cypher.ts) as a StoredDocument; an absent property is null. */
export function toDocument(properties: Properties): StoredDocument {
  return {
    id: String(properties.id),
    number: text(properties.number),
    year: toNumber(properties.year),
    jurisdiction: text(properties.jurisdiction) ?? '',
    type: text(properties.type),
    typeCode: text(properties.typeCode),
    issuer: text(properties.issuer),
    issuerLevel: text(properties.issuerLevel) as IssuerLevel | null,
    province: text(properties.province),
    district: text(properties.district),
    date: text(properties.date),
    subject: text(properties.subject),
    signer: text(properties.signer),
    topics: Array.isArray(properties.topics) ? properties.topics.map(String) : [],
    draft: properties.draft === true,
    known: properties.known === true,
    source: text(properties.source),
  };
}

/**
 * Whether this document holds its (number, year, jurisdiction) identity, i.e. carries the label
 * the composite uniqueness constraint covers. Drafts, documents without a number or year, and the
 * duplicates the embedded store keeps apart ("same number, year and jurisdiction… stored
 * separately", whose id gets a suffix) do not: the holder is the one whose id is the identity's slug.
 */
export function holdsIdentity(doc: StoredDocument): boolean {
  return !doc.draft && doc.number !== null && doc.year !== null && doc.id === documentSlug(doc.number, doc.year, doc.jurisdiction);
}

/**
 * The properties a Document node holds: exactly the StoredDocument fields (its zod shape), checked
 * to be plain identifiers since the read statements name them. Whatever else the object handed to
 * the upsert carries (the sync passes ProjectedDocuments, with the full text, serial and cited
 * numbers, for the search engine) is not stored on the node.
 */
export const documentKeys: readonly (keyof StoredDocument)[] = Object.keys(StoredDocumentSchema.shape).map((key) => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new Error(`document field ${key} is not a plain identifier`);
  return key as keyof StoredDocument;
});

/** One row of the upsert statement: every non-null StoredDocument field (null is "no property" in Neo4j: clauses/remove#remove-remove-a-property), year as a Neo4j integer. */
export function toDocumentRow(doc: StoredDocument): { id: string; properties: Properties; holdsIdentity: boolean } {
  const properties: Properties = {};
  // an empty list is left out too (read back as []), so no property ever holds an untyped empty list
  for (const key of documentKeys) {
    const value = doc[key];
    if (value !== null && value !== undefined && !(Array.isArray(value) && !value.length)) properties[key] = value;
  }
  if (doc.year !== null) properties.year = neo4j.int(doc.year);
  return { id: doc.id, properties, holdsIdentity: holdsIdentity(doc) };
}
