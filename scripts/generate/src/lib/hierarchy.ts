import { provinces63, type RelationType } from '@vanban/schema';
import { LAST_DAY, workingDay, ymdOf } from './calendar.js';
import { buildNational, CORE_COUNT, type NationalCatalog } from './catalog.js';
import { department, districtCommittee, districtPartyCommittee, provincialCommittee, provincialCommittees, unitWord, type Issuer } from './issuers.js';
import { subjects } from './paragraphs.js';
import { Rng } from './random.js';
import { Registry, type DocMeta, type Role, type Subject, type Theme } from './registry.js';

/** Whether a province carries out a national document, only mentions it, or leaves no trace. */
export type Stance = 'implement' | 'mention' | 'none';

/** One file to write: one document, or a cover letter and the draft it forwards. */
export interface PlannedFile {
  docs: DocMeta[];
}

type Ref = { doc: DocMeta; relation: RelationType };

const deptByTheme: Record<Theme, ReadonlyArray<readonly [string, number]>> = {
  child: [['LĐTBXH', 5], ['GDĐT', 1]],
  abuse: [['LĐTBXH', 3], ['GDĐT', 2], ['TTTT', 1]],
  injury: [['YT', 2], ['LĐTBXH', 2], ['GDĐT', 1]],
  drowning: [['GDĐT', 3], ['LĐTBXH', 2], ['VHTTDL', 1], ['YT', 1]],
  labour: [['LĐTBXH', 1]],
  hotline: [['LĐTBXH', 2], ['TTTT', 2]],
  month: [['LĐTBXH', 3], ['VHTTDL', 1], ['TTTT', 1]],
  summer: [['VHTTDL', 3], ['GDĐT', 1]],
};

/**
 * The document hierarchy, planned one file at a time so nothing but metadata is kept:
 * national documents -> each province's Tỉnh ủy and UBND documents carrying them out ->
 * departments' and districts' letters carrying out the provincial ones. A document only cites
 * documents planned before it, and is dated after them.
 */
export class Planner {
  readonly registry = new Registry();
  readonly national: NationalCatalog;
  private readonly stances: Stance[][];
  private readonly implementable: DocMeta[][];
  private readonly mentionable: DocMeta[][];
  /** Provincial documents that departments and districts carry out. */
  private readonly provincial: DocMeta[] = [];
  private readonly tuPlans: DocMeta[][] = provinces63.map(() => []);
  private readonly ubndPlans: DocMeta[][] = provinces63.map(() => []);
  private readonly normativeDecisions: DocMeta[][] = provinces63.map(() => []);
  private readonly departmentDocs: DocMeta[][] = provinces63.map(() => []);
  private readonly districtDocs: DocMeta[][] = provinces63.map(() => []);
  private readonly provinceWeights: Array<readonly [number, number]>;

  constructor(
    private readonly seed: number,
    nationalCount: number,
  ) {
    this.national = buildNational(this.registry, seed, nationalCount);
    this.stances = provinces63.map((_, p) =>
      this.national.docs.map((doc, k) => {
        const r = Rng.for(seed, 'stance', p, k).next();
        const [implement, mention] = k < CORE_COUNT ? [0.72, 0.84] : doc.theme === 'month' ? [0.8, 0.9] : [0.5, 0.7];
        return r < implement ? 'implement' : r < mention ? 'mention' : 'none';
      }),
    );
    // Carrying out a national document that itself carries out another means carrying out both:
    // the audit follows paths, so the stances must agree with them.
    const position = new Map(this.national.docs.map((d, k) => [d, k]));
    for (const row of this.stances) {
      for (let k = row.length - 1; k >= 0; k--) {
        if (row[k] !== 'implement') continue;
        for (const r of this.national.docs[k].parents) {
          const j = position.get(r.doc);
          if (j !== undefined && (r.relation === 'IMPLEMENTS' || r.relation === 'BASED_ON')) row[j] = 'implement';
        }
      }
    }
    this.implementable = provinces63.map((_, p) => this.national.docs.filter((_, k) => this.stances[p][k] === 'implement'));
    this.mentionable = provinces63.map((_, p) => this.national.docs.filter((_, k) => this.stances[p][k] === 'mention'));
    this.provinceWeights = provinces63.map((p, k) => [k, p.districts.length + 5] as const);
  }

  stance(province: number, national: DocMeta): Stance {
    const k = this.national.docs.indexOf(national);
    return k === -1 ? 'none' : this.stances[province][k];
  }

  hasProvincial(): boolean {
    return this.provincial.length > 0;
  }

