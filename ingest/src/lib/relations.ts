import type { RelationType } from '@vanban/schema';
import type { FoundCitation } from './citations.js';
import { sentenceEnd, sentenceStart, sentenceText } from './sentences.js';
import { scanCues, type CueMatch } from './vocabulary.js';

export interface CueHit {
  start: number;
  end: number;
  phrase: string;
  relation: RelationType;
  adjacent: boolean;
  passive: boolean;
  provision: boolean;
}

export interface ClassifiedCitation {
  relation: RelationType;
  cue: string | null;
  sentence: string;
}

export interface FoundAssertion {
  from: number;
  to: number;
  relation: RelationType;
  cue: string;
  sentence: string;
  start: number;
  end: number;
}

/** Every cue phrase in the text, in order (one case-insensitive pass). */
export function findCues(text: string, offset = 0): CueHit[] {
  return cueHits(scanCues(text), offset);
}

/** Scanned cues (`scanCues`, `scanPhrases`) as the hits `classifyRelations` reads. */
export function cueHits(matches: readonly CueMatch[], offset = 0): CueHit[] {
  return matches.map(({ start, end, cue }) => ({
    start: start + offset,
    end: end + offset,
    phrase: cue.phrase,
    relation: cue.relation,
    adjacent: cue.adjacent,
    passive: cue.passive,
    provision: cue.provision,
  }));
}

/** The cues of a text, sorted by start: those starting in a range by binary search. */
class CueIndex {
  constructor(private readonly cues: readonly CueHit[]) {}

  /** Cues starting in [from, to), sorted. */
  range(from: number, to: number): readonly CueHit[] {
    return this.cues.slice(upperBound(this.cues, from), upperBound(this.cues, to));
  }
}

/**
 * How far a cue reaches to govern the citation after it ("thực hiện nghiêm túc, có hiệu quả Chỉ thị…").
 * Replacing and amending clauses describe what they replace before naming where it was issued
 * ("thay thế Danh mục … công bố tại các Quyết định: Số …"), so they reach further.
 */
const cueReach = (cue: CueHit): number => (cue.relation === 'REPLACES' || cue.relation === 'AMENDS' ? 300 : 60);
// Between a citation's tail and a cue that makes it the subject: "Kế hoạch số A … về việc thực hiện B",
// "Quyết định số A … đã bãi bỏ B", "Quyết định số A … về ban hành Kế hoạch thực hiện B" (the plan
// issued by A is A's content).
const tailToCue =
  /^[\s,]*(?:\(?[^()]{0,0}\)?)?(?:về việc|về|v\/v|nhằm|để|trong đó|đã)?[\s,]*(?:(?:ban hành|phê duyệt)[\s]+(?:kế hoạch|chương trình(?:[\s]+hành động)?|đề án)[\s]+)?$/iu;
/** How near the last citation must be for a clipped sentence to keep it (a list, not a paragraph). */
const listCarry = 150;
// Between members of one list: "B, C và D"; a member that goes on to its own description ("và Nghị
// định số E của Chính phủ về …") is the next item of the outer list, not of the passive clause.
const listGap = /^[\s,;]*(?:và|,)?[\s]*$/u;
const bareMemberEnd = /^[\s]*(?:[,;.)\]]|và[\s]|$)/u;
const reportLead = /(?:sơ kết|tổng kết|báo cáo)[^.;\n]{0,25}$/iu;

/**
 * Give every citation the relation of the clause that governs it, and collect the relations the
 * text asserts between two cited documents ("Kế hoạch số A … của Tỉnh ủy thực hiện Chỉ thị số B").
 * `citations` must be sorted by start.
 */
