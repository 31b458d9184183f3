import type { Facets } from '../ports.js';
import { DerivedIndex, DerivedKind } from './derived-index.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

/**
 * The facet fields of every document, held in typed arrays indexed by rowid, so counting facets
 * over a result list is a loop in memory instead of a query; with each document's date and draft
 * flag, which the audit reads for every document below a decree.
 */
export class FacetIndex extends DerivedIndex {
  private province = new Int32Array(0);
  private year = new Int32Array(0);
  private type = new Int32Array(0);
  private level = new Int32Array(0);
  /** index of each document's topic list in `topicLists` (0: none) */
  private topics = new Int32Array(0);
  /** yyyymmdd of each document's date, 0 when unknown */
  private dates = new Int32Array(0);
  /** 1 for a draft (not issued: the audit never counts it as evidence) */
  private drafts = new Uint8Array(0);
  private yearMin = 0;
  private yearMax = 0;
  private yearSpan = 0;
  private readonly names = { province: [] as string[], type: [] as string[], level: [] as string[], topic: [] as string[] };
  private readonly ids = { province: new Map<string, number>(), type: new Map<string, number>(), level: new Map<string, number>(), topic: new Map<string, number>() };
  /** The distinct topic lists (few: one per combination), as JSON and as topic ids; list 0 is empty. */
  private readonly topicListIds = new Map<string, number>([['[]', 0]]);
  private readonly topicLists: number[][] = [[]];

  constructor(db: Db) {
    super(db, DerivedKind.Facets);
  }

  count(rowids: readonly number[]): Facets {
    this.ensure();
    // counters indexed by value id: a few typed-array increments per hit, no maps
    const province = new Int32Array(this.names.province.length);
    const type = new Int32Array(this.names.type.length);
    const level = new Int32Array(this.names.level.length);
    const lists = new Int32Array(this.topicLists.length);
    // years offset by the earliest one (0 in this.year: no year)
    const year = new Int32Array(this.yearSpan);
    const [provinceOf, yearOf, typeOf, levelOf, topicsOf, yearMin] = [this.province, this.year, this.type, this.level, this.topics, this.yearMin];
    for (let k = 0; k < rowids.length; k++) {
      const r = rowids[k];
      if (r >= provinceOf.length) continue;
      if (provinceOf[r] >= 0) province[provinceOf[r]]++;
      if (yearOf[r] > 0) year[yearOf[r] - yearMin]++;
      if (typeOf[r] >= 0) type[typeOf[r]]++;
      if (levelOf[r] >= 0) level[levelOf[r]]++;
      lists[topicsOf[r]]++;
    }
    // each distinct topic list counted once, then spread over its topics
    const topic = new Int32Array(this.names.topic.length);
    for (let l = 1; l < lists.length; l++) if (lists[l]) for (const t of this.topicLists[l]) topic[t] += lists[l];
    const list = (counts: ArrayLike<number>, name: (k: number) => string) => {
      const out: Array<{ value: string; count: number }> = [];
      for (let k = 0; k < counts.length; k++) if (counts[k] > 0) out.push({ value: name(k), count: counts[k] });
      return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    };
    return {
      province: list(province, (k) => this.names.province[k]),
      year: list(year, (k) => String(k + yearMin)),
      type: list(type, (k) => this.names.type[k]),
      issuerLevel: list(level, (k) => this.names.level[k]),
      topic: list(topic, (k) => this.names.topic[k]),
    };
  }

  /** Province index (into `provinceNames`) and date (yyyymmdd, 0 unknown) of a document; -1 when unknown. */
  provinceIndexOf(rowid: number): number {
    return rowid < this.province.length ? this.province[rowid] : -1;
  }

  dateOf(rowid: number): number {
    return rowid < this.dates.length ? this.dates[rowid] : 0;
  }

  isDraft(rowid: number): boolean {
    return rowid < this.drafts.length && this.drafts[rowid] === 1;
  }

  get provinceNames(): readonly string[] {
    return this.names.province;
  }

