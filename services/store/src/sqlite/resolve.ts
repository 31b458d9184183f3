import { chooseTarget, citedJurisdiction, documentSlug, foldVietnamese, identityKey, identityNumber, identityYear, isoYear, issuerByCode, issuingBodies, nationalLevelOfIssuerPhrase, paddedSpellings, serialOf, unpadIdentitiesSql, type IssuerLevel } from '@vanban/schema';
import type { ResolveSummary } from '../ports.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';
import { uniqueId } from './ids.js';

interface MentionRow {
  rowid: number;
  doc: number;
  number: string;
  type_code: string | null;
  type: string | null;
  issuer_code: string | null;
  issuer: string | null;
  date: string | null;
  year: number | null;
}

interface CitingRow {
  province: string | null;
  district: string | null;
  issuer_level: IssuerLevel | null;
  date: string | null;
  year: number | null;
}

/** A document carrying a cited number, as `chooseTarget` weighs it. */
interface CandidateRow {
  rowid: number;
  year: number | null;
  jurisdiction: string;
  date: string | null;
  known: number;
  issuer: string | null;
  signer_title: string | null;
}

/**
 * Resolution: each mention to the document it means, by identity (number, year, jurisdiction).
 * A cited document not in the corpus becomes a node known only from citations; a mention whose
 * year or jurisdiction cannot be determined resolves only to the single document that fits, or
 * stays unresolved with its reason. Deterministic: the same mentions in the same order give the
 * same nodes and edges.
 */
export class Resolver {
  private readonly byIdentity;
  private readonly byNumber;
  private readonly citing;
  private readonly insertNode;
  private readonly setTarget;
  private readonly node;
  private readonly issuersCiting;
  private readonly setIssuer;
  private readonly undatedCitedOnly;
  private readonly setDate;
  private readonly citedOnly;
  private readonly firstCitation;
  private readonly firstDateOfYear;
  private readonly namedBefore;
  private readonly citedOften;
  private readonly removeNode;

  constructor(private readonly db: Db) {
    this.byIdentity = stmt<[string], { rowid: number }>(db, 'SELECT rowid FROM documents WHERE identity = ?');
    // a number's documents, however its serial was padded, are a range of the identity index:
    // identities starting "<number>|<year>|" (every jurisdiction), or "<number>|" (every year)
    // those `chooseTarget` may take: of any place when the citation names none, else of the place
    // it names, or of the citing province (@province, when only the citing document placed it)
    this.byNumber = stmt<{ lo: string; hi: string; place: string | null; province: string | null }, CandidateRow>(
      db,
      `SELECT rowid, year, jurisdiction, date, known, issuer, signer_title FROM documents
       WHERE identity >= @lo AND identity < @hi
         AND (@place IS NULL OR jurisdiction = @place OR jurisdiction = @province OR substr(jurisdiction, 1, length(@province) + 1) = @province || '/')`,
    );
    this.citing = stmt<[number], CitingRow>(db, 'SELECT province, district, issuer_level, date, year FROM documents WHERE rowid = ?');
    this.insertNode = stmt(db, 
      `INSERT INTO documents (id, identity, number, serial, number_folded, year, jurisdiction, type_code, type, issuer, issuer_level, province, district, date, known)
       VALUES (@id, @identity, @number, @serial, @numberFolded, @year, @jurisdiction, @typeCode, @type, @issuer, @issuerLevel, @province, @district, @date, 0)`,
    );
    this.setTarget = stmt<[number | null, string | null, number]>(db, 'UPDATE mentions SET target = ?, unresolved = ? WHERE rowid = ?');
    this.node = stmt<[number], { issuer: string | null; jurisdiction: string; known: number }>(db, 'SELECT issuer, jurisdiction, known FROM documents WHERE rowid = ?');
    // each issuer phrase the citations of a document give, how many give it and the first of them
    // (issuer_code: that first one's, SQLite taking bare columns from the min() row)
    this.issuersCiting = stmt<[number], IssuerVote>(db, 'SELECT issuer, issuer_code, count(*) AS n, min(rowid) AS first FROM mentions WHERE target = ? AND issuer IS NOT NULL GROUP BY issuer');
    this.setIssuer = stmt<{ rowid: number; issuer: string | null; level: IssuerLevel | null }>(db, 'UPDATE documents SET issuer = @issuer, issuer_level = @level WHERE rowid = @rowid AND known = 0');
    this.undatedCitedOnly = stmt<[number], { year: number | null }>(db, 'SELECT year FROM documents WHERE rowid = ? AND known = 0 AND date IS NULL');
    this.setDate = stmt<[string | null, number]>(db, 'UPDATE documents SET date = ? WHERE rowid = ?');
    this.citedOnly = stmt<[number], CitedOnlyRow>(db, 'SELECT number, year, jurisdiction, issuer, issuer_level, date FROM documents WHERE rowid = ? AND known = 0');
    this.firstCitation = stmt<[number], { issuer: string | null; issuer_code: string | null }>(db, 'SELECT issuer, issuer_code FROM mentions WHERE target = ? ORDER BY rowid LIMIT 1');
    this.firstDateOfYear = stmt<{ rowid: number; year: number }, { date: string }>(
      db,
      "SELECT date FROM mentions WHERE target = @rowid AND date IS NOT NULL AND substr(date, 1, 4) = printf('%04d', @year) ORDER BY rowid LIMIT 1",
    );
    this.namedBefore = stmt<{ rowid: number; issuer: string; before: number }, { one: number }>(
      db,
      'SELECT 1 AS one FROM mentions WHERE target = @rowid AND rowid < @before AND issuer = @issuer ORDER BY rowid LIMIT 1',
    );
    this.citedOften = stmt<[number], { one: number }>(db, `SELECT 1 AS one FROM mentions WHERE target = ? LIMIT 1 OFFSET ${OFTEN_CITED - 1}`);
    this.removeNode = stmt<[number]>(db, 'DELETE FROM documents WHERE rowid = ? AND known = 0');
  }

