import { canonicalProvince, foldVietnamese, normalizeNumber, type Message, type RelationType } from '@vanban/schema';
import type { DocumentDetail, Hop, StoredDocument, StoreStats, SyncGraphStore, SyncSearchIndex } from '../ports.js';
import { StoreError } from '../ports.js';
import { auditDecree } from './audit.js';
import { DownIndex } from './down-index.js';
import { FacetIndex } from './facets.js';
import { optimizeSearchIndex, searchIndexSegments } from './fts-maintenance.js';
import { implementationsOf, traceUpward } from './graph.js';
import { openDatabase, type Db, type OpenOptions } from './open.js';
import { numberMatches, parseQuery } from './query.js';
import { resolveAll, resolveSummary } from './resolve.js';
import { dataVersion, stmt } from './statements.js';
import { storedDocumentSelect, toDocument, type DocumentRow, type StoredDocumentRow } from './rows.js';
import { searchDocuments } from './search.js';
import { inflateText } from './text.js';
import { ingestFile, isUnchanged } from './write.js';

/** Edges into a document listed by `describe`; `citedByCount` counts them all. */
export const DESCRIBE_CITED_BY_LIMIT = 200;

export type SqliteStore = SyncGraphStore &
  SyncSearchIndex & {
    readonly db: Db;
    readonly path: string;
    /** Segments of the full-text index (1 once optimized). */
    searchIndexSegments(): number;
    /** Merge the full-text index into one segment: worth it after a bulk ingest, not after each file. */
    optimizeSearchIndex(): void;
    /**
     * Build now the in-memory arrays search and audit read (facet fields, reversed edges), which
     * are otherwise built by the first request that needs them.
     */
    warm(): void;
    /** Every citation left unresolved, with its reason and sentence: by reason, then citing document. */
    unresolvedCitations(): Iterable<UnresolvedCitation>;
  };

/** A citation the resolver could not tie to one document, and why. */
export interface UnresolvedCitation {
  /** The citing document. */
  document: string;
  number: string;
  year: number | null;
  issuer: string | null;
  reason: string;
  sentence: string;
}