  protected rebuild(): void {
    const max = this.maxRowid('documents');
    this.province = new Int32Array(max + 1).fill(-1);
    this.year = new Int32Array(max + 1);
    this.type = new Int32Array(max + 1).fill(-1);
    this.level = new Int32Array(max + 1).fill(-1);
    this.topics = new Int32Array(max + 1);
    this.dates = new Int32Array(max + 1);
    this.drafts = new Uint8Array(max + 1);
    for (const kind of Object.keys(this.names) as Array<keyof typeof this.names>) {
      this.names[kind].length = 0;
      this.ids[kind].clear();
    }
    this.topicListIds.clear();
    this.topicListIds.set('[]', 0);
    this.topicLists.length = 1;
    this.yearMin = this.yearMax = 0;
    for (const row of this.db.prepare(`SELECT ${facetColumns} FROM documents`).raw().iterate() as Iterable<FacetRow>) this.set(row);
    this.yearSpan = this.yearMin ? this.yearMax - this.yearMin + 1 : 0;
  }

  /** Rows this connection inserted, changed or deleted: each one's entries set again (or cleared). */
  protected apply(rowids: readonly number[]): void {
    const size = rowids[rowids.length - 1] + 1;
    if (size > this.province.length) this.grow(Math.max(size, Math.ceil(this.province.length * 1.25)));
    for (const r of rowids) {
      this.province[r] = this.type[r] = this.level[r] = -1;
      this.year[r] = this.topics[r] = this.dates[r] = this.drafts[r] = 0;
    }
    const rows = stmt<[string], FacetRow>(this.db, `SELECT ${facetColumns} FROM documents WHERE rowid IN (SELECT value FROM json_each(?))`).raw();
    for (const row of rows.all(JSON.stringify(rowids)) as unknown as FacetRow[]) this.set(row);
    this.yearSpan = this.yearMin ? this.yearMax - this.yearMin + 1 : 0;
  }

  private grow(size: number): void {
    const grown = (from: Int32Array, fill: number): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(size).fill(fill);
      to.set(from);
      return to;
    };
    [this.province, this.type, this.level] = [grown(this.province, -1), grown(this.type, -1), grown(this.level, -1)];
    [this.year, this.topics, this.dates] = [grown(this.year, 0), grown(this.topics, 0), grown(this.dates, 0)];
    const drafts = new Uint8Array(size);
    drafts.set(this.drafts);
    this.drafts = drafts;
  }

  /** A value's index in `names[kind]`, given one on first sight. */
  private id(kind: keyof FacetIndex['names'], value: string): number {
    let k = this.ids[kind].get(value);
    if (k === undefined) {
      this.ids[kind].set(value, (k = this.names[kind].length));
      this.names[kind].push(value);
    }
    return k;
  }

  private set([r, province, year, type, level, topics, date, draft]: FacetRow): void {
    if (date) this.dates[r] = date;
    if (draft) this.drafts[r] = 1;
    if (province) this.province[r] = this.id('province', province);
    if (year) this.year[r] = year;
    if (year !== null && year > 0 && (year < this.yearMin || !this.yearMin)) this.yearMin = year;
    if (year !== null && year > this.yearMax) this.yearMax = year;
    if (type) this.type[r] = this.id('type', type);
    if (level) this.level[r] = this.id('level', level);
    // the few distinct topic lists are parsed once each, not once a row
    let list = this.topicListIds.get(topics);
    if (list === undefined) {
      const ids = [...new Set((JSON.parse(topics) as string[]).map((t) => this.id('topic', t)))];
      if (ids.length) this.topicLists.push(ids);
      list = ids.length ? this.topicLists.length - 1 : 0;
      this.topicListIds.set(topics, list);
    }
    this.topics[r] = list;
  }
}

// the date as yyyymmdd, turned by SQLite (a third of the rebuild when done here). `draft` is not
// among the columns whose update the trigger logs (schema v8), but the one statement that updates
// a stored row's draft flag (write.ts, a cited-only node becoming known) sets province and date too.
const facetColumns = "rowid, province, year, type, issuer_level, topics, CAST(replace(date, '-', '') AS INTEGER), draft";
type FacetRow = [rowid: number, province: string | null, year: number | null, type: string | null, level: string | null, topics: string, date: number | null, draft: number];
