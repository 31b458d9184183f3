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
  private readonly names = { province: [] as string[], type: [] as string[], level: [] as string[], topic: [] as string[] };

  count(rowids: readonly number[]): Facets {
    this.ensure();
    const tally = { province: new Map<number, number>(), year: new Map<number, number>(), type: new Map<number, number>(), level: new Map<number, number>(), topic: new Map<number, number>() };
    const bump = (m: Map<number, number>, k: number): void => {
      m.set(k, (m.get(k) ?? 0) + 1);
    };
    for (const r of rowids) {
      if (r >= this.province.length) continue;
      if (this.province[r] >= 0) bump(tally.province, this.province[r]);
      if (this.year[r] > 0) bump(tally.year, this.year[r]);
      if (this.type[r] >= 0) bump(tally.type, this.type[r]);
      if (this.level[r] >= 0) bump(tally.level, this.level[r]);
      for (let mask = this.topics[r], t = 0; mask; mask >>>= 1, t++) if (mask & 1) bump(tally.topic, t);
    }
    const list = (m: Map<number, number>, name: (k: number) => string) =>
      [...m].map(([k, count]) => ({ value: name(k), count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      province: list(tally.province, (k) => this.names.province[k]),
      year: list(tally.year, String),
      type: list(tally.type, (k) => this.names.type[k]),
      issuerLevel: list(tally.level, (k) => this.names.level[k]),
      topic: list(tally.topic, (k) => this.names.topic[k]),
    };
  }

  /** Province name and date (yyyymmdd, 0 unknown) of a document, from memory. */
  provinceAndDate(rowid: number): { province: string | null; date: number } {
    const p = rowid < this.province.length ? this.province[rowid] : -1;
    return { province: p >= 0 ? this.names.province[p] : null, date: rowid < this.dates.length ? this.dates[rowid] : 0 };
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
    for (const kind of Object.keys(this.names) as Array<keyof typeof this.names>) this.names[kind].length = 0;
    const rows = this.db.prepare('SELECT rowid, province, year, type, issuer_level, topics, date FROM documents').raw().iterate() as Iterable<
      [number, string | null, number | null, string | null, string | null, string, string | null]
    >;
    for (const [r, province, year, type, level, topics, date] of rows) {
      if (date) this.dates[r] = Number(date.replace(/-/g, ''));
      if (province) this.province[r] = id('province', province);
      if (year) this.year[r] = year;
      if (type) this.type[r] = id('type', type);
      if (level) this.level[r] = id('level', level);
      if (topics !== '[]') for (const t of JSON.parse(topics) as string[]) this.topics[r] |= 1 << (id('topic', t) & 31);
    }
  }
}
