import { levelRank, relationStrength, type IssuerLevel, type RelationType } from '@vanban/schema';
import type { Hop, ImplementationLevel, StoredDocument, TraceResult } from '../ports.js';
import { MAX_DEPTH } from './cypher.js';

/**
 * The chains and levels built from what the trace and implementations queries return: each
 * document reached, with its edges (and their provenance) of the selected types. Pure, so the
 * same rules as the embedded adapter (sqlite/graph.ts) are tested without a server.
 */

export interface RawEdge {
  to: string;
  relation: RelationType;
  sentence: string | null;
  cue: string | null;
  assertedBy: string;
}
export interface ReachedDocument {
  document: StoredDocument;
  edges: RawEdge[];
}

/** The embedded walk's bounds: rows walked, roots kept per chain asked for. */
const WALK_LIMIT = 20_000;
const ROOTS_PER_CHAIN = 20;
const MAX_PER_LEVEL = 5_000;

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
 * authoritative root first, then shortest, then earliest root; each hop with its provenance.
 */
export function assembleTrace(startId: string, reached: readonly ReachedDocument[], maxChains = 50): TraceResult | null {
  const docs = new Map(reached.map((r) => [r.document.id, r.document]));
  const start = docs.get(startId);
  if (!start) return null;
  const up = new Map(reached.map((r) => [r.document.id, distinctEdges(r.document.id, r.edges)]));
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
  const chains: Hop[][] = [];
  for (const w of roots) {
    const key = w.path.join('>');
    if (seen.has(key) || !w.hops.every((e) => docs.has(e.to))) continue;
    seen.add(key);
    chains.push(w.hops.map((e) => ({ document: docs.get(e.to)!, relation: e.relation, sentence: e.sentence ?? '', cue: e.cue, assertedBy: e.assertedBy })));
  }
  const last = (chain: Hop[]): StoredDocument => chain[chain.length - 1].document;
  const rank = (chain: Hop[]): number => levelRank[(last(chain).issuerLevel ?? 'commune') as IssuerLevel] ?? 9;
  chains.sort((a, b) => rank(a) - rank(b) || a.length - b.length || (last(a).date ?? '').localeCompare(last(b).date ?? ''));
  return { document: start, chains: chains.slice(0, maxChains) };
}

/**
 * The downward tree, level by level, each document once at its shallowest level with the edge
 * that puts it there (IMPLEMENTS before other relations, its own statement first) and its parent.
 * Within a level, documents are in id order (the embedded adapter: storage order).
 */
export function assembleImplementations(rootId: string, reached: readonly ReachedDocument[], maxDepth = 8, maxPerLevel = MAX_PER_LEVEL): ImplementationLevel[] | null {
  const docs = new Map(reached.map((r) => [r.document.id, r.document]));
  if (!docs.has(rootId)) return null;
  // who points at each document: parent -> [(src, edge)]
  const below = new Map<string, Array<{ src: string; edge: RawEdge }>>();
  for (const r of reached) {
    if (r.document.id === rootId) continue;
    for (const edge of r.edges) {
      let list = below.get(edge.to);
      if (!list) below.set(edge.to, (list = []));
      list.push({ src: r.document.id, edge });
    }
  }
  const compare = (src: string, a: RawEdge, b: RawEdge): number =>
    Number(a.relation !== 'IMPLEMENTS') - Number(b.relation !== 'IMPLEMENTS') ||
    Number(a.assertedBy !== src) - Number(b.assertedBy !== src) ||
    byText(a.assertedBy, b.assertedBy) ||
    byText(a.to, b.to);
  const placed = new Set([rootId]);
  const levels: ImplementationLevel[] = [];
  let frontier = [rootId];
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const chosen = new Map<string, RawEdge>();
    for (const parent of frontier) {
      for (const { src, edge } of below.get(parent) ?? []) {
        if (placed.has(src) || !docs.has(src)) continue;
        const had = chosen.get(src);
        if (!had || compare(src, edge, had) < 0) chosen.set(src, edge);
      }
    }
    if (!chosen.size) break;
    const ids = [...chosen.keys()].sort(byText).slice(0, maxPerLevel);
    for (const id of ids) placed.add(id);
    levels.push({
      depth,
      documents: ids.map((id) => {
        const e = chosen.get(id)!;
        return { document: docs.get(id)!, relation: e.relation, sentence: e.sentence ?? '', cue: e.cue, assertedBy: e.assertedBy, parent: e.to };
      }),
    });
    frontier = ids;
  }
  return levels;
}
