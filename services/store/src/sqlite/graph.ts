import { levelRank, type IssuerLevel, type RelationType } from '@vanban/schema';
import type { Hop, ImplementationLevel, TraceResult } from '../ports.js';
import type { Db } from './open.js';
import { toDocument, type DocumentRow } from './rows.js';
import { stmt } from './statements.js';

export const upwardRelations: readonly RelationType[] = ['IMPLEMENTS', 'BASED_ON'];

/**
 * One edge per (src, dst, relation): the document's own statement when it makes one, else the
 * earliest document asserting it — so a relation asserted by a hundred letters is one hop, not a
 * hundred chains.
 */
const distinctEdges = `
  SELECT e.src, e.dst, e.relation, e.sentence, e.cue, e.asserted_by FROM edge_view e
  WHERE e.asserted_by = coalesce(
    (SELECT x.asserted_by FROM edges x WHERE x.src = e.src AND x.dst = e.dst AND x.relation = e.relation AND x.asserted_by = e.src),
    (SELECT min(x.asserted_by) FROM edges x WHERE x.src = e.src AND x.dst = e.dst AND x.relation = e.relation))`;

const inList = (relations: readonly RelationType[]): string => relations.map((r) => `'${r.replace(/[^A-Z_]/g, '')}'`).join(',');

export function documentByRowid(db: Db, rowid: number): DocumentRow | undefined {
  return stmt<[number], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE rowid = ?').get(rowid);
}

/**
 * Every upward chain over the given relations to a root (a document with no further upward edge),
 * most authoritative root first (party-central, national assembly, government… before a provincial
 * plan), then shortest. Each hop carries the sentence that asserts it.
 */
export function traceUpward(db: Db, start: DocumentRow, relations: readonly RelationType[] = upwardRelations, maxChains = 50): TraceResult {
  const rels = inList(relations);
  const rows = stmt<{ start: number; limit: number }, { node: number; hops: string }>(db, 
      `WITH RECURSIVE up AS (${distinctEdges} AND e.relation IN (${rels})),
       walk(node, path, depth, hops) AS (
         SELECT @start, ',' || @start || ',', 0, json_array()
         UNION ALL
         SELECT up.dst, walk.path || up.dst || ',', walk.depth + 1,
                json_insert(walk.hops, '$[#]', json_array(up.dst, up.relation, up.sentence, up.cue, up.asserted_by))
         FROM walk JOIN up ON up.src = walk.node
         WHERE instr(walk.path, ',' || up.dst || ',') = 0 AND walk.depth < 12
         LIMIT 20000
       )
       SELECT node, hops FROM walk w
       WHERE w.depth > 0 AND NOT EXISTS (SELECT 1 FROM up WHERE up.src = w.node AND instr(w.path, ',' || up.dst || ',') = 0)
       LIMIT @limit`,
    )
    .all({ start: start.rowid, limit: maxChains * 20 });
  const cache = new Map<number, DocumentRow | undefined>();
  const doc = (rowid: number): DocumentRow | undefined => {
    if (!cache.has(rowid)) cache.set(rowid, documentByRowid(db, rowid));
    return cache.get(rowid);
  };
  const seen = new Set<string>();
  const chains: Hop[][] = [];
  for (const row of rows) {
    const hops = JSON.parse(row.hops) as Array<[number, RelationType, string, string | null, number]>;
    const key = hops.map((h) => h[0]).join('>');
    if (seen.has(key)) continue;
    seen.add(key);
    chains.push(
      hops.map(([dst, relation, sentence, cue, by]) => ({
        document: toDocument(doc(dst)!),
        relation,
        sentence,
        cue,
        assertedBy: doc(by)?.id ?? '',
      })),
    );
  }
  const rank = (chain: Hop[]): number => levelRank[(chain[chain.length - 1].document.issuerLevel ?? 'commune') as IssuerLevel] ?? 9;
  chains.sort((a, b) => rank(a) - rank(b) || a.length - b.length || (a[a.length - 1].document.date ?? '').localeCompare(b[b.length - 1].document.date ?? ''));
  return { document: toDocument(start), chains: chains.slice(0, maxChains) };
}

/**
 * The downward tree: who implements this document, level by level, each document once at its
 * shallowest level. Set-based: one query per level, however wide the level.
 */
export function implementationsOf(db: Db, root: DocumentRow, relations: readonly RelationType[] = upwardRelations, maxDepth = 8, maxPerLevel = 5000): ImplementationLevel[] {
  const rels = inList(relations);
  const incoming = stmt<[string], { src: number; dst: number; relation: RelationType; sentence: string; cue: string | null; asserted_by: number }>(
    db,
    `SELECT e.src, e.dst, e.relation, e.sentence, e.cue, e.asserted_by FROM edge_view e
     WHERE e.dst IN (SELECT value FROM json_each(?)) AND e.relation IN (${rels})
     ORDER BY e.src, e.relation != 'IMPLEMENTS', e.asserted_by != e.src, e.asserted_by`,
  );
  const rows = stmt<[string], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE rowid IN (SELECT value FROM json_each(?))');
  const ids = new Map<number, string>([[root.rowid, root.id]]);
  const levels: ImplementationLevel[] = [];
  let frontier = [root.rowid];
  for (let depth = 1; depth <= maxDepth && frontier.length; depth++) {
    const chosen = new Map<number, { dst: number; relation: RelationType; sentence: string; cue: string | null; asserted_by: number }>();
    for (const e of incoming.iterate(JSON.stringify(frontier))) {
      if (ids.has(e.src) || chosen.has(e.src)) continue;
      if (chosen.size >= maxPerLevel) break;
      chosen.set(e.src, e);
    }
    if (!chosen.size) break;
    const docs = new Map(rows.all(JSON.stringify([...chosen.keys()])).map((r) => [r.rowid, r]));
    const byIds = new Map(rows.all(JSON.stringify([...new Set([...chosen.values()].map((e) => e.asserted_by))])).map((r) => [r.rowid, r.id]));
    for (const [src] of chosen) ids.set(src, docs.get(src)!.id);
    levels.push({
      depth,
      documents: [...chosen].map(([src, e]) => ({
        document: toDocument(docs.get(src)!),
        relation: e.relation,
        sentence: e.sentence,
        cue: e.cue,
        assertedBy: byIds.get(e.asserted_by) ?? '',
        parent: ids.get(e.dst)!,
      })),
    });
    frontier = [...chosen.keys()];
  }
  return levels;
}
