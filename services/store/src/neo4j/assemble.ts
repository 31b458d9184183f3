import { levelRank, relationStrength, type IssuerLevel, type RelationType } from '@vanban/schema';
import { MAX_DEPTH } from './cypher.js';

/**
 * The chains and levels built from what the trace and implementations queries return: ids and
 * edges (with their provenance) of the selected types, never document properties — the documents
 * of what is kept are read afterwards, by id. Pure (the level walk takes its query as a function),
 * so the same rules as the embedded adapter (sqlite/graph.ts) are tested without a server.
 */

export interface RawEdge {
  to: string;
  relation: RelationType;
  sentence: string | null;
  cue: string | null;
  assertedBy: string;
}
/** A document the trace walk reached: its id, the two fields chains are ranked by, its edges up. */
export interface WalkedDocument {
  id: string;
  issuerLevel: string | null;
  date: string | null;
  edges: RawEdge[];
}
/** One row of an implementations level: an edge into `parent` (a frontier document) from `src`. */
export interface IncomingEdge {
  parent: string;
  src: string;
  relation: RelationType;
  sentence: string | null;
  cue: string | null;
  assertedBy: string;
}
/** A document placed in the downward tree, with the edge that puts it there (`edge.to`: its parent). */
export interface PlacedDocument {
  id: string;
  edge: RawEdge;
}

/** The embedded walk's bounds: rows walked, roots kept per chain asked for. */
const WALK_LIMIT = 20_000;
const ROOTS_PER_CHAIN = 20;
export const MAX_PER_LEVEL = 5_000;
/**
 * Rows one implementations level uses: the per-level cap plus a margin for documents with several
 * edges into the level. The query asks for one row more, to tell a level that fits from one cut.
 */
export const LEVEL_ROW_LIMIT = 2 * MAX_PER_LEVEL;

const strength = (relation: RelationType): number => relationStrength.indexOf(relation);
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * One edge per (src, dst, relation): the document's own statement when it makes one, else the one
 * asserted by the smallest id (the embedded adapter takes the earliest stored; Neo4j has no
 * insertion order). Sorted by destination, then strongest relation, so walks are deterministic.
 */
export function distinctEdges(src: string, edges: readonly RawEdge[]): RawEdge[] {
  const chosen = new Map<string, RawEdge>();
  for (const e of edges) {
    const key = `${e.to}\u0000${e.relation}`;
    const had = chosen.get(key);
    if (!had || (e.assertedBy === src && had.assertedBy !== src) || (had.assertedBy !== src && e.assertedBy < had.assertedBy)) chosen.set(key, e);
  }
  return [...chosen.values()].sort((a, b) => byText(a.to, b.to) || strength(a.relation) - strength(b.relation));
}

/**
 * Every upward chain to a root (a document with no further edge leaving the chain), most
 * authoritative root first, then shortest, then earliest root; each hop with its provenance and
 * the id it reaches. At most `maxChains`: only their documents need reading. Null when the walk did
 * not reach the start (no such document).
 */
export function assembleTrace(startId: string, walked: readonly WalkedDocument[], maxChains = 50): RawEdge[][] | null {
  const docs = new Map(walked.map((w) => [w.id, w]));
  if (!docs.has(startId)) return null;
  const up = new Map(walked.map((w) => [w.id, distinctEdges(w.id, w.edges)]));
  type Walk = { node: string; path: string[]; hops: RawEdge[] };
  const queue: Walk[] = [{ node: startId, path: [startId], hops: [] }];
  const roots: Walk[] = [];
  for (let head = 0; head < queue.length && roots.length < maxChains * ROOTS_PER_CHAIN; head++) {
    const w = queue[head];
    const next = (up.get(w.node) ?? []).filter((e) => !w.path.includes(e.to));
    if (w.hops.length > 0 && next.length === 0) roots.push(w);
    if (w.hops.length >= MAX_DEPTH) continue;
    for (const e of next) if (queue.length < WALK_LIMIT) queue.push({ node: e.to, path: [...w.path, e.to], hops: [...w.hops, e] });
  }
  const seen = new Set<string>();
  const chains: RawEdge[][] = [];
  for (const w of roots) {
    const key = w.path.join('>');
    if (seen.has(key) || !w.hops.every((e) => docs.has(e.to))) continue;
    seen.add(key);
    chains.push(w.hops);
  }
  const last = (chain: RawEdge[]): WalkedDocument => docs.get(chain[chain.length - 1].to)!;
  const rank = (chain: RawEdge[]): number => levelRank[(last(chain).issuerLevel ?? 'commune') as IssuerLevel] ?? 9;
  chains.sort((a, b) => rank(a) - rank(b) || a.length - b.length || (last(a).date ?? '').localeCompare(last(b).date ?? ''));
  return chains.slice(0, maxChains);
}