/** The embedded default: one SQLite file holds the graph and the full-text index. */
export function createSqliteStore(path: string, options: OpenOptions = {}): SqliteStore {
  const db = openDatabase(path, options);
  const byId = stmt<[string], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE id = ?');
  const row = (id: string): DocumentRow | undefined => byId.get(id);
  const facetIndex = new FacetIndex(db);
  const downIndex = new DownIndex(db);
  let writes = 0;

  const store: SqliteStore = {
    db,
    path,
    ingestFile: (input) => {
      facetIndex.invalidate();
      downIndex.invalidate();
      writes++;
      return wrap('ingest', () => ingestFile(db, input));
    },
    isUnchanged: (source, hash) => isUnchanged(db, source, hash),
    resolve: () => {
      facetIndex.invalidate();
      downIndex.invalidate();
      writes++;
      return wrap('resolve', () => resolveAll(db));
    },
    getDocument: (id) => {
      const r = row(id);
      return r ? toDocument(r) : null;
    },
    documentsFromSource: (source) =>
      stmt<[string], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE source = ? ORDER BY start, rowid').all(source).map(toDocument),
    describe: (id) => wrap('describe', () => describe(db, row(id))),
    find: (ref, filters = {}) => {
      const direct = row(ref);
      return direct ? [toDocument(direct)] : lookup(db, ref, filters);
    },
    lookup: (number, filters = {}) => lookup(db, number, filters),
    trace: (id, options = {}) => {
      const r = row(id);
      return r ? traceUpward(db, r, options.relations, options.maxChains) : null;
    },
    implementations: (id, options = {}) => {
      const r = row(id);
      return r ? implementationsOf(db, r, options.relations, options.maxDepth) : null;
    },
    audit: (id, options = {}) => {
      const r = row(id);
      return r ? auditDecree(db, r, options.provinces ?? 63, facetIndex, downIndex) : null;
    },
    search: (query) => wrap('search', () => searchDocuments(db, query, facetIndex)),
    searchIndexSegments: () => searchIndexSegments(db),
    optimizeSearchIndex: () => {
      writes++;
      wrap('optimize', () => optimizeSearchIndex(db));
    },
    stats: () => stats(db),
    unresolvedCitations: () =>
      stmt<[], UnresolvedCitation>(db,
        `SELECT d.id AS document, m.number, m.year, m.issuer, m.unresolved AS reason, s.text AS sentence
         FROM mentions m JOIN documents d ON d.rowid = m.doc JOIN sentences s ON s.rowid = m.sentence
         WHERE m.unresolved IS NOT NULL ORDER BY m.unresolved, d.id, m.ord`).iterate(),
    warm: () =>
      wrap('warm', () => {
        facetIndex.ensure();
        downIndex.ensure();
      }),
    // data_version moves when another connection commits; `writes` when this one writes
    revision: () => `${dataVersion(db)}:${writes}`,
    checkHealth: async () => {
      try {
        stmt(db, 'SELECT 1 FROM meta LIMIT 1').get();
        return [{ backend: 'sqlite', ok: true }];
      } catch (error) {
        return [{ backend: 'sqlite', ok: false, error: (error as Error).message }];
      }
    },
    exportGraph: () => ({
      documents: (function* () {
        for (const r of db.prepare<[], DocumentRow>('SELECT rowid, * FROM documents ORDER BY id').iterate()) yield toDocument(r);
      })(),
      edges: (function* () {
        for (const e of db.prepare<[], { from: string; to: string; relation: RelationType; assertedBy: string; sentence: string }>(
            `SELECT s.id AS "from", t.id AS "to", e.relation, a.id AS assertedBy, e.sentence FROM edge_view e
             JOIN documents s ON s.rowid = e.src JOIN documents t ON t.rowid = e.dst JOIN documents a ON a.rowid = e.asserted_by
             ORDER BY s.id, t.id, e.relation, a.id`,
          )
          .iterate())
          yield e;
      })(),
    }),
    close: () => db.close(),
  };
  return store;
}

function wrap<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (cause) {
    if (cause instanceof StoreError) throw cause;
    throw new StoreError(`[sqlite] ${what} failed: ${(cause as Error).message}`, { cause });
  }
}

/** Documents whose own number is `number`, typed exactly or loosely ("1863/qd-ttg", "QĐ 1863"). */
function lookup(db: Db, number: string, filters: { year?: number; province?: string }): StoredDocument[] {
  const normalized = normalizeNumber(number);
  let rows = stmt<[string], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE number = ? ORDER BY year, rowid').all(normalized);
  if (!rows.length) {
    const parsed = parseQuery(number);
    if (parsed.kind === 'number') {
      rows = stmt<[string], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE serial = ? ORDER BY year, rowid')
        .all(parsed.serial)
        .filter((r) => r.number_folded && numberMatches(r.number_folded, parsed, r.type_code));
    } else {
      rows = stmt<[string], DocumentRow>(db, 'SELECT rowid, * FROM documents WHERE number_folded = ? ORDER BY year, rowid').all(foldVietnamese(normalized));
    }
  }
  const province = filters.province && canonicalProvince(filters.province);
  return rows
    .filter((r) => (filters.year === undefined || r.year === filters.year) && (!province || r.province === province))
    .map(toDocument);
}

