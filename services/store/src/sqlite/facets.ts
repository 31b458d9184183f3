import type { Facets } from '../ports.js';
import { DerivedIndex } from './derived-index.js';

/**
 * The facet fields of every document, held in typed arrays indexed by rowid, so counting facets
 * over a result list is a loop in memory instead of a query.
 */
export class FacetIndex extends DerivedIndex {
  private province = new Int32Array(0);
  private year = new Int32Array(0);
  private type = new Int32Array(0);
  private level = new Int32Array(0);
  private topics = new Int32Array(0);
  /** yyyymmdd of each document's date, 0 when unknown */
  private dates = new Int32Array(0);
  private yearMin = 0;
  private yearSpan = 0;
  private readonly names = { province: [] as string[], type: [] as string[], level: [] as string[], topic: [] as string[] };

  count(rowids: readonly number[]): Facets {
    this.ensure();
    // counters indexed by value id: a few typed-array increments per hit, no maps
    const province = new Int32Array(this.names.province.length);
    const type = new Int32Array(this.names.type.length);
    const level = new Int32Array(this.names.level.length);
    const topic = new Int32Array(32);
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
      for (let mask = topicsOf[r], t = 0; mask; mask >>>= 1, t++) if (mask & 1) topic[t]++;
    }
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
    const ids = { province: new Map<string, number>(), type: new Map<string, number>(), level: new Map<string, number>(), topic: new Map<string, number>() };
    const id = (kind: keyof typeof ids, value: string): number => {
      let k = ids[kind].get(value);
      if (k === undefined) {
        ids[kind].set(value, (k = this.names[kind].length));
        this.names[kind].push(value);
      }
      return k;
    };
    let yearMin = 0;
    let yearMax = 0;
    for (const kind of Object.keys(this.names) as Array<keyof typeof this.names>) this.names[kind].length = 0;
    // the date as yyyymmdd and the topic lists as bit masks: SQLite turns the date, and the few
    // distinct topic lists are parsed once each, not once a row (a third of the rebuild)
    const topicMasks = new Map<string, number>([['[]', 0]]);
    const rows = this.db
      .prepare("SELECT rowid, province, year, type, issuer_level, topics, CAST(replace(date, '-', '') AS INTEGER) FROM documents")
      .raw()
      .iterate() as Iterable<[number, string | null, number | null, string | null, string | null, string, number | null]>;
    for (const [r, province, year, type, level, topics, date] of rows) {
      if (date) this.dates[r] = date;
      if (province) this.province[r] = id('province', province);
      if (year) this.year[r] = year;
      if (year !== null && year > 0 && (year < yearMin || !yearMin)) yearMin = year;
      if (year !== null && year > yearMax) yearMax = year;
      if (type) this.type[r] = id('type', type);
      if (level) this.level[r] = id('level', level);
      let mask = topicMasks.get(topics);
      if (mask === undefined) {
        mask = 0;
        for (const t of JSON.parse(topics) as string[]) mask |= 1 << (id('topic', t) & 31);
        topicMasks.set(topics, mask);
      }
      this.topics[r] = mask;
    }
    this.yearMin = yearMin;
    this.yearSpan = yearMin ? yearMax - yearMin + 1 : 0;
  }
}