  /**
   * Resolve the given mentions (rows of `mentions`), creating cited-only nodes as needed; then name
   * each cited-only node they reach by what most of its citations say (`nameCitedOnly`).
   */
  resolveMentions(mentions: readonly MentionRow[]): void {
    const citingCache = new Map<number, CitingRow | undefined>();
    // the issuer phrases these mentions give each document they resolve to
    const phrases = new Map<number, Set<string>>();
    // documents these mentions reach that have a date or need none: known ones, dated cited-only ones
    const dated = new Set<number>();
    for (const m of mentions) {
      let citing = citingCache.get(m.doc);
      if (!citingCache.has(m.doc)) citingCache.set(m.doc, (citing = this.citing.get(m.doc)));
      const { target, reason } = this.resolveOne(m, citing ?? { province: null, district: null, issuer_level: null, date: null, year: null });
      this.setTarget.run(target, reason, m.rowid);
      if (target !== null && m.issuer !== null) (phrases.get(target) ?? phrases.set(target, new Set()).get(target)!).add(m.issuer);
      if (target !== null && m.date !== null && !dated.has(target)) this.dateCitedOnly(target, m.date, dated);
    }
    for (const [rowid, given] of phrases) {
      const node = this.node.get(rowid);
      // a citation giving the name the node has only adds to the votes of the winner: nothing to
      // count again (a national directive cited by every letter is not recounted at each letter)
      if (node && node.known === 0 && [...given].some((phrase) => phrase !== node.issuer)) this.nameCitedOnly(rowid, node.jurisdiction);
    }
  }

  /**
   * A cited-only node's issuer is the one most of its citations name (spelled apart only by case,
   * marks, spacing or punctuation, they name the same), written as most of those write it; ties go
   * to the one named first. One odd citation ("của Bộ Lao động - Thương" cut short, a phrase run
   * on into the sentence) then does not name it. Citations naming none do not vote; when none
   * names one, the node keeps the name of its number's code. The level follows the chosen name.
   */
  private nameCitedOnly(rowid: number, jurisdiction: string): void {
    const named = this.issuerByVotes(rowid, jurisdiction);
    if (named) this.setIssuer.run({ rowid, ...named });
  }

  /** The issuer and level most of a node's citations give (`nameCitedOnly`); none when none names one. */
  private issuerByVotes(rowid: number, jurisdiction: string): { issuer: string | null; level: IssuerLevel | null } | undefined {
    const groups = new Map<string, { n: number; first: number; spellings: IssuerVote[] }>();
    for (const vote of this.issuersCiting.all(rowid)) {
      const key = issuerKey(vote.issuer);
      if (!key) continue;
      const group = groups.get(key) ?? groups.set(key, { n: 0, first: vote.first, spellings: [] }).get(key)!;
      group.n += vote.n;
      group.first = Math.min(group.first, vote.first);
      group.spellings.push(vote);
    }
    const most = <T extends { n: number; first: number }>(list: readonly T[]): T | undefined =>
      list.reduce<T | undefined>((best, x) => (!best || x.n > best.n || (x.n === best.n && x.first < best.first) ? x : best), undefined);
    const group = most([...groups.values()]);
    return group && issuerFromCitation(most(group.spellings)!, jurisdiction);
  }