export function classifyRelations(
  text: string,
  citations: readonly FoundCitation[],
  cues?: readonly CueHit[],
  bounds: { start: number; end: number } = { start: 0, end: text.length },
): { classified: ClassifiedCitation[]; assertions: FoundAssertion[] } {
  // the extraction passes the cues of its one pass over the document (`scanPhrases`)
  const index = new CueIndex(cues ?? findCues(text));
  const classified: ClassifiedCitation[] = [];
  const assertions: FoundAssertion[] = [];
  let sentence = { start: -1, end: -1 };
  let inSentence: number[] = [];
  // the amended (guided, replaced) citation of the last passive clause: "A … được sửa đổi bởi B, C và D"
  let passiveOf = -1;
  let passiveCue: CueHit | null = null;
  // the agent of the last passive ("A được sửa đổi bởi B": B), which is no subject of the next one
  let lastAgent = -1;
  // the last active amendment "A sửa đổi, bổ sung B" and the last document it amends, for "… và C"
  let amending: Amending | null = null;
  let shown = '';
  let shownFor = -1;
  for (let k = 0; k < citations.length; k++) {
    const c = citations[k];
    if (c.start >= sentence.end || c.start < sentence.start) {
      sentence = { start: sentenceStart(text, c.start, bounds.start), end: sentenceEnd(text, c.end, bounds.end) };
      // a sentence longer than the scan window goes on: a list running across the clip stays one list
      const last = inSentence.length ? citations[inSentence[inSentence.length - 1]] : null;
      inSentence = last && c.start - last.end <= listCarry ? inSentence.filter((i) => citations[i].start >= sentence.start) : [];
      passiveOf = inSentence.includes(passiveOf) ? passiveOf : -1;
    }
    if (inSentence.length) {
      const last = citations[inSentence[inSentence.length - 1]];
      const opening = footnoteStart(text, last.end, c.start) ?? lineOpeningCue(text, last, index.range(last.end, c.start));
      if (opening >= 0) {
        // a title line without a full stop runs into the body's "Thực hiện …" line: the cue opens a new sentence
        sentence = { start: opening, end: sentence.end };
        inSentence = [];
        passiveOf = -1;
      }
    }
    const previousIndex = inSentence.length ? inSentence[inSentence.length - 1] : -1;
    const previous = previousIndex >= 0 ? citations[previousIndex] : null;
    const sentenceCues = index.range(sentence.start, c.start);
    const nearest = governingCue(text, sentenceCues, sentence.start, c.start);
    const cue = nearest?.provision
      ? provisionCue(text, nearest, sentenceCues, sentence.start, c.start)
      : nearest && isTheo(nearest)
        ? implementedAlong(text, nearest, sentenceCues, previous?.end ?? sentence.start)
        : nearest;
    if (shownFor !== sentence.start) {
      shown = sentenceText(text, sentence.start, sentence.end);
      shownFor = sentence.start;
    }
    let relation: RelationType = 'CITES';
    let cueText: string | null = null;
    const asserted = assertions.length;
    if (cue && (!previous || cue.start >= previous.end)) {
      if (cue.passive && previous && c.start - cue.end <= cueReach(cue) && previousIndex !== lastAgent && isPassiveSubject(text, previous, c, cue)) {
        // "A … được sửa đổi, bổ sung bởi B": B amends A; for this document B is part of A's clause.
        assertions.push({ from: k, to: previousIndex, relation: cue.relation, cue: cue.phrase, sentence: shown, start: previous.start, end: c.end });
        ({ relation, cue: cueText } = classified[previousIndex]);
        passiveOf = previousIndex;
        passiveCue = cue;
        lastAgent = k;
      } else if (cue.passive) {
        // "… được hướng dẫn bởi Công văn B" with no cited subject: B guides this text, it does not guide B.
        // The agent of one passive is not the subject of the next ("[X được hướng dẫn bởi Công văn A …
        // Y được hướng dẫn bởi Hướng dẫn B]"): each names its own, uncited subject.
        relation = 'CITES';
        passiveOf = -1;
        lastAgent = k;
      } else if (c.start - cue.end <= cueReach(cue) && !/[;]/.test(text.slice(cue.end, c.start))) {
        passiveOf = -1;
        relation = cue.provision ? cue.relation : relationOf(text, cue);
        cueText = cue.phrase;
        if (
          previous &&
          relation !== 'CITES' &&
          !cue.provision &&
          previous.number !== c.number &&
          cue.start >= previous.tailEnd &&
          tailToCue.test(text.slice(previous.tailEnd, cue.start))
        ) {
          assertions.push({ from: previousIndex, to: k, relation, cue: cue.phrase, sentence: shown, start: previous.start, end: c.end });
          amending = relation === 'AMENDS' ? { from: previousIndex, to: k, last: k, cue } : null;
          relation = classified[previousIndex].relation;
          cueText = classified[previousIndex].cue;
        }
      } else if (previous && cue.relation !== 'CITES' && !text.slice(previous.end, cue.start).includes(';')) {
        // the cue sits in the previous citation's description; this one continues that list
        ({ relation, cue: cueText } = classified[previousIndex]);
      } else if (previous) {
        // a new clause opened by its own cue ("…; Theo đề nghị … tại các văn bản: Số …")
        relation = cue.relation;
        cueText = cue.phrase;
      } else {
        const lead = sentenceLeadCue(sentenceCues, sentence.start, c.start) ?? leadIn(text, index, citations, c.start, sentence.start, bounds.start);
        if (lead) ({ relation, cue: cueText } = { relation: relationOf(text, lead), cue: lead.phrase });
      }
    } else if (previous) {
      ({ relation, cue: cueText } = classified[previousIndex]);
      const target = passiveOf >= 0 && passiveOf !== previousIndex && inSentence.includes(passiveOf) ? citations[passiveOf] : null;
      if (passiveCue && target && target.number !== c.number && previous.number !== c.number && continuesBareList(text, previous, c)) {
        // "A … được sửa đổi, bổ sung bởi B, C và D": C and D amend A as B does
        assertions.push({ from: k, to: passiveOf, relation: passiveCue.relation, cue: passiveCue.phrase, sentence: shown, start: target.start, end: c.end });
        lastAgent = k;
      }
      if (/^[\s,]*\([\s]*$/.test(text.slice(previous.tailEnd, c.start)) && classified[previousIndex].relation === 'REPORTS_ON') {
        // "… đề ra trong Báo cáo sơ kết thực hiện Chỉ thị B (Báo cáo số A …)": the phrase is A's title.
        // A reports on B (on every document the title lists); this text does not, it only names B, and
        // stands to A as the clause holding the title says ("thực hiện các nhiệm vụ đề ra trong …").
        const reported = titleList(text, citations, inSentence, classified);
        for (const m of reported) {
          assertions.push({ from: k, to: m, relation: 'REPORTS_ON', cue: classified[m].cue ?? 'báo cáo', sentence: shown, start: citations[m].start, end: c.end });
          classified[m] = { ...classified[m], relation: 'CITES', cue: null };
        }
        const before = inSentence[inSentence.indexOf(reported[0]) - 1];
        const holder = titleHolderCue(text, index, before === undefined ? sentence.start : citations[before].end, citations[reported[0]].start);
        relation = holder ? relationOf(text, holder) : 'CITES';
        cueText = holder?.phrase ?? null;
      }
    } else {
      const lead = leadIn(text, index, citations, c.start, sentence.start, bounds.start);
      if (lead) ({ relation, cue: cueText } = { relation: relationOf(text, lead), cue: lead.phrase });
    }
    if (amending && previousIndex === amending.last && assertions.length === asserted && alsoAmended(text, index, citations, amending, c)) {
      // "A sửa đổi, bổ sung B ‹title of B› và C ‹title of C›": A amends C as well
      const amender = citations[amending.from];
      assertions.push({ from: amending.from, to: k, relation: 'AMENDS', cue: amending.cue.phrase, sentence: shown, start: amender.start, end: c.end });
      amending.last = k;
    }
    classified.push({ relation, cue: cueText, sentence: shown });
    inSentence.push(k);
  }
  return { classified, assertions };
}

/**
 * Start of the line that one of `cues` opens with a capital ("Thực hiện …", "- Căn cứ …"), or -1.
 * A capital cue word right after a line break begins a clause even where the line above (a title
 * naming `previous` in its running text) has no full stop; PDF text breaking a sentence mid-clause
 * goes on in lower case. Not after a citation that opens its own line: in a flattened table the
 * next cell ("Số A\nngày …\nHướng dẫn thi hành Nghị định B") is A's title, and a passive cue
 * ("Được thay thế bởi B") always points back at the document before it.
 */
function lineOpeningCue(text: string, previous: FoundCitation, cues: readonly CueHit[]): number {
  if (!cues.length) return -1;
  const previousLine = nearLineStart(text, previous.start, bulletMax);
  if (previousLine >= 0 && lineBullet.test(text.slice(previousLine, previous.start))) return -1;
  for (const cue of cues) {
    const first = text[cue.start];
    if (cue.passive || first === first.toLowerCase()) continue;
    const lineStart = nearLineStart(text, cue.start, bulletMax);
    if (lineStart > 0 && lineBullet.test(text.slice(lineStart, cue.start))) return lineStart;
  }
  return -1;
}
/** Start of the line holding `at` if it begins at most `max` characters back (a long line is not scanned), else -1. */
function nearLineStart(text: string, at: number, max: number): number {
  const stop = Math.max(0, at - max);
  for (let i = at - 1; i >= stop; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return stop === 0 ? 0 : -1;
}
/** A bullet or item number before a line's first word is this short. */
const bulletMax = 24;
/** A footnote's first citation is this near its line's start. */
const footnoteMax = 300;
const lineBullet = /^[\s]*(?:[-+•*–]|\(?(?:\d{1,2}|[a-zđ])[.)]|\d{1,2}(?:\.\d{1,2})+\.?)?[\s]*$/u;

/**
 * `previous` is the subject of the passive `cue` that `c` is the agent of: another document, in the
 * passive's clause. Past the list's next item ("Căn cứ A; Luật X được sửa đổi bởi B") or the bracket
 * A sits in ("Quy chế (kèm theo A) được sửa đổi bởi B") the passive has a subject of its own, and a
 * demonstrative one ("… A. [Điều này được hướng dẫn bởi B]") is the text itself.
 */
function isPassiveSubject(text: string, previous: FoundCitation, c: FoundCitation, cue: CueHit): boolean {
  if (previous.number === c.number) return false;
  const gap = text.slice(previous.end, cue.start);
  return !nextListItem.test(gap) && !closesBracket(gap) && !demonstrativeSubject.test(gap);
}
// a ';' before a capital opens the list's next item; one inside a title goes on in lower case
// ("… ban hành chương trình; tổ chức biên soạn giáo trình … được thay thế bởi B")
const nextListItem = /;[\s]*\p{Lu}/u;
const demonstrativeSubject = /(?:^|\s)này[\s,]*(?:đã[\s]+)?$/u;

/** Does `s` close a bracket it did not open? */
function closesBracket(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && --depth < 0) return true;
  }
  return false;
}

