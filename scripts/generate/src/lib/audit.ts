import { provinces63, type RelationType } from '@vanban/schema';
import { isoOf } from './calendar.js';
import { docId } from './gold.js';
import type { DocMeta } from './registry.js';

/** Expected answer of `audit(decree)` for one national document, from the links actually written. */
export interface AuditTruth {
  id: string;
  number: string;
  year: number;
  /** Province -> earliest date of a document on an IMPLEMENTS/BASED_ON path to it. */
  implemented: Record<string, string>;
  /** Provinces that cite it otherwise, with no such path. */
  mentioned: string[];
  noEvidence: string[];
}

const carriesOut = (r: RelationType): boolean => r === 'IMPLEMENTS' || r === 'BASED_ON';

/** Keeps only (citing, cited, relation) of written citations, then walks paths down from each national document. */
export class AuditCollector {
  // (citing, cited, carries out?) triples, packed: a corpus of 100,000 documents has ~500,000
  private edges = new Int32Array(3 * 4096);
  private size = 0;

  add(citing: DocMeta, cited: DocMeta, relation: RelationType): void {
    if (!cited.known || citing.role === 'draft') return;
    if (this.size + 3 > this.edges.length) {
      const grown = new Int32Array(this.edges.length * 2);
      grown.set(this.edges);
      this.edges = grown;
    }
    this.edges.set([citing.idx, cited.idx, carriesOut(relation) ? 1 : 0], this.size);
    this.size += 3;
  }

  truth(docs: readonly DocMeta[], national: readonly DocMeta[]): AuditTruth[] {
    const implementers = new Map<number, number[]>();
    const others = new Map<number, number[]>();
    for (let k = 0; k < this.size; k += 3) {
      const [from, to, path] = [this.edges[k], this.edges[k + 1], this.edges[k + 2]];
      const map = path ? implementers : others;
      (map.get(to) ?? map.set(to, []).get(to)!).push(from);
    }
    return national.map((n) => {
      const earliest = new Map<number, number>();
      const seen = new Set<number>([n.idx]);
      const queue = [n.idx];
      while (queue.length) {
        for (const d of implementers.get(queue.pop()!) ?? []) {
          if (seen.has(d)) continue;
          seen.add(d);
          queue.push(d);
          const { province } = docs[d].issuer;
          if (province >= 0 && !(docs[d].day >= (earliest.get(province) ?? Infinity))) earliest.set(province, docs[d].day);
        }
      }
      const mentioned = new Set<number>();
      for (const d of others.get(n.idx) ?? []) {
        const { province } = docs[d].issuer;
        if (province >= 0 && !earliest.has(province)) mentioned.add(province);
      }
      const implemented: Record<string, string> = {};
      for (const [p, day] of [...earliest].sort((a, b) => a[0] - b[0])) implemented[provinces63[p].name] = isoOf(day);
      return {
        id: docId(n),
        number: n.number,
        year: n.year,
        implemented,
        mentioned: [...mentioned].sort((a, b) => a - b).map((p) => provinces63[p].name),
        noEvidence: provinces63.filter((_, p) => !earliest.has(p) && !mentioned.has(p)).map((p) => p.name),
      };
    });
  }
}
