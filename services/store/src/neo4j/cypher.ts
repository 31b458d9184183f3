import { RelationTypeSchema, type RelationType } from '@vanban/schema';

/**
 * Every Cypher statement the Neo4j engine sends, in one place, each checked against the Neo4j 5
 * Cypher manual (page cited above it). Relationship types cannot be parameters: each statement that
 * names a type is generated once, at load, from the fixed vocabulary (RelationTypeSchema) — never
 * from caller input, which only selects among them.
 */

/** The fixed vocabulary, checked to be plain identifiers before any of it reaches a statement. */
export const relationTypes: readonly RelationType[] = RelationTypeSchema.options.map((type) => {
  if (!/^[A-Z][A-Z_]*$/.test(type)) throw new Error(`relation type ${type} is not a plain identifier`);
  return type;
});
export const upwardRelations: readonly RelationType[] = ['IMPLEMENTS', 'BASED_ON'];

/** The label that holds a (number, year, jurisdiction) identity (see `holdsIdentity` in rows.ts). */
export const IDENTITY_LABEL = 'IdentityHolder';
/** Deepest chain trace, implementations and audit follow (the embedded adapter's walk stops at 12 too). */
export const MAX_DEPTH = 12;

const indexName = (type: RelationType): string => `rel_${type.toLowerCase()}_asserted_by`;

/**
 * Schema, created at start-up; every statement is idempotent (IF NOT EXISTS).
 *
 * - Node property uniqueness, single and composite ("CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR
 *   (n:Label) REQUIRE (n.p1, ..., n.pn) IS [NODE] UNIQUE"): available in Community edition (only
 *   existence, type and key constraints are Enterprise); a node missing any of the properties (null
 *   number or year) is not subject to the rule.
 *   https://neo4j.com/docs/cypher-manual/5/constraints/syntax/#create-property-uniqueness-constraints
 *   https://neo4j.com/docs/cypher-manual/5/constraints/managing-constraints/#create-property-uniqueness-constraints
 * - Range index on a relationship property, one per type ("CREATE [RANGE] INDEX [name] [IF NOT
 *   EXISTS] FOR ()-[r:TYPE]-() ON (r.p)"): the delete by assertedBy seeks it.
 *   https://neo4j.com/docs/cypher-manual/5/indexes/syntax/#create-range-index
 */
export const schemaStatements: readonly string[] = [
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
  `CREATE CONSTRAINT document_identity IF NOT EXISTS FOR (d:${IDENTITY_LABEL}) REQUIRE (d.number, d.year, d.jurisdiction) IS UNIQUE`,
  ...relationTypes.map((type) => `CREATE INDEX ${indexName(type)} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.assertedBy)`),
];

/**
 * Upsert a batch of documents by id. `row.properties` holds every non-null StoredDocument field
 * (year as a Neo4j integer); `SET d = map` replaces all properties, so a field that became null is
 * removed. The identity label is taken off, then put back on the rows that hold their identity.
 * https://neo4j.com/docs/cypher-manual/5/clauses/unwind/ (UNWIND a list parameter into rows)
 * https://neo4j.com/docs/cypher-manual/5/clauses/merge/#merge-merge-single-node-derived-from-an-existing-node-property
 * https://neo4j.com/docs/cypher-manual/5/clauses/set/#set-set-all-properties-using-a-parameter
 * https://neo4j.com/docs/cypher-manual/5/clauses/remove/#remove-remove-a-label-from-a-node
 * https://neo4j.com/docs/cypher-manual/5/clauses/set/#set-set-a-label-on-a-node
 */
export const upsertDocuments = `UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d = row.properties
REMOVE d:${IDENTITY_LABEL}
WITH d, row
WHERE row.holdsIdentity
SET d:${IDENTITY_LABEL}`;

/**
 * Delete every relationship of one type asserted by these documents (a range seek on the
 * per-type assertedBy index; IN on a list parameter).
 * https://neo4j.com/docs/cypher-manual/5/clauses/delete/#delete-relationships-only
 * https://neo4j.com/docs/cypher-manual/5/indexes/search-performance-indexes/using-indexes/
 */
export const deleteEdgesAssertedBy: Readonly<Record<RelationType, string>> = byType(
  (type) => `MATCH ()-[r:${type}]->()
WHERE r.assertedBy IN $assertedBy
DELETE r`,
);

/**
 * Create a batch of edges of one type between existing documents; MERGE on assertedBy (never null)
 * keeps a repeated row from doubling the edge, SET null removes a cue. `created` counts the rows
 * whose two ends were found: fewer than sent means the caller named a missing document.
 * https://neo4j.com/docs/cypher-manual/5/clauses/merge/#merge-merge-on-a-relationship-between-two-existing-nodes
 * https://neo4j.com/docs/cypher-manual/5/clauses/set/#set-remove-a-property
 */
export const createEdges: Readonly<Record<RelationType, string>> = byType(
  (type) => `UNWIND $rows AS row
MATCH (src:Document {id: row.from})
MATCH (dst:Document {id: row.to})
MERGE (src)-[r:${type} {assertedBy: row.assertedBy}]->(dst)
SET r.sentence = row.sentence, r.cue = row.cue
RETURN count(r) AS created`,
);

/** Which of these ids name no document (asked only after a batch of edges lost rows). */
// https://neo4j.com/docs/cypher-manual/5/clauses/optional-match/
export const missingDocuments = `UNWIND $ids AS id
OPTIONAL MATCH (d:Document {id: id})
WITH id, d
WHERE d IS NULL
RETURN collect(id) AS missing`;

/**
 * Remove documents and every edge touching them (DETACH DELETE); edges they assert between other
 * documents go first, with `deleteEdgesAssertedBy`.
 * https://neo4j.com/docs/cypher-manual/5/clauses/delete/#delete-a-node-with-all-its-relationships
 */