/** The documents a report's title lists, up to the sentence's last citation: "thực hiện Chỉ thị B và Kế hoạch C". */
function titleList(text: string, citations: readonly FoundCitation[], inSentence: readonly number[], classified: readonly ClassifiedCitation[]): number[] {
  const list = [inSentence[inSentence.length - 1]];
  for (let j = inSentence.length - 2; j >= 0; j--) {
    const member = inSentence[j];
    if (classified[member].relation !== 'REPORTS_ON' || !listGap.test(text.slice(citations[member].tailEnd, citations[list[0]].start))) break;
    list.unshift(member);
  }
  return list;
}

/**
 * The cue governing a report's title whose first listed document starts at `first`: the title begins
 * at its "Báo cáo sơ kết …" lead, and the cue before that ("giám sát việc thực hiện các nhiệm vụ đề
 * ra trong") is what this text does with the report. Null when no cue after `from` (the citation
 * before the title) reaches the title.
 */
function titleHolderCue(text: string, index: CueIndex, from: number, first: number): CueHit | null {
  const cues = index.range(from, first);
  const reporting = governingCue(text, cues, from, first);
  if (!reporting) return null;
  const lead = reportLead.exec(text.slice(Math.max(from, reporting.start - 40), reporting.start));
  const titleStart = reporting.start - (lead ? lead[0].length : 0);
  const holder = governingCue(text, cues, from, titleStart);
  if (!holder || holder.passive || titleStart - holder.end > cueReach(holder)) return null;
  return text.slice(holder.end, titleStart).includes(';') ? null : holder;
}