  /** A Tỉnh ủy or UBND document of a province. */
  planProvincial(k: number): PlannedFile {
    const rng = Rng.for(this.seed, 'provincial', k);
    const p = rng.weighted(this.provinceWeights);
    const candidates = this.implementable[p];
    const kind = rng.weighted<string>([['tu', 12], ['plan', 30], ['decision', 10], ['normative', 4], ['letter', 22], ['annual', 12], ['report', 5], ['mention', 5]]);
    const party = candidates.filter((d) => d.issuer.party);
    if (kind === 'tu' && party.length) {
      const parent = rng.pick(party);
      const typeCode = rng.weighted<string>([['KH', 8], ['CT', 1], ['CV', 1]]);
      return this.single(this.make(rng, provincialCommittee(p), typeCode, 'implement', parent.theme, [{ doc: parent, relation: 'IMPLEMENTS' }], { verb: 'thực hiện' }));
    }
    if (kind === 'mention' && this.mentionable[p].length) {
      const mentioned = rng.pick(this.mentionable[p]);
      const also = candidates.filter((d) => d.day < mentioned.day + 200);
      const refs: Ref[] = [{ doc: mentioned, relation: 'CITES' }];
      if (also.length) refs.unshift({ doc: rng.pick(also), relation: 'IMPLEMENTS' });
      return this.single(this.make(rng, provincialCommittees(p), 'CV', 'mention', refs[0].doc.theme, refs, {}));
    }
    if (kind === 'annual' || !candidates.length) return this.single(this.annual(rng, p, candidates));
    const parent = kind === 'plan' && this.tuPlans[p].length && rng.chance(0.35) ? rng.pick(this.tuPlans[p]) : rng.pick(candidates);
    const ubnd = provincialCommittees(p);
    const refs: Ref[] = [{ doc: parent, relation: 'IMPLEMENTS' }];
    const second = rng.pick(candidates);
    if (second !== parent && rng.chance(0.3)) refs.push({ doc: second, relation: rng.chance(0.5) ? 'IMPLEMENTS' : 'BASED_ON' });
    if (kind === 'report') return this.single(this.make(rng, ubnd, 'BC', 'report', parent.theme, [{ doc: parent, relation: 'REPORTS_ON' }], { lag: 300 }));
    if (kind === 'normative') return this.single(this.normative(rng, p, candidates));
    if (kind === 'decision') return this.single(this.make(rng, ubnd, 'QĐ', 'decision', parent.theme, [{ doc: parent, relation: 'IMPLEMENTS' }], { verb: 'ban hành Kế hoạch triển khai thực hiện' }));
    if (kind === 'letter') return this.single(this.make(rng, ubnd, 'CV', 'implement', parent.theme, refs, { verb: 'triển khai' }));
    const plan = this.make(rng, ubnd, 'KH', 'implement', parent.theme, refs, { verb: rng.pick(['triển khai thực hiện', 'thực hiện', 'triển khai']), twinnable: true });
    return this.single(plan);
  }

