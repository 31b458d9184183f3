import { RelationTypeSchema, type RelationType } from '@vanban/schema';
import { documentKeys } from './rows.js';

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
/** Every other relation: a document citing the decree with one of these only mentions it (audit). */
export const mentionRelations: readonly RelationType[] = relationTypes.filter((type) => !upwardRelations.includes(type));

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

/** Seconds `awaitIndexes` waits at most; the transaction running it is given a little longer. */
export const AWAIT_INDEXES_SECONDS = 600;

/**
 * After the schema statements: an index is created POPULATING and only used once ONLINE, so wait
 * for all of them before the first batches (else every delete by assertedBy scans the relationships
 * of its type). "db.awaitIndexes([ timeOutSeconds ])", timeOutSeconds INTEGER (default 300), mode
 * READ, in Community and Enterprise; it fails if an index is not online in time.
 * https://neo4j.com/docs/operations-manual/5/reference/procedures/#procedure_db_awaitIndexes
 * https://neo4j.com/docs/cypher-manual/5/clauses/call/ (standalone CALL of a VOID procedure)
 */
export const awaitIndexes = `CALL db.awaitIndexes(${AWAIT_INDEXES_SECONDS})`;

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
 * Clear, part 1: relationships in slices (one transaction each), so a directive with tens of
 * thousands of relationships never lands in one transaction as a DETACH DELETE of its node would;
 * the caller repeats until `deleted` is 0. WITH … LIMIT before the write caps what one slice deletes.
 * https://neo4j.com/docs/cypher-manual/5/clauses/delete/#delete-relationships-only
 * https://neo4j.com/docs/cypher-manual/5/clauses/limit/#limit-will-not-stop-side-effects (WITH … LIMIT before the write)
 */
export const clearEdgesSlice = `MATCH (:Document)-[r]->()
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted`;

/**
 * Clear, part 2: the documents in slices, once their relationships are gone (DETACH only for an
 * edge written meanwhile); the caller repeats until `deleted` is 0.
 * https://neo4j.com/docs/cypher-manual/5/clauses/delete/#delete-a-node-with-all-its-relationships
 * https://neo4j.com/docs/cypher-manual/5/clauses/limit/#limit-will-not-stop-side-effects (WITH … LIMIT before the write)
 */
export const clearNodesSlice = `MATCH (d:Document)
WITH d LIMIT $limit
DETACH DELETE d
RETURN count(*) AS deleted`;

/**
 * A document's fields as a map: a property selector per StoredDocument field (`d {.id, .number, …}`),
 * not the all-properties selector `d {.*}`, so nothing else a node may hold (the full text an older
 * sync stored) is ever shipped back; a missing property projects as null.
 * https://neo4j.com/docs/cypher-manual/5/expressions/map-expressions/#map-projection (property selector)
 */
const documentMap = (variable: string): string => `${variable} {${documentKeys.map((key) => `.${key}`).join(', ')}}`;

/** https://neo4j.com/docs/cypher-manual/5/expressions/map-expressions/#map-projection (see `documentMap`) */
export const getDocument = `MATCH (d:Document {id: $id})
RETURN ${documentMap('d')} AS document`;

/**
 * Documents by id: those an audit shows, the levels implementations keeps, the chains trace keeps.
 * https://neo4j.com/docs/cypher-manual/5/clauses/unwind/ (UNWIND a list parameter into rows)
 * https://neo4j.com/docs/cypher-manual/5/expressions/map-expressions/#map-projection (see `documentMap`)
 */