interface Amending {
  from: number;
  to: number;
  last: number;
  cue: CueHit;
}

// "… B ‹title› và C": the "và" right before C; a bare list may join with a comma
const joinsByAnd = /[\s,]và[\s]+(?:các[\s]+)?$/u;

/**
 * After "A sửa đổi, bổ sung B ‹title of B›", is `c` ("và C ‹title of C›") a second document A
 * amends, or the next item of an outer list ("…; A về việc sửa đổi B ‹title› và C ‹title›", where C
 * is another document the text names)? The corpus holds both. C is amended only when it is of B's
 * kind and issuer (one act amends like documents), was issued before A (an act amends none after
 * it: the outer item C is often the newer one), joins B's clause with no ';' between, and does not
 * go on to amend something itself ("và Thông tư số C sửa đổi …": a second amending act, A's peer).
 */
function alsoAmended(text: string, index: CueIndex, citations: readonly FoundCitation[], amending: Amending, c: FoundCitation): boolean {
  const amender = citations[amending.from];
  const amended = citations[amending.to];
  const last = citations[amending.last];
  if (c.number === amender.number || c.number === last.number || !c.typeCode || !c.issuerCode) return false;
  if (c.typeCode !== amended.typeCode || c.issuerCode !== amended.issuerCode || !issuedBefore(c, amender)) return false;
  const gap = text.slice(last.tailEnd, c.start);
  if (gap.length > cueReach(amending.cue) || gap.includes(';') || !(listGap.test(gap) || joinsByAnd.test(gap))) return false;
  const own = index.range(c.tailEnd, c.tailEnd + 40).find((cue) => !cue.adjacent);
  return !(own && !own.passive && (own.relation === 'AMENDS' || own.relation === 'REPLACES') && tailToCue.test(text.slice(c.tailEnd, own.start)));
}