  /** A department's or district's document carrying out a provincial one (or a cover letter + draft). */
  planLocal(k: number, room: number): PlannedFile {
    const rng = Rng.for(this.seed, 'local', k);
    const parent = rng.pick(this.provincial);
    const p = parent.issuer.province;
    const theme = parent.theme;
    const dept = () => department(p, rng.weighted(deptByTheme[theme]));
    const districtIndex = rng.int(0, provinces63[p].districts.length - 1);
    const refs: Ref[] = [{ doc: parent, relation: 'IMPLEMENTS' }];
    const national = this.implementable[p];
    if (parent.issuer.kind === 'tu' && rng.chance(0.5)) {
      const hu = districtPartyCommittee(p, districtIndex);
      if (hu) return this.single(this.make(rng, hu, 'KH', 'implement', theme, refs, { verb: 'thực hiện' }));
    }
    const kind = rng.weighted<string>([['dept', 38], ['deptPlan', 8], ['district', 28], ['districtPlan', 10], ['reply', 5], ['cover', 4], ['mention', 3], ['report', 4]]);
    const add = (doc: DocMeta | undefined, relation: RelationType): void => {
      if (doc && !refs.some((r) => r.doc === doc)) refs.push({ doc, relation });
    };
    // what the provincial document itself carries out, named again ("Tiếp tục thực hiện …")
    const grand = parent.parents.find((r) => r.relation === 'IMPLEMENTS' || r.relation === 'BASED_ON')?.doc;
    if (grand?.known && rng.chance(0.35)) add(grand, 'IMPLEMENTS');
    if (rng.chance(0.4) && national.length) {
      const extra = rng.pick(national);
      if (extra.day < parent.day) add(extra, rng.chance(0.7) ? 'IMPLEMENTS' : 'BASED_ON');
    }
    if (rng.chance(0.1)) add(this.earlier(rng, this.departmentDocs[p], parent.day + 200), 'CITES');
    if (kind === 'cover' && room >= 2 && parent.issuer.kind === 'ubnd' && parent.parents.length) {
      const cover = this.make(rng, dept(), 'CV', 'cover', theme, [{ doc: parent, relation: 'IMPLEMENTS' }], {});
      const draft = this.draft(rng, p, cover, parent.parents[0].doc);
      return { docs: [cover, draft] };
    }
    if (kind === 'reply') {
      const asked = this.earlier(rng, this.districtDocs[p], parent.day + 300, parent.day - 60);
      if (asked) return this.single(this.make(rng, dept(), 'CV', 'reply', asked.theme, [{ doc: asked, relation: 'RESPONDS_TO' }, ...refs], { after: asked.day }));
    }
    if (kind === 'mention' && this.mentionable[p].length) refs.push({ doc: rng.pick(this.mentionable[p]), relation: 'CITES' });
    if (kind === 'district' || kind === 'districtPlan' || kind === 'report') {
      const basis = this.earlier(rng, this.departmentDocs[p], parent.day + 120);
      if (basis && basis.day >= parent.day) refs.push({ doc: basis, relation: rng.chance(0.6) ? 'BASED_ON' : 'IMPLEMENTS' });
      const issuer = districtCommittee(p, districtIndex);
      if (kind === 'report') return this.single(this.make(rng, issuer, 'BC', 'report', theme, [{ doc: parent, relation: 'REPORTS_ON' }], { lag: 200 }));
      return this.single(this.make(rng, issuer, kind === 'district' ? 'CV' : 'KH', 'implement', theme, refs, { verb: 'triển khai thực hiện' }));
    }
    const typeCode = kind === 'deptPlan' ? 'KH' : 'CV';
    return this.single(this.make(rng, dept(), typeCode, kind === 'mention' ? 'mention' : 'implement', theme, refs, { verb: rng.pick(['triển khai', 'triển khai thực hiện', 'thực hiện']) }));
  }

  private single(doc: DocMeta): PlannedFile {
    return { docs: [doc] };
  }

  /** A random document from `list` dated in [after, before) (a few tries; lists are append-only). */
  private earlier(rng: Rng, list: DocMeta[], before: number, after = -Infinity): DocMeta | undefined {
    for (let tries = 0; tries < 8 && list.length; tries++) {
      const doc = list[rng.int(0, list.length - 1)];
      if (doc.day < before && doc.day >= after) return doc;
    }
    return undefined;
  }

  /** A yearly plan of the UBND built on several national documents in force. */
  private annual(rng: Rng, p: number, candidates: DocMeta[]): DocMeta {
    const year = rng.int(2013, 2025);
    const theme = rng.weighted<Theme>([['child', 3], ['month', 3], ['drowning', 2], ['abuse', 2], ['summer', 1], ['injury', 1], ['labour', 1]]);
    const start = workingDay(Math.min(LAST_DAY - 3, Date.UTC(year, rng.int(0, year === 2025 ? 4 : 10), rng.int(1, 28)) / 86_400_000));
    const inForce = candidates.filter((d) => d.day < start - 20);
    const basis = rng.sample(inForce, rng.int(1, 3));
    const relation: RelationType = rng.chance(0.5) ? 'BASED_ON' : 'IMPLEMENTS';
    const refs: Ref[] = basis.map((doc) => ({ doc, relation }));
    const text = `${rng.pick(subjects[theme]).replace(/ năm \{y\}$/, '').replace('{y}', String(year))} năm ${year}`;
    return this.make(rng, provincialCommittees(p), 'KH', 'annual', theme, refs, { day: start, text });
  }

  /** A provincial legal document: based on a national one, replacing or amending an older local one. */
  private normative(rng: Rng, p: number, candidates: DocMeta[]): DocMeta {
    const legal = candidates.filter((d) => d.normativeYear !== null);
    const basis = legal.length ? rng.pick(legal) : rng.pick(candidates);
    const refs: Ref[] = [{ doc: basis, relation: 'BASED_ON' }];
    const older = this.normativeDecisions[p].filter((d) => d.day < LAST_DAY - 60);
    if (older.length && rng.chance(0.6)) refs.push({ doc: rng.pick(older), relation: rng.chance(0.6) ? 'REPLACES' : 'AMENDS' });
    const text = `ban hành Quy định về ${rng.pick(subjects[basis.theme]).replace(/ năm \{y\}/, '')} trên địa bàn ${unitWord(provinces63[p])} ${provinces63[p].name}`;
    return this.make(rng, provincialCommittees(p), 'QĐ', 'decision', basis.theme, refs, { normative: true, text, verbal: true });
  }

