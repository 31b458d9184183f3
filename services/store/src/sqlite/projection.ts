import { createHash } from 'node:crypto';
import type { ProjectedDocument, ProjectedEdge } from '../projection.js';
import type { Db } from './open.js';
import { toDocument, type DocumentRow } from './rows.js';
import { stmt } from './statements.js';
import { inflateText } from './text.js';

/** A batch of documents as the engines receive them, each with the edges it asserts and a hash of both. */
export interface ProjectedBatch {
  documents: ProjectedDocument[];
  edges: ProjectedEdge[];
  /** documents the edges point to or come from, outside this batch (the graph needs both ends) */
  ends: ProjectedDocument[];
  hashes: Map<string, string>;
}

const json = (ids: readonly number[]): string => JSON.stringify(ids);

/** The projection of these documents (by rowid): text, cited numbers, asserted edges, and a hash of each. */
export function projectDocuments(db: Db, rowids: readonly number[]): ProjectedBatch {
  const rows = stmt<[string], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid').all(json(rowids));
  const cited = new Map<number, { numbers: Set<string>; serials: Set<string> }>();
  for (const m of stmt<[string], { doc: number; number: string; serial: string }>(db, 'SELECT doc, number, serial FROM mentions WHERE doc IN (SELECT value FROM json_each(?))').all(json(rowids))) {
    let c = cited.get(m.doc);
    if (!c) cited.set(m.doc, (c = { numbers: new Set(), serials: new Set() }));
    c.numbers.add(m.number);
    c.serials.add(m.serial);
  }
  const texts = new Map<string, string>();
  const textOf = (r: DocumentRow): string => {
    if (!r.source || r.start === null || r.end === null) return '';
    if (!texts.has(r.source)) {
      const file = stmt<[string], { text: Buffer }>(db, 'SELECT text FROM files WHERE path = ?').get(r.source);
      texts.set(r.source, file ? inflateText(file.text) : '');
    }
    return texts.get(r.source)!.slice(r.start, r.end);
  };
  const project = (r: DocumentRow): ProjectedDocument => ({
    ...toDocument(r),
    text: textOf(r),
    serial: r.serial ?? null,
    citedNumbers: [...(cited.get(r.rowid)?.numbers ?? [])].sort(),
    citedSerials: [...(cited.get(r.rowid)?.serials ?? [])].sort(),
  });
  const documents = rows.map(project);
  // one edge per (from, to, relation, assertedBy), as the embedded graph keys them
  const edges = new Map<string, ProjectedEdge & { src: number; dst: number }>();
  for (const e of stmt<[string], ProjectedEdge & { src: number; dst: number }>(
    db,
    `SELECT e.src, e.dst, s.id AS "from", t.id AS "to", e.relation, e.sentence, e.cue, a.id AS assertedBy FROM edge_view e
     JOIN documents s ON s.rowid = e.src JOIN documents t ON t.rowid = e.dst JOIN documents a ON a.rowid = e.asserted_by
     WHERE e.asserted_by IN (SELECT value FROM json_each(?)) ORDER BY e.asserted_by, e.src, e.dst, e.relation`,
  ).all(json(rowids))) {
    const key = `${e.from}\u0000${e.to}\u0000${e.relation}\u0000${e.assertedBy}`;
    if (!edges.has(key)) edges.set(key, e);
  }
  const inBatch = new Set(rows.map((r) => r.rowid));
  const outside = [...new Set([...edges.values()].flatMap((e) => [e.src, e.dst]).filter((r) => !inBatch.has(r)))];
  const ends = outside.length
    ? stmt<[string], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE rowid IN (SELECT value FROM json_each(?))').all(json(outside)).map(project)
    : [];
  const plainEdges = [...edges.values()].map(({ src: _s, dst: _d, ...e }) => e);
  // Map.groupBy is not in Node 20
  const asserted = new Map<string, ProjectedEdge[]>();
  for (const e of plainEdges) {
    const list = asserted.get(e.assertedBy);
    if (list) list.push(e);
    else asserted.set(e.assertedBy, [e]);
  }
  const hashes = new Map(documents.map((d) => [d.id, createHash('sha256').update(JSON.stringify([d, asserted.get(d.id) ?? []])).digest('base64url')]));
  return { documents, edges: plainEdges, ends, hashes };
}