/** Was `a` issued before `b`, as far as their years and dates tell? */
function issuedBefore(a: FoundCitation, b: FoundCitation): boolean {
  if (a.year === null || b.year === null) return false;
  if (a.year !== b.year) return a.year < b.year;
  return a.date !== null && b.date !== null && a.date < b.date;
}

/** `c` is the next member of the list `previous` is in, and names no more than a document. */
function continuesBareList(text: string, previous: FoundCitation, c: FoundCitation): boolean {
  return listGap.test(text.slice(previous.tailEnd, c.start)) && bareMemberEnd.test(text.slice(c.tailEnd, c.tailEnd + 4));
}

/** "thực hiện" after "sơ kết 05 năm" or "báo cáo kết quả" is reporting, not implementing. */
function relationOf(text: string, cue: CueHit): RelationType {
  if (cue.relation === 'IMPLEMENTS' && reportLead.test(text.slice(Math.max(0, cue.start - 40), cue.start))) return 'REPORTS_ON';
  return cue.relation;
}

/** Nearest cue before `at` in the sentence; adjacent-only cues count only right before it. */
function governingCue(text: string, cues: readonly CueHit[], from: number, at: number): CueHit | null {
  let hi = upperBound(cues, at);
  while (--hi >= 0) {
    const cue = cues[hi];
    if (cue.start < from) return null;
    if (cue.end > at) continue;
    if (cue.adjacent && !/^[\s]*(?:các[\s]+)?(?:tại[\s]+)?$/u.test(text.slice(cue.end, at))) continue;
    return cue;
  }
  return null;
}

/**
 * A provision cue ("quy định tại") only says where a rule is written, unless the clause it sits in
 * acts on that rule: a basis ("Căn cứ nội dung chi quy định tại Thông tư …"), an amendment or repeal
 * ("Bãi bỏ mức thu quy định tại mục II Nghị quyết …"), a guide; or it opens the sentence as a basis
 * ("Theo quy định tại Luật …, Nghị định số …, việc lập dự toán …").
 */
function provisionCue(text: string, cue: CueHit, cues: readonly CueHit[], from: number, at: number): CueHit {
  const opens = (hit: CueHit): boolean => hit.start - from <= bulletMax && lineBullet.test(text.slice(from, hit.start));
  const at0 = cues.indexOf(cue);
  if (at0 === 0 && opens(cue)) return cue.phrase.startsWith('theo ') ? { ...cue, relation: 'BASED_ON' } : cue;
  const lead = sentenceLeadCue(cues, from, cue.start);
  for (let k = at0 - 1; k >= 0; k--) {
    const before = cues[k];
    if (before.adjacent || before.provision) continue;
    const relation = relationOf(text, before);
    if (before.passive || relation === 'CITES' || /[;]/.test(text.slice(before.end, at))) return cue;
    // "Thực hiện nghiêm chế độ báo cáo quy định tại Chỉ thị …" carries the directive out; "… thực hiện
    // theo quy định tại …" and "được thực hiện trong thời hạn quy định tại …" only comply with it
    const acting = { ...cue, relation, phrase: before.phrase };
    if (relation === 'IMPLEMENTS') return (k === 0 && opens(before) && !cue.phrase.startsWith('theo ')) || actsOnTasks(text, before, cue, at) ? acting : cue;
    return before === lead || at - before.end <= cueReach(before) ? acting : cue;
  }
  return cue;
}