export const documentsById = `UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN ${documentMap('d')} AS document`;

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
 * trace, the walk: the start document and every document above it within 12 hops over the selected
 * types (a bounded variable-length relationship; DISTINCT end nodes let the planner prune paths),
 * each with its outgoing edges of those types and their provenance. Ids only, plus the two fields
 * chains are ranked by (the root's issuerLevel and date): no property map crosses the wire; the
 * chains are assembled in code (assemble.ts), one hop per (src, dst, relation), as the embedded
 * adapter does, and only the documents of the chains kept are read (`documentsById`).
 * https://neo4j.com/docs/cypher-manual/5/patterns/reference/#variable-length-relationships ("-[:A|B*1..12]->")
 * https://neo4j.com/docs/cypher-manual/5/functions/aggregating/#functions-collect (collect(DISTINCT …) skips nulls)
 * https://neo4j.com/docs/cypher-manual/5/values-and-types/lists/#cypher-pattern-comprehension
 */
export function traceStatement(types: string): string {
  return cached(`trace:${types}`, () => `MATCH (start:Document {id: $id})
OPTIONAL MATCH (start)-[:${types}*1..${MAX_DEPTH}]->(above:Document)
WITH start, collect(DISTINCT above) AS above
UNWIND [start] + above AS node
RETURN node.id AS id, node.issuerLevel AS issuerLevel, node.date AS date, [(node)-[e:${types}]->(next:Document) | ${edgeMap('e', 'next')}] AS edges`);
}

/**
 * implementations, one level: the edges of the selected types into the documents of the frontier
 * (the previous level), from documents not placed yet, as the embedded adapter's one query per
 * level. Sorted by the citing document's id and cut at `$limit` rows (the per-level cap plus a
 * margin, plus one to tell a cut level), so a directive implemented by most of the graph never
 * ships more than that; the caller keeps each document once, at its shallowest level, and then
 * reads the kept ones (`documentsById`).
 * https://neo4j.com/docs/cypher-manual/5/clauses/unwind/ (UNWIND a list parameter into rows)
 * https://neo4j.com/docs/cypher-manual/5/clauses/match/#match-relationship-type-expressions ("<-[r:A|B]-")
 * https://neo4j.com/docs/cypher-manual/5/expressions/predicates/list-operators/ ("NOT x IN list")
 * https://neo4j.com/docs/cypher-manual/5/functions/scalar/#functions-type
 * https://neo4j.com/docs/cypher-manual/5/clauses/order-by/ (ORDER BY a returned alias)
 * https://neo4j.com/docs/cypher-manual/5/clauses/limit/
 */
export function implementationsLevelStatement(types: string): string {
  return cached(`implementations:${types}`, () => `UNWIND $frontier AS pid
MATCH (:Document {id: pid})<-[e:${types}]-(below:Document)
WHERE NOT below.id IN $placed
RETURN pid AS parent, below.id AS src, type(e) AS relation, e.sentence AS sentence, e.cue AS cue, e.assertedBy AS assertedBy
ORDER BY src
LIMIT $limit`);
}

/**
 * audit, part 1: every document below the decree over IMPLEMENTS/BASED_ON within 12 hops — only
 * the fields grouping needs, the draft flag among them (a draft is never evidence: audit-groups.ts
 * sets it apart; a missing property would read as null, so coalesce) — with the relations by
 * which it cites the decree directly.
 * https://neo4j.com/docs/cypher-manual/5/functions/scalar/#functions-coalesce
 * https://neo4j.com/docs/cypher-manual/5/patterns/reference/#variable-length-relationships
 * https://neo4j.com/docs/cypher-manual/5/clauses/with/ (WITH DISTINCT)
 * https://neo4j.com/docs/cypher-manual/5/values-and-types/lists/#cypher-pattern-comprehension
 */
export const auditEvidence = `MATCH (decree:Document {id: $id})
MATCH (decree)<-[:IMPLEMENTS|BASED_ON*1..${MAX_DEPTH}]-(d:Document)
WHERE d <> decree
WITH DISTINCT decree, d
RETURN d.id AS id, d.province AS province, d.date AS date, coalesce(d.draft, false) AS draft, [(d)-[r:IMPLEMENTS|BASED_ON]->(decree) | type(r)] AS direct`;

/**
 * audit, part 2: documents citing the decree directly with another relation (mentioned only),
 * with the draft flag as in part 1. The other relation types are named in the pattern (from the
 * vocabulary), so the tens of thousands of IMPLEMENTS/BASED_ON edges into a decree are never
 * walked (a dense node keeps its relationships grouped by type) instead of being read and
 * filtered out.
 * https://neo4j.com/docs/cypher-manual/5/clauses/match/#match-relationship-type-expressions ("<-[r:A|B]-")
 * https://neo4j.com/docs/cypher-manual/5/functions/scalar/#functions-type
 * https://neo4j.com/docs/cypher-manual/5/functions/aggregating/#functions-collect
 */
export const auditMentions = `MATCH (decree:Document {id: $id})<-[r:${mentionRelations.join('|')}]-(d:Document)
RETURN d.id AS id, d.province AS province, d.date AS date, coalesce(d.draft, false) AS draft, collect(DISTINCT type(r)) AS relations`;

function byType(build: (type: RelationType) => string): Readonly<Record<RelationType, string>> {
  return Object.freeze(Object.fromEntries(relationTypes.map((type) => [type, build(type)])) as Record<RelationType, string>);
}