function describe(db: Db, r: DocumentRow | undefined): DocumentDetail | null {
  if (!r) return null;
  const file = r.source ? stmt<[string], { text: Buffer; messages: string }>(db, 'SELECT text, messages FROM files WHERE path = ?').get(r.source) : undefined;
  const text = file && r.start !== null && r.end !== null ? inflateText(file.text).slice(r.start, r.end) : null;
  const citations = stmt<{ doc: number; offset: number }, DocumentDetail["citations"][number]>(db, 
      `SELECT m.kind, '' AS raw, m.start - @offset AS start, m.end - @offset AS end, m.number, m.year, m.relation, s.text AS sentence, m.cue, m.pin, t.id AS target, m.unresolved
       FROM mentions m JOIN sentences s ON s.rowid = m.sentence LEFT JOIN documents t ON t.rowid = m.target WHERE m.doc = @doc ORDER BY m.ord`,
    )
    .all({ doc: r.rowid, offset: r.start ?? 0 });
  // each hop's document comes in the same row (one query per list, not one per hop)
  type HopRow = StoredDocumentRow & { hop_relation: RelationType; hop_sentence: string; hop_cue: string | null; hop_by: string };
  const hops = (sql: string): Hop[] =>
    stmt<[number], HopRow>(db, sql)
      .all(r.rowid)
      .map((e) => ({ document: toDocument(e), relation: e.hop_relation, sentence: e.hop_sentence, cue: e.hop_cue, assertedBy: e.hop_by }));
  const hopColumns = `${storedDocumentSelect('d')}, e.relation AS hop_relation, e.sentence AS hop_sentence, e.cue AS hop_cue, a.id AS hop_by`;
  for (const c of citations) c.raw = text ? text.slice(c.start, c.end) : '';
  // a national directive may be cited by tens of thousands of letters: the first ones, and the count
  const citedBy = hops(
    `SELECT ${hopColumns} FROM edge_view e JOIN documents d ON d.rowid = e.src JOIN documents a ON a.rowid = e.asserted_by WHERE e.dst = ? GROUP BY e.src, e.relation ORDER BY e.src LIMIT ${DESCRIBE_CITED_BY_LIMIT}`,
  );
  const citedByCount =
    citedBy.length < DESCRIBE_CITED_BY_LIMIT ? citedBy.length : stmt<[number], { n: number }>(db, 'SELECT count(*) AS n FROM (SELECT 1 FROM edges WHERE dst = ? GROUP BY src, relation)').get(r.rowid)!.n;
  const relatesTo = hops(
    `SELECT ${hopColumns} FROM edge_view e JOIN documents d ON d.rowid = e.dst JOIN documents a ON a.rowid = e.asserted_by WHERE e.src = ? GROUP BY e.dst, e.relation ORDER BY e.dst`,
  );
  const assertions = stmt<[number], DocumentDetail['assertions'][number]>(db, 
      `SELECT a.from_number AS fromNumber, a.to_number AS toNumber, a.relation, (SELECT text FROM sentences WHERE rowid = a.sentence) AS sentence,
        (SELECT t.id FROM mentions m JOIN documents t ON t.rowid = m.target WHERE m.doc = a.doc AND m.number = a.from_number LIMIT 1) AS "from",
        (SELECT t.id FROM mentions m JOIN documents t ON t.rowid = m.target WHERE m.doc = a.doc AND m.number = a.to_number LIMIT 1) AS "to"
       FROM assertions a WHERE a.doc = ? ORDER BY a.rowid`,
    )
    .all(r.rowid);
  const doc = toDocument(r);
  return {
    document: { ...doc, subject: r.subject, signerTitle: r.signer_title, recipients: JSON.parse(r.recipients) as string[] },
    text,
    citations,
    citedBy,
    citedByCount,
    relatesTo,
    assertions,
    messages: file ? (JSON.parse(file.messages) as Message[]) : [],
  };
}

function stats(db: Db): StoreStats {
  const files = stmt<[], { files: number; failed: number }>(db, 'SELECT count(*) AS files, count(*) FILTER (WHERE ok = 0) AS failed FROM files').get()!;
  const docs = stmt<[], { documents: number; known: number }>(db, 'SELECT count(*) AS documents, count(*) FILTER (WHERE known = 1) AS known FROM documents').get()!;
  const summary = resolveSummary(db);
  return {
    files: files.files,
    failedFiles: files.failed,
    documents: docs.documents,
    knownDocuments: docs.known,
    citedOnly: summary.citedOnly,
    mentions: summary.mentions,
    resolved: summary.resolved,
    unresolved: summary.unresolved,
    edges: summary.edges,
  };
}