  /**
   * Nodes known only from citations some of whose citations were withdrawn (the citing file
   * replaced or gone), made what resolving the citations left would make them: a node none cites
   * any more goes, as if never cited; one still cited takes the issuer most of them give (else the
   * name of the first one's code) and the first date of its year they give (else none). Nodes
   * known by now are left alone. Returns the numbers of the nodes removed: a citation left
   * unresolved between one of them and another document may resolve now.
   *
   * Given what changed for a node (`CitationChange`), its citations are counted again unless the
   * count cannot come out otherwise (`keepsName`: a letter edited still citing a directive as before
   * does not recount the directive's ten thousand citations), and it is dated again only when a
   * withdrawn citation gave it its date; without (null: a document known until now by its own
   * text), it is named and dated from its citations.
   */
  reconsiderCitedOnly(nodes: ReadonlyMap<number, CitationChange | null>): string[] {
    const removed: string[] = [];
    for (const [rowid, change] of nodes) {
      const node = this.citedOnly.get(rowid);
      if (!node) continue;
      const first = this.firstCitation.get(rowid);
      if (!first) {
        this.removeNode.run(rowid);
        if (node.number) removed.push(node.number);
        continue;
      }
      if (!change || !this.keepsName(rowid, node.issuer, change)) {
        const named = this.issuerByVotes(rowid, node.jurisdiction) ?? issuerFromCitation(first, node.jurisdiction);
        if (named.issuer !== node.issuer || named.level !== node.issuer_level) this.setIssuer.run({ rowid, ...named });
      }
      if (!change || (node.date !== null && change.withdrawn.some((c) => c.date === node.date))) {
        const date = node.year === null ? null : (this.firstDateOfYear.get({ rowid, year: node.year })?.date ?? null);
        if (date !== node.date) this.setDate.run(date, rowid);
      }
    }
    return removed;
  }

  /**
   * Would counting a node's citations again give the name it has? Not if the citations withdrawn
   * gave other issuer phrases, or as many times each, than those given back. If they gave the
   * same, every count is as it was, and only a tie could turn out otherwise: one between names
   * given equally often is decided by the first citation of each, and a citation given back comes
   * after all others. So yes when a citation giving its name exactly comes before all those
   * withdrawn (the first of its name and of its name's group are still the same; any other's can
   * only have moved later), and, not to count thousands of citations again at every letter that
   * cites a directive and is ingested again, for a node cited OFTEN_CITED times or more: there a
   * tie decided that way is left to `vanban resolve`.
   */
  private keepsName(rowid: number, issuer: string | null, change: CitationChange): boolean {
    if (issuer === null || !samePhrases(change.withdrawn, change.added)) return false;
    const before = change.withdrawn.reduce((min, c) => Math.min(min, c.rowid), Infinity);
    return before === Infinity || this.namedBefore.get({ rowid, issuer, before }) !== undefined || this.citedOften.get(rowid) !== undefined;
  }

  /**
   * A cited-only node without a date takes the first date a citation gives that agrees with its
   * year: one written in another year ("75/2021/NĐ-CP ngày 24/7/2023", a mistyped date) resolves to
   * the node of its number's year but does not date it.
   */
  private dateCitedOnly(rowid: number, date: string, dated: Set<number>): void {
    const node = this.undatedCitedOnly.get(rowid);
    if (!node) dated.add(rowid);
    else if (node.year === isoYear(date)) {
      this.setDate.run(date, rowid);
      dated.add(rowid);
    }
  }

