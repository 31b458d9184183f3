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
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly path: boolean[] = [];

  add(citing: DocMeta, cited: DocMeta, relation: RelationType): void {
    if (!cited.known || citing.role === 'draft') return;
    this.from.push(citing.idx);
    this.to.push(cited.idx);
    this.path.push(carriesOut(relation));
  }

  truth(docs: readonly DocMeta[], national: readonly DocMeta[]): AuditTruth[] {
    const implementers = new Map<number, number[]>();
    const others = new Map<number, number[]>();
    this.to.forEach((t, k) => {
      const map = this.path[k] ? implementers : others;
      (map.get(t) ?? map.set(t, []).get(t)!).push(this.from[k]);
    });
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
