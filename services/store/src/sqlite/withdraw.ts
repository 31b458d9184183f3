import type { Db } from './open.js';
import { Resolver, unresolvedMentionsOf, type CitationChange } from './resolve.js';
import { unindexDocument } from './search-index.js';
import { stmt } from './statements.js';

/** A citation taken out with its document: its row, issuer phrase and date. */
type WithdrawnCitation = CitationChange['withdrawn'][number];

/** What taking a file's documents out leaves to settle once its new version, if any, is stored. */
export interface Withdrawal {
  /**
   * Nodes known only from citations that may have lost some: those its documents cited, with the
   * issuer phrase and date of each citation withdrawn; and its documents other documents cite,
   * kept as such nodes (null: named and dated by their citations from now on, unless the new
   * version takes them back).
   */
  readonly reached: ReadonlyMap<number, WithdrawnCitation[] | null>;
  /** The numbers of its documents removed. */
  readonly numbers: readonly string[];
}

/**
 * Remove a file's documents before storing its new version (or nothing, when it now holds a copy
 * of another file). A document other documents cite stays as a node known only from citations;
 * the new version, if it has the same identity, becomes that node again. `settleWithdrawal` then
 * finishes what the citations taken out leave.
 */
export function detachDocuments(db: Db, source: string): Withdrawal {
  const reached = new Map<number, WithdrawnCitation[] | null>();
  const numbers: string[] = [];
  const rows = stmt<[string], { rowid: number; number: string | null }>(db, 'SELECT rowid, number FROM documents WHERE source = ?').all(source);
  for (const { rowid, number } of rows) {
    unindexDocument(db, rowid);
    stmt(db, 'DELETE FROM edges WHERE asserted_by = ?').run(rowid);
    for (const { target, ...c } of stmt<[number], WithdrawnCitation & { target: number }>(db, 'SELECT rowid, target, issuer, date FROM mentions WHERE doc = ? AND target IS NOT NULL').all(rowid)) {
      const withdrawn = reached.get(target);
      if (withdrawn) withdrawn.push(c);
      else if (withdrawn === undefined) reached.set(target, [c]);
    }
    const sentences = stmt<{ doc: number }, number>(db, 'SELECT sentence FROM mentions WHERE doc = @doc UNION SELECT sentence FROM assertions WHERE doc = @doc').pluck().all({ doc: rowid });
    stmt(db, 'DELETE FROM mentions WHERE doc = ?').run(rowid);
    stmt(db, 'DELETE FROM assertions WHERE doc = ?').run(rowid);
    for (const s of sentences) {
      stmt(db, 'DELETE FROM sentences WHERE rowid = @s AND NOT EXISTS (SELECT 1 FROM mentions WHERE sentence = @s) AND NOT EXISTS (SELECT 1 FROM assertions WHERE sentence = @s)').run({ s });
    }
    const cited = stmt<[number, number], { one: number }>(db, 'SELECT 1 AS one FROM mentions WHERE target = ? AND doc != ? LIMIT 1').get(rowid, rowid);
    if (cited) {
      stmt(db,
        `UPDATE documents SET known = 0, source = NULL, doc_index = NULL, start = NULL, end = NULL, signer = NULL, signer_title = NULL,
         recipients = '[]', topics = '[]', subject = NULL WHERE rowid = ?`,
      ).run(rowid);
      reached.set(rowid, null);
    } else {
      stmt(db, 'DELETE FROM documents WHERE rowid = ?').run(rowid);
      if (number) numbers.push(number);
    }
  }
  return { reached, numbers };
}

/**
 * After a file's documents were taken out and its new version's, if any (`stored`), stored and
 * resolved: the store as a fresh ingest of the files as they are now would leave it, without
 * `vanban resolve`. A node known only from citations that none cites any more goes; one that lost
 * some is named and dated again by those left (`Resolver.reconsiderCitedOnly`); citations left
 * unresolved between a document gone and another of its number are resolved again. Returns the
 * documents whose citations were resolved again: their edges are to be rebuilt.
 */
export function settleWithdrawal(db: Db, resolver: Resolver, withdrawal: Withdrawal, stored: readonly number[] = []): number[] {
  // the new version's citations of each node, read by citing document (a directive's own list is long)
  const added = new Map<number, Array<{ issuer: string | null }>>();
  const citationsOf = stmt<[number], { target: number; issuer: string | null }>(db, 'SELECT target, issuer FROM mentions WHERE doc = ? AND target IS NOT NULL');
  for (const doc of stored) for (const c of citationsOf.all(doc)) (added.get(c.target) ?? added.set(c.target, []).get(c.target)!).push(c);
  const changes = new Map<number, CitationChange | null>();
  for (const [rowid, withdrawn] of withdrawal.reached) changes.set(rowid, withdrawn && { withdrawn, added: added.get(rowid) ?? [] });
  const removed = resolver.reconsiderCitedOnly(changes);
  const numbers = [...withdrawal.numbers, ...removed];
  if (!numbers.length) return [];
  const again = unresolvedMentionsOf(db, numbers);
  resolver.resolveMentions(again);
  return [...new Set(again.map((m) => m.doc))];
}
