import { documentTypeByCode, type RelationType } from '@vanban/schema';
import { dayOfYear, partyTermStart, ymdOf } from './calendar.js';
import type { Issuer } from './issuers.js';
import type { Rng } from './random.js';

export type Theme = 'child' | 'abuse' | 'injury' | 'drowning' | 'labour' | 'hotline' | 'month' | 'summer';

export type Role = 'national' | 'implement' | 'annual' | 'mention' | 'reply' | 'report' | 'decision' | 'cover' | 'draft' | 'external';

/** What a document is about, as its title and as the tail of citations to it. */
export interface Subject {
  /** Description without any number, lower-case first letter ("tăng cường …", "phê duyệt …"). */
  text: string;
  /** `text` starts with a verb ("phê duyệt", "quy định") and follows the citation without "về". */
  verbal: boolean;
  /** The document named in the title ("thực hiện Chỉ thị số 20-CT/TW …"), if any. */
  parent?: DocMeta;
  /** Verb before the parent: "thực hiện", "triển khai thực hiện", "hướng dẫn thi hành". */
  verb?: string;
  /** What the verb asserts between this document and its parent. */
  relation?: RelationType;
}

/** Everything the planner knows about a document; the text is rendered from it and dropped. */
export interface DocMeta {
  idx: number;
  number: string;
  serial: number;
  typeCode: string;
  day: number;
  year: number;
  issuer: Issuer;
  theme: Theme;
  subject: Subject;
  /** Year inside a normative number (`56/2017/NĐ-CP`). */
  normativeYear: number | null;
  /** Ingested text exists (false: known only from citations). */
  known: boolean;
  /** Every document it was planned to cite, with the relation of this document to it. */
  parents: Array<{ doc: DocMeta; relation: RelationType }>;
  /** Which body the templates write. */
  role: Role;
  /** Name used instead of the type word when citing it ("Luật Trẻ em"). */
  title?: string;
  /** A plan signed the same day with the next number: cited together ("các Kế hoạch số 12…, số 13…"). */
  twin?: DocMeta;
  /** Department or district office, for local documents: which one of its units wrote it. */
  unit?: string;
  source?: string;
  index?: number;
}

export const typeName = (code: string): string => documentTypeByCode(code)?.name ?? code;

/** Serial multipliers by type: most offices keep one sequence for letters, plans and reports. */
const typeFactor: Record<string, number> = { CV: 1, KH: 1, BC: 1, TB: 1, HD: 1, TTr: 1, QĐ: 0.45, CT: 0.02 };
const partyPerMonth: Record<string, number> = { CV: 40, KH: 3, CT: 0.6, BC: 5, NQ: 0.5, KL: 1.5, TB: 6, HD: 1 };

/**
 * Document identities and numbers. A number is unique per (number, year, jurisdiction), never
 * globally: the same `959/KH-UBND` is issued by many provinces in many years.
 */
export class Registry {
  readonly docs: DocMeta[] = [];
  private readonly taken = new Set<string>();

  /** Numbers restart every year, Party numbers every term: two documents may not share one in that span. */
  private spanKey(number: string, day: number, issuer: Issuer): string {
    const span = issuer.party ? `term${partyTermStart(day, issuer.kind === 'politburo' || issuer.kind === 'secretariat')}` : ymdOf(day).y;
    return `${number}|${span}|${issuer.province}|${issuer.district}`;
  }

  /** Number a new document of `issuer` signed on `day`; `normative` puts the year inside. */
  allocate(rng: Rng, issuer: Issuer, typeCode: string, day: number, options: { normative?: boolean; unit?: string; serial?: number } = {}): { number: string; serial: number } {
    const year = ymdOf(day).y;
    let serial = options.serial ?? this.serialFor(rng, issuer, typeCode, day, options.normative ?? false);
    const unit = options.unit ?? (issuer.units.length ? rng.pick(issuer.units) : '');
    for (;;) {
      const number = formatNumber(issuer, typeCode, serial, year, options.normative ?? false, unit);
      const key = this.spanKey(number, day, issuer);
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return { number, serial };
      }
      serial += rng.int(1, 3);
    }
  }

  /** Mark an identity fixed in advance (a real number of the catalog) as taken. */
  reserve(number: string, day: number, issuer: Issuer): void {
    this.taken.add(this.spanKey(number, day, issuer));
  }

  add(meta: Omit<DocMeta, 'idx'>): DocMeta {
    const doc = { ...meta, idx: this.docs.length };
    this.docs.push(doc);
    return doc;
  }

  private serialFor(rng: Rng, issuer: Issuer, typeCode: string, day: number, normative: boolean): number {
    const jitter = 0.85 + rng.next() * 0.3;
    if (issuer.party) {
      const months = (day - partyTermStart(day, issuer.kind === 'politburo' || issuer.kind === 'secretariat')) / 30.4;
      const scale = issuer.kind === 'politburo' || issuer.kind === 'secretariat' ? 1 : issuer.rate / 0.08;
      return 1 + Math.floor(months * (partyPerMonth[typeCode] ?? 1) * scale * jitter);
    }
    const perDay = normative ? (issuer.kind === 'government' ? 0.45 : 0.1) : issuer.rate * (typeFactor[typeCode] ?? 0.5);
    return 1 + Math.floor(dayOfYear(day) * perDay * jitter);
  }
}

export function formatNumber(issuer: Issuer, typeCode: string, serial: number, year: number, normative: boolean, unit: string): string {
  if (issuer.party) return `${serial}-${typeCode}/${issuer.code}`;
  if (typeCode === 'CV') return `${serial}/${issuer.code}-${unit}`;
  const y = normative ? `/${year}` : '';
  const code = normative ? issuer.normativeCode : issuer.code;
  return `${serial}${y}/${typeCode}-${code}`;
}