  private resolveOne(m: MentionRow, citing: CitingRow): { target: number | null; reason: string | null } {
    // the number's own year, not a date written beside it, when it has one (a mention stored before
    // extraction took it so may still hold the year of a mistyped date)
    const year = identityYear(m.number, m.year);
    const key = identityNumber(m.number);
    const hint = citedJurisdiction({ issuerCode: m.issuer_code, issuer: m.issuer }, { province: citing.province, district: citing.district, issuerLevel: citing.issuer_level });
    if (hint.jurisdiction !== null && year !== null) {
      const identity = identityKey(m.number, year, hint.jurisdiction);
      const existing = this.byIdentity.get(identity);
      if (existing) return { target: existing.rowid, reason: null };
      // a stated jurisdiction and year name the document: known only from citations until ingested
      if (hint.source !== 'citing-document') return { target: this.createCitedOnly(m, year, hint.jurisdiction, identity), reason: null };
    }
    const province = hint.jurisdiction !== null && hint.source === 'citing-document' ? citing.province : null;
    const candidates = this.byNumber
      .all({ ...prefixRange(year === null ? `${key}|` : `${key}|${year}|`), place: hint.jurisdiction, province })
      .map((r) => ({ ...r, known: r.known === 1, bodies: issuingBodies(r.issuer, r.signer_title) }));
    const choice = chooseTarget(candidates, { year, issuer: m.issuer }, hint, { province: citing.province, district: citing.district, date: citing.date, year: citing.year });
    if (choice.target) return { target: choice.target.rowid, reason: null };
    if (hint.jurisdiction === null || year === null) return { target: null, reason: choice.reason };
    return { target: this.createCitedOnly(m, year, hint.jurisdiction, identityKey(m.number, year, hint.jurisdiction)), reason: null };
  }

  /** A node for a document known only from citations, named by this first one (`nameCitedOnly` may rename it). */
  private createCitedOnly(m: MentionRow, year: number, jurisdiction: string, identity: string): number {
    const [province, district] = jurisdiction ? jurisdiction.split('/') : [null, null];
    const { issuer, level } = issuerFromCitation(m, jurisdiction);
    const info = this.insertNode.run({
      id: uniqueId(this.db, documentSlug(m.number, year, jurisdiction)),
      identity,
      number: m.number,
      serial: serialOf(m.number),
      numberFolded: foldVietnamese(m.number),
      year,
      jurisdiction,
      typeCode: m.type_code,
      type: m.type,
      issuer,
      issuerLevel: level,
      province: province ?? null,
      district: district ?? null,
      date: m.date !== null && isoYear(m.date) === year ? m.date : null,
    });
    return Number(info.lastInsertRowid);
  }
}

/** What a file's new version changed of a document's citations: those of the old version withdrawn, those it gives. */
export interface CitationChange {
  withdrawn: ReadonlyArray<{ rowid: number; issuer: string | null; date: string | null }>;
  added: ReadonlyArray<{ issuer: string | null }>;
}

/** Do these citations give the same issuer phrases, as many times each? Then the votes for a node's name are as they were. */
function samePhrases(a: ReadonlyArray<{ issuer: string | null }>, b: ReadonlyArray<{ issuer: string | null }>): boolean {
  const phrases = (list: ReadonlyArray<{ issuer: string | null }>): string => JSON.stringify(list.flatMap((c) => (c.issuer === null ? [] : [c.issuer])).sort());
  return phrases(a) === phrases(b);
}

/** Citations of a node above which `keepsName` trusts unchanged counts without looking at ties. */
const OFTEN_CITED = 1000;

/** A node known only from citations, as `reconsiderCitedOnly` reads it. */
interface CitedOnlyRow {
  number: string | null;
  year: number | null;
  jurisdiction: string;
  issuer: string | null;
  issuer_level: IssuerLevel | null;
  date: string | null;
}


/** How many citations of a document give one issuer phrase, and the first of them. */
interface IssuerVote {
  issuer: string;
  issuer_code: string | null;
  n: number;
  first: number;
}

/** An issuer phrase as compared: folded, only its letters and digits ("Chính phủ -" is "chính phủ"). */
const issuerKey = (phrase: string): string => foldVietnamese(phrase).replace(/[^a-z0-9]+/g, ' ').trim();

/** The issuer a citation gives a document known only from citations: its phrase, else its code's name; and the level that follows. */
function issuerFromCitation(m: { issuer: string | null; issuer_code: string | null }, jurisdiction: string): { issuer: string | null; level: IssuerLevel | null } {
  const district = jurisdiction.split('/')[1];
  const code = m.issuer_code ? issuerByCode(m.issuer_code) : undefined;
  const phraseLevel = m.issuer ? nationalLevelOfIssuerPhrase(m.issuer) : undefined;
  const level: IssuerLevel | null = jurisdiction === '' ? (phraseLevel ?? code?.level ?? null) : district ? 'district' : (code?.level ?? 'province');
  return { issuer: m.issuer ?? code?.name ?? null, level };
}

/** The strings starting with `prefix`, which ends with "|": up to the same prefix ending with "}", the next character. */
function prefixRange(prefix: string): { lo: string; hi: string } {
  return { lo: prefix, hi: `${prefix.slice(0, -1)}}` };
}