// the tasks a document sets, as the object of the verb carrying them out
const taskNoun = '(?:nhiệm vụ|nội dung|giải pháp|chỉ tiêu|yêu cầu|mục tiêu)';
const tasksObject = new RegExp(
  `^[\\s]+(?:(?:tốt|nghiêm túc|có hiệu quả|hiệu quả|đầy đủ)[\\s]+)?(?:(?:các|những|mọi)[\\s]+)?${taskNoun}(?:[\\s]*(?:,|và)[\\s]*${taskNoun})*[\\s]+(?:đã[\\s]+)?(?:được[\\s]+(?:giao[\\s]+)?)?$`,
  'iu',
);

// a point or clause of an article ("điểm b khoản 7 Điều 52") is one rule, not tasks
const rulePin = /(?:^|\s)(?:điểm|khoản|tiết)\s/iu;

/**
 * "thực hiện các nội dung, nhiệm vụ quy định tại X", "triển khai các nhiệm vụ theo X": the verb carries
 * out the tasks X sets, as "thực hiện các nhiệm vụ đề ra tại X" does. Only a bare task noun: a noun
 * with its own description ("nhiệm vụ chuyên trách … theo quy định tại Nghị định") is a duty the rule
 * defines, and "theo đúng" (as "thực hiện đúng") or "các nội dung quy định tại điểm b khoản 7 …" is
 * complying with a rule.
 */
function actsOnTasks(text: string, verb: CueHit, cue: CueHit, at: number): boolean {
  if (cue.phrase.startsWith('theo đúng') || rulePin.test(text.slice(cue.end, at))) return false;
  return tasksObject.test(text.slice(verb.end, cue.start));
}

const isTheo = (cue: CueHit): boolean => cue.relation === 'BASED_ON' && cue.phrase.startsWith('theo');
/** How far back in its clause a "thực hiện" reaches a "theo" that names what is carried out. */
const alongReach = 200;