/**
 * One level of the downward tree from the rows of its query (sorted by `src`, at most `rowLimit` + 1):
 * each document not placed yet once, with the edge that puts it there (IMPLEMENTS before other
 * relations, its own statement first, then the smallest asserter, then the smallest parent), in id
 * order (the embedded adapter: storage order), at most `maxPerLevel`. When the rows were cut, the
 * last document's edges may be incomplete: it is dropped with the rest past the cut (unless it is
 * the only one), so every document kept is chosen from all its edges into the level.
 */
export function chooseLevel(rows: readonly IncomingEdge[], placed: ReadonlySet<string>, rowLimit = LEVEL_ROW_LIMIT, maxPerLevel = MAX_PER_LEVEL): PlacedDocument[] {
  // more rows than the limit: the query was cut, inside the last document's edges or right after them
  const cutAt = rows.length > rowLimit ? rows[rows.length - 1].src : null;
  const complete = cutAt !== null && rows.some((r) => r.src !== cutAt) ? rows.filter((r) => r.src !== cutAt) : rows;
  const compare = (src: string, a: RawEdge, b: RawEdge): number =>
    Number(a.relation !== 'IMPLEMENTS') - Number(b.relation !== 'IMPLEMENTS') ||
    Number(a.assertedBy !== src) - Number(b.assertedBy !== src) ||
    byText(a.assertedBy, b.assertedBy) ||
    byText(a.to, b.to);
  const chosen = new Map<string, RawEdge>();
  for (const row of complete) {
    if (placed.has(row.src)) continue;
    const edge: RawEdge = { to: row.parent, relation: row.relation, sentence: row.sentence, cue: row.cue, assertedBy: row.assertedBy };
    const had = chosen.get(row.src);
    if (!had || compare(row.src, edge, had) < 0) chosen.set(row.src, edge);
  }
  return [...chosen.keys()].sort(byText).slice(0, maxPerLevel).map((id) => ({ id, edge: chosen.get(id)! }));
}

/**
 * The downward tree, level by level, one query per level as the embedded adapter does
 * (`readLevel(frontier, placed)`: the edges into the frontier from documents not in `placed`),
 * each document once at its shallowest level. Ids and edges only: the caller reads the documents.
 */
export async function walkImplementations(
  rootId: string,
  maxDepth: number,
  readLevel: (frontier: string[], placed: string[]) => Promise<IncomingEdge[]>,
  rowLimit = LEVEL_ROW_LIMIT,
  maxPerLevel = MAX_PER_LEVEL,
): Promise<Array<{ depth: number; documents: PlacedDocument[] }>> {
  const placed = new Set([rootId]);
  const levels: Array<{ depth: number; documents: PlacedDocument[] }> = [];
  let frontier = [rootId];
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const documents = chooseLevel(await readLevel(frontier, [...placed]), placed, rowLimit, maxPerLevel);
    if (!documents.length) break;
    for (const d of documents) placed.add(d.id);
    levels.push({ depth, documents });
    frontier = documents.map((d) => d.id);
  }
  return levels;
}