  private draft(rng: Rng, p: number, cover: DocMeta, implemented: DocMeta): DocMeta {
    const issuer = provincialCommittees(p);
    const typeCode = rng.chance(0.5) ? 'KH' : 'CV';
    const unit = rng.pick(issuer.units);
    return this.registry.add({
      number: typeCode === 'CV' ? `/UBND-${unit}` : '/KH-UBND', serial: 0, typeCode, day: cover.day, year: cover.year, issuer, theme: cover.theme,
      subject: { text: cover.subject.text, verbal: false, parent: implemented, verb: 'triển khai thực hiện', relation: 'IMPLEMENTS' },
      normativeYear: null, known: true, role: 'draft', parents: [{ doc: implemented, relation: 'IMPLEMENTS' }], unit,
    });
  }

  private make(
    rng: Rng,
    issuer: Issuer,
    typeCode: string,
    role: Role,
    theme: Theme,
    refs: Ref[],
    o: { verb?: string; day?: number; lag?: number; after?: number; text?: string; verbal?: boolean; normative?: boolean; twinnable?: boolean },
  ): DocMeta {
    const latest = Math.max(o.after ?? 0, ...refs.map((r) => r.doc.day));
    let day = o.day ?? workingDay(Math.min(LAST_DAY, latest + rng.int(5, 45) + (rng.chance(0.3) ? rng.int(20, o.lag ?? 150) : 0)));
    if (day > LAST_DAY) day = latest;
    const p = issuer.province;
    let twinOf: DocMeta | undefined;
    if (o.twinnable && rng.chance(0.15)) {
      const previous = this.ubndPlans[p][this.ubndPlans[p].length - 1];
      if (previous && !previous.twin && previous.day > latest) twinOf = previous;
    }
    if (twinOf) day = twinOf.day;
    const unit = issuer.units.length ? rng.pick(issuer.units) : undefined;
    const { number, serial } = this.registry.allocate(rng, issuer, typeCode, day, { normative: o.normative, unit, serial: twinOf ? twinOf.serial + 1 : undefined });
    const main = refs[0];
    const implementsMain = main && (main.relation === 'IMPLEMENTS' || main.relation === 'REPORTS_ON') && o.verb !== undefined;
    const year = ymdOf(day).y;
    const subject: Subject = {
      text: (o.text ?? rng.pick(subjects[theme])).replace('{y}', String(year)),
      verbal: o.verbal ?? false,
      ...(implementsMain ? { parent: main.doc, verb: o.verb, relation: main.relation } : {}),
    };
    if (role === 'decision') refs.push({ doc: this.proposal(rng, p, theme, day), relation: 'CITES' });
    const doc = this.registry.add({
      number, serial, typeCode, day, year, issuer, theme, subject, normativeYear: o.normative ? year : null, known: true, role, parents: refs, unit,
    });
    if (twinOf) [twinOf.twin, doc.twin] = [doc, twinOf];
    this.index(doc);
    return doc;
  }

  /** The department's Tờ trình a decision answers ("Theo đề nghị … tại Tờ trình số …"): cited, never ingested. */
  private proposal(rng: Rng, p: number, theme: Theme, day: number): DocMeta {
    const issuer = department(p, rng.weighted(deptByTheme[theme]));
    const at = day - rng.int(6, 25);
    const { number, serial } = this.registry.allocate(rng, issuer, 'TTr', at);
    return this.registry.add({
      number, serial, typeCode: 'TTr', day: at, year: ymdOf(at).y, issuer, theme, subject: { text: 'đề nghị ban hành văn bản', verbal: true },
      normativeYear: null, known: false, role: 'external', parents: [],
    });
  }

  private index(doc: DocMeta): void {
    const p = doc.issuer.province;
    const kind = doc.issuer.kind;
    if (kind === 'tu' && doc.typeCode === 'KH') this.tuPlans[p].push(doc);
    if (kind === 'ubnd' && doc.typeCode === 'KH' && doc.role === 'implement') this.ubndPlans[p].push(doc);
    if (kind === 'ubnd' && doc.normativeYear !== null) this.normativeDecisions[p].push(doc);
    if ((kind === 'tu' || kind === 'ubnd') && doc.role !== 'report' && doc.role !== 'mention') this.provincial.push(doc);
    if (kind === 'dept') this.departmentDocs[p].push(doc);
    if (kind === 'district' || kind === 'hu') this.districtDocs[p].push(doc);
  }
}