// the verb opens its clause: "1.3. Tiếp tục thực hiện …", "…, thực hiện thắng lợi …", not "kinh phí
// thực hiện các chế độ … theo Quyết định" nor "… thì được thực hiện theo Nghị quyết" (a source of rules)
const clauseOpening = /(?:^|[,:(\n])[\s]*(?:[-+•*–]|\(?(?:\d{1,2}|[a-zđ])[.)]|\d{1,2}(?:\.\d{1,2})+\.?)?[\s]*$/u;

/**
 * "Tiếp tục thực hiện hiệu quả Đề án … theo Kế hoạch số …", "thực hiện thắng lợi nhiệm vụ … theo tinh
 * thần Nghị quyết số …": the work carried out is the one the cited document sets, so the text
 * implements it. Only where the verb opens its clause and has its own object before "theo", and
 * nothing else lies between (no document, no ';', no other cue).
 */
function implementedAlong(text: string, cue: CueHit, cues: readonly CueHit[], from: number): CueHit {
  for (let k = cues.indexOf(cue) - 1; k >= 0; k--) {
    const before = cues[k];
    if (before.adjacent) continue;
    if (before.start < from || cue.start - before.end > alongReach || /[;]/.test(text.slice(before.end, cue.start))) return cue;
    const head = before.start - from <= 24 ? text.slice(from, before.start) : `x${text.slice(before.start - 24, before.start)}`;
    // "Thực hiện theo Thông tư …" (nothing carried out but the rules) keeps its basis
    const carried = /\p{L}/u.test(text.slice(before.end, cue.start));
    const along = carried && relationOf(text, before) === 'IMPLEMENTS' && (clauseOpening.test(head) || actsOnTasks(text, before, cue, cue.end));
    return along ? { ...cue, relation: 'IMPLEMENTS', phrase: before.phrase } : cue;
  }
  return cue;
}

/** A cue opening the sentence ("Căn cứ …", "1.2. Tiếp tục thực hiện …") governs its whole list. */
function sentenceLeadCue(cues: readonly CueHit[], from: number, at: number): CueHit | null {
  const cue = cues[upperBound(cues, from)];
  const opener = cue && (cue.relation === 'BASED_ON' || cue.relation === 'IMPLEMENTS');
  return opener && cue.start < at && cue.start - from <= 30 && !cue.adjacent ? cue : null;
}

/** The cue a citation with none of its own hangs under: its footnote's marker, or a lead-in line. */
function leadIn(text: string, index: CueIndex, citations: readonly FoundCitation[], at: number, sentenceFrom: number, floor: number): CueHit | null {
  return footnoteCue(text, index, at, floor) ?? introCue(text, index, citations, sentenceFrom, floor);
}

const footnoteLine = /^[\s]*\[(\d{1,3})\][\s]/u;
const inRunningText = /^[ \t]*[,;]?[ \t]*[\p{L}\d]/u;

/** Start of the footnote line ("[2] …") `at` is on, if it begins after `from`. */
function footnoteStart(text: string, from: number, at: number): number | undefined {
  const lineStart = nearLineStart(text, at, footnoteMax);
  return lineStart > from && footnoteLine.test(text.slice(lineStart, Math.min(at, lineStart + 12))) ? lineStart : undefined;
}

/**
 * A footnote ("[2] Tại Kế hoạch số …" at the foot of the text) says what its marker in the body
 * refers to ("theo đúng tinh thần chỉ đạo của Ủy ban nhân dân tỉnh[2]"): the cue governing the
 * marker governs the footnote's citations.
 */
function footnoteCue(text: string, index: CueIndex, at: number, floor: number): CueHit | null {
  const near = nearLineStart(text, at, footnoteMax);
  const lineStart = Math.max(floor, near);
  const note = near < 0 ? null : footnoteLine.exec(text.slice(lineStart, Math.min(at, lineStart + 12)));
  if (!note) return null;
  const mark = `[${note[1]}]`;
  let m = text.lastIndexOf(mark, lineStart - 1);
  // the marker sits in running text, right after a word; a mark opening a line is another footnote
  while (m > floor && /\s/u.test(text[m - 1])) m = text.lastIndexOf(mark, m - 1);
  // a mark closing a line (a heading "Điều 5. Tổ chức thực hiện[2]", a consolidated text's sentence)
  // notes where the text was amended, under no clause of its own
  if (m <= floor || !inRunningText.test(text.slice(m + mark.length, m + mark.length + 4))) return null;
  const from = sentenceStart(text, m, floor);
  const cues = index.range(from, m);
  const cue = governingCue(text, cues, from, m);
  if (cue && !cue.passive && m - cue.end <= cueReach(cue)) return cue;
  return sentenceLeadCue(cues, from, m);
}

/**
 * A citation whose sentence has no cue hangs under a lead-in: the nearest earlier line ending with
 * ":" or a short heading line ("1. Tiếp tục tổ chức thực hiện các chương trình"), within a few lines.
 */
function introCue(text: string, index: CueIndex, citations: readonly FoundCitation[], sentenceFrom: number, floor: number): CueHit | null {
  let lineEnd = sentenceFrom;
  for (let n = 0; n < 6 && lineEnd > floor; n++) {
    const end = text.lastIndexOf('\n', lineEnd - 1);
    if (end < floor) return null;
    let start = text.lastIndexOf('\n', end - 1) + 1;
    if (start < floor) start = floor;
    const line = text.slice(start, end).trim();
    lineEnd = start;
    if (!line) continue;
    const nextLine = text.slice(end + 1, end + 3).trimStart();
    const heading = line.endsWith(':') || (line.length <= 160 && !/[.;,]$/.test(line) && /^[\p{Lu}\d]/u.test(line) && /^[\p{Lu}\d\n-]/u.test(nextLine || '\n'));
    if (!heading) {
      if (line.length > 400) return null;
      continue;
    }
    let best: CueHit | null = null;
    for (const cue of index.range(start, end)) if (!cue.adjacent) best ??= cue;
    // "Trả lời Công văn số 577…, Tổng cục Thuế có ý kiến như sau:" — that cue has its own citation
    if (best && citations.some((c) => c.start > best.end && c.start < end)) return null;
    return best;
  }
  return null;
}

function upperBound(cues: readonly CueHit[], at: number): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