const mentionColumns = 'rowid, doc, number, type_code, type, issuer_code, issuer, date, year';

export function mentionsOfDocuments(db: Db, docs: readonly number[]): MentionRow[] {
  const byDoc = stmt<[number], MentionRow>(db, `SELECT ${mentionColumns} FROM mentions WHERE doc = ? ORDER BY rowid`);
  return docs.flatMap((d) => byDoc.all(d));
}

/** Unresolved mentions of these numbers, zero-padded or not: a new document may be the one they meant. */
export function unresolvedMentionsOf(db: Db, numbers: readonly string[]): MentionRow[] {
  // by the number index, named: left to choose, SQLite takes the target index for "target IS NULL"
  // and reads every unresolved mention of the database for each number (ingest 10–25 % slower at 20,000 files)
  const byNumber = stmt<[string], MentionRow>(db, `SELECT ${mentionColumns} FROM mentions INDEXED BY mentions_number WHERE number = ? AND target IS NULL ORDER BY rowid`);
  return [...new Set(numbers.flatMap(paddedSpellings))].flatMap((n) => byNumber.all(n));
}

/**
 * Rebuild the edges a document asserts: to each resolved mention's target (the mention's relation)
 * and between the documents its assertions name (resolved through its own mentions).
 */
export function rebuildEdges(db: Db, docs: readonly number[]): void {
  const drop = stmt<[number]>(db, 'DELETE FROM edges WHERE asserted_by = ?');
  const fromMentions = stmt<[number]>(db, 
    `INSERT OR IGNORE INTO edges (src, dst, relation, asserted_by, mention)
     SELECT doc, target, relation, doc, rowid FROM mentions
     WHERE doc = ? AND target IS NOT NULL AND target != doc ORDER BY rowid`,
  );
  const fromAssertions = stmt<[number]>(db, 
    `INSERT OR IGNORE INTO edges (src, dst, relation, asserted_by, assertion)
     SELECT mf.target, mt.target, a.relation, a.doc, a.rowid
     FROM assertions a
     JOIN mentions mf ON mf.rowid = (SELECT rowid FROM mentions WHERE doc = a.doc AND number = a.from_number AND target IS NOT NULL AND (a.from_year IS NULL OR year IS NULL OR year = a.from_year) ORDER BY rowid LIMIT 1)
     JOIN mentions mt ON mt.rowid = (SELECT rowid FROM mentions WHERE doc = a.doc AND number = a.to_number AND target IS NOT NULL AND (a.to_year IS NULL OR year IS NULL OR year = a.to_year) ORDER BY rowid LIMIT 1)
     WHERE a.doc = ? AND mf.target != mt.target ORDER BY a.rowid`,
  );
  for (const d of docs) {
    drop.run(d);
    fromMentions.run(d);
    fromAssertions.run(d);
  }
}

/** The corpus-level pass: forget every resolution and cited-only node, resolve everything again. */
export function resolveAll(db: Db): ResolveSummary {
  return db.transaction(() => {
    db.exec('DELETE FROM edges; UPDATE mentions SET target = NULL, unresolved = NULL; DELETE FROM documents WHERE known = 0;');
    // identities a node known only from citations kept padded in the migration to v7 are free now
    db.exec(unpadIdentitiesSql);
    const docs = stmt<[], { rowid: number }>(db, 'SELECT rowid FROM documents ORDER BY rowid').all().map((r) => r.rowid);
    const resolver = new Resolver(db);
    resolver.resolveMentions(stmt<[], MentionRow>(db, `SELECT ${mentionColumns} FROM mentions ORDER BY rowid`).all());
    rebuildEdges(db, docs);
    return resolveSummary(db);
  })();
}

export function resolveSummary(db: Db): ResolveSummary {
  const counts = stmt<[], { mentions: number; resolved: number }>(db, 'SELECT count(*) AS mentions, count(target) AS resolved FROM mentions').get()!;
  const unresolved = Object.fromEntries(
    stmt<[], { unresolved: string; n: number }>(db, 'SELECT unresolved, count(*) AS n FROM mentions WHERE target IS NULL GROUP BY unresolved ORDER BY unresolved').all().map((r) => [r.unresolved ?? 'unknown', r.n]),
  );
  const edges = stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM edges').get()!.n;
  const citedOnly = stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM documents WHERE known = 0').get()!.n;
  return { ...counts, unresolved, edges, citedOnly };
}