export const removeDocuments = `UNWIND $ids AS id
MATCH (d:Document {id: id})
DETACH DELETE d`;

/**
 * Clear in slices (one transaction each, so a large graph never builds one huge transaction); the
 * caller repeats until `deleted` is 0.
 * https://neo4j.com/docs/cypher-manual/5/clauses/limit/#limit-will-not-stop-side-effects (WITH … LIMIT before the write)
 */
export const clearSlice = `MATCH (d:Document)
WITH d LIMIT $limit
DETACH DELETE d
RETURN count(*) AS deleted`;

/** https://neo4j.com/docs/cypher-manual/5/expressions/map-expressions/#map-projection (all-map projection `d {.*}`) */
export const getDocument = `MATCH (d:Document {id: $id})
RETURN d {.*} AS document`;

/** Documents by id, for the rows an audit shows. */
export const documentsById = `UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d {.*} AS document`;

/** The health probe. */
export const ping = 'RETURN 1 AS ok';

/**
 * The `|` disjunction of the selected relation types, in vocabulary order: only vocabulary strings
 * end up in the statement, whatever the caller passes ('' when none is selected).
 * https://neo4j.com/docs/cypher-manual/5/patterns/reference/#variable-length-relationships
 * (varLengthTypeExpression: types joined with "|")
 */
export function typeDisjunction(selected: readonly string[]): string {
  return relationTypes.filter((type) => selected.includes(type)).join('|');
}

// Each edge with its provenance, as the assembly in assemble.ts reads it.
const edgeMap = (rel: string, end: string) => `{to: ${end}.id, relation: type(${rel}), sentence: ${rel}.sentence, cue: ${rel}.cue, assertedBy: ${rel}.assertedBy}`;

const cache = new Map<string, string>();
const cached = (key: string, build: () => string): string => {
  let statement = cache.get(key);
  if (statement === undefined) cache.set(key, (statement = build()));
  return statement;
};

/**
 * trace: the start document and every document above it within 12 hops over the selected types
 * (a bounded variable-length relationship; DISTINCT end nodes let the planner prune paths), each
 * with its outgoing edges of those types and their provenance — the chains are assembled in code
 * (assemble.ts), one hop per (src, dst, relation), as the embedded adapter does.
 * https://neo4j.com/docs/cypher-manual/5/patterns/reference/#variable-length-relationships ("-[:A|B*1..12]->")
 * https://neo4j.com/docs/cypher-manual/5/functions/aggregating/#functions-collect (collect(DISTINCT …) skips nulls)
 * https://neo4j.com/docs/cypher-manual/5/values-and-types/lists/#cypher-pattern-comprehension
 */
export function traceStatement(types: string): string {
  return cached(`trace:${types}`, () => `MATCH (start:Document {id: $id})
OPTIONAL MATCH (start)-[:${types}*1..${MAX_DEPTH}]->(above:Document)
WITH start, collect(DISTINCT above) AS above
UNWIND [start] + above AS node
RETURN node {.*} AS document, [(node)-[e:${types}]->(next:Document) | ${edgeMap('e', 'next')}] AS edges`);
}

/**
 * implementations: the root and every document below it within `depth` hops (the bound of a
 * variable-length relationship is a literal, not a parameter: `depth` is an integer clamped to
 * 1..12 by the caller), each with its edges up to the documents it implements; levels are assembled
 * in code. Same manual pages as `traceStatement`.
 */
export function implementationsStatement(types: string, depth: number): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) throw new RangeError(`depth ${depth} outside 1..${MAX_DEPTH}`);
  return cached(`implementations:${types}:${depth}`, () => `MATCH (root:Document {id: $id})
OPTIONAL MATCH (root)<-[:${types}*1..${depth}]-(below:Document)
WITH root, collect(DISTINCT below) AS below
UNWIND [root] + below AS node
RETURN node {.*} AS document, [(node)-[e:${types}]->(parent:Document) | ${edgeMap('e', 'parent')}] AS edges`);
}

/**
 * audit, part 1: every document below the decree over IMPLEMENTS/BASED_ON within 12 hops — only
 * the fields grouping needs — with the relations by which it cites the decree directly.
 * https://neo4j.com/docs/cypher-manual/5/patterns/reference/#variable-length-relationships
 * https://neo4j.com/docs/cypher-manual/5/clauses/with/ (WITH DISTINCT)
 * https://neo4j.com/docs/cypher-manual/5/values-and-types/lists/#cypher-pattern-comprehension
 */
export const auditEvidence = `MATCH (decree:Document {id: $id})
MATCH (decree)<-[:IMPLEMENTS|BASED_ON*1..${MAX_DEPTH}]-(d:Document)
WHERE d <> decree
WITH DISTINCT decree, d
RETURN d.id AS id, d.province AS province, d.date AS date, [(d)-[r:IMPLEMENTS|BASED_ON]->(decree) | type(r)] AS direct`;

/**
 * audit, part 2: documents citing the decree directly with another relation (mentioned only).
 * https://neo4j.com/docs/cypher-manual/5/functions/scalar/#functions-type
 * https://neo4j.com/docs/cypher-manual/5/functions/aggregating/#functions-collect
 */
export const auditMentions = `MATCH (decree:Document {id: $id})<-[r]-(d:Document)
WHERE NOT type(r) IN $upward
RETURN d.id AS id, d.province AS province, d.date AS date, collect(DISTINCT type(r)) AS relations`;

function byType(build: (type: RelationType) => string): Readonly<Record<RelationType, string>> {
  return Object.freeze(Object.fromEntries(relationTypes.map((type) => [type, build(type)])) as Record<RelationType, string>);
}
