import { DerivedIndex, DerivedKind } from './derived-index.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

const DOWN = "('IMPLEMENTS', 'BASED_ON')";

/**
 * The IMPLEMENTS/BASED_ON edges reversed (who implements each document), in compressed arrays
 * indexed by rowid, so the closure below a decree is a breadth-first walk in memory: a law with
 * 38,000 implementing documents takes milliseconds instead of a 40 ms recursive query.
 */
export class DownIndex extends DerivedIndex {
  /** implementers of rowid r are sources[offsets[r] .. offsets[r + 1]) */
  private offsets = new Int32Array(1);
  private sources = new Int32Array(0);
  /** visit stamps, reused across walks (stamp k marks "seen in walk k") */
  private seen = new Int32Array(0);
  private walk = 0;
  /** implementers of the documents whose edges changed since the last rebuild */
  private changed = new Map<number, Int32Array>();

  constructor(db: Db) {
    super(db, DerivedKind.Implementers);
  }

  protected rebuild(): void {
    const max = this.maxRowid('documents');
    const count = (this.db.prepare(`SELECT count(*) FROM edges WHERE relation IN ${DOWN}`).pluck().get() as number) ?? 0;
    this.offsets = new Int32Array(max + 2);
    this.sources = new Int32Array(count);
    this.seen = new Int32Array(max + 1);
    this.walk = 0;
    this.changed.clear();
    const rows = this.db.prepare(`SELECT dst, src FROM edges WHERE relation IN ${DOWN} ORDER BY dst, src`).raw().iterate() as Iterable<[number, number]>;
    let k = 0;
    for (const [dst, src] of rows) {
      if (dst > max || k >= count) continue;
      this.offsets[dst + 1]++;
      this.sources[k++] = src;
    }
    for (let r = 1; r < this.offsets.length; r++) this.offsets[r] += this.offsets[r - 1];
  }

  /** The changed documents' implementers, read again; past a few thousand, the arrays are rebuilt. */
  protected apply(dsts: readonly number[]): void {
    if (this.changed.size + dsts.length > 5000) return this.rebuild();
    const sources = stmt<[number], number>(this.db, `SELECT src FROM edges WHERE dst = ? AND relation IN ${DOWN} ORDER BY src`).pluck();
    for (const dst of dsts) this.changed.set(dst, Int32Array.from(sources.all(dst)));
    const max = this.maxRowid('documents');
    if (max >= this.seen.length) this.seen = new Int32Array(max + 1);
  }

  /** Every document below `root` over IMPLEMENTS/BASED_ON, each once, root excluded. */
  below(root: number): number[] {
    this.ensure();
    const stamp = ++this.walk;
    const out: number[] = [];
    if (root >= this.seen.length) return out;
    this.seen[root] = stamp;
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      // a document whose edges this connection changed: its list read again; else its slice
      const changed = this.changed.size ? this.changed.get(node) : undefined;
      let [list, from, to]: [Int32Array, number, number] = [this.sources, 0, 0];
      if (changed) [list, from, to] = [changed, 0, changed.length];
      else if (node + 1 < this.offsets.length) [from, to] = [this.offsets[node], this.offsets[node + 1]];
      for (let e = from; e < to; e++) {
        const src = list[e];
        if (src < this.seen.length && this.seen[src] !== stamp) {
          this.seen[src] = stamp;
          queue.push(src);
          out.push(src);
        }
      }
    }
    return out;
  }
}
